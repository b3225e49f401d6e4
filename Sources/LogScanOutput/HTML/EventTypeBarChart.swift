import LogScanAnalysis

/// The dropped event types as a horizontal SVG bar chart, most first; names are escaped
/// and long ones shortened (the full name stays in the tooltip).
struct EventTypeBarChart {
    static let width = 960.0
    static let rowHeight = 20.0
    static let nameWidth = 260.0
    static let countWidth = 70.0
    /// Longer names are cut to this many characters on the bar's label.
    static let maxNameLength = 40

    let types: [EventTypeCount]

    /// Bar length of `count` against the most frequent type.
    func barWidth(_ count: Int) -> Double {
        let most = types.map(\.count).max() ?? 0
        guard most > 0 else { return 0 }
        let scale = ChartScale(domain: (0, Double(most)), range: (0, Self.width - Self.nameWidth - Self.countWidth))
        return max(1, scale(Double(count)))
    }

    func svg() -> String {
        let height = Double(types.count) * Self.rowHeight + 4
        var s = ["<svg class=\"types\" viewBox=\"0 0 \(TimeChart.n(Self.width)) \(TimeChart.n(height))\" role=\"img\" aria-label=\"dropped event types\">"]
        for (i, t) in types.enumerated() {
            let y = Double(i) * Self.rowHeight + 2
            let name = t.eventType.count > Self.maxNameLength ? String(t.eventType.prefix(Self.maxNameLength - 1)) + "…" : t.eventType
            let bar = barWidth(t.count)
            s.append("<g><title>\(HTMLEscaper.escape(HTMLReportFormatter.name(t.eventType))): \(t.count)</title>")
            s.append("<text class=\"type-name\" x=\"\(TimeChart.n(Self.nameWidth - 8))\" y=\"\(TimeChart.n(y + 14))\" text-anchor=\"end\">\(HTMLEscaper.escape(name))</text>")
            s.append("<rect class=\"type-bar\" x=\"\(TimeChart.n(Self.nameWidth))\" y=\"\(TimeChart.n(y + 3))\" width=\"\(TimeChart.n(bar))\" height=\"\(TimeChart.n(Self.rowHeight - 6))\"/>")
            s.append("<text class=\"tick\" x=\"\(TimeChart.n(Self.nameWidth + bar + 6))\" y=\"\(TimeChart.n(y + 14))\">\(t.count)</text></g>")
        }
        s.append("</svg>")
        return s.joined(separator: "\n")
    }
}
