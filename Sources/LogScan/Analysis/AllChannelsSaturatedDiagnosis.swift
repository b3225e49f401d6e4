/// `all_channels_saturated` (runbook Emergency, "Service Unresponsive Due to Backpressure"):
/// a window in which at least two channels had problems and every one of them went above 95%.
enum AllChannelsSaturatedDiagnosis {
    static func diagnose(context: AnalysisContext) -> [DraftFinding] {
        let width = context.options.window
        // Window start → channel → (its stats, the window's event indices).
        var windows: [Int64: [String: SaturatedChannel]] = [:]
        var windowEvents: [Int64: [Int]] = [:]
        for (index, record) in context.records.enumerated() where record.isChannelProblem && record.channel != EventRecord.none {
            let start = record.timestamp.windowStart(width: width).nanoseconds
            let channel = context.channelNames[record.channel]
            var stats = windows[start, default: [:]][channel]
                ?? SaturatedChannel(channel: channel, maxUsagePercent: -.infinity, saturationEvents: 0, fullEvents: 0, drops: 0)
            if record.kind == .saturation {
                stats.saturationEvents += 1
                if !record.value.isNaN { stats.maxUsagePercent = max(stats.maxUsagePercent, record.value) }
            }
            if record.isFullEvent { stats.fullEvents += 1 }
            if record.isDrop { stats.drops += 1 }
            windows[start, default: [:]][channel] = stats
            windowEvents[start, default: []].append(index)
        }
        var findings: [DraftFinding] = []
        for start in windows.keys.sorted() {
            let channels = windows[start]!.values.sorted {
                (ChannelCatalog.rank(of: $0.channel), $0.channel) < (ChannelCatalog.rank(of: $1.channel), $1.channel)
            }
            guard channels.count >= 2,
                  channels.allSatisfy({ $0.maxUsagePercent > RunbookThresholds.criticalPeakUsage }) else { continue }
            let events = windowEvents[start]!
            let from = Timestamp(nanoseconds: start)
            let to = from.adding(nanoseconds: width)
            let evidence = AllChannelsSaturatedEvidence(start: from, end: to, channels: channels, events: events.count,
                                                        peakPerMinute: context.peakPerMinute(events))
            let names = channels.map { "\($0.channel) (\(ReportNumber.format($0.maxUsagePercent))%)" }.joined(separator: ", ")
            let summary = "Every channel with problems was above 95% from \(TimeText.seconds(from)) to \(TimeText.seconds(to)): \(names)."
            let advice = "Check for a downstream bottleneck (database, queue service) and scale out consumer services; temporarily increasing all buffer sizes only buys time."
            findings.append(DraftFinding(Finding(id: .allChannelsSaturated, severity: .critical, channel: nil,
                                                 summary: summary, start: from, end: to,
                                                 evidence: .allChannelsSaturated(evidence),
                                                 recommendation: Recommendation(text: advice))))
        }
        return findings
    }
}
