import Testing
@testable import LogScanEngine
import TestSupport

/// plain.log, the tracing full format as tasker-core writes it: specific events
/// field by field, then every event against the grep/sed-derived list.
@Suite struct PlainSampleTests {
    static let input = EngineFixtures.path("plain.log")

    /// The event of plain.log on physical line `line`, recording an issue when there is none.
    private func event(at line: Int, in events: [Event]) -> Event? {
        let found = events.filter { $0.line == line }
        #expect(found.count == 1, "plain.log line \(line) should give exactly one event")
        return found.first
    }

    @Test func firstEventOfEachKind() throws {
        let (events, _) = EngineFixtures.scan("plain.log")
        let t = FixtureTime.at
        let input = Self.input
        let expected: [Event] = [
            // 3: the first line that is an event at all.
            Event(kind: .channelInit, channel: "orchestration_command", rawChannel: "orchestration_command_channel",
                  timestamp: t("2025-10-14T00:00:00.231877Z"), input: input, line: 3, level: "INFO",
                  capacity: 5000, component: "orchestration"),
            // 117
            Event(kind: .bulkTaskCreation, timestamp: t("2025-10-14T00:05:00.104411Z"), input: input, line: 117,
                  level: "INFO", count: 250),
            // 120
            Event(kind: .droppedEvent, channel: "event_publisher", timestamp: t("2025-10-14T00:05:28.386780Z"),
                  input: input, line: 120, level: "WARN", eventType: "workflow.transition"),
            // 190: inside a process_notification{...} span.
            Event(kind: .saturation, channel: "pgmq_notifications", rawChannel: "pgmq_notify_listener",
                  timestamp: t("2025-10-14T00:12:20.759660Z"), input: input, line: 190, level: "WARN",
                  usagePercent: 88.86, capacity: 10000),
            // 266: inside an execute_step{...} span.
            Event(kind: .slowHandler, timestamp: t("2025-10-14T00:18:40.203117Z"), input: input, line: 266,
                  level: "WARN", seconds: 1.3),
            // 378
            Event(kind: .full, channel: "pgmq_notifications", rawChannel: "pgmq_notify_listener",
                  timestamp: t("2025-10-14T00:27:55.429862Z"), input: input, line: 378, level: "WARN",
                  action: "blocked", count: 1),
            // 1237
            Event(kind: .ffiBackpressure, channel: "ruby_ffi", timestamp: t("2025-10-14T01:25:00.083448Z"),
                  input: input, line: 1237, level: "ERROR"),
        ]
        for want in expected {
            let firstOfKind = events.first { $0.kind == want.kind }
            #expect(firstOfKind == want, "first \(want.kind.rawValue) of plain.log")
        }
    }

    @Test func eachMessageFormField() throws {
        let (events, _) = EngineFixtures.scan("plain.log")
        let t = FixtureTime.at
        let input = Self.input
        let expected: [Event] = [
            // 12: a channel the runbook table does not list keeps tasker-core's name.
            Event(kind: .channelInit, channel: "worker_event_channel", rawChannel: "worker_event_channel",
                  timestamp: t("2025-10-14T00:00:02.701904Z"), input: input, line: 12, level: "INFO",
                  capacity: 1000, component: "worker"),
            // 191: the runbook's own `mpsc_channel_saturation` form; no buffer_size on the line.
            Event(kind: .saturation, channel: "pgmq_notifications", rawChannel: "pgmq_notifications",
                  timestamp: t("2025-10-14T00:12:23.050257Z"), input: input, line: 191, level: "WARN",
                  usagePercent: 89.7),
            // 382: `mpsc_channel_full ... action=dropped` carries no count.
            Event(kind: .full, channel: "pgmq_notifications", rawChannel: "pgmq_notifications",
                  timestamp: t("2025-10-14T00:28:00.316249Z"), input: input, line: 382, level: "ERROR",
                  action: "dropped"),
            // 574: the shared monitor's critical line, with the `⚠️  ` prefix.
            Event(kind: .saturation, channel: "orchestration_command", rawChannel: "orchestration_command_channel",
                  timestamp: t("2025-10-14T00:40:40.237598Z"), input: input, line: 574, level: "WARN",
                  usagePercent: 95.12, capacity: 5000),
            // 626: full float precision as tracing prints it.
            Event(kind: .saturation, channel: "orchestration_command", rawChannel: "orchestration_command_channel",
                  timestamp: t("2025-10-14T00:43:13.566271Z"), input: input, line: 626, level: "WARN",
                  usagePercent: 96.17999999999999, capacity: 5000),
            // 1500: `Channel overflow - message DROPPED`: count = messages_dropped.
            Event(kind: .full, channel: "event_publisher", rawChannel: "event_publisher_queue",
                  timestamp: t("2025-10-14T01:42:20.450811Z"), input: input, line: 1500, level: "WARN",
                  action: "dropped", count: 1),
        ]
        for want in expected {
            #expect(event(at: want.line, in: events) == want, "plain.log line \(want.line)")
        }
    }

    @Test func everyEventMatchesTheDerivedList() throws {
        let (events, _) = EngineFixtures.scan("plain.log")
        let expected = try EngineFixtures.expectedPlainEvents(input: Self.input)
        #expect(expected.count == 699)
        EngineFixtures.expectSameEvents(events, expected, "plain.log vs expected/plain.events.tsv")
    }

    @Test func summaryOfPlainLog() {
        let (_, summary) = EngineFixtures.scan("plain.log")
        #expect(summary.name == Self.input)
        #expect(summary.lines == 1970)
        #expect(summary.bytes == 403_237)
        #expect(summary.firstTimestamp == FixtureTime.at("2025-10-14T00:00:00.012345Z"))
        #expect(summary.lastTimestamp == FixtureTime.at("2025-10-14T01:59:47.649416Z"))
    }
}
