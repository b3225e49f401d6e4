import LogScanConfig
import LogScanAnalysis
import LogScanEngine

/// The SVG time chart of one channel: peak usage % per column as a step area against the
/// runbook's 80/90/95% lines, full events and drops per column as bars on a second scale
/// below it, episodes shaded by severity, bulk task creations and capacity changes marked.
///
/// Geometry only depends on the shared `ChartTimeAxis`, so charts of one report line up.
/// Colours come from CSS classes (`HTMLStyle`), which is how light, dark and print differ.
struct TimeChart {
    /// A finding's time span drawn behind the series.
    struct Episode: Equatable {
        let start: Int64
        let end: Int64
        let severity: Severity
        /// Shown on hover (`<title>`), escaped when drawn.
        let label: String
    }

    /// A change of the capacity in force (a restart with a new size).
    struct CapacityMark: Equatable {
        let at: Int64
        let from: Int?
        let to: Int
    }

    /// A bulk task creation on the time axis.
    struct BulkMark: Equatable {
        let at: Int64
        let count: Int?
        /// The runbook's "1000+ tasks" (or unknown): big enough to explain a burst.
        let countsForCorrelation: Bool
    }

    static let width = 960.0
    static let height = 268.0
    static let plotLeft = 44.0
    static let plotRight = 912.0
    /// The usage panel (top) and the count panel (bottom), in SVG units.
    static let usageTop = 30.0
    static let usageBottom = 180.0
    static let countTop = 192.0
    static let countBottom = 242.0
    /// The runbook's alert lines.
    static let thresholds: [Double] = [80, 90, 95]
    /// Bulk-creation count labels closer than this to the previous one are left to the tooltip.
    static let minLabelGap = 34.0
    /// More bulk task creations than this in one chart are drawn as ticks without lines.
    static let maxBulkLines = 30

    let axis: ChartTimeAxis
    let columns: [ChartColumn]
    let x: ChartScale
    let usage: ChartScale
    let counts: ChartScale
    /// Top of the count axis (a nice number at or above the busiest column).
    let countTopValue: Int

    init(axis: ChartTimeAxis, columns: [ChartColumn]) {
        self.axis = axis
        self.columns = columns
        x = ChartScale(domain: (Double(axis.start), Double(axis.end)), range: (Self.plotLeft, Self.plotRight))
        usage = ChartScale(domain: (Self.usageFloor(columns), 100), range: (Self.usageBottom, Self.usageTop))
        countTopValue = ChartTicks.niceCeiling(columns.map(\.fullEvents).max() ?? 0)
        counts = ChartScale(domain: (0, Double(countTopValue)), range: (Self.countBottom, Self.countTop))
    }

    /// The lowest usage drawn: 70%, or lower in steps of 10 when a column's peak is lower.
    static func usageFloor(_ columns: [ChartColumn]) -> Double {
        let lowest = columns.compactMap(\.maxUsagePercent).min() ?? 70
        return max(0, min(70, (lowest / 10).rounded(.down) * 10))
    }

    /// Pixels per column: how many columns the plot can show one by one at `minimum` px each.
    static func maxColumns(minimumWidth: Double = 3) -> Int { Int((plotRight - plotLeft) / minimumWidth) }

    /// The step path of the peak usage: one closed area per run of adjacent columns with a reading
    /// (`area`), and the same steps as an open line (`line`). Usage above 100% is drawn at the top.
    func usagePaths() -> (area: String, line: String) {
        var area = "", line = ""
        var run: [ChartColumn] = []
        func flush() {
            guard let first = run.first, let last = run.last else { return }
            var steps = ""
            for (i, c) in run.enumerated() {
                let y = Self.n(usage.clamped(c.maxUsagePercent ?? 0))
                steps += (i == 0 ? "" : " ") + "L\(Self.n(x(Double(c.start)))),\(y) L\(Self.n(x(Double(c.end)))),\(y)"
            }
            let x0 = Self.n(x(Double(first.start))), x1 = Self.n(x(Double(last.end)))
            let base = Self.n(Self.usageBottom)
            area += (area.isEmpty ? "" : " ") + "M\(x0),\(base) \(steps) L\(x1),\(base) Z"
            line += (line.isEmpty ? "" : " ") + "M" + steps.dropFirst()
            run.removeAll()
        }
        for c in columns where c.maxUsagePercent != nil {
            WorkMeter.tick()
            if let last = run.last, last.index + 1 != c.index { flush() }
            run.append(c)
        }
        flush()
        return (area, line)
    }

    /// The whole `<svg>` element. `title` names the chart for screen readers.
    func svg(title: String, episodes: [Episode], bulk: [BulkMark], capacityChanges: [CapacityMark]) -> String {
        svg(title: title, episodes: episodes, bulkLayer: bulkLayer(bulk), capacityChanges: capacityChanges)
    }

    /// The `<svg>` element with the bulk task creations already drawn (`bulkLayer`): they are
    /// the same on every chart of an axis, so a report draws them once.
    func svg(title: String, episodes: [Episode], bulkLayer: [String], capacityChanges: [CapacityMark]) -> String {
        var s: [String] = []
        s.append("<svg class=\"chart\" viewBox=\"0 0 \(Self.n(Self.width)) \(Self.n(Self.height))\" role=\"img\" aria-label=\"\(HTMLEscaper.escape(title))\">")
        s.append("<title>\(HTMLEscaper.escape(title))</title>")
        // Panels' backgrounds, then episodes behind everything drawn from data.
        s.append(rect("panel", Self.plotLeft, Self.usageTop, Self.plotRight, Self.usageBottom))
        s.append(rect("panel", Self.plotLeft, Self.countTop, Self.plotRight, Self.countBottom))
        for e in episodes {
            WorkMeter.tick()
            let x0 = min(max(x(Double(e.start)), Self.plotLeft), Self.plotRight)
            let x1 = max(min(max(x(Double(e.end)), Self.plotLeft), Self.plotRight), x0 + 2)
            s.append("<rect class=\"episode sev-\(e.severity.rawValue)\" x=\"\(Self.n(x0))\" y=\"\(Self.n(Self.usageTop))\" width=\"\(Self.n(x1 - x0))\" height=\"\(Self.n(Self.countBottom - Self.usageTop))\"><title>\(HTMLEscaper.escape(e.label))</title></rect>")
        }
        timeGrid(&s)
        usageAxis(&s)
        let paths = usagePaths()
        if !paths.area.isEmpty {
            s.append("<path class=\"usage-area\" d=\"\(paths.area)\"/>")
            s.append("<path class=\"usage-line\" d=\"\(paths.line)\"/>")
        }
        countBars(&s)
        for mark in capacityChanges { capacityChange(mark, &s) }
        WorkMeter.tick(bulkLayer.count)
        s += bulkLayer
        s.append("</svg>")
        return s.joined(separator: "\n")
    }

    // MARK: - Parts

    private func timeGrid(_ s: inout [String]) {
        let maxTicks = max(2, Int((Self.plotRight - Self.plotLeft) / 96))
        let (step, ticks) = ChartTicks.time(start: axis.start, end: axis.end, maxTicks: maxTicks)
        for t in ticks {
            let px = Self.n(x(Double(t)))
            s.append("<line class=\"grid\" x1=\"\(px)\" y1=\"\(Self.n(Self.usageTop))\" x2=\"\(px)\" y2=\"\(Self.n(Self.countBottom))\"/>")
            s.append("<text class=\"tick\" x=\"\(px)\" y=\"\(Self.n(Self.countBottom + 16))\" text-anchor=\"middle\">\(ChartTicks.label(t, step: step))</text>")
        }
    }

    private func usageAxis(_ s: inout [String]) {
        var value = usage.domain.lower
        while value <= 100 {
            let y = Self.n(usage(value))
            s.append("<text class=\"tick\" x=\"\(Self.n(Self.plotLeft - 4))\" y=\"\(y)\" dy=\"0.32em\" text-anchor=\"end\">\(Int(value))%</text>")
            value += 10
        }
        for threshold in Self.thresholds {
            let y = Self.n(usage(threshold))
            s.append("<line class=\"threshold t\(Int(threshold))\" x1=\"\(Self.n(Self.plotLeft))\" y1=\"\(y)\" x2=\"\(Self.n(Self.plotRight))\" y2=\"\(y)\"/>")
            s.append("<text class=\"threshold-label t\(Int(threshold))\" x=\"\(Self.n(Self.plotRight + 4))\" y=\"\(y)\" dy=\"0.32em\">\(Int(threshold))%</text>")
        }
    }

    private func countBars(_ s: inout [String]) {
        s.append("<text class=\"tick\" x=\"\(Self.n(Self.plotRight + 4))\" y=\"\(Self.n(Self.countTop))\" dy=\"0.7em\">\(countTopValue)</text>")
        s.append("<text class=\"tick\" x=\"\(Self.n(Self.plotRight + 4))\" y=\"\(Self.n(Self.countBottom))\">0</text>")
        s.append("<text class=\"tick\" x=\"\(Self.n(Self.plotLeft - 4))\" y=\"\(Self.n((Self.countTop + Self.countBottom) / 2))\" dy=\"0.32em\" text-anchor=\"end\">full</text>")
        for c in columns where c.fullEvents > 0 || c.drops > 0 {
            WorkMeter.tick()
            let x0 = x(Double(c.start)), x1 = x(Double(c.end))
            let gap = x1 - x0 > 3 ? 0.5 : 0
            let left = x0 + gap, width = max(1, x1 - x0 - 2 * gap)
            let label = "\(c.fullEvents) full, \(c.drops) dropped from \(TimeText.seconds(Timestamp(nanoseconds: c.start)))"
            for (cls, value) in [("bar-full", c.fullEvents), ("bar-drops", c.drops)] where value > 0 {
                let top = counts.clamped(Double(value))
                s.append("<rect class=\"\(cls)\" x=\"\(Self.n(left))\" y=\"\(Self.n(top))\" width=\"\(Self.n(width))\" height=\"\(Self.n(Self.countBottom - top))\"><title>\(label)</title></rect>")
            }
        }
    }

    private func capacityChange(_ mark: CapacityMark, _ s: inout [String]) {
        let px = x(Double(mark.at))
        guard px >= Self.plotLeft, px <= Self.plotRight else { return }
        let label = (mark.from.map { "capacity \($0) → " } ?? "capacity ") + "\(mark.to)"
        s.append("<line class=\"capacity-change\" x1=\"\(Self.n(px))\" y1=\"\(Self.n(Self.usageTop))\" x2=\"\(Self.n(px))\" y2=\"\(Self.n(Self.countBottom))\"><title>\(label) at \(TimeText.seconds(Timestamp(nanoseconds: mark.at)))</title></line>")
        s.append("<text class=\"capacity-label\" x=\"\(Self.n(px + 3))\" y=\"\(Self.n(Self.usageBottom - 4))\">\(label)</text>")
    }

    /// Triangles with a dotted line down the usage panel; with more than `maxBulkLines` in
    /// view (a day or a week of logs) only a short tick per creation of 1000+ tasks, so the
    /// series stay visible, and creations less than `tickGap` px apart share one tick (its
    /// tooltip counts them): a chart holds at most one tick per `tickGap` px, however many
    /// creations the logs hold. Labels only where there is room; every tick has a tooltip.
    /// Depends on the axis only: every chart of a report shares it.
    func bulkLayer(_ marks: [BulkMark]) -> [String] {
        WorkMeter.tick(marks.count)
        var s: [String] = []
        let visible = marks.filter { x(Double($0.at)) >= Self.plotLeft && x(Double($0.at)) <= Self.plotRight }
            .sorted { $0.at < $1.at }
        let crowded = visible.count > Self.maxBulkLines
        let top = Self.usageTop
        var lastLabel = -Double.infinity
        func label(_ px: Double, _ text: String) {
            guard px - lastLabel >= Self.minLabelGap else { return }
            s.append("<text class=\"bulk-label\" x=\"\(Self.n(px))\" y=\"\(Self.n(top - 9))\" text-anchor=\"middle\">\(text)</text>")
            lastLabel = px
        }
        guard crowded else {
            for mark in visible {
                let px = x(Double(mark.at))
                let cls = mark.countsForCorrelation ? "bulk" : "bulk small"
                let title = "<title>bulk task creation: \(TimeText.tasks(mark.count)) at \(TimeText.seconds(Timestamp(nanoseconds: mark.at)))</title>"
                let left = Self.n(px - 4), right = Self.n(px + 4)
                s.append("<path class=\"\(cls)\" d=\"M\(left),\(Self.n(top - 6)) L\(right),\(Self.n(top - 6)) L\(Self.n(px)),\(Self.n(top)) Z\">\(title)</path>")
                s.append("<line class=\"\(cls)-line\" x1=\"\(Self.n(px))\" y1=\"\(Self.n(top))\" x2=\"\(Self.n(px))\" y2=\"\(Self.n(Self.usageBottom))\"/>")
                label(px, mark.count.map(String.init) ?? "?")
            }
            return s
        }
        // Runs of creations of 1000+ tasks within `tickGap` px of the run's first one.
        var runs: [[BulkMark]] = []
        for mark in visible where mark.countsForCorrelation {
            if let first = runs.last?.first, x(Double(mark.at)) - x(Double(first.at)) < Self.tickGap {
                runs[runs.count - 1].append(mark)
            } else {
                runs.append([mark])
            }
        }
        for run in runs {
            let first = run[0], last = run[run.count - 1]
            let px = Self.n(x(Double(first.at)))
            let tasks = run.allSatisfy { $0.count != nil } ? run.reduce(0) { $0 &+ ($1.count ?? 0) } : nil
            let title = run.count == 1
                ? "bulk task creation: \(TimeText.tasks(first.count)) at \(TimeText.seconds(Timestamp(nanoseconds: first.at)))"
                : "\(run.count) bulk task creations (\(TimeText.tasks(tasks))) from \(TimeText.seconds(Timestamp(nanoseconds: first.at))) to \(TimeText.seconds(Timestamp(nanoseconds: last.at)))"
            s.append("<line class=\"bulk-tick\" x1=\"\(px)\" y1=\"\(Self.n(top - 7))\" x2=\"\(px)\" y2=\"\(Self.n(top))\"><title>\(title)</title></line>")
            label(x(Double(first.at)), tasks.map(String.init) ?? "?")
        }
        return s
    }

    /// Crowded creations closer than this share one tick: as narrow as a chart column can be.
    static let tickGap = 3.0

    private func rect(_ cls: String, _ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) -> String {
        "<rect class=\"\(cls)\" x=\"\(Self.n(x0))\" y=\"\(Self.n(y0))\" width=\"\(Self.n(x1 - x0))\" height=\"\(Self.n(y1 - y0))\"/>"
    }

    /// A coordinate with at most two decimals (`12.5`, `44`): short paths, stable output.
    static func n(_ v: Double) -> String { ReportNumber.format(v) }
}
