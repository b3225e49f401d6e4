import LogScanEngine
import LogScanConfig

/// `pgmq_notification_burst` (runbook Issue 2): a short, recovered pgmq_notifications episode,
/// correlated or not with a bulk task creation of 1000+ tasks.
enum PGMQBurstDiagnosis {
    static let channel = "pgmq_notifications"

    static func diagnose(_ episode: SaturationEpisode, context: AnalysisContext) -> DraftFinding {
        let startTime = episode.start.nanoseconds
        let bulk = episode.bulk.chosen(end: episode.end.nanoseconds).map(context.bulkTaskCreation)
        let capacity = context.capacity(of: episode.channel, at: episode.start)
        let hasProductionSize = (capacity ?? 0) >= RunbookThresholds.pgmqProductionSize
        let severity: Severity = bulk != nil && hasProductionSize ? .info : .warning
        let evidence = BurstEvidence(
            start: episode.start, end: episode.end, maxUsagePercent: episode.maxUsage, events: episode.events.count,
            peakPerMinute: episode.events.peakPerMinute, correlated: bulk != nil, bulkTaskCreation: bulk,
            capacity: capacity, firstLine: context.lineReference(episode.events.first),
            lastLine: context.lineReference(episode.events.last))

        var summary = "pgmq_notifications burst for \(TimeText.duration(episode.span)) (\(ReportNumber.counted(episode.events.count, "event")), peak \(ReportNumber.format(episode.maxUsage))%)"
        if let bulk {
            let when = bulk.at <= episode.start
                ? "\(TimeText.duration(startTime - bulk.at.nanoseconds)) after"
                : "during"
            summary += " \(when) a bulk task creation of \(TimeText.tasks(bulk.count)) at \(TimeText.seconds(bulk.at)); recovered."
        } else {
            summary += " with no bulk task creation of 1000+ tasks from 5m before it; recovered."
        }

        var advice = bulk == nil
            ? "No bulk task creation of 1000+ tasks from 5m before the burst to its end: look for another producer of PGMQ notifications."
            : "Bulk task creation fills the PGMQ notification channel."
        var resize: ResizeRecommendation?
        if let capacity, !hasProductionSize {
            resize = ResizeRecommendation(channel: ChannelCatalog.spec(for: episode.channel), current: capacity,
                                          rule: .pgmqProductionSize)
        } else {
            advice += " Already at \(capacity ?? RunbookThresholds.pgmqProductionSize): consider notification coalescing, batch notification processing, or scaling orchestration horizontally."
        }
        let finding = Finding(id: .pgmqNotificationBurst, severity: severity, channel: episode.channel,
                              summary: summary, start: episode.start, end: episode.end, evidence: .burst(evidence),
                              recommendation: Recommendation(text: advice), sources: context.sources(episode.events))
        return DraftFinding(finding, resize: resize)
    }
}
