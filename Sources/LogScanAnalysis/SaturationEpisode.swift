import LogScanEngine
import LogScanConfig

/// A maximal run of one channel's saturation events at most `--episode-gap` apart (SPEC §4).
struct SaturationEpisode {
    let channel: String
    /// Indices of its records, in time order.
    let events: ArraySlice<RecordIndex>
    let start: Timestamp
    let end: Timestamp
    let maxUsage: Double
    let recovered: Bool
    /// The longest run of consecutive events each above 90%, `nil` when none was.
    let longestRunAbove90: SaturationRun?

    init(channel: String, events: ArraySlice<RecordIndex>, context: AnalysisContext) {
        self.channel = channel
        self.events = events
        start = context.timestamp(events.first!)
        end = context.timestamp(events.last!)
        recovered = context.isRecovered(lastTime: end.nanoseconds)
        var peak = 0.0
        var longest: SaturationRun?
        var run: SaturationRun?
        for index in events {
            let usage = context.records[index].value
            if !usage.isNaN { peak = max(peak, usage) }
            guard usage > RunbookThresholds.criticalRunUsage else {
                run = nil
                continue
            }
            let t = context.timestamp(index)
            if var current = run {
                current.end = t
                current.events += 1
                run = current
            } else {
                run = SaturationRun(start: t, end: t, events: 1)
            }
            if let current = run, current.duration > (longest?.duration ?? -1) { longest = current }
        }
        maxUsage = peak
        longestRunAbove90 = longest
    }

    /// last − first.
    var span: Int64 { end.nanoseconds - start.nanoseconds }

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
