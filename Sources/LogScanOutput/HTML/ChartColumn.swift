/// One column of a channel chart: one window, or several merged.
struct ChartColumn: Equatable {
    let index: Int
    /// ns since the epoch; `end` is exclusive.
    let start: Int64
    let end: Int64
    var saturationEvents = 0
    var maxUsagePercent: Double?
    var fullEvents = 0
    var drops = 0
}
