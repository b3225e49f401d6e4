import Testing
@testable import LogScanConfig
@testable import LogScanAnalysis
@testable import LogScanOutput
import TestSupport

/// `--follow` prints findings with `FindingTextBlock` and the Markdown report its evidence with
/// `EvidenceText`: both must say exactly what the text report says.
@Suite struct FindingTextBlockTests {
    /// The text report's findings section, rebuilt from the blocks (the report prints TOML under Actions).
    static func findingsSection(_ report: Report, width: Int, color: Bool) -> String {
        let style = TextStyle(color: color)
        let block = FindingTextBlock(style: style, width: width, showsTOML: false)
        var lines: [String] = []
        for severity in Severity.allCases.reversed() {
            let group = report.findings.filter { $0.severity == severity }
            guard !group.isEmpty else { continue }
            lines += ["", style.severity("\(severity.rawValue.uppercased()) (\(group.count))", severity)]
            for finding in group { lines += ["", "  " + block.heading(finding)] + block.body(finding) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test(arguments: [80, 120, 60])
    func blocksAreTheTextReportsFindings(width: Int) {
        for report in [SampleScenario.report(), OperatorScenario.report()] {
            for color in [false, true] {
                let text = TextReportFormatter(color: color, width: width).format(report)
                let section = Self.findingsSection(report, width: width, color: color)
                #expect(report.findings.count > 3)
                #expect(text.contains(section))
            }
        }
    }

    @Test func evidenceLinesAreTheTextReportsEvidence() {
        let report = SampleScenario.report()
        let text = TextReportFormatter(color: false, width: 10_000).format(report)
        for finding in report.findings {
            let evidence = EvidenceText.lines(finding.evidence).map { "      " + $0 }.joined(separator: "\n")
            #expect(text.contains("    Evidence\n" + evidence + "\n    Recommendation\n"))
        }
    }

    @Test func subjectNamesTheChannelOrWhatElseItIsAbout() {
        let report = SampleScenario.report()
        #expect(FindingTextBlock.subject(report.findings[0]) == "orchestration_command")
        let evidence = AllChannelsSaturatedEvidence(start: ScenarioBuilder.at(0), end: ScenarioBuilder.at(5),
                                                    channels: [], events: 4, peakPerMinute: 2)
        let several = Finding(id: .allChannelsSaturated, severity: .critical, channel: nil, summary: "s",
                              start: nil, end: nil, evidence: .allChannelsSaturated(evidence),
                              recommendation: Recommendation(text: "r"))
        #expect(FindingTextBlock.subject(several) == "several channels")
        let prefix = ConfigPrefixEvidence(file: "f.toml", line: 3, header: "[a]", correctedHeader: "[mpsc_channels.a]")
        let config = Finding(id: .configPrefix, severity: .critical, channel: nil, summary: "s", start: nil, end: nil,
                             evidence: .prefix(prefix), recommendation: Recommendation(text: "r"))
        #expect(FindingTextBlock.subject(config) == "config")
    }
}
