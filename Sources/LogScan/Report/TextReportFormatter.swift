/// The report for a terminal: header, channel table, sparklines, findings by severity with
/// evidence and TOML, dropped event types and bulk creation correlations.
/// Fits `width` columns except TOML and very long channel names; ANSI colour only when asked.
public struct TextReportFormatter: ReportFormatter {
    public let color: Bool
    public let width: Int

    public init(color: Bool, width: Int = 80) {
        self.color = color
        self.width = max(width, 40)
    }

    public func format(_ report: Report) -> String {
        let style = TextStyle(color: color)
        var out: [String] = []
        header(report, style, &out)
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
            let label = "  " + name.padding(toLength: 13, withPad: " ", startingAt: 0)
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
        if !r.channelFilter.isEmpty { filters.append("channels \(r.channelFilter.joined(separator: ", "))") }
        if !filters.isEmpty { field("Filters", filters.joined(separator: "; ")) }
        for warning in r.warnings { field("Warning", warning) }
    }

    private func channelTable(_ r: Report, _ style: TextStyle, _ out: inout [String]) {
        out.append("")
        out.append(style.heading("Channels"))
        guard !r.channels.isEmpty else {
            out.append("  No channel events.")
            return
        }
        let nameWidth = max(21, r.channels.map(\.channel.count).max() ?? 0)
        func row(_ name: String, _ capacity: String, _ sat: String, _ max: String, _ full: String, _ drops: String) -> String {
            "  " + name.padding(toLength: nameWidth, withPad: " ", startingAt: 0) + "  "
                + capacity.padding(toLength: 15, withPad: " ", startingAt: 0)
                + Self.right(sat, 6) + Self.right(max, 8) + Self.right(full, 6) + Self.right(drops, 7)
        }
        out.append(style.dim(row("CHANNEL", "CAPACITY", "SAT", "MAX%", "FULL", "DROPS")))
        for c in r.channels {
            let capacity = c.capacity.map { "\($0) (\(c.capacitySource?.rawValue ?? "?"))" } ?? "unknown"
            out.append(row(c.channel, capacity, "\(c.saturationEvents)", c.maxUsagePercent.map(ReportNumber.format) ?? "-",
                           "\(c.fullEvents)", "\(c.drops)"))
        }
    }

    private func sparklines(_ r: Report, _ style: TextStyle, _ out: inout [String]) {
        guard let (legend, rows) = Sparkline.section(r) else { return }
        out.append("")
        out.append(style.heading("Peak usage per window"))
        out += wrap(legend, indent: 2)
        out += rows.map { "  " + $0 }
    }

    private func findings(_ r: Report, _ style: TextStyle, _ out: inout [String]) {
        out.append("")
        guard !r.findings.isEmpty else {
            out.append(style.heading("Findings: none"))
            return
        }
        let counts = Severity.allCases.reversed().map { "\(r.count(of: $0)) \($0.rawValue)" }
        out.append(style.heading("Findings: \(counts.joined(separator: ", "))"))
        for severity in Severity.allCases.reversed() {
            let group = r.findings.filter { $0.severity == severity }
            guard !group.isEmpty else { continue }
            out.append("")
            out.append(style.severity("\(severity.rawValue.uppercased()) (\(group.count))", severity))
            let block = FindingTextBlock(style: style, width: width)
            for finding in group {
                out.append("")
                out.append("  " + block.heading(finding))
                out += block.body(finding)
            }
        }
    }

    private func droppedEventTypes(_ r: Report, _ style: TextStyle, _ out: inout [String]) {
        guard !r.droppedEventTypes.isEmpty else { return }
        out.append("")
        out.append(style.heading("Dropped event types (event_publisher)"))
        let nameWidth = max(24, r.droppedEventTypes.map(\.eventType.count).max() ?? 0)
        for t in r.droppedEventTypes {
            out.append("  " + t.eventType.padding(toLength: nameWidth, withPad: " ", startingAt: 0) + Self.right("\(t.count)", 7))
        }
    }

    private func bulkTaskCreations(_ r: Report, _ style: TextStyle, _ out: inout [String]) {
        let bursts = r.findings.compactMap { f -> BurstEvidence? in
            if case .burst(let b) = f.evidence { return b }
            return nil
        }.sorted { $0.start < $1.start }
        guard !r.bulkTaskCreations.isEmpty || !bursts.isEmpty else { return }
        out.append("")
        out.append(style.heading("Bulk task creations and PGMQ bursts"))
        for bulk in r.bulkTaskCreations {
            var line = "  \(TimeText.seconds(bulk.at))  " + Self.right(bulk.count.map { "\($0) tasks" } ?? "? tasks", 11) + "  "
            let explained = bursts.filter { $0.bulkTaskCreation == bulk }
            if !bulk.countsForCorrelation {
                line += "under 1000 tasks: not a cause"
            } else if explained.isEmpty {
                line += "no burst followed"
            } else {
                line += explained.map { "burst at \(TimeText.seconds($0.start))" }.joined(separator: ", ")
            }
            out.append(line)
        }
        for burst in bursts where burst.bulkTaskCreation == nil {
            out += wrap("burst at \(TimeText.seconds(burst.start)): no bulk task creation of 1000+ tasks from 5m before it", indent: 2)
        }
    }

    // MARK: - Evidence

    // MARK: - Layout

    private func wrap(_ text: String, indent: Int) -> [String] {
        TextWrapper.lines(text, indent: indent, width: width)
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
