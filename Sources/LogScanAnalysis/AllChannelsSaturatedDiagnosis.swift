import LogScanEngine

/// `all_channels_saturated` (runbook Emergency, "Service Unresponsive Due to Backpressure"):
/// a window in which at least two channels had problems and every one of them went above 95%.
enum AllChannelsSaturatedDiagnosis {
    /// One window's problems while the records of the window go by.
    private struct Window {
        let start: Int64
        /// Channel index → its stats in the window.
        var channels: [Int32: SaturatedChannel] = [:]
        var events = 0
        var minutes = MinutePeak()
        var peakPerMinute: Int { minutes.peak }
        var sources: [Int32: Int] = [:]

        init(start: Int64) { self.start = start }

        mutating func add(_ record: EventRecord, names: NameTable) {
            var stats = channels[record.channel]
                ?? SaturatedChannel(channel: names[record.channel], maxUsagePercent: -.infinity,
                                    saturationEvents: 0, fullEvents: 0, drops: 0)
            if record.kind == .saturation {
                stats.saturationEvents += 1
                if !record.value.isNaN { stats.maxUsagePercent = max(stats.maxUsagePercent, record.value) }
            }
            if record.isFullEvent { stats.fullEvents += 1 }
            if record.isDrop { stats.drops += 1 }
            channels[record.channel] = stats
            events += 1
            if record.source != EventRecord.none { sources[record.source, default: 0] += 1 }
            minutes.count(record.timestamp)
        }
    }

    static func diagnose(context: AnalysisContext) -> [DraftFinding] {
        // Records are in time order, so each window's records come together: one window at a time.
        var findings: [DraftFinding] = []
        var window: Window?
        for record in context.records where record.isChannelProblem && record.channel != EventRecord.none {
            let start = record.timestamp.windowStart(width: context.options.window).nanoseconds
            if window?.start != start {
                if let done = window, let finding = finding(done, context: context) { findings.append(finding) }
                window = Window(start: start)
            }
            window!.add(record, names: context.channelNames)
        }
        if let done = window, let finding = finding(done, context: context) { findings.append(finding) }
        return findings
    }

    /// The finding for a window whose every problem channel went above 95%, when at least two did.
    private static func finding(_ window: Window, context: AnalysisContext) -> DraftFinding? {
        let channels = window.channels.values.sorted {
            (ChannelCatalog.rank(of: $0.channel), $0.channel) < (ChannelCatalog.rank(of: $1.channel), $1.channel)
        }
        guard channels.count >= 2,
              channels.allSatisfy({ $0.maxUsagePercent > RunbookThresholds.criticalPeakUsage }) else { return nil }
        let from = Timestamp(nanoseconds: window.start)
        let to = from.adding(nanoseconds: context.options.window)
        let evidence = AllChannelsSaturatedEvidence(start: from, end: to, channels: channels, events: window.events,
                                                    peakPerMinute: window.peakPerMinute)
        let names = channels.map { "\(DisplayText.name($0.channel)) (\(ReportNumber.format($0.maxUsagePercent))%)" }.joined(separator: ", ")
        let summary = "Every channel with problems was above 95% from \(TimeText.seconds(from)) to \(TimeText.seconds(to)): \(names)."
        let advice = "Check for a downstream bottleneck (database, queue service) and scale out consumer services; temporarily increasing all buffer sizes only buys time."
        return DraftFinding(Finding(id: .allChannelsSaturated, severity: .critical, channel: nil,
                                    summary: summary, start: from, end: to,
                                    evidence: .allChannelsSaturated(evidence),
                                    recommendation: Recommendation(text: advice),
                                    sources: context.sourceCounts(window.sources)))
    }
}
