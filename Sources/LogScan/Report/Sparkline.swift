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

    /// How many consecutive windows one column stands for, for `windowCount` windows.
    static func windowsPerColumn(_ windowCount: Int) -> Int {
        max(1, (windowCount + maxColumns - 1) / maxColumns)
    }

    /// The sparkline of `windows` over `windowCount` windows starting at `firstWindow`.
    static func render(_ windows: [WindowStats], firstWindow: Int64, width: Int64, windowCount: Int) -> String {
        let perColumn = windowsPerColumn(windowCount)
        let columns = (windowCount + perColumn - 1) / perColumn
        var peaks = [Double?](repeating: nil, count: columns)
        var problems = [Bool](repeating: false, count: columns)
        for window in windows {
            let position = Int((window.start.nanoseconds - firstWindow) / width)
            guard position >= 0, position < windowCount else { continue }
            let column = position / perColumn
            if let usage = window.maxUsagePercent { peaks[column] = max(peaks[column] ?? usage, usage) }
            if window.fullEvents > 0 || window.drops > 0 || window.saturationEvents > 0 { problems[column] = true }
        }
        var line = String((0..<columns).map { column in
            if let peak = peaks[column] { return block(peak) }
            return problems[column] ? fullOnly : " "
        })
        while line.last == " " { line.removeLast() }
        return line
    }
}
