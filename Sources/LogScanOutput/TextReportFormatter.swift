import LogScanEngine

import LogScanAnalysis
import LogScanConfig

/// The report for a terminal: header, actions with one TOML block per file, channel table
/// with capacity changes, sparklines, findings by severity (more than three of one id and
/// channel grouped), dropped event types and bulk creation correlations.
/// Fits `width` columns (at least 60) except TOML lines; strings from log lines are escaped
/// and names cut to a display length; ANSI colour only when asked.
public struct TextReportFormatter: ReportFormatter {
    /// The narrowest layout: every table row stays whole at 60 columns.
    public static let minimumWidth = 60

    public let color: Bool
    public let width: Int

    public init(color: Bool, width: Int = 80) {
        self.color = color
        self.width = max(width, Self.minimumWidth)
    }

    public func format(_ report: Report) -> String {
        let style = TextStyle(color: color)
        var out: [String] = []
        header(report, style, &out)
        actions(report, style, &out)
        channelTable(report, style, &out)
        sparklines(report, style, &out)
        findings(report, style, &out)
        droppedEventTypes(report, style, &out)
        bulkTaskCreations(report, style, &out)
        return out.joined(separator: "\n") + "\n"
    }

    // MARK: - Sections

    private func header(_ r: Report, _ style: TextStyle, _ out: inout [String]) {
        out.append(style.heading("tasker-logscan report"))
        func field(_ name: String, _ value: String) {
            let label = "  " + name.padded(to: 13)
            out += wrap(value, indent: label.count).enumerated().map { i, line in
                i == 0 ? label + line.dropFirst(label.count) : line
            }
        }
        if r.inputs.isEmpty { field("Inputs", "none") }
        for (i, input) in r.inputs.enumerated() {
            var value = "\(input.name): " + ReportHeaderText.inputDetails(input).joined(separator: ", ")
            if let error = input.error { value += " (error: \(error))" }
            field(i == 0 ? "Inputs" : "", value)
        }
        field("Time range", ReportHeaderText.timeRange(r))
        field("Read", ReportHeaderText.read(r))
        field("Environment", "\(r.environment); config: \(r.configSource)")
        field("Settings", "window \(TimeText.duration(r.window)), episode gap \(TimeText.duration(r.episodeGap)), target usage \(ReportNumber.format(r.targetUsagePercent))%")
        var filters: [String] = []
        if let since = r.since { filters.append("since \(TimeText.seconds(since))") }
        if let until = r.until { filters.append("until \(TimeText.seconds(until))") }
        if !r.channelFilter.isEmpty { filters.append("channels \(r.channelFilter.map { DisplayText.name($0) }.joined(separator: ", "))") }
        if !filters.isEmpty { field("Filters", filters.joined(separator: "; ")) }
        if let baseline = ReportHeaderText.baseline(r) { field("Baseline", baseline) }
        for warning in r.warnings { field("Warning", warning) }
    }

    private func actions(_ r: Report, _ style: TextStyle, _ out: inout [String]) {
        out.append("")
        out.append(style.heading("Actions"))
        guard !r.actions.isEmpty else {
            out += wrap(ReportHeaderText.noActions(r), indent: 2)
            return
        }
        for (i, action) in r.actions.enumerated() {
            WorkMeter.tick()
            let label = "  \(i + 1). "
            let severity = action.severity.rawValue.uppercased()
            let lines = wrap("\(severity) \(action.text)", indent: label.count)
            out.append(label + style.severity(severity, action.severity) + lines[0].dropFirst(label.count + severity.count))
            out += lines.dropFirst()
            out += wrap("for " + ReportHeaderText.served(action, r), indent: label.count)
        }
        for change in r.configChanges {
            out.append("")
            out += wrap("Paste into \(change.file):", indent: 2)
            // TOML is pasted as is: never wrapped.
            out += change.toml.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
                .filter { !$0.hasPrefix("#") }.map { $0.isEmpty ? "" : "      " + DisplayText.escaped(String($0)) }
        }
    }

    private func channelTable(_ r: Report, _ style: TextStyle, _ out: inout [String]) {
        out.append("")
        out.append(style.heading("Channels"))
        guard !r.channels.isEmpty else {
            out.append("  No channel events.")
            return
        }
        let capacities = r.channels.map { c in c.capacity.map { "\($0) \(c.capacitySource?.rawValue ?? "?")" } ?? "unknown" }
        let capacityWidth = max(9, (capacities.map(\.count).max() ?? 0) + 1)
        // Numbers: SAT 5, MAX% 7, FULL 5, DROPS 6; the name takes what is left, cut if need be.
        let room = width - 4 - capacityWidth - 23
        let nameWidth = min(max(7, r.channels.map { DisplayText.name($0.channel).count }.max() ?? 0), max(room, 12))
        func row(_ name: String, _ capacity: String, _ sat: String, _ max: String, _ full: String, _ drops: String) -> String {
            "  " + DisplayText.name(name, limit: nameWidth).padded(to: nameWidth) + "  "
                + capacity.padded(to: capacityWidth)
                + Self.right(sat, 5) + Self.right(max, 7) + Self.right(full, 5) + Self.right(drops, 6)
        }
        out.append(style.dim(row("CHANNEL", "CAPACITY", "SAT", "MAX%", "FULL", "DROPS")))
        for (c, capacity) in zip(r.channels, capacities) {
            WorkMeter.tick()
            out.append(row(c.channel, capacity, "\(c.saturationEvents)", c.maxUsagePercent.map(ReportNumber.format) ?? "-",
                           "\(c.fullEvents)", "\(c.drops)"))
            for change in c.capacityChanges {
                out += wrap("capacity \(change.from) → \(change.to) at \(TimeText.seconds(change.at)) (\(change.line))", indent: 6)
            }
        }
    }

    private func sparklines(_ r: Report, _ style: TextStyle, _ out: inout [String]) {
        guard let (legend, rows) = Sparkline.section(r, width: width - 2) else { return }
        out.append("")
        out.append(style.heading("Peak usage per window"))
        out += wrap(legend, indent: 2)
        out += rows.map { "  " + $0 }
    }

    private func findings(_ r: Report, _ style: TextStyle, _ out: inout [String]) {
        out.append("")
        let sections = FindingGroups.sections(r.findings)
        out.append(style.heading("Findings: " + ReportHeaderText.findingCounts(r)))
        let block = FindingTextBlock(style: style, width: width, showsTOML: false)
        for section in sections {
            out.append("")
            out.append(style.severity("\(section.severity.rawValue.uppercased()) (\(section.count))", section.severity))
            for entry in section.entries {
                WorkMeter.tick()
                out.append("")
                out.append("  " + block.heading(entry.finding))
                out += block.body(entry.finding)
                guard !entry.others.isEmpty else { continue }
                out += wrap("\(entry.others.count) more \(entry.finding.id.rawValue) findings on \(FindingTextBlock.subject(entry.finding)):", indent: 4)
                for other in entry.others {
                    WorkMeter.tick()
                    out += aligned(FindingGroups.oneLine(other), indent: 6)
                }
            }
        }
        let counted = ReportHeaderText.countedFindings(r)
        guard !counted.isEmpty else { return }
        out.append("")
        out += wrap(ReportHeaderText.countedHeading(r), indent: 2)
        for line in counted { out += wrap(line, indent: 4) }
    }

    private func droppedEventTypes(_ r: Report, _ style: TextStyle, _ out: inout [String]) {
        guard !r.droppedEventTypes.isEmpty || r.untypedDrops > 0 else { return }
        out.append("")
        out.append(style.heading("Dropped event types (event_publisher)"))
        let nameWidth = min(max(24, r.droppedEventTypes.map { DisplayText.name($0.eventType).count }.max() ?? 0), width - 10)
        for t in r.droppedEventTypes {
            WorkMeter.tick()
            out.append("  " + DisplayText.name(t.eventType, limit: nameWidth).padded(to: nameWidth) + Self.right("\(t.count)", 7))
        }
        if r.untypedDrops > 0 {
            out += wrap("\(ReportHeaderText.untypedDrops(r)).", indent: 2)
        }
    }

    private func bulkTaskCreations(_ r: Report, _ style: TextStyle, _ out: inout [String]) {
        let correlations = BurstCorrelations(r)
        guard !r.bulkTaskCreations.isEmpty || !correlations.bursts.isEmpty else { return }
        out.append("")
        out.append(style.heading("Bulk task creations and PGMQ bursts"))
        // A day of logs holds dozens: the first rows, then counts (the JSON lists every one).
        let shown = r.bulkTaskCreations.count <= Self.bulkRows ? r.bulkTaskCreations.count : Self.bulkRows - 1
        var explainedCount = 0, smallCount = 0
        for (i, bulk) in r.bulkTaskCreations.enumerated() {
            WorkMeter.tick()
            let explained = correlations.explained(by: bulk)
            let outcome: String
            if !bulk.countsForCorrelation {
                outcome = "under 1000 tasks: not a cause"
                smallCount += 1
            } else if explained.isEmpty {
                outcome = "no burst followed"
            } else {
                outcome = explained.map { "burst at \(TimeText.seconds($0.start))" }.joined(separator: ", ")
                explainedCount += 1
            }
            guard i < shown else { continue }
            out += aligned("\(TimeText.seconds(bulk.at))  " + Self.right(bulk.count.map { "\($0) tasks" } ?? "? tasks", 11) + "  " + outcome, indent: 2)
        }
        let listed = r.bulkTaskCreations.count
        let total = listed + r.countedBulkTaskCreations
        if shown < total {
            let rest = total - shown
            if r.countedBulkTaskCreations == 0 {
                out += wrap("and \(rest) more (\(ReportNumber.counted(total, "creation")) in all: \(explainedCount) followed by a burst, \(smallCount) under 1000 tasks); the JSON report lists every one", indent: 2)
            } else {
                out += wrap("and \(rest) more (\(ReportNumber.counted(total, "creation")) in all; of the first \(listed): \(explainedCount) followed by a burst, \(smallCount) under 1000 tasks); the JSON report lists the first \(listed)", indent: 2)
            }
        }
        let unexplained = correlations.unexplained
        if unexplained.count > FindingGroups.fullLimit {
            let times = unexplained.map { TimeText.seconds($0.start) }.joined(separator: ", ")
            out += wrap("\(unexplained.count) bursts with no bulk task creation of 1000+ tasks from 5m before them: at \(times)", indent: 2)
        } else {
            for burst in unexplained {
                out += wrap("burst at \(TimeText.seconds(burst.start)): no bulk task creation of 1000+ tasks from 5m before it", indent: 2)
            }
        }
    }

    /// The most bulk task creations listed one per line.
    static let bulkRows = 12

    // MARK: - Layout

    private func wrap(_ text: String, indent: Int) -> [String] {
        TextWrapper.lines(DisplayText.escaped(text), indent: indent, width: width)
    }

    /// A row whose spacing aligns columns: as is when it fits, else wrapped.
    private func aligned(_ text: String, indent: Int) -> [String] {
        let shown = DisplayText.escaped(text)
        return indent + shown.count <= width ? [String(repeating: " ", count: indent) + shown] : wrap(shown, indent: indent)
    }

    private static func right(_ text: String, _ width: Int) -> String {
        text.count >= width ? " " + text : String(repeating: " ", count: width - text.count) + text
    }

    /// `412 B`, `4.1 KiB`, `1.2 GiB`.
    static func bytes(_ n: Int64) -> String {
        if n < 1024 { return "\(n) B" }
        let units = ["KiB", "MiB", "GiB", "TiB"]
        var value = Double(n) / 1024
        var unit = 0
        while value >= 1024, unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        return ReportNumber.format((value * 10).rounded() / 10) + " " + units[unit]
    }
}
