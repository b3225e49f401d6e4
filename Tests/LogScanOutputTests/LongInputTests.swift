import Foundation
import Testing
@testable import LogScanOutput
import TestSupport

/// A day of logs (fixtures/plain.log twelve times, two hours apart) stays readable:
/// grouped findings, every line within 80 columns, Markdown under GitHub's limit, and the
/// JSON with every finding (SPEC §5).
@Suite(.serialized) struct LongInputTests {
    static let day = Result { try ReportCLI.dayOfLogs() }

    @Test func theTextReportOfADayFitsAndGroups() throws {
        let path = try Self.day.get().path
        let r = try CLIRunner.run([path])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count <= 500)
        #expect(lines.filter { $0.count > 80 } == [])
        // Twelve critical saturations of orchestration_command: the worst in full, eleven one-liners.
        #expect(r.stdout.contains("    11 more channel_saturation findings on orchestration_command:\n      2025-10-14T02:36:08Z  25m23s  peak 97%  critical\n"))
        #expect(r.stdout.contains("    47 more pgmq_notification_burst findings on pgmq_notifications:\n"))
        // One id and channel across severities: the worst (a critical storm) in full, the
        // other 35 (critical, warning and info) one line each, each saying its severity.
        #expect(r.stdout.contains("    35 more event_publisher_drops findings on event_publisher:\n      2025-10-14T03:42:00Z  14m55s  16.95/min  critical\n"))
        #expect(r.stdout.contains("CRITICAL (48)\n") && r.stdout.contains("WARNING (72)\n") && r.stdout.contains("INFO (42)\n"))
        // One TOML block for the file, each key once.
        #expect(r.stdout.components(separatedBy: "Paste into ").count == 2)
        #expect(r.stdout.components(separatedBy: "command_buffer_size = 20000\n").count == 2)
        #expect(r.stdout.contains("  and 49 more (60 creations in all: 36 followed by a burst, 24 under 1000\n  tasks); the JSON report lists every one\n"))
    }

    @Test func theJSONOfADayKeepsEveryFinding() throws {
        let (status, report, _) = try ReportCLI.json([try Self.day.get().path])
        #expect(status == 0)
        // 12 copies × 13 findings per copy, plus one channel_full and one config_drift per channel (3 + 3).
        #expect((report["findings"] as? [Any])?.count == 162)
        let counts = try #require(report["finding_counts"] as? [String: Int])
        #expect(counts == ["critical": 48, "warning": 72, "info": 42])
        let actions = try #require(report["actions"] as? [[String: Any]])
        #expect(actions.map { "\($0["kind"]!) \($0["severity"]!) \(($0["findings"] as? [Any])?.count ?? -1)" } == [
            "resize critical 12", "resize critical 24", "optimise_consumer critical 24", "investigate_event_storm critical 24",
            "resize warning 48", "find_other_producer warning 12", "check_deployment info 3",
        ])
        #expect((report["config_changes"] as? [Any])?.count == 1)
    }

    @Test func theMarkdownOfADayIsUnderGitHubsLimit() throws {
        let r = try CLIRunner.run(["--format", "markdown", try Self.day.get().path])
        #expect(r.status == 0)
        #expect(r.stdout.utf8.count < MarkdownReportFormatter.characterLimit)
        #expect(!r.stdout.contains("This report was cut"))
        #expect(r.stdout.components(separatedBy: "```toml").count == 2)
    }

    @Test func aMarkdownReportTooLongForGitHubIsCutAndSaysSo() {
        // 400 findings of 400 channels: no grouping applies, so only the cut keeps it under the limit.
        var s = ScenarioBuilder()
        for k in 0..<400 {
            s.saturations("channel_\(k)_with_a_rather_long_name", 85, from: ScenarioBuilder.at(Int64(k) * 20),
                          to: ScenarioBuilder.at(Int64(k) * 20 + 16), every: 60)
        }
        let report = s.analyze(end: ScenarioBuilder.at(9000))
        #expect(report.findings.count == 400)
        let markdown = MarkdownReportFormatter().format(report)
        #expect(markdown.utf8.count < MarkdownReportFormatter.characterLimit)
        #expect(markdown.hasSuffix("\n_This report was cut to stay under GitHub's 65,536-character comment limit; the JSON report (`--format json`) has every one of its 400 findings._\n"))
        // Whole findings are left out, never half a code block.
        #expect(markdown.components(separatedBy: "```").count % 2 == 1)
    }

    @Test(arguments: [60, 72, 100])
    func everyLineFitsTheWidth(width: Int) throws {
        let r = try CLIRunner.run(["fixtures/plain.log"], environment: ["COLUMNS": "\(width)"])
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.filter { $0.count > width } == [])
        // Table rows stay whole: one line per channel, with every column.
        #expect(lines.contains("  orchestration_command  5000 logs    143     97    4     0"))
        #expect(lines.contains("  event_publisher        5000 logs     43  99.96  341   341"))
    }

    @Test func columnsBelowSixtyAreSixty() throws {
        let r = try CLIRunner.run(["fixtures/plain.log"], environment: ["COLUMNS": "20"])
        #expect(r.stdout.split(separator: "\n").allSatisfy { $0.count <= 60 })
        #expect(r.stdout.split(separator: "\n").contains { $0.count > 55 })
    }
}
