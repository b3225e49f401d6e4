/// What `--follow` writes: each finding as its window closes, then the summary report when
/// following stops. Text and Markdown show a finding as their reports do; JSON writes one
/// object per line (JSON Lines): each finding as in the report's `findings[]`, and last the
/// whole report (the one with `schema`).
public struct FollowOutputFormatter {
    /// The `--format` values that can stream (Prometheus exposition cannot).
    public enum Format: String, Sendable, CaseIterable {
        case text, markdown, json
    }

    public let format: Format
    public let color: Bool
    public let width: Int

    public init(format: Format, color: Bool = false, width: Int = 80) {
        self.format = format
        self.color = color
        self.width = width
    }

    /// One closed finding, ending with a blank line (text, Markdown) or a line end (JSON).
    public func finding(_ f: Finding) -> String {
        switch format {
        case .text:
            let style = TextStyle(color: color)
            let block = FindingTextBlock(style: style, width: width)
            let heading = style.severity(f.severity.rawValue.uppercased(), f.severity) + " " + block.heading(f)
            return ([heading] + block.body(f)).joined(separator: "\n") + "\n\n"
        case .markdown:
            return MarkdownReportFormatter().finding(f) + "\n"
        case .json:
            guard case .object(let members) = JSONReportFormatter().json(Report(findings: [f])),
                  case .array(let findings)? = members.first(where: { $0.0 == "findings" })?.1,
                  let object = findings.first else { return "" }
            return Self.line(object) + "\n"
        }
    }

    /// The report over everything read, written when following stops.
    public func summary(_ report: Report) -> String {
        switch format {
        case .text: TextReportFormatter(color: color, width: width).format(report)
        case .markdown: MarkdownReportFormatter().format(report)
        case .json: Self.line(JSONReportFormatter().json(report)) + "\n"
        }
    }

    /// A JSON value on one line, with the report's number and string rules.
    static func line(_ value: OrderedJSON) -> String {
        var out = ""
        render(value, into: &out)
        return out
    }

    private static func render(_ value: OrderedJSON, into out: inout String) {
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .integer(let i): out += String(i)
        case .number(let d): out += ReportNumber.format(d)
        case .string(let s): OrderedJSON.quote(s, into: &out)
        case .array(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                render(item, into: &out)
            }
            out += "]"
        case .object(let members):
            out += "{"
            for (i, (key, item)) in members.enumerated() {
                if i > 0 { out += "," }
                OrderedJSON.quote(key, into: &out)
                out += ":"
                render(item, into: &out)
            }
            out += "}"
        }
    }
}
