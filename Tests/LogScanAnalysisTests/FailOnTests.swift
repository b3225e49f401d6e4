import Testing
@testable import LogScanEngine
@testable import LogScanConfig
@testable import LogScanAnalysis

@Suite struct FailOnTests {
    func report(_ severities: [Severity], inputError: Bool = false) -> Report {
        let finding = { (severity: Severity) in
            Finding(id: .channelFull, severity: severity, channel: "x", summary: "", start: nil, end: nil,
                    evidence: .prefix(ConfigPrefixEvidence(file: "", line: 0, header: "", correctedHeader: "")),
                    recommendation: Recommendation(text: ""))
        }
        return Report(inputs: [InputSummary(name: "a", error: inputError ? "No such file or directory" : nil)],
                      findings: severities.map(finding))
    }

    @Test func thresholds() {
        let warning = report([.info, .warning])
        #expect(FailOn.info.isTripped(by: warning))
        #expect(FailOn.warning.isTripped(by: warning))
        #expect(!FailOn.critical.isTripped(by: warning))
        #expect(!FailOn.never.isTripped(by: report([.critical])))
        #expect(!FailOn.info.isTripped(by: report([])))
        #expect(FailOn(rawValue: "warning") == .warning)
        #expect(FailOn(rawValue: "error") == nil)
    }

    @Test func exitStatuses() {
        #expect(FailOn.never.exitStatus(for: report([.critical])) == 0)
        #expect(FailOn.critical.exitStatus(for: report([.critical])) == 1)
        #expect(FailOn.critical.exitStatus(for: report([.warning])) == 0)
        // An input error wins: the report is partial.
        #expect(FailOn.critical.exitStatus(for: report([.critical], inputError: true)) == 2)
        #expect(FailOn.never.exitStatus(for: report([], inputError: true)) == 2)
    }

    @Test func severityOrder() {
        #expect(Severity.info < .warning && Severity.warning < .critical)
        #expect(report([.info, .critical, .warning]).highestSeverity == .critical)
        #expect(report([]).highestSeverity == nil)
    }
}
