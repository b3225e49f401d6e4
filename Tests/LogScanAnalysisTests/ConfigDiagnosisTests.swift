import Testing
@testable import LogScanConfig
@testable import LogScanAnalysis
import TestSupport

@Suite struct ConfigDiagnosisTests {
    typealias S = ScenarioBuilder

    @Test func logsDifferingFromTheRunbookTableAreInfo() throws {
        var s = S()
        s.channelInit("event_publisher_queue", capacity: 5000, at: S.at(0))
        s.channelInit("orchestration_command_channel", capacity: 5000, at: S.at(0))
        let report = s.analyze(end: S.at(10))
        let drift = try #require(report.findings(.configDrift).first)
        #expect(report.findings.count == 1)
        #expect(drift.severity == .info)
        #expect(drift.channel == "event_publisher")
        #expect(drift.drift == ConfigDriftEvidence(
            logsCapacity: 5000, expectedCapacity: 10_000, expectedSource: .runbookDefault, environment: "production",
            configFile: nil, seenAt: S.at(0), line: LineReference(input: "test.log", line: 1),
            matchingEnvironments: ["base", "test", "development"]))
        #expect(drift.summary == "event_publisher: the service ran with 5000 (test.log:1); the runbook's default for production is 10000.")
        #expect(drift.recommendation == Recommendation(text: "Check that TASKER_ENV is production on the service: 5000 is the runbook's default for base, test or development."))
        #expect(S().analyze(AnalysisOptions(environment: "development")).findings.isEmpty)
        var dev = S()
        dev.channelInit("event_publisher_queue", capacity: 5000, at: S.at(0))
        #expect(dev.analyze(AnalysisOptions(environment: "development")).findings.isEmpty)
    }

    @Test func logsDifferingFromTheConfigTreeAreAWarning() throws {
        var s = S()
        s.channelInit("ruby_ffi_event_handler", capacity: 1000, at: nil)
        let config = FixedConfiguration(capacities: ["ruby_ffi": 3000], warnings: ["bad.toml: unreadable"])
        let report = s.analyze(AnalysisOptions(configuration: config))
        // The logs say what ran (SPEC §3): they win over the config tree.
        #expect(report.channel("ruby_ffi")?.capacity == 1000)
        #expect(report.channel("ruby_ffi")?.capacitySource == .logs)
        #expect(report.warnings == ["bad.toml: unreadable"])
        #expect(report.configSource == "config/tasker (seed layout)")
        let drift = try #require(report.findings.first)
        #expect(drift.severity == .warning)
        #expect(drift.start == nil)
        #expect(drift.summary == "ruby_ffi: the service ran with 1000 (test.log:1); config/tasker/environments/production/mpsc_channels.toml says 3000 for production: the config is not in force.")
        #expect(drift.recommendation.text == "Check TASKER_ENV and the deployment before resizing; 1000 is the runbook's default for base or test.")
    }

    @Test func tablesWithoutThePrefixAreCritical() throws {
        let problem = ConfigPrefixProblem(file: "config/tasker/environments/production/mpsc_channels.toml", line: 3,
                                          header: "[orchestration.command_processor]",
                                          correctedHeader: "[mpsc_channels.orchestration.command_processor]")
        let ambiguous = ConfigPrefixProblem(file: "f.toml", line: 9, header: "[orchestration.event_systems]",
                                            correctedHeader: "[mpsc_channels.orchestration.event_systems]")
        let report = S().analyze(AnalysisOptions(configuration: FixedConfiguration(prefixProblems: [problem, ambiguous])))
        #expect(report.findings.map(\.channel) == ["orchestration_command", nil])
        let finding = report.findings[0]
        #expect(finding.severity == .critical)
        #expect(finding.summary == "config/tasker/environments/production/mpsc_channels.toml:3: [orchestration.command_processor] lacks the mpsc_channels prefix: it creates a conflicting top-level key and does not override the channel.")
        #expect(finding.recommendation == Recommendation(
            text: "Rename the table header to [mpsc_channels.orchestration.command_processor].",
            file: "config/tasker/environments/production/mpsc_channels.toml",
            toml: "# config/tasker/environments/production/mpsc_channels.toml\n[mpsc_channels.orchestration.command_processor]\n"))
        // --channel keeps the problems of its channels and those naming none.
        let filtered = S().analyze(AnalysisOptions(channels: ["pgmq_notifications"],
                                                   configuration: FixedConfiguration(prefixProblems: [problem, ambiguous])))
        #expect(filtered.findings.map(\.evidence) == [.prefix(ConfigPrefixEvidence(file: "f.toml", line: 9, header: "[orchestration.event_systems]", correctedHeader: "[mpsc_channels.orchestration.event_systems]"))])
    }
}
