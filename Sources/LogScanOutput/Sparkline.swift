import LogScanAnalysis
import LogScanEngine

/// One line of block characters showing a channel's peak usage per window.
///
/// Levels are 2.5-point bands above the runbook's 80% warning line: ▁ up to 82.5%,
/// ▂ up to 85%, ▃ 87.5%, ▄ 90%, ▅ 92.5%, ▆ 95%, ▇ 97.5%, █ above 97.5%.
/// `·` marks a window with full or drop events but no saturation reading, a space a quiet window.
enum Sparkline {
    static let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    static let fullOnly: Character = "·"
    /// The most columns a sparkline takes; more windows are merged by their maximum.
    static let maxColumns = 40

    /// The block for a peak usage.
    static func block(_ usage: Double) -> Character {
        let level = Int(((usage - 80) / 2.5).rounded(.up)) - 1
        return blocks[min(max(level, 0), blocks.count - 1)]
    }

    /// How many consecutive windows one column stands for, for `windowCount` windows in `columns` columns.
    static func windowsPerColumn(_ windowCount: Int, columns: Int = maxColumns) -> Int {
        max(1, (windowCount + columns - 1) / columns)
    }

    /// The sparkline of `windows` over `windowCount` windows starting at `firstWindow`, in at most `columns` columns.
    static func render(_ windows: [WindowStats], firstWindow: Int64, width: Int64, windowCount: Int,
                       columns maxColumns: Int = maxColumns) -> String {
        let perColumn = windowsPerColumn(windowCount, columns: maxColumns)
        let columns = (windowCount + perColumn - 1) / perColumn
        var peaks = [Double?](repeating: nil, count: columns)
        var problems = [Bool](repeating: false, count: columns)
        for window in windows {
            WorkMeter.tick()
            let position = Int((window.start.nanoseconds - firstWindow) / width)
            guard position >= 0, position < windowCount else { continue }
            let column = position / perColumn
            if let usage = window.maxUsagePercent { peaks[column] = max(peaks[column] ?? usage, usage) }
            if window.fullEvents > 0 || window.drops > 0 || window.saturationEvents > 0 { problems[column] = true }
        }
        WorkMeter.tick(columns)
        var line = String((0..<columns).map { column in
            if let peak = peaks[column] { return block(peak) }
            return problems[column] ? fullOnly : " "
        })
        while line.last == " " { line.removeLast() }
        return line
    }

    /// The sparkline section of a report, as the text and Markdown formats print it:
    /// the legend (without its leading capital) and one padded row per channel with windows,
    /// each at most `width` columns (names cut to fit). Nil when no channel has windows or no
    /// line had a timestamp.
    static func section(_ r: Report, width: Int = 78) -> (legend: String, rows: [String])? {
        guard let first = r.timeRange.first, let last = r.timeRange.last, last >= first,
              r.channels.contains(where: { !$0.windows.isEmpty }) else { return nil }
        let firstWindow = first.windowStart(width: r.window).nanoseconds
        let lastWindow = last.windowStart(width: r.window).nanoseconds
        let count = Int(clamping: (lastWindow - firstWindow) / r.window) + 1
        let named = r.channels.filter { !$0.windows.isEmpty }
        let nameWidth = min(max(21, named.map { DisplayText.name($0.channel).count }.max() ?? 0), max(12, width - 2 - 20))
        let columnCount = min(maxColumns, max(10, width - nameWidth - 2))
        let perColumn = windowsPerColumn(count, columns: columnCount)
        let columns = perColumn == 1
            ? "one column per \(TimeText.duration(r.window))"
            : "one column per \(TimeText.duration(r.window * Int64(perColumn))) (\(perColumn) windows)"
        let legend = "\(columns) from \(TimeText.seconds(Timestamp(nanoseconds: firstWindow))); ▁ up to 82.5%, each step 2.5 points, █ above 97.5%, · full or drops only"
        let rows = named.map { c in
            let name = DisplayText.name(c.channel, limit: nameWidth)
            return name + String(repeating: " ", count: max(0, nameWidth - name.count)) + "  "
                + render(c.windows, firstWindow: firstWindow, width: r.window, windowCount: count, columns: columnCount)
        }
        return (legend, rows)
    }
}
