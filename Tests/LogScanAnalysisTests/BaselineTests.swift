import Foundation
import Testing
@testable import LogScanEngine
@testable import LogScanAnalysis
@testable import LogScanOutput
import TestSupport

/// `--baseline FILE`: findings of an earlier report are known (SPEC §4), counted in one
/// line, left out of the actions and of `--fail-on`.
@Suite(.serialized) struct BaselineTests {
    static func baseline(of arguments: [String]) throws -> URL {
        let r = try CLIRunner.run(arguments + ["--json"])
        return try ReportCLI.temporaryFile("baseline.json", r.stdout)
    }

    @Test func theSameLogIsAllKnown() throws {
        let baseline = try Self.baseline(of: ["fixtures/plain.log"])
        let (status, report, _) = try ReportCLI.json(["--baseline", baseline.path, "--fail-on", "info", "fixtures/plain.log"])
        #expect(status == 0)
        let findings = try #require(report["findings"] as? [[String: Any]])
        #expect(findings.count == 19)
        #expect(findings.allSatisfy { $0["known"] as? Bool == true })
        #expect(report["known_findings"] as? Int == 19)
        #expect((report["actions"] as? [Any])?.isEmpty == true)
        #expect(report["baseline"] as? String == baseline.path)

        let text = try CLIRunner.run(["--baseline", baseline.path, "--fail-on", "info", "fixtures/plain.log"],
                                     environment: ["COLUMNS": "300"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("  Baseline     \(baseline.path): 19 known findings, not shown\n"))
        #expect(text.stdout.contains("Findings: none (and 19 known, not shown)\n"))
        #expect(!text.stdout.contains("CRITICAL ("))
        // Without the baseline the same run trips --fail-on info.
        #expect(try CLIRunner.run(["--fail-on", "info", "fixtures/plain.log"]).status == 1)
    }

    /// The first 985 lines end at 01:04:09, in the middle of the continuous drop episode
    /// that starts at 01:03:04: ongoing in the baseline, the same episode tonight.
    @Test func theFirstHalfMakesSomeKnownAndSomeNew() throws {
        let plain = try String(contentsOf: EngineFixtures.packageRoot.appendingPathComponent("fixtures/plain.log"), encoding: .utf8)
        let half = plain.split(separator: "\n", omittingEmptySubsequences: false).prefix(985).joined(separator: "\n") + "\n"
        let halfLog = try ReportCLI.temporaryFile("half.log", half)
        let baseline = try Self.baseline(of: [halfLog.path])
        let (status, report, _) = try ReportCLI.json(["--baseline", baseline.path, "--fail-on", "critical", "fixtures/plain.log"])
        let findings = try #require(report["findings"] as? [[String: Any]])
        let known = findings.filter { $0["known"] as? Bool == true }.map { "\($0["id"]!) \($0["channel"]!)" }
        #expect(known == [
            "channel_saturation orchestration_command",
            "pgmq_notification_burst pgmq_notifications", "pgmq_notification_burst pgmq_notifications",
            "event_publisher_drops event_publisher",
            "event_publisher_drops event_publisher", "channel_saturation worker_command",
            "channel_full pgmq_notifications", "channel_full orchestration_command",
            "channel_saturation event_publisher",
            "config_drift ruby_ffi", "config_drift pgmq_notifications", "config_drift event_publisher",
        ])
        #expect(report["known_findings"] as? Int == 12)
        // New critical findings remain (ruby_ffi and the second event_publisher storm): exit 1.
        #expect(status == 1)
        let actions = try #require(report["actions"] as? [[String: Any]])
        #expect(actions.map { $0["kind"] as? String } == ["resize", "optimise_consumer", "investigate_event_storm", "resize", "find_other_producer"])
    }

    @Test func aFileThatIsNotAReportIsAUsageError() throws {
        let notJSON = try ReportCLI.temporaryFile("notes.txt", "hello\n")
        let r = try CLIRunner.run(["--baseline", notJSON.path, "fixtures/plain.log"])
        #expect(r.status == 2)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr == "tasker-logscan: --baseline \(notJSON.path): not a tasker-logscan JSON report (not a JSON object)\nSee 'tasker-logscan --help'.\n")
        let other = try ReportCLI.temporaryFile("other.json", #"{"schema": "something/else", "findings": []}"#)
        let o = try CLIRunner.run(["--baseline", other.path, "fixtures/plain.log"])
        #expect(o.status == 2)
        #expect(o.stderr.hasPrefix("tasker-logscan: --baseline \(other.path): not a tasker-logscan JSON report (schema \"something/else\")\n"))
        let missing = try CLIRunner.run(["--baseline", "fixtures/no-such.json", "fixtures/plain.log"])
        #expect(missing.status == 2)
        #expect(missing.stderr.hasPrefix("tasker-logscan: --baseline fixtures/no-such.json: no such file\n"))
    }

    @Test func aLaterSchemaVersionIsAccepted() throws {
        let v2 = #"{"schema": "tasker-logscan/report/v2", "findings": [], "time_range": {"first": null, "last": null}}"#
        let baseline = try Baseline.parse(Data(v2.utf8), path: "v2.json")
        #expect(baseline.count == 0)
    }

    @Test func knownMeansSameIdChannelSourceAndStart() throws {
        func finding(_ start: Timestamp?, source: String? = "pod-a", id: FindingID = .channelSaturation) -> Finding {
            Finding(id: id, severity: .warning, channel: "ruby_ffi", summary: "s", start: start, end: start,
                    evidence: .full(ChannelFullEvidence(start: ScenarioBuilder.at(0), end: ScenarioBuilder.at(0), events: 1,
                                                        blocked: 1, dropped: 0, peakPerMinute: 1,
                                                        firstLine: LineReference(input: "a", line: 1),
                                                        lastLine: LineReference(input: "a", line: 1))),
                    recommendation: Recommendation(text: "r"), sources: source.map { [SourceCount(source: $0, events: 1)] } ?? [])
        }
        let json = JSONReportFormatter().format(Report(timeRange: TimeRange(first: ScenarioBuilder.at(0), last: ScenarioBuilder.at(60)),
                                                       findings: [finding(ScenarioBuilder.at(10))]))
        let baseline = try Baseline.parse(Data(json.utf8), path: "b.json")
        #expect(baseline.isKnown(finding(ScenarioBuilder.at(10, 1))))
        #expect(!baseline.isKnown(finding(ScenarioBuilder.at(10, 2))))
        #expect(!baseline.isKnown(finding(ScenarioBuilder.at(10), source: "pod-b")))
        #expect(!baseline.isKnown(finding(ScenarioBuilder.at(10), source: nil)))
        #expect(!baseline.isKnown(finding(ScenarioBuilder.at(10), id: .channelFull)))
    }
}
