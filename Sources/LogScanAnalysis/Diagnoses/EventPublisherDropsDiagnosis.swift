import LogScanEngine
import LogScanConfig

/// `event_publisher_drops` (runbook Issue 4): one finding per drop episode of event_publisher.
enum EventPublisherDropsDiagnosis {
    static let channel = "event_publisher"

    static func diagnose(episode drops: DropEpisode, context: AnalysisContext) -> DraftFinding {
        let episode = drops.events
        let start = episode.start
        let end = episode.end
        let span = episode.span
        let rate = DropRate(events: episode.count, span: span)
        let recovered = context.isRecovered(lastTime: end.nanoseconds)

        // Continuous: ≥ 15 UTC minutes covered, ≥ 90% of them holding a drop.
        let minute = RunbookThresholds.minute
        let minutesCovered = Int((end.minuteStart.nanoseconds - start.minuteStart.nanoseconds) / minute) + 1
        let minutesWithDrops = drops.minutesWithDrops
        let continuous = minutesCovered >= RunbookThresholds.continuousMinutes
            && minutesWithDrops * 10 >= minutesCovered * RunbookThresholds.continuousShareTenths
        let eventTypes = drops.types.map { EventTypeCount(eventType: eventTypeName($0.key, context), count: $0.value) }
            .sorted(by: EventTypeCount.reportOrder)
        let capacity = context.capacity(of: channel, at: start)
        var evidence = DropEvidence(
            start: start, end: end, drops: episode.count, rate: rate, peakPerMinute: episode.peakPerMinute,
            continuous: continuous, minutesCovered: minutesCovered, minutesWithDrops: minutesWithDrops,
            recovered: recovered, eventTypes: eventTypes, capacity: capacity,
            firstLine: context.lineReference(episode.first), lastLine: context.lineReference(episode.last))
        evidence.untypedDrops = drops.untyped

        let severity: Severity
        var advice: String
        var resize: ResizeRecommendation?
        switch rate.level {
        case .rare:
            severity = .info
            advice = "Rare drops (< 1/min): acceptable for non-critical events; monitor, no action needed."
        case .frequent:
            severity = .warning
            advice = "Drops from 1 to 10/min: monitor rate(mpsc_channel_full_events_total{channel=\"event_publisher\"}[5m])."
        case .storm:
            severity = .critical
            advice = "Frequent drops (> 10/min): increase the event publisher's buffer."
            resize = capacity.flatMap { ResizeRecommendation(channel: ChannelCatalog.spec(for: channel), current: $0, rule: .double) }
        }
        if continuous {
            advice += " Drops are continuous: investigate the event storm's cause, consider event sampling/filtering, review event subscriber performance."
        }

        let mostly = eventTypes.prefix(3).map { "\(DisplayText.name($0.eventType)) (\($0.count))" }.joined(separator: ", ")
        var summary = "event_publisher dropped \(episode.count) event\(episode.count == 1 ? "" : "s") in \(TimeText.duration(span)) (\(ReportNumber.format(rate.perMinute))/min, \(rate.level.rawValue)\(continuous ? ", continuous" : ""))"
        if !mostly.isEmpty { summary += ", mostly \(mostly)" }
        summary += recovered ? "; recovered." : "; ongoing at the end of the input."
        let finding = Finding(id: .eventPublisherDrops, severity: severity, channel: channel, summary: summary,
                              start: start, end: end, evidence: .drops(evidence),
                              recommendation: Recommendation(text: advice), sources: context.sources(episode))
        return DraftFinding(finding, resize: resize)
    }

    /// The type's name; `unknown` for drops whose line named none.
    static func eventTypeName(_ index: Int32, _ context: AnalysisContext) -> String {
        index == EventRecord.none ? "unknown" : context.eventTypes[index]
    }
}
