import Foundation
import Testing
@testable import LogScanConfig
@testable import LogScanAnalysis
@testable import LogScanOutput
import TestSupport

/// Every scenario's JSON output validates against docs/report.schema.json, and the schema
/// rejects what it must.
@Suite struct ReportSchemaTests {
    static func validator() throws -> JSONSchemaValidator {
        try JSONSchemaValidator(schema: Data(contentsOf: ExampleReportTests.docs.appendingPathComponent("report.schema.json")))
    }

    /// Bulk task creations past the limit: counted in the JSON (0 when none), and validated.
    @Test func countedBulkTaskCreationsValidate() throws {
        let validator = try Self.validator()
        var report = SampleScenario.report()
        #expect(JSONReportFormatter().format(report).contains("\"bulk_task_creations_counted\": 0,\n  \"counted_findings\""))
        report.countedBulkTaskCreations = 7
        let json = JSONReportFormatter().format(report)
        #expect(json.contains("\"bulk_task_creations_counted\": 7,\n"))
        #expect(try validator.validate(json: json) == [])
        #expect(try validator.validate(json: json.replacingOccurrences(of: "\"bulk_task_creations_counted\": 7", with: "\"bulk_task_creations_counted\": -1")) != [])
        #expect(try validator.validate(json: json.replacingOccurrences(of: "\"bulk_task_creations_counted\": 7,\n", with: "")) != [])
    }

    @Test func scenarioReportsValidate() throws {
        let validator = try Self.validator()
        let reports = JSONScenarios.all.map(\.1) + [SampleScenario.report(), Report()]
        for report in reports {
            #expect(try validator.validate(json: JSONReportFormatter().format(report)) == [])
        }
    }

    /// The fields of issue 11 filled in: actions and config changes, capacity changes and a
    /// resize already applied (restart fixture), sources (a --prefix log), known findings
    /// (a baseline), untyped drops; and the schema rejects them broken.
    @Test func theFieldsOfActionsCapacitiesSourcesAndBaselinesValidate() throws {
        let validator = try Self.validator()
        let restart = try CLIRunner.run(["--json", "fixtures/restart.log"]).stdout
        #expect(restart.contains("\"already_applied\": {") && restart.contains("\"capacity_changes\": [\n"))
        let prefixed = try CLIRunner.run(["--json", "fixtures/kubectl-prefixed.log"]).stdout
        #expect(prefixed.contains("\"source\": \"tasker-worker-5f8b7\""))
        #expect(prefixed.contains("\"kind\": \"resize\"") && prefixed.contains("\"untyped_drops\": 28"))
        let baseline = try ReportCLI.temporaryFile("baseline.json", prefixed)
        let known = try CLIRunner.run(["--json", "--baseline", baseline.path, "fixtures/kubectl-prefixed.log"]).stdout
        #expect(known.contains("\"known\": true"))
        let prefix = try CLIRunner.run(["--json", "--config", "fixtures/config/broken-prefix", "fixtures/plain.log"]).stdout
        #expect(prefix.contains("\"kind\": \"fix_config_prefix\""))
        for json in [restart, prefixed, known, prefix] { #expect(try validator.validate(json: json) == []) }

        var object = try #require(try JSONSerialization.jsonObject(with: Data(prefixed.utf8)) as? [String: Any])
        var actions = try #require(object["actions"] as? [[String: Any]])
        actions[0]["kind"] = "pray"
        object["actions"] = actions
        #expect(validator.validate(object) == ["$.actions[0].kind: pray is not one of the enum values"])
    }

    @Test func everyFindingKindValidates() throws {
        // Config findings and all_channels_saturated do not occur in the scenarios above.
        var s = ScenarioBuilder()
        s.saturation("orchestration_command", 96, at: ScenarioBuilder.at(1))
        s.saturation("worker_command", 97, at: ScenarioBuilder.at(2))
        s.channelInit("ruby_ffi_event_handler", capacity: 1000, at: nil)
        let config = FixedConfiguration(capacities: ["ruby_ffi": 3000], prefixProblems: [
            ConfigPrefixProblem(file: "a.toml", line: 1, header: "[shared.ffi]", correctedHeader: "[mpsc_channels.shared.ffi]"),
        ])
        let report = s.analyze(AnalysisOptions(configuration: config), end: ScenarioBuilder.at(30))
        #expect(Set(report.findings.map(\.id)) == [.allChannelsSaturated, .channelSaturation, .configDrift, .configPrefix])
        #expect(try Self.validator().validate(json: JSONReportFormatter().format(report)) == [])
    }

    @Test func theValidatorRejectsBrokenReports() throws {
        let validator = try Self.validator()
        let json = JSONReportFormatter().format(JSONScenarios.burst())
        func broken(_ edit: (inout [String: Any]) -> Void) throws -> [String] {
            var object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
            edit(&object)
            return validator.validate(object)
        }
        #expect(try broken { $0["schema"] = "tasker-logscan/report/v2" } == ["$.schema: expected the constant tasker-logscan/report/v1"])
        #expect(try broken { $0.removeValue(forKey: "lines_read") } == ["$: missing required property lines_read"])
        #expect(try broken { $0["surprise"] = 1 } == ["$: unexpected property surprise"])
        #expect(try broken { $0["events_found"] = "five" } == ["$.events_found: expected integer, got string"])
        #expect(try broken { $0["window_seconds"] = 0 } == ["$.window_seconds: 0.0 is not above 0.0"])
        #expect(try broken { object in
            var findings = object["findings"] as! [[String: Any]]
            var evidence = findings[0]["evidence"] as! [String: Any]
            evidence.removeValue(forKey: "correlated")
            findings[0]["evidence"] = evidence
            object["findings"] = findings
        } == ["$.findings[0]: matches 0 of the oneOf schemas, expected exactly 1"])
        #expect(try broken { object in
            var channels = object["channels"] as! [[String: Any]]
            channels[0]["capacity_source"] = "guess"
            object["channels"] = channels
        } == ["$.channels[0].capacity_source: guess is not one of the enum values"])
    }
}
