/// One finding as the text report prints it: `id: subject`, the summary, the evidence,
/// the recommendation and its TOML, wrapped to a width.
///
/// `--follow` prints each finding with it as its window closes; the lines are those of the
/// text report's findings section (a test pins them together).
struct FindingTextBlock {
    let style: TextStyle
    let width: Int

    init(style: TextStyle, width: Int) {
        self.style = style
        self.width = max(width, 40)
    }

    /// What the finding is about: its channel, else "several channels" or "config".
    static func subject(_ finding: Finding) -> String {
        finding.channel ?? (finding.id == .allChannelsSaturated ? "several channels" : "config")
    }

    /// `channel_saturation: orchestration_command`, the id in the severity's colour.
    func heading(_ finding: Finding) -> String {
        style.severity(finding.id.rawValue, finding.severity) + ": " + Self.subject(finding)
    }

    /// Summary (indented 4), evidence and recommendation (indented 6), then the TOML as is.
    func body(_ finding: Finding) -> [String] {
        var out = wrap(finding.summary, indent: 4)
        out.append("    Evidence")
        for line in EvidenceText.lines(finding.evidence) { out += wrap(line, indent: 6) }
        out.append("    Recommendation")
        out += wrap(finding.recommendation.text, indent: 6)
        if let toml = finding.recommendation.toml {
            out.append("")
            // TOML is pasted as is: never wrapped.
            out += toml.split(separator: "\n", omittingEmptySubsequences: false)
                .filter { !$0.isEmpty }.map { "      " + $0 }
        }
        return out
    }

    private func wrap(_ text: String, indent: Int) -> [String] {
        TextWrapper.lines(text, indent: indent, width: width)
    }
}
