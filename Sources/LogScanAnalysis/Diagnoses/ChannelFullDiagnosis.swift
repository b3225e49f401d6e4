import LogScanConfig
/// `channel_full` (runbook Info alert): per channel, the full events that neither an
/// `event_publisher_drops` nor a `ruby_ffi_backpressure` finding counts.
enum ChannelFullDiagnosis {
    static func diagnose(channel: String, full: FullEvents, context: AnalysisContext) -> DraftFinding {
        let remaining = full.events
        let start = remaining.start
        let end = remaining.end
        let blocked = full.blocked
        let dropped = full.dropped
        let peak = remaining.peakPerMinute
        let evidence = ChannelFullEvidence(start: start, end: end, events: remaining.count, blocked: blocked,
                                           dropped: dropped, peakPerMinute: peak,
                                           firstLine: context.lineReference(remaining.first), lastLine: context.lineReference(remaining.last))
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
