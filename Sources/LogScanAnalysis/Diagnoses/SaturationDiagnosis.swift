import LogScanEngine
import LogScanConfig

/// `channel_saturation` (runbook Issue 1, Alerts, Emergency): one finding per saturation episode.
enum SaturationDiagnosis {
    static func diagnose(_ episode: SaturationEpisode, context: AnalysisContext) -> DraftFinding {
        let channel = episode.channel
        let severity = episode.severity
        let capacity = context.capacity(of: channel, at: episode.start)
        // Slow handlers only explain saturation of the channel they consume (ruby_ffi).
        let slow = channel == "ruby_ffi"
            ? context.slowHandlers(near: episode.start, episode.end)
            : (count: 0, slowest: nil)
        let evidence = SaturationEvidence(
            start: episode.start, end: episode.end, maxUsagePercent: episode.maxUsage,
            events: episode.events.count, recovered: episode.recovered,
            peakPerMinute: episode.events.peakPerMinute, longestRunAbove90: episode.longestRunAbove90,
            capacity: capacity, slowHandlersNearby: slow.count,
            firstLine: context.lineReference(episode.events.first), lastLine: context.lineReference(episode.events.last))

        var summary = "\(DisplayText.name(channel)) saturated for \(TimeText.duration(episode.span)) (\(ReportNumber.counted(episode.events.count, "event")), peak \(ReportNumber.format(episode.maxUsage))%)"
        if episode.hasCriticalRun, let run = episode.longestRunAbove90 {
            summary += ", above 90% for \(TimeText.duration(run.duration)) in a row"
        } else if episode.isCriticalOngoing {
            summary += ", above 95%"
        }
        if !episode.recovered {
            summary += "; ongoing at the end of the input."
        } else if episode.span < RunbookThresholds.briefSpan {
            summary += "; brief, recovered quickly."
        } else {
            summary += "; recovered."
        }

        var advice: String
        var resize: ResizeRecommendation?
        let spec = ChannelCatalog.spec(for: channel)
        switch severity {
        case .critical:
            advice = "Immediate capacity increase or identify the bottleneck."
            if episode.isCriticalOngoing {
                advice += " Critical saturation (>95%) still ongoing: deploy via rolling restart, page on-call if the service degrades."
            }
            resize = capacity.flatMap { ResizeRecommendation(channel: spec, current: $0, rule: .targetUsage(context.options.targetUsage)) }
        case .warning:
            advice = "Plan a capacity increase and investigate throughput; prefer 2x increases."
            resize = capacity.flatMap { ResizeRecommendation(channel: spec, current: $0, rule: .double) }
        case .info:
            if !episode.recovered {
                advice = "Ongoing at the end of the input: check again on later logs; increase only if it stays above 90% for 5m or above 80% for 15m."
            } else if episode.span < RunbookThresholds.briefSpan {
                advice = "Brief, recovers quickly: don't increase the buffer."
            } else {
                advice = "Recovered: don't increase the buffer; watch whether it recurs."
            }
        }
        if severity != .info, slow.count > 0 {
            // Runbook: don't increase if the consumer is the bottleneck.
            let slowest = slow.slowest.map { ", slowest \(ReportNumber.format($0))s" } ?? ""
            advice = "\(slow.count) slow Ruby handler\(slow.count == 1 ? "" : "s") near this episode\(slowest): the consumer is the bottleneck. Optimise the Ruby handlers instead of growing the buffer."
            resize = nil
        } else if severity != .info, capacity == nil {
            advice += " The channel's capacity is unknown: size it with current * 100 / (100 - \(ReportNumber.format(context.options.targetUsage)))."
        }

        let finding = Finding(id: .channelSaturation, severity: severity, channel: channel, summary: summary,
                              start: episode.start, end: episode.end, evidence: .saturation(evidence),
                              recommendation: Recommendation(text: advice), sources: context.sources(episode.events))
        return DraftFinding(finding, resize: resize)
    }
}
