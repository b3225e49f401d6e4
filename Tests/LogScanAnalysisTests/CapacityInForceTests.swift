import Foundation
import Testing
@testable import LogScanAnalysis
import TestSupport

/// SPEC §3 "capacity in force": the logs at a finding's first event, then the config tree,
/// then the runbook table; capacity changes; resizes already applied; config drift worded once.
@Suite struct CapacityInForceTests {
    typealias S = ScenarioBuilder

    /// fixtures/restart.log: 5000 at start-up, a critical saturation from 00:10 to 00:16,
    /// a restart at 00:30 with buffer_size=20000 (line 22), quiet until 01:00.
    @Test func aRestartWithTheRecommendedSizeIsAlreadyApplied() throws {
        let (status, report, _) = try ReportCLI.json(["fixtures/restart.log"])
        #expect(status == 0)
        let channels = try #require(report["channels"] as? [[String: Any]])
        let command = try #require(channels.first { $0["channel"] as? String == "orchestration_command" })
        #expect(command["capacity"] as? Int == 20000)
        #expect(command["capacity_source"] as? String == "logs")
        let changes = try #require(command["capacity_changes"] as? [[String: Any]])
        #expect(changes.count == 1)
        #expect(changes.first?["at"] as? String == "2025-10-14T00:30:00Z")
        #expect(changes.first?["from"] as? Int == 5000)
        #expect(changes.first?["to"] as? Int == 20000)
        #expect((changes.first?["line"] as? [String: Any])?["line"] as? Int == 22)

        let findings = try #require(report["findings"] as? [[String: Any]])
        let saturation = try #require(findings.first { $0["id"] as? String == "channel_saturation" })
        #expect(saturation["severity"] as? String == "critical")
        let evidence = try #require(saturation["evidence"] as? [String: Any])
        // Sized from what ran at the finding's first event, not from the 20000 at the end.
        #expect(evidence["capacity"] as? Int == 5000)
        let recommendation = try #require(saturation["recommendation"] as? [String: Any])
        #expect(recommendation["size"] is NSNull)
        #expect(recommendation["toml"] is NSNull)
        let applied = try #require(recommendation["already_applied"] as? [String: Any])
        #expect(applied["capacity"] as? Int == 20000)
        #expect(applied["since"] as? String == "2025-10-14T00:30:00Z")
        #expect((recommendation["text"] as? String) == ("It needed command_buffer_size = 20000 (now 5000; 5000 * 100 / (100 - 70) = 16667, rounded up to 20000): already applied: 20000 since 2025-10-14T00:30:00Z (fixtures/restart.log:22). No action."))

        // No resize is an action; what is left is the drift from the runbook's 5000 for production.
        let actions = try #require(report["actions"] as? [[String: Any]])
        #expect(actions.map { $0["kind"] as? String } == ["check_deployment"])
        #expect((report["config_changes"] as? [Any])?.isEmpty == true)
    }

    @Test func theTextReportListsTheChangeAndNoResize() throws {
        let r = try CLIRunner.run(["fixtures/restart.log"])
        #expect(r.stdout.contains("""
              orchestration_command  20000 logs    19   96.2    0     0
                  capacity 5000 → 20000 at 2025-10-14T00:30:00Z (fixtures/restart.log:22)
            """))
        #expect(!r.stdout.contains("Paste into"))
        #expect(r.stdout.replacingOccurrences(of: "\n      ", with: " ").contains("already applied: 20000 since 2025-10-14T00:30:00Z"))
    }

    /// A config tree for production that says 8000 while the logs show 5000: the logs win
    /// (5000 → 20000, not 8000 → 30000) and the drift says which side is which, once.
    @Test func aConfigNotInForceDoesNotSizeTheResize() throws {
        let (_, report, _) = try ReportCLI.json(["--config", "fixtures/config/not-in-force", "fixtures/plain.log"])
        let findings = try #require(report["findings"] as? [[String: Any]])
        let saturation = try #require(findings.first {
            $0["id"] as? String == "channel_saturation" && $0["channel"] as? String == "orchestration_command"
        })
        let recommendation = try #require(saturation["recommendation"] as? [String: Any])
        #expect(recommendation["size"] as? Int == 20000)
        #expect((saturation["evidence"] as? [String: Any])?["capacity"] as? Int == 5000)
        let drift = try #require(findings.first {
            $0["id"] as? String == "config_drift" && $0["channel"] as? String == "orchestration_command"
        })
        #expect(drift["severity"] as? String == "warning")
        #expect(drift["summary"] as? String == "orchestration_command: the service ran with 5000 (fixtures/plain.log:925); fixtures/config/not-in-force/environments/production/mpsc_channels.toml says 8000 for production: the config is not in force.")
        #expect((drift["recommendation"] as? [String: Any])?["text"] as? String == "Check TASKER_ENV and the deployment before resizing; 5000 is the runbook's default for production: the service may run without this config tree.")
        let channels = try #require(report["channels"] as? [[String: Any]])
        let command = try #require(channels.first { $0["channel"] as? String == "orchestration_command" })
        #expect(command["capacity"] as? Int == 5000)
        #expect(command["capacity_source"] as? String == "logs")
    }

    @Test func beforeTheFirstSizeLineTheFirstOneIsInForce() {
        var s = S()
        s.saturations("orchestration_command_channel", 96, from: S.at(0), to: S.at(6), every: 20)
        s.channelInit("orchestration_command_channel", capacity: 2000, at: S.at(7))
        s.channelInit("orchestration_command_channel", capacity: 3000, at: S.at(8))
        let report = s.analyze(end: S.at(30))
        let finding = report.findings(.channelSaturation).first
        #expect(finding?.saturation?.capacity == 2000)
        #expect(finding?.recommendation.size == 7000)
        #expect(report.channel("orchestration_command")?.capacity == 3000)
        #expect(report.channel("orchestration_command")?.capacityChanges == [
            CapacityChange(at: S.at(8), from: 2000, to: 3000, line: LineReference(input: "test.log", line: 21)),
        ])
    }

    @Test func theDriftWithoutATreeNamesOtherEnvironmentsOnly() throws {
        var s = S()
        s.channelInit("event_publisher_queue", capacity: 5000, at: S.at(0))
        let drift = try #require(s.analyze(end: S.at(10)).findings(.configDrift).first)
        #expect(drift.summary == "event_publisher: the service ran with 5000 (test.log:1); the runbook's default for production is 10000.")
        #expect(drift.recommendation.text == "Check that TASKER_ENV is production on the service: 5000 is the runbook's default for base, test or development.")
    }
}
