import Foundation

/// The report as a Markdown document (CommonMark with GitHub tables) for a wiki page or a
/// chat post: a summary list, the channel table, the sparklines in a code block, findings by
/// severity with their evidence as a list and their TOML in `toml` code blocks, the dropped
/// event types and the bulk task creations.
///
/// Says what the text report says, in the same words; only the layout differs.
public struct MarkdownReportFormatter: ReportFormatter {
    public init() {}

    public func format(_ report: Report) -> String {
        var out: [String] = []
        header(report, &out)
        channelTable(report, &out)
        sparklines(report, &out)
        findingsSection(report, &out)
        droppedEventTypes(report, &out)
        bulkTaskCreations(report, &out)
        return out.joined(separator: "\n") + "\n"
    }

    /// One finding as a level-4 section: heading, summary, evidence list, recommendation, TOML.
    /// Also what `--follow --format markdown` prints as each finding closes.
    public func finding(_ finding: Finding) -> String {
        var out: [String] = []
        findingSection(finding, headingLevel: 4, &out)
        return out.joined(separator: "\n") + "\n"
    }

    // MARK: - Sections

    private func header(_ r: Report, _ out: inout [String]) {
        out.append("# tasker-logscan report")
        out.append("")
        func field(_ name: String, _ value: String) { out.append("- **\(name):** \(value)") }
        let inputs = r.inputs.map { input -> String in
            var details = ReportHeaderText.inputDetails(input).map(Self.escaped)
            if let error = input.error { details.append("error: " + Self.escaped(error)) }
            return Self.code(input.name) + " (" + details.joined(separator: ", ") + ")"
        }
        field("Inputs", inputs.isEmpty ? "none" : inputs.joined(separator: ", "))
        field("Time range", ReportHeaderText.timeRange(r))
        field("Read", Self.escaped(ReportHeaderText.read(r)))
        field("Environment", Self.escaped("\(r.environment); config: \(r.configSource)"))
        field("Settings", "window \(TimeText.duration(r.window)), episode gap \(TimeText.duration(r.episodeGap)), target usage \(ReportNumber.format(r.targetUsagePercent))%")
        var filters: [String] = []
        if let since = r.since { filters.append("since \(TimeText.seconds(since))") }
        if let until = r.until { filters.append("until \(TimeText.seconds(until))") }
        if !r.channelFilter.isEmpty { filters.append("channels " + r.channelFilter.map { Self.code($0) }.joined(separator: ", ")) }
        if !filters.isEmpty { field("Filters", filters.joined(separator: "; ")) }
        for warning in r.warnings { field("Warning", Self.escaped(warning)) }
        field("Findings", Self.findingCounts(r))
    }

    private func channelTable(_ r: Report, _ out: inout [String]) {
        out += ["", "## Channels", ""]
        guard !r.channels.isEmpty else {
            out.append("No channel events.")
            return
        }
        out.append("| Channel | Capacity | Source | Saturation events | Max % | Full | Drops |")
        out.append("|:--|--:|:--|--:|--:|--:|--:|")
        for c in r.channels {
            let cells = [
                Self.code(c.channel, inTable: true),
                c.capacity.map(String.init) ?? "unknown",
                c.capacitySource?.rawValue ?? "-",
                "\(c.saturationEvents)",
                c.maxUsagePercent.map(ReportNumber.format) ?? "-",
                "\(c.fullEvents)",
                "\(c.drops)",
            ]
            out.append("| " + cells.joined(separator: " | ") + " |")
        }
    }

    private func sparklines(_ r: Report, _ out: inout [String]) {
        guard let (legend, rows) = Sparkline.section(r) else { return }
        out += ["", "## Peak usage per window", ""]
        out.append(legend.prefix(1).uppercased() + legend.dropFirst() + ".")
        out += ["", "```text"] + rows + ["```"]
    }

    private func findingsSection(_ r: Report, _ out: inout [String]) {
        out.append("")
        guard !r.findings.isEmpty else {
            out.append("## Findings: none")
            return
        }
        out.append("## Findings: " + Self.findingCounts(r))
        for severity in Severity.allCases.reversed() {
            let group = r.findings.filter { $0.severity == severity }
            guard !group.isEmpty else { continue }
            out += ["", "### \(Self.title(severity)) (\(group.count))"]
            for finding in group {
                out.append("")
                findingSection(finding, headingLevel: 4, &out)
            }
        }
    }

    private func findingSection(_ f: Finding, headingLevel: Int, _ out: inout [String]) {
        let hashes = String(repeating: "#", count: headingLevel)
        let subject = f.channel.map { Self.code($0) } ?? FindingTextBlock.subject(f)
        out.append("\(hashes) \(Self.title(f.severity)): \(Self.code(f.id.rawValue)) on \(subject)")
        out += ["", Self.escaped(f.summary), "", "**Evidence**", ""]
        out += EvidenceText.lines(f.evidence).map { "- " + Self.escaped($0) }
        out += ["", "**Recommendation:** " + Self.escaped(f.recommendation.text)]
        if let toml = f.recommendation.toml {
            out += ["", "```toml"]
            out += toml.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.isEmpty }.map(String.init)
            out.append("```")
        }
    }

    private func droppedEventTypes(_ r: Report, _ out: inout [String]) {
        guard !r.droppedEventTypes.isEmpty else { return }
        out += ["", "## Dropped event types (event_publisher)", ""]
        out.append("| Event type | Drops |")
        out.append("|:--|--:|")
        for t in r.droppedEventTypes { out.append("| \(Self.code(t.eventType, inTable: true)) | \(t.count) |") }
    }

    private func bulkTaskCreations(_ r: Report, _ out: inout [String]) {
        let bursts = r.findings.compactMap { f -> BurstEvidence? in
            if case .burst(let b) = f.evidence { return b }
            return nil
        }.sorted { $0.start < $1.start }
        guard !r.bulkTaskCreations.isEmpty || !bursts.isEmpty else { return }
        out += ["", "## Bulk task creations and PGMQ bursts", ""]
        if !r.bulkTaskCreations.isEmpty {
            out.append("| At | Tasks | PGMQ burst |")
            out.append("|:--|--:|:--|")
            for bulk in r.bulkTaskCreations {
                let explained = bursts.filter { $0.bulkTaskCreation == bulk }
                let outcome: String
                if !bulk.countsForCorrelation {
                    outcome = "under 1000 tasks: not a cause"
                } else if explained.isEmpty {
                    outcome = "no burst followed"
                } else {
                    outcome = explained.map { "burst at \(TimeText.seconds($0.start))" }.joined(separator: ", ")
                }
                out.append("| \(TimeText.seconds(bulk.at)) | \(bulk.count.map(String.init) ?? "?") | \(outcome) |")
            }
        }
        let unexplained = bursts.filter { $0.bulkTaskCreation == nil }
        if !unexplained.isEmpty, !r.bulkTaskCreations.isEmpty { out.append("") }
        for burst in unexplained {
            out.append("- Burst at \(TimeText.seconds(burst.start)): no bulk task creation of 1000+ tasks from 5m before it.")
        }
    }

    // MARK: - Markdown text

    /// `2 critical, 5 warning, 7 info`, or `none`.
    private static func findingCounts(_ r: Report) -> String {
        guard !r.findings.isEmpty else { return "none" }
        return Severity.allCases.reversed().map { "\(r.count(of: $0)) \($0.rawValue)" }.joined(separator: ", ")
    }

    /// `Critical`, `Warning`, `Info`.
    static func title(_ severity: Severity) -> String {
        severity.rawValue.prefix(1).uppercased() + severity.rawValue.dropFirst()
    }

    /// Text as Markdown shows it literally: the characters that would start emphasis, code,
    /// links, HTML or a table cell are escaped. An underscore inside a word is left alone
    /// (CommonMark never reads `orchestration_command` as emphasis), so names stay readable.
    static func escaped(_ text: String) -> String {
        let characters = Array(text)
        var out = ""
        for (i, c) in characters.enumerated() {
            switch c {
            case "\\", "`", "*", "[", "]", "<", ">", "|", "~":
                out.append("\\")
            case "_":
                let before = i > 0 ? characters[i - 1] : " "
                let after = i + 1 < characters.count ? characters[i + 1] : " "
                if !(before.isLetter || before.isNumber) || !(after.isLetter || after.isNumber) { out.append("\\") }
            case "#" where i == 0:
                out.append("\\")
            default:
                break
            }
            out.append(c)
        }
        return out
    }

    /// A code span that holds `text` whatever backticks it contains; in a table a `|` is
    /// escaped, as GitHub's tables require even inside code.
    static func code(_ text: String, inTable: Bool = false) -> String {
        var longest = 0, run = 0
        for c in text {
            run = c == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        let body = inTable ? text.replacingOccurrences(of: "|", with: "\\|") : text
        let padded = body.hasPrefix("`") || body.hasSuffix("`") ? " \(body) " : body
        return fence + padded + fence
    }
}
