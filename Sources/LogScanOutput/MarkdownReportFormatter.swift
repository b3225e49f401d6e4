import LogScanConfig
import LogScanAnalysis
import LogScanEngine

/// The report as a Markdown document (CommonMark with GitHub tables) for a wiki page or a
/// pull request comment: a summary list, the actions with one TOML block per file, the
/// channel table, the sparklines in a code block, findings by severity (more than three of
/// one id and channel grouped) with their evidence as a list, the dropped event types and
/// the bulk task creations.
///
/// Says what the text report says, in the same words; only the layout differs. It stays
/// under GitHub's 65,536-character comment limit: what does not fit is left out, whole
/// sections or findings at a time, and a closing line says so.
public struct MarkdownReportFormatter: ReportFormatter {
    /// GitHub's limit for a comment or a pull request description.
    public static let characterLimit = 65_536

    public init() {}

    public func format(_ report: Report) -> String {
        var chunks: [[String]] = []
        chunks.append(header(report))
        chunks += actions(report)
        chunks += channelTable(report)
        chunks.append(sparklines(report))
        chunks += findingsSection(report)
        chunks += droppedEventTypes(report)
        chunks += bulkTaskCreations(report)
        return Self.fitted(chunks, findings: report.findings.count, counted: report.countedTotal)
    }

    /// One finding as a level-4 section: heading, summary, evidence list, recommendation, TOML.
    /// Also what `--follow --format markdown` prints as each finding closes.
    public func finding(_ finding: Finding) -> String {
        findingSection(finding, headingLevel: 4, showsTOML: true).joined(separator: "\n") + "\n"
    }

    /// The chunks joined, as many as fit under the limit with room for the closing notice;
    /// `counted`: the findings past the report's limit, which no format lists.
    static func fitted(_ chunks: [[String]], findings: Int, counted: Int = 0) -> String {
        let notice = counted == 0
            ? "_This report was cut to stay under GitHub's 65,536-character comment limit; the JSON report (`--format json`) has every one of its \(findings) findings._"
            : "_This report was cut to stay under GitHub's 65,536-character comment limit; the JSON report (`--format json`) lists \(findings) findings and counts the \(counted) past the report's limit._"
        let budget = characterLimit - notice.utf8.count - 8
        var out = ""
        var used = 0
        for chunk in chunks where !chunk.isEmpty {
            WorkMeter.tick()
            let text = chunk.joined(separator: "\n") + "\n"
            let size = text.utf8.count
            if used + size > budget {
                return out + "\n" + notice + "\n"
            }
            out += text
            used += size
        }
        return out
    }

    // MARK: - Sections

    private func header(_ r: Report) -> [String] {
        var out = ["# tasker-logscan report", ""]
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
        if let baseline = ReportHeaderText.baseline(r) { field("Baseline", Self.escaped(baseline)) }
        for warning in r.warnings { field("Warning", Self.escaped(warning)) }
        field("Findings", Self.escaped(ReportHeaderText.findingCounts(r)))
        return out
    }

    private func actions(_ r: Report) -> [[String]] {
        var out = ["", "## Actions", ""]
        guard !r.actions.isEmpty else { return [out + [Self.escaped(ReportHeaderText.noActions(r))]] }
        for (i, action) in r.actions.enumerated() {
            out.append("\(i + 1). **\(Self.title(action.severity))**: \(Self.escaped(action.text)) (for \(Self.escaped(ReportHeaderText.served(action, r))))")
        }
        var chunks = [out]
        for change in r.configChanges {
            var block = ["", "Paste into " + Self.code(change.file) + ":", "", "```toml"]
            block += change.toml.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
                .filter { !$0.hasPrefix("#") }.map { Self.fenceSafe(String($0)) }
            block.append("```")
            chunks.append(block)
        }
        return chunks
    }

    private func channelTable(_ r: Report) -> [[String]] {
        var head = ["", "## Channels", ""]
        guard !r.channels.isEmpty else { return [head + ["No channel events."]] }
        head.append("| Channel | Capacity | Source | Capacity changes | Saturation events | Max % | Full | Drops |")
        head.append("|:--|--:|:--|:--|--:|--:|--:|--:|")
        var chunks = [head]
        for c in r.channels {
            WorkMeter.tick()
            let changes = c.capacityChanges.map { "\($0.from) → \($0.to) at \(TimeText.seconds($0.at))" }
            let cells = [
                Self.code(DisplayText.name(c.channel), inTable: true),
                c.capacity.map(String.init) ?? "unknown",
                c.capacitySource?.rawValue ?? "-",
                changes.isEmpty ? "-" : changes.joined(separator: "; "),
                "\(c.saturationEvents)",
                c.maxUsagePercent.map(ReportNumber.format) ?? "-",
                "\(c.fullEvents)",
                "\(c.drops)",
            ]
            chunks.append(["| " + cells.joined(separator: " | ") + " |"])
        }
        return chunks
    }

    private func sparklines(_ r: Report) -> [String] {
        guard let (legend, rows) = Sparkline.section(r) else { return [] }
        var out = ["", "## Peak usage per window", ""]
        out.append(legend.prefix(1).uppercased() + legend.dropFirst() + ".")
        out += ["", "```text"] + rows.map(Self.fenceSafe) + ["```"]
        return out
    }

    private func findingsSection(_ r: Report) -> [[String]] {
        let sections = FindingGroups.sections(r.findings)
        guard !sections.isEmpty else { return [["", "## Findings: " + Self.escaped(ReportHeaderText.findingCounts(r))]] }
        var chunks = [["", "## Findings: " + Self.escaped(ReportHeaderText.findingCounts(r))]]
        for section in sections {
            chunks.append(["", "### \(Self.title(section.severity)) (\(section.count))"])
            for entry in section.entries {
                var chunk = [""] + findingSection(entry.finding, headingLevel: 4, showsTOML: false)
                if !entry.others.isEmpty {
                    chunk += ["", "\(entry.others.count) more \(Self.code(entry.finding.id.rawValue)) findings on \(Self.subject(entry.finding)):", ""]
                    chunk += entry.others.map { "- " + Self.escaped(FindingGroups.oneLine($0)) }
                }
                chunks.append(chunk)
            }
        }
        let counted = ReportHeaderText.countedFindings(r)
        if !counted.isEmpty {
            chunks.append(["", Self.escaped(ReportHeaderText.countedHeading(r)) + ":", ""] + counted.map { "- " + Self.escaped($0) })
        }
        return chunks
    }

    private func findingSection(_ f: Finding, headingLevel: Int, showsTOML: Bool) -> [String] {
        let hashes = String(repeating: "#", count: headingLevel)
        var out = ["\(hashes) \(Self.title(f.severity)): \(Self.code(f.id.rawValue)) on \(Self.subject(f))"]
        out += ["", Self.escaped(f.summary), "", "**Evidence**", ""]
        out += EvidenceText.lines(f.evidence).map { "- " + Self.escaped($0) }
        if let sources = FindingGroups.sourcesLine(f.sources) { out.append("- " + Self.escaped(sources)) }
        out += ["", "**Recommendation:** " + Self.escaped(f.recommendation.text)]
        if let toml = f.recommendation.toml {
            if showsTOML {
                out += ["", "```toml"]
                out += toml.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.isEmpty }.map { Self.fenceSafe(String($0)) }
                out.append("```")
            } else {
                out += ["", "The TOML is under Actions."]
            }
        }
        return out
    }

    private func droppedEventTypes(_ r: Report) -> [[String]] {
        guard !r.droppedEventTypes.isEmpty || r.untypedDrops > 0 else { return [] }
        var chunks = [["", "## Dropped event types (event_publisher)", "", "| Event type | Drops |", "|:--|--:|"]]
        for t in r.droppedEventTypes { chunks.append(["| \(Self.code(DisplayText.name(t.eventType), inTable: true)) | \(t.count) |"]) }
        if r.untypedDrops > 0 { chunks.append(["", Self.escaped(ReportHeaderText.untypedDrops(r)) + "."]) }
        return chunks
    }

    private func bulkTaskCreations(_ r: Report) -> [[String]] {
        let correlations = BurstCorrelations(r)
        guard !r.bulkTaskCreations.isEmpty || !correlations.bursts.isEmpty else { return [] }
        var chunks = [["", "## Bulk task creations and PGMQ bursts", ""]]
        if !r.bulkTaskCreations.isEmpty {
            chunks.append(["| At | Tasks | PGMQ burst |", "|:--|--:|:--|"])
            for bulk in r.bulkTaskCreations {
                let explained = correlations.explained(by: bulk)
                let outcome: String
                if !bulk.countsForCorrelation {
                    outcome = "under 1000 tasks: not a cause"
                } else if explained.isEmpty {
                    outcome = "no burst followed"
                } else {
                    outcome = explained.map { "burst at \(TimeText.seconds($0.start))" }.joined(separator: ", ")
                }
                chunks.append(["| \(TimeText.seconds(bulk.at)) | \(bulk.count.map(String.init) ?? "?") | \(outcome) |"])
            }
        }
        if r.countedBulkTaskCreations > 0 {
            chunks.append(["", "And \(r.countedBulkTaskCreations) more, counted, not listed (the report lists the first \(r.bulkTaskCreations.count))."])
        }
        let unexplained = correlations.unexplained
        if !unexplained.isEmpty, !r.bulkTaskCreations.isEmpty { chunks.append([""]) }
        for burst in unexplained {
            chunks.append(["- Burst at \(TimeText.seconds(burst.start)): no bulk task creation of 1000+ tasks from 5m before it."])
        }
        return chunks
    }

    /// The finding's channel as code, else "several channels" or "config".
    private static func subject(_ f: Finding) -> String {
        f.channel.map { code(DisplayText.name($0)) } ?? FindingTextBlock.subject(f)
    }

    /// A line inside a fenced code block: escaped, and never a fence itself.
    static func fenceSafe(_ line: String) -> String {
        let shown = DisplayText.escaped(line)
        return shown.hasPrefix("```") || shown.hasPrefix("~~~") ? " " + shown : shown
    }

    // MARK: - Markdown text

    /// `Critical`, `Warning`, `Info`.
    static func title(_ severity: Severity) -> String {
        severity.rawValue.prefix(1).uppercased() + severity.rawValue.dropFirst()
    }

    /// Text as Markdown shows it literally: the characters that would start emphasis, code,
    /// links, HTML or a table cell are escaped. An underscore inside a word is left alone
    /// (CommonMark never reads `orchestration_command` as emphasis), so names stay readable.
    static func escaped(_ text: String) -> String {
        WorkMeter.tick()
        let characters = Array(DisplayText.escaped(text))
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
        let text = DisplayText.escaped(text)
        var longest = 0, run = 0
        for c in text {
            run = c == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        let body = inTable ? text.replacingEvery("|", with: "\\|") : text
        let padded = body.hasPrefix("`") || body.hasSuffix("`") ? " \(body) " : body
        return fence + padded + fence
    }
}
