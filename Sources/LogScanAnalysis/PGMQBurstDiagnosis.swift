import LogScanEngine
import LogScanConfig

/// `pgmq_notification_burst` (runbook Issue 2): a short, recovered pgmq_notifications episode,
/// correlated or not with a bulk task creation of 1000+ tasks.
enum PGMQBurstDiagnosis {
    static func diagnose(_ episode: SaturationEpisode, context: AnalysisContext) -> DraftFinding {
        let startTime = episode.start.nanoseconds
        let near = context.inTimeRange(context.bulkTaskCreations,
                                       from: startTime.subtractingClamped(RunbookThresholds.bulkCorrelationLead),
                                       to: episode.end.nanoseconds)
        let candidates = near.filter { index in
            let count = context.records[index].count
            return count < 0 || count >= RunbookThresholds.bulkCorrelationTasks
        }
        // The latest at or before the start explains it best; else the first one during it.
        let chosen = candidates.last { context.records[$0].time <= startTime } ?? candidates.first
        let bulk = chosen.map(context.bulkTaskCreation)
        let capacity = context.capacity(of: episode.channel, at: episode.start)
        let hasProductionSize = (capacity ?? 0) >= RunbookThresholds.pgmqProductionSize
        let severity: Severity = bulk != nil && hasProductionSize ? .info : .warning
        let evidence = BurstEvidence(
            start: episode.start, end: episode.end, maxUsagePercent: episode.maxUsage, events: episode.events.count,
            peakPerMinute: context.peakPerMinute(episode.events), correlated: bulk != nil, bulkTaskCreation: bulk,
            capacity: capacity, firstLine: context.lineReference(episode.events.first!),
            lastLine: context.lineReference(episode.events.last!))

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
