import Foundation
import Testing
@testable import LogScan

/// What `--follow` writes per finding and at the end, in each format.
@Suite struct FollowOutputFormatterTests {
    static let report = OperatorScenario.report()
    static var burst: Finding { report.findings.first { $0.id == .pgmqNotificationBurst }! }

    static func parse(_ text: String) throws -> NSDictionary {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? NSDictionary)
    }

    @Test func textFindingIsTheReportsBlockUnderItsSeverity() {
        #expect(FollowOutputFormatter(format: .text).finding(Self.burst) == """
            WARNING pgmq_notification_burst: pgmq_notifications
                pgmq_notifications burst for 1m (3 events, peak 95.5%) 30s after a bulk task
                creation of 1500 tasks at 2025-10-14T00:20:00Z; recovered.
                Evidence
                  3 events from 2025-10-14T00:20:30Z to 2025-10-14T00:21:30Z (1m), recovered
                  peak 95.5%, at most 2 per minute, capacity 10000
                  bulk task creation: 1500 tasks at 2025-10-14T00:20:00Z (tasker.log:11)
                  lines tasker.log:12 to tasker.log:14
                Recommendation
                  Bulk task creation fills the PGMQ notification channel. Set
                  pgmq_event_buffer_size = 50000 (now 10000; the runbook's size for
                  production).

                  # config/tasker/environments/production/mpsc_channels.toml
                  [mpsc_channels.orchestration.event_listeners]
                  pgmq_event_buffer_size = 50000


            """)
        let coloured = FollowOutputFormatter(format: .text, color: true).finding(Self.burst)
        #expect(coloured.hasPrefix("\u{1B}[1;33mWARNING\u{1B}[0m \u{1B}[1;33mpgmq_notification_burst\u{1B}[0m: pgmq_notifications\n"))
    }

    @Test func jsonFindingIsOneLineHoldingTheReportsFindingObject() throws {
        let line = FollowOutputFormatter(format: .json).finding(Self.burst)
        #expect(line.hasSuffix("}\n"))
        #expect(line.dropLast().firstIndex(of: "\n") == nil)
        #expect(line.hasPrefix(#"{"id":"pgmq_notification_burst","severity":"warning","channel":"pgmq_notifications","summary":"#))
        let pretty = try Self.parse(JSONReportFormatter().format(Self.report))
        let findings = try #require(pretty["findings"] as? [NSDictionary])
        #expect(try Self.parse(line) == findings[1])
    }

    @Test func jsonSummaryIsTheReportOnOneLine() throws {
        let line = FollowOutputFormatter(format: .json).summary(Self.report)
        #expect(line.filter { $0 == "\n" }.count == 1)
        #expect(line.hasPrefix(#"{"schema":"tasker-logscan/report/v1","inputs":[{"name":"tasker.log","bytes":61440,"#))
        #expect(try Self.parse(line) == Self.parse(JSONReportFormatter().format(Self.report)))
    }

    @Test func markdownAndTextSummariesAreTheirReports() {
        #expect(FollowOutputFormatter(format: .markdown).finding(Self.burst) == MarkdownReportFormatter().finding(Self.burst) + "\n")
        #expect(FollowOutputFormatter(format: .markdown).summary(Self.report) == MarkdownReportFormatter().format(Self.report))
        #expect(FollowOutputFormatter(format: .text, width: 100).summary(Self.report)
                == TextReportFormatter(color: false, width: 100).format(Self.report))
    }

    @Test func jsonLineEscapesLikeTheReport() {
        #expect(FollowOutputFormatter.line(.object([("a", .string("q\"\n\u{1}")), ("b", .array([.number(96.17999999999999), .null, .bool(true)])), ("c", .object([]))]))
                == #"{"a":"q\"\n\u0001","b":[96.18,null,true],"c":{}}"#)
    }
}
