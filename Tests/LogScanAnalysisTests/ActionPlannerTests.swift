import Testing
@testable import LogScanConfig
@testable import LogScanAnalysis
import TestSupport

/// SPEC §4 *actions*: one per config key (largest size, file of --env, findings served), one
/// per distinct non-TOML advice, one TOML block per file.
@Suite struct ActionPlannerTests {
    typealias S = ScenarioBuilder

    @Test func oneResizePerKeyWithTheLargestSize() throws {
        var s = S()
        s.channelInit("orchestration_command_channel", capacity: 5000, at: S.at(0))
        // A warning (2x: 10000) then a critical episode (20000) of the same channel and key.
        s.saturations("orchestration_command_channel", 85, from: S.at(1), to: S.at(17), every: 60)
        s.saturations("orchestration_command_channel", 96, from: S.at(40), to: S.at(46), every: 20)
        let report = s.analyze(end: S.at(90))
        let resizes = report.actions.filter { $0.kind == .resize }
        #expect(resizes.count == 1)
        let action = try #require(resizes.first)
        #expect(action.severity == .critical)
        #expect(action.size == 20000)
        #expect(action.current == 5000)
        #expect(action.configKey == "mpsc_channels.orchestration.command_processor.command_buffer_size")
        #expect(action.file == "config/tasker/environments/production/mpsc_channels.toml")
        #expect(action.findings.map { report.findings[$0].severity } == [.critical, .warning])
        #expect(action.text == "orchestration_command: set command_buffer_size = 20000 (now 5000) in config/tasker/environments/production/mpsc_channels.toml")
        #expect(report.configChanges == [ConfigFileChange(
            file: "config/tasker/environments/production/mpsc_channels.toml",
            toml: "# config/tasker/environments/production/mpsc_channels.toml\n[mpsc_channels.orchestration.command_processor]\ncommand_buffer_size = 20000\n")])
    }

    @Test func aCorrectedTableNeverUndoesAResize() {
        func action(_ kind: Action.Kind, _ toml: String) -> Action {
            Action(kind: kind, severity: .critical, file: "f.toml", toml: toml, text: "", findings: [])
        }
        let merged = ActionPlanner.mergedChanges([
            action(.resize, "# f.toml\n[mpsc_channels.a]\nsize = 20000\n"),
            action(.fixConfigPrefix, "# f.toml\n[mpsc_channels.a]\nsize = 4000\nother = 1\n"),
            action(.resize, "# f.toml\n[mpsc_channels.b]\nkey = 7\n"),
        ])
        #expect(merged == [ConfigFileChange(file: "f.toml", toml: "# f.toml\n[mpsc_channels.a]\nsize = 20000\nother = 1\n\n[mpsc_channels.b]\nkey = 7\n")])
    }

    @Test func adviceIsOneActionPerKind() {
        let report = SampleScenario.report()
        #expect(report.actions.map(\.kind) == [.resize, .optimiseConsumer, .resize, .investigateEventStorm,
                                                .findOtherProducer, .checkDeployment])
        let consumer = report.actions.first { $0.kind == .optimiseConsumer }
        #expect(consumer?.findings.map { report.findings[$0].id } == [.channelSaturation, .rubyFFIBackpressure])
        #expect(consumer?.channel == "ruby_ffi")
        #expect(report.actions.allSatisfy { $0.kind == .resize || $0.toml == nil })
    }

    @Test func knownFindingsAndAppliedResizesAreNoAction() {
        var report = SampleScenario.report()
        for i in report.findings.indices { report.findings[i].known = true }
        #expect(report.withActions().actions.isEmpty)
    }

    @Test func theConfigPrefixFixCarriesTheKeysAndValues() throws {
        let tree = try ConfigTree.load(root: EngineFixtures.packageRoot.appendingPathComponent("fixtures/config/broken-prefix").path)
        let problem = try #require(tree.prefixProblems.first { $0.header == "[shared.ffi]" })
        let draft = ConfigPrefixDiagnosis.diagnose(problem, configuration: tree)
        #expect(draft.finding.recommendation.toml == "# \(problem.file)\n[mpsc_channels.shared.ffi]\nruby_event_buffer_size = 2000\n")
    }
}
