import LogScanEngine
import LogScanConfig

/// A maximal run of one channel's saturation events at most `--episode-gap` apart (SPEC §4),
/// gathered event by event in report order.
struct SaturationEpisode: RunAccumulator {
    let channel: String
    var events: EventRun
    /// The largest usage seen (0 when no event carried one).
    private(set) var maxUsage = 0.0
    /// The longest run of consecutive events each above 90%, `nil` when none was.
    private(set) var longestRunAbove90: SaturationRun?
    /// The run above 90% the latest event belongs to.
    private var run: SaturationRun?
    /// Set when the episode is closed: the input went on for more than one gap after it.
    private(set) var recovered = false
    /// The bulk task creations of 1000+ tasks that may explain it (pgmq_notifications).
    var bulk = BulkCandidates()

    init(channel: String, first record: EventRecord) {
        self.channel = channel
        events = EventRun(record)
        take(record)
    }

    mutating func take(_ record: EventRecord) {
        let usage = record.value
        if !usage.isNaN { maxUsage = max(maxUsage, usage) }
        guard usage > RunbookThresholds.criticalRunUsage else {
            run = nil
            return
        }
        let t = record.timestamp
        if var current = run {
            current.end = t
            current.events += 1
            run = current
        } else {
            run = SaturationRun(start: t, end: t, events: 1)
        }
        if let current = run, current.duration > (longestRunAbove90?.duration ?? -1) { longestRunAbove90 = current }
    }

    /// Marks the episode done; `context` knows the input end.
    mutating func close(end inputEnd: Int64, gap: Int64) {
        recovered = inputEnd - events.last.time > gap
    }

    var start: Timestamp { events.start }
    var end: Timestamp { events.end }
    /// last − first.
    var span: Int64 { events.span }

    /// A pgmq_notifications episode of this shape is reported only as a notification burst.
    var isBurstShaped: Bool { recovered && span < RunbookThresholds.briefSpan }

    /// A run above 90% lasting 5m, or a peak above 95% still ongoing.
    var hasCriticalRun: Bool { (longestRunAbove90?.duration ?? -1) >= RunbookThresholds.criticalRunLength }
    var isCriticalOngoing: Bool { !recovered && maxUsage > RunbookThresholds.criticalPeakUsage }

    var severity: Severity {
        if hasCriticalRun || isCriticalOngoing { return .critical }
        return span >= RunbookThresholds.warningSpan ? .warning : .info
    }
}
