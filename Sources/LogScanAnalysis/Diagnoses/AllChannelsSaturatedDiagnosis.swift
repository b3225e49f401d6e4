import LogScanEngine
import LogScanConfig

/// `all_channels_saturated` (runbook Emergency, "Service Unresponsive Due to Backpressure"):
/// a window in which at least two channels had problems and every one of them went above 95%.
enum AllChannelsSaturatedDiagnosis {
    /// One window's problems while the records of the window go by.
    fileprivate struct Window {
        let start: Int64
        /// The window's channels as first seen: index and stats (named when the window closes).
        var channels: [(index: Int32, stats: SaturatedChannel)] = []
        var events = 0
        var minutes = MinutePeak()
        var peakPerMinute: Int { minutes.peak }
        var sources: [Int32: Int] = [:]

        init(start: Int64) { self.start = start }

        /// `slots` maps a channel index to its place in `channels` (-1: not in this window);
        /// shared by every window, each resets the slots it used (`close`).
        mutating func add(_ record: EventRecord, slots: inout [Int32]) {
            let channel = Int(record.channel)
            if channel >= slots.count { slots += [Int32](repeating: -1, count: channel + 1 - slots.count) }
            if slots[channel] < 0 {
                slots[channel] = Int32(channels.count)
                channels.append((record.channel, SaturatedChannel(channel: "", maxUsagePercent: -.infinity,
                                                                 saturationEvents: 0, fullEvents: 0, drops: 0)))
            }
            let slot = Int(slots[channel])
            if record.kind == .saturation {
                channels[slot].stats.saturationEvents += 1
                if !record.value.isNaN {
                    channels[slot].stats.maxUsagePercent = max(channels[slot].stats.maxUsagePercent, record.value)
                }
            }
            if record.isFullEvent { channels[slot].stats.fullEvents += 1 }
            if record.isDrop { channels[slot].stats.drops += 1 }
            events += 1
            if record.source != EventRecord.none { sources[record.source, default: 0] += 1 }
            minutes.count(record.timestamp)
        }

        /// The window's channels with their names; frees the slots for the next window.
        func close(slots: inout [Int32], names: NameTable) -> [SaturatedChannel] {
            channels.map { entry in
                slots[Int(entry.index)] = -1
                var stats = entry.stats
                stats.channel = names[entry.index]
                return stats
            }
        }
    }

    /// The windows as the records go by in report order: each window's records come
    /// together, so one window is open at a time; only those that qualify are kept.
    struct Scanner {
        private var window: Window?
        private var slots: [Int32] = []
        /// Windows whose every problem channel went above 95%, with at least two channels.
        private var qualified: [(window: Window, channels: [SaturatedChannel])] = []

        /// Adds a timed channel problem record in range, `windowStart` being its window's start.
        mutating func add(_ record: EventRecord, windowStart start: Int64, names: NameTable) {
            if window?.start != start {
                close(names: names)
                window = Window(start: start)
            }
            window!.add(record, slots: &slots)
        }

        private mutating func close(names: NameTable) {
            guard let done = window else { return }
            window = nil
            let channels = done.close(slots: &slots, names: names).sorted {
                (ChannelCatalog.rank(of: $0.channel), $0.channel) < (ChannelCatalog.rank(of: $1.channel), $1.channel)
            }
            guard channels.count >= 2,
                  channels.allSatisfy({ $0.maxUsagePercent > RunbookThresholds.criticalPeakUsage }) else { return }
            qualified.append((done, channels))
        }

        /// The findings, once every record went by.
        mutating func findings(context: AnalysisContext) -> [DraftFinding] {
            close(names: context.channelNames)
            return qualified.map { AllChannelsSaturatedDiagnosis.finding($0.window, channels: $0.channels, context: context) }
        }
    }

    /// The finding for a window whose every problem channel went above 95%, at least two of them.
    private static func finding(_ window: Window, channels: [SaturatedChannel], context: AnalysisContext) -> DraftFinding {
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
