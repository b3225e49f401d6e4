import LogScanAnalysis

/// One finding as the text report prints it: `id: subject`, the summary, the evidence,
/// the sources, the recommendation and its TOML, wrapped to a width; every string that
/// came from a log line is escaped (`DisplayText`).
///
/// `--follow` prints each finding with it as its window closes; the lines are those of the
/// text report's findings section (a test pins them together).
struct FindingTextBlock {
    let style: TextStyle
    let width: Int
    /// The report prints every TOML change once, under Actions; `--follow` prints it with the finding.
    let showsTOML: Bool

    init(style: TextStyle, width: Int, showsTOML: Bool = true) {
        self.style = style
        self.width = max(width, 40)
        self.showsTOML = showsTOML
    }

    /// What the finding is about: its channel, else "several channels" or "config".
    static func subject(_ finding: Finding) -> String {
        finding.channel.map { DisplayText.name($0) } ?? (finding.id == .allChannelsSaturated ? "several channels" : "config")
    }

    /// `channel_saturation: orchestration_command`, the id in the severity's colour; a long
    /// name is cut so that the line fits the width.
    func heading(_ finding: Finding) -> String {
        let room = max(12, width - 4 - finding.id.rawValue.count)
        let subject = finding.channel.map { DisplayText.name($0, limit: min(room, DisplayText.nameLimit)) } ?? Self.subject(finding)
        return style.severity(finding.id.rawValue, finding.severity) + ": " + subject
    }

    /// Summary (indented 4), evidence and recommendation (indented 6), then the TOML as is.
    func body(_ finding: Finding) -> [String] {
        var out = wrap(finding.summary, indent: 4)
        out.append("    Evidence")
        for line in EvidenceText.lines(finding.evidence) { out += wrap(line, indent: 6) }
        if let sources = FindingGroups.sourcesLine(finding.sources) { out += wrap(sources, indent: 6) }
        out.append("    Recommendation")
        out += wrap(finding.recommendation.text, indent: 6)
        if let toml = finding.recommendation.toml {
            if showsTOML {
                out.append("")
                // TOML is pasted as is: never wrapped.
                out += toml.split(separator: "\n", omittingEmptySubsequences: false)
                    .filter { !$0.isEmpty }.map { "      " + DisplayText.escaped(String($0)) }
            } else {
                out.append("      The TOML is under Actions.")
            }
        }
        return out
    }

    private func wrap(_ text: String, indent: Int) -> [String] {
        TextWrapper.lines(DisplayText.escaped(text), indent: indent, width: width)
    }
}
