import Foundation
import Testing
@testable import LogScanAnalysis
@testable import LogScanOutput
import TestSupport

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

    static var critical: Finding { report.findings.first { $0.severity == .critical }! }

    /// At the stop: one finding still open, three printed as they closed.
    static var stopped: FollowSummary {
        var r = Report(inputs: report.inputs, timeRange: report.timeRange, findings: [critical])
        r.warnings = ["a warning"]
        return FollowSummary(report: r, closed: [.warning: 1, .info: 2], eventsRead: 17)
    }

    @Test func jsonFindingIsOneLineWithItsStateAndTheReportsFindingObject() throws {
        let line = FollowOutputFormatter(format: .json).finding(Self.burst)
        #expect(line.hasSuffix("}\n"))
        #expect(line.dropLast().firstIndex(of: "\n") == nil)
        #expect(line.hasPrefix(#"{"state":"closed","finding":{"id":"pgmq_notification_burst","severity":"warning","channel":"pgmq_notifications","summary":"#))
        let pretty = try Self.parse(JSONReportFormatter().format(Self.report))
        let findings = try #require(pretty["findings"] as? [NSDictionary])
        #expect(try Self.parse(line)["finding"] as? NSDictionary == findings[1])
        let open = try Self.parse(FollowOutputFormatter(format: .json).finding(Self.critical, state: .open))
        #expect(open["state"] as? String == "open")
        #expect(try Self.parse(FollowOutputFormatter(format: .json).finding(Self.critical, state: .closed(wasOpen: true)))["state"] as? String == "closed")
    }

    @Test func openAndClosedAgainAreLabelledInTextAndMarkdown() {
        let text = FollowOutputFormatter(format: .text)
        let plain = text.finding(Self.critical)
        #expect(plain.hasPrefix("CRITICAL channel_saturation: orchestration_command\n"))
        #expect(text.finding(Self.critical, state: .open) == "OPEN " + plain)
        #expect(text.finding(Self.critical, state: .closed(wasOpen: true)) == "CLOSED " + plain)
        let md = FollowOutputFormatter(format: .markdown)
        #expect(md.finding(Self.critical, state: .open) == "**OPEN**\n\n" + md.finding(Self.critical))
        #expect(md.finding(Self.critical, state: .closed(wasOpen: true)) == "**CLOSED**\n\n" + md.finding(Self.critical))
    }

    @Test func textSummaryHasTheCountsAndTheFindingsStillOpen() {
        let out = FollowOutputFormatter(format: .text).summary(Self.stopped)
        let block = FollowOutputFormatter(format: .text).finding(Self.critical)
            .dropLast(2).split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? "" : "  " + $0 }.joined(separator: "\n")
        #expect(out == """
            tasker-logscan --follow stopped
              Inputs       tasker.log: 60 KiB, 600 lines
              Time range   2025-10-14T00:00:00Z to 2025-10-14T00:59:59Z (59m59s)
              Read         600 lines, 17 events
              Closed       3 printed (0 critical, 1 warning, 2 info)
              Still open   1 (1 critical, 0 warning, 0 info)
              Warning      a warning

            STILL OPEN (1)


            """ + block + "\n")
    }

    @Test func jsonSummaryIsOneLineWithTheCountsAndTheFindingsStillOpen() throws {
        let out = FollowOutputFormatter(format: .json).summary(Self.stopped)
        #expect(out.filter { $0 == "\n" }.count == 1)
        let finding = FollowOutputFormatter.line(FollowOutputFormatter.json(Self.critical))
        #expect(out == #"{"state":"summary","inputs":[{"name":"tasker.log","bytes":61440,"lines":600,"compressed":false,"compression":null,"overlong_lines":0,"recognised_lines":0,"shapes":{},"error":null}],"events":17,"closed":{"critical":0,"warning":1,"info":2},"open":{"critical":1,"warning":0,"info":0},"warnings":["a warning"],"still_open":["# + finding + "]}\n")
        let pretty = try Self.parse(JSONReportFormatter().format(Self.report))
        let findings = try #require(pretty["findings"] as? [NSDictionary])
        #expect(try Self.parse(out)["still_open"] as? [NSDictionary] == [findings[0]])
    }

    @Test func markdownSummary() {
        let out = FollowOutputFormatter(format: .markdown).summary(Self.stopped)
        #expect(out.hasPrefix("""
            # tasker-logscan --follow stopped

            - **Input:** tasker.log: 60 KiB, 600 lines
            - **Time range:** 2025-10-14T00:00:00Z to 2025-10-14T00:59:59Z (59m59s)
            - **Closed:** 3 printed (0 critical, 1 warning, 2 info)
            - **Still open:** 1 (1 critical, 0 warning, 0 info)
            - **Warning:** a warning

            ## Still open (1)


            """ + MarkdownReportFormatter().finding(Self.critical)))
    }

    @Test func jsonLineEscapesLikeTheReport() {
        #expect(FollowOutputFormatter.line(.object([("a", .string("q\"\n\u{1}")), ("b", .array([.number(96.17999999999999), .null, .bool(true)])), ("c", .object([]))]))
                == #"{"a":"q\"\n\u0001","b":[96.18,null,true],"c":{}}"#)
    }
}
