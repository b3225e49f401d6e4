import Testing
@testable import LogScanEngine
import TestSupport

/// fixtures/mixed.log (formats mixed line by line, timestamps out of order, noise
/// between), its CRLF twin crlf.log, and decoys.log (near misses, no events).
@Suite struct MixedFixtureTests {
    /// The events of mixed.log in line order (not time order), read off the file by hand.
    static func expectedMixed(input: String) -> [Event] {
        let t = FixtureTime.at
        return [
            Event(kind: .saturation, channel: "orchestration_command", rawChannel: "orchestration_command",
                  timestamp: t("2025-10-14T04:00:10Z"), input: input, line: 2, level: "WARN", usagePercent: 85),
            // Five seconds before line 2.
            Event(kind: .saturation, channel: "pgmq_notifications", rawChannel: "pgmq_notify_listener",
                  timestamp: t("2025-10-14T04:00:05Z"), input: input, line: 3, level: "WARN",
                  usagePercent: 88.86, capacity: 10000),
            Event(kind: .slowHandler, timestamp: t("2025-10-14T04:00:02.5Z"), input: input, line: 4, level: "WARN",
                  seconds: 3.2),
            Event(kind: .droppedEvent, channel: "event_publisher", timestamp: t("2025-10-14T04:00:19.999999Z"),
                  source: "tasker-worker-5f8b7", input: input, line: 6, level: "WARN", eventType: "step.completed"),
            Event(kind: .bulkTaskCreation, timestamp: t("2025-10-14T04:00:01Z"), input: input, line: 7, level: "INFO",
                  count: 1200),
            Event(kind: .full, channel: "event_publisher", rawChannel: "event_publisher",
                  timestamp: t("2025-10-14T04:00:30Z"), input: input, line: 9, level: "ERROR", action: "dropped"),
            Event(kind: .ffiBackpressure, channel: "ruby_ffi", input: input, line: 10, level: "ERROR"),
            // The earliest instant of the file, eleven lines in.
            Event(kind: .saturation, channel: "event_publisher", rawChannel: "event_publisher_queue",
                  timestamp: t("2025-10-14T03:59:59.999999999Z"), input: input, line: 11, level: "WARN",
                  usagePercent: 96.5, capacity: 5000),
            Event(kind: .droppedEvent, channel: "event_publisher", timestamp: t("2025-10-14T04:00:40Z"),
                  input: input, line: 12, level: "WARN", eventType: "workflow.transition"),
            Event(kind: .saturation, channel: "worker_command", rawChannel: "worker_command_channel",
                  timestamp: t("2025-10-14T04:00:12Z"), input: input, line: 14, level: "WARN",
                  usagePercent: 82.3, capacity: 2000),
            Event(kind: .channelInit, channel: "ruby_ffi", rawChannel: "ruby_ffi_event_handler",
                  timestamp: t("2025-10-14T04:00:50Z"), input: input, line: 15, level: "INFO",
                  capacity: 1000, component: "worker"),
            Event(kind: .full, channel: "orchestration_command", rawChannel: "orchestration_command_channel",
                  timestamp: t("2025-10-14T04:00:45Z"), input: input, line: 16, level: "WARN",
                  action: "blocked", count: 4),
            Event(kind: .droppedEvent, channel: "event_publisher", input: input, line: 17, level: "WARN",
                  eventType: "task.finalized"),
        ]
    }

    @Test func mixedFormatsGiveEventsInLineOrderWithTheirOwnTimestamps() {
        let (events, summary) = EngineFixtures.scan("mixed.log")
        EngineFixtures.expectSameEvents(events, Self.expectedMixed(input: EngineFixtures.path("mixed.log")),
                                        "mixed.log")
        #expect(summary.lines == 17)
    }

    @Test func crlfLineEndsGiveTheSameEventsAsLF() throws {
        let (events, summary) = EngineFixtures.scan("crlf.log")
        // The \r must not stick to the last token, a number, or the JSON.
        EngineFixtures.expectSameEvents(events, Self.expectedMixed(input: EngineFixtures.path("crlf.log")),
                                        "crlf.log")
        #expect(summary.lines == 17)
        // The twin really is mixed.log with CRLF: one extra byte per line.
        let lf = try EngineFixtures.bytes("mixed.log")
        let crlf = try EngineFixtures.bytes("crlf.log")
        #expect(crlf.count == lf.count + 17)
        #expect(summary.bytes == Int64(crlf.count))
    }

    @Test func decoysGiveNoEvents() {
        let (events, summary) = EngineFixtures.scan("decoys.log")
        #expect(events.isEmpty, "decoys.log gave \(events.map { "line \($0.line): \($0.kind.rawValue)" })")
        #expect(summary.lines == 25)
        #expect(summary.error == nil)
    }
}
