/// `channel_full` (runbook Info alert): per channel, the full events that neither an
/// `event_publisher_drops` nor a `ruby_ffi_backpressure` finding counts.
enum ChannelFullDiagnosis {
    static func diagnose(channel: String, events: ChannelEvents, context: AnalysisContext) -> DraftFinding? {
        let remaining = events.fullEvents.filter { index in
            let record = context.records[index]
            if channel == FFIBackpressureDiagnosis.channel && record.kind == .ffiBackpressure { return false }
            if channel == EventPublisherDropsDiagnosis.channel && record.isDrop { return false }
            return true
        }
        guard let first = remaining.first, let last = remaining.last else { return nil }
        let start = context.timestamp(first)
        let end = context.timestamp(last)
        let blocked = remaining.filter { context.records[$0].isBlocked }.count
        let dropped = remaining.filter { context.records[$0].isDrop }.count
        let peak = context.peakPerMinute(remaining)
        let evidence = ChannelFullEvidence(start: start, end: end, events: remaining.count, blocked: blocked,
                                           dropped: dropped, peakPerMinute: peak,
                                           firstLine: context.lineReference(first), lastLine: context.lineReference(last))
        let times = remaining.count == 1 ? "once" : "\(remaining.count) times"
        let span = remaining.count == 1
            ? "at \(TimeText.seconds(start))"
            : "from \(TimeText.seconds(start)) to \(TimeText.seconds(end))"
        let summary = "\(DisplayText.name(channel)) was full \(times) (\(blocked) blocked, \(dropped) dropped) \(span), at most \(peak) in one minute."
        let advice = "Review backpressure handling; consider a capacity increase if overflow events recur."
        return DraftFinding(Finding(id: .channelFull, severity: .info, channel: channel, summary: summary,
                                    start: start, end: end, evidence: .full(evidence),
                                    recommendation: Recommendation(text: advice), sources: context.sources(remaining)))
    }
}
