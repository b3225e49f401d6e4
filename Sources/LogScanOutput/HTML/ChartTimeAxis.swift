import LogScanEngine

import LogScanAnalysis

/// The time axis every channel chart of a report shares: from the first window to the end of
/// the last, in columns of one or more `--window`s.
///
/// A day or a week of 5m windows is more than a chart's width can show one by one, so when
/// there are more windows than `maxColumns`, consecutive windows are merged into one column
/// (peak usage by maximum, counts by sum) and the page says so.
struct ChartTimeAxis: Equatable {
    /// Start of the first window, ns since the epoch.
    let start: Int64
    /// `--window` in ns.
    let window: Int64
    /// Windows from the first to the last, both included.
    let windowCount: Int
    /// Windows merged into one column.
    let windowsPerColumn: Int

    /// End of the last column, ns since the epoch.
    var end: Int64 { start + Int64(columnCount) * columnWidth }
    /// How long one column lasts, ns.
    var columnWidth: Int64 { window * Int64(windowsPerColumn) }
    var columnCount: Int { (windowCount + windowsPerColumn - 1) / windowsPerColumn }

    /// The axis of `report`, `nil` when no line had a timestamp (nothing to draw over time).
    init?(_ report: Report, maxColumns: Int) {
        guard let first = report.timeRange.first, let last = report.timeRange.last, last >= first,
              report.window > 0 else { return nil }
        let firstWindow = first.windowStart(width: report.window).nanoseconds
        let lastWindow = last.windowStart(width: report.window).nanoseconds
        self.init(start: firstWindow, window: report.window,
                  windowCount: Int((lastWindow - firstWindow) / report.window) + 1, maxColumns: maxColumns)
    }

    init(start: Int64, window: Int64, windowCount: Int, maxColumns: Int) {
        self.start = start
        self.window = window
        self.windowCount = max(1, windowCount)
        let columns = max(1, maxColumns)
        self.windowsPerColumn = max(1, (self.windowCount + columns - 1) / columns)
    }

    /// The channel's windows merged into the axis's columns; columns without events are left out.
    func columns(_ windows: [WindowStats]) -> [ChartColumn] {
        var byIndex: [Int: ChartColumn] = [:]
        for w in windows {
            WorkMeter.tick()
            let offset = w.start.nanoseconds - start
            guard offset >= 0 else { continue }
            let index = Int(offset / columnWidth)
            guard index < columnCount else { continue }
            var column = byIndex[index] ?? ChartColumn(index: index, start: start + Int64(index) * columnWidth,
                                                       end: start + Int64(index + 1) * columnWidth)
            column.saturationEvents += w.saturationEvents
            if let usage = w.maxUsagePercent, usage.isFinite {
                column.maxUsagePercent = max(column.maxUsagePercent ?? usage, usage)
            }
            column.fullEvents += w.fullEvents
            column.drops += w.drops
            byIndex[index] = column
        }
        return byIndex.values.sorted { $0.index < $1.index }
    }
}
