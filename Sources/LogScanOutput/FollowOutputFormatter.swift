import LogScanEngine
import LogScanConfig
import LogScanAnalysis

/// What `--follow` writes: a finding when it reaches `critical` (`OPEN`, evidence so far) and
/// each finding as its window closes, then a summary when following stops. Text and Markdown
/// show a finding as their reports do; JSON writes JSON Lines:
/// `{"state":"open"|"closed","finding":…}`, the finding as in the report's `findings[]`,
/// and last `{"state":"summary",…}` with the counts and the findings still open.
public struct FollowOutputFormatter {
    /// The `--format` values that can stream (Prometheus exposition cannot).
    public enum Format: String, Sendable, CaseIterable {
        case text, markdown, json
    }

    /// Where a printed finding stands.
    public enum State: Sendable, Equatable {
        /// Reached `critical` and still going: evidence so far.
        case open
        /// Closed: final evidence. `wasOpen` when it was printed `OPEN` before.
        case closed(wasOpen: Bool)
    }

    /// The `--format` asked for.
    public let format: Format
    /// ANSI colour in text (`--color`).
    public let color: Bool
    /// Columns text is wrapped to.
    public let width: Int

    /// A formatter for `format`.
    public init(format: Format, color: Bool = false, width: Int = 80) {
        self.format = format
        self.color = color
        self.width = width
    }

    /// One finding, ending with a blank line (text, Markdown) or a line end (JSON).
    public func finding(_ f: Finding, state: State = .closed(wasOpen: false)) -> String {
        // A closed finding never printed open reads as in the report; the others say so.
        let label: String? = switch state {
        case .open: "OPEN"
        case .closed(let wasOpen): wasOpen ? "CLOSED" : nil
        }
        switch format {
        case .text:
            let style = TextStyle(color: color)
            let block = FindingTextBlock(style: style, width: width)
            let severity = style.severity(((label.map { $0 + " " } ?? "") + f.severity.rawValue.uppercased()), f.severity)
            return ([severity + " " + block.heading(f)] + block.body(f)).joined(separator: "\n") + "\n\n"
        case .markdown:
            return (label.map { "**\($0)**\n\n" } ?? "") + MarkdownReportFormatter().finding(f) + "\n"
        case .json:
            let stateName = state == .open ? "open" : "closed"
            return Self.line(.object([("state", .string(stateName)), ("finding", Self.json(f))])) + "\n"
        }
    }

    /// What following stopped with: the counts, then each finding still open.
    public func summary(_ s: FollowSummary) -> String {
        switch format {
        case .text: textSummary(s)
        case .markdown: markdownSummary(s)
        case .json: jsonSummary(s)
        }
    }

    // MARK: - Summaries

    private func textSummary(_ s: FollowSummary) -> String {
        let style = TextStyle(color: color)
        let r = s.report
        var out = [style.heading("tasker-logscan --follow stopped")]
        func field(_ name: String, _ value: String) {
            // Wrapped to the width, as the report's header is.
            let label = "  " + name.padded(to: 13)
            out += TextWrapper.lines(value, indent: label.count, width: width).enumerated().map { i, line in
                i == 0 ? label + line.dropFirst(label.count) : line
            }
        }
        for (i, input) in r.inputs.enumerated() {
            field(i == 0 ? "Inputs" : "", Self.inputText(input))
        }
        field("Time range", ReportHeaderText.timeRange(r))
        field("Read", "\(r.inputs.reduce(0) { $0 + $1.lines }) lines, \(ReportNumber.counted(s.eventsRead, "event"))")
        field("Closed", "\(s.closedCount) printed (\(FollowSummary.counts(s.closed)))")
        field("Still open", "\(s.openTotal) (\(FollowSummary.counts(s.openCounts)))")
        for warning in r.warnings { field("Warning", warning) }
        if !s.open.isEmpty {
            out.append("")
            out.append(style.heading("STILL OPEN (\(s.open.count))"))
            let block = FindingTextBlock(style: style, width: width)
            for f in s.open {
                out.append("")
                out.append("  " + style.severity(f.severity.rawValue.uppercased(), f.severity) + " " + block.heading(f))
                out += block.body(f).map { $0.isEmpty ? $0 : "  " + $0 }
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    private func markdownSummary(_ s: FollowSummary) -> String {
        let r = s.report
        var out = ["# tasker-logscan --follow stopped", ""]
        for input in r.inputs { out.append("- **Input:** " + Self.inputText(input)) }
        out.append("- **Time range:** " + ReportHeaderText.timeRange(r))
        out.append("- **Closed:** \(s.closedCount) printed (\(FollowSummary.counts(s.closed)))")
        out.append("- **Still open:** \(s.openTotal) (\(FollowSummary.counts(s.openCounts)))")
        for warning in r.warnings { out.append("- **Warning:** " + warning) }
        var text = out.joined(separator: "\n") + "\n"
        if !s.open.isEmpty {
            text += "\n## Still open (\(s.open.count))\n\n"
            text += s.open.map { MarkdownReportFormatter().finding($0) }.joined(separator: "\n")
        }
        return text
    }

    /// One line `{"state":"summary",…}`: inputs, counts, and the findings still open
    /// (inside it, so that a filter on `"open"` lines sees each live announcement once).
    private func jsonSummary(_ s: FollowSummary) -> String {
        func counts(_ c: [Severity: Int]) -> OrderedJSON {
            .object(Severity.allCases.reversed().map { ($0.rawValue, .integer(c[$0] ?? 0)) })
        }
        let report = JSONReportFormatter().json(Report(inputs: s.report.inputs, warnings: s.report.warnings))
        var members: [(String, OrderedJSON)] = [("state", .string("summary"))]
        if case .object(let all) = report, let inputs = all.first(where: { $0.0 == "inputs" })?.1 {
            members.append(("inputs", inputs))
        }
        members.append(("events", .integer(Int64(s.eventsRead))))
        members.append(("closed", counts(s.closed)))
        members.append(("open", counts(s.openCounts)))
        members.append(("warnings", .array(s.report.warnings.map { .string($0) })))
        members.append(("still_open", .array(s.open.map(Self.json))))
        return Self.line(.object(members)) + "\n"
    }

    private static func inputText(_ input: InputSummary) -> String {
        var value = "\(input.name): " + ReportHeaderText.inputDetails(input).joined(separator: ", ")
        if let error = input.error { value += " (error: \(error))" }
        return value
    }

    /// The finding's object as the report's `findings[]` holds it.
    static func json(_ f: Finding) -> OrderedJSON {
        guard case .object(let members) = JSONReportFormatter().json(Report(findings: [f])),
              case .array(let findings)? = members.first(where: { $0.0 == "findings" })?.1,
              let object = findings.first else { return .null }
        return object
    }

    /// A JSON value on one line, with the report's number and string rules.
    static func line(_ value: OrderedJSON) -> String { value.renderedCompact() }
}
