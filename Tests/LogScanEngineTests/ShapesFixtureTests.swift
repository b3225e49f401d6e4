import Testing
@testable import LogScanEngine
import TestSupport

/// fixtures/shapes.log: every line shape of SPEC §2 × every event kind of SPEC §3,
/// one row of lines per shape, with the full expected event list written by hand.
@Suite struct ShapesFixtureTests {
    static let input = EngineFixtures.path("shapes.log")
    static let orchestrationPod = "tasker-orchestration-7c9d5"
    static let workerPod = "tasker-worker-5f8b7"

    /// One expected event of shapes.log; `at` is the RFC 3339 text, nil for none.
    private static func ev(
        _ line: Int, _ kind: EventKind, _ at: String?, _ level: String,
        channel: String? = nil, raw: String? = nil, source: String? = nil,
        usage: Double? = nil, capacity: Int? = nil, action: String? = nil, eventType: String? = nil,
        count: Int? = nil, seconds: Double? = nil, component: String? = nil
    ) -> Event {
        Event(kind: kind, channel: channel, rawChannel: raw, timestamp: at.map(FixtureTime.at), source: source,
              input: input, line: line, level: level, usagePercent: usage, capacity: capacity, action: action,
              eventType: eventType, count: count, seconds: seconds, component: component)
    }

    static let expected: [Event] = [
        // Tracing full format with ThreadId.
        ev(1, .saturation, "2025-10-14T03:00:01.000001Z", "WARN",
           channel: "orchestration_command", raw: "orchestration_command", usage: 82.5),
        ev(2, .full, "2025-10-14T03:00:02.000002Z", "ERROR",
           channel: "pgmq_notifications", raw: "pgmq_notifications", action: "dropped"),
        ev(3, .ffiBackpressure, "2025-10-14T03:00:03.000003Z", "ERROR", channel: "ruby_ffi"),
        ev(4, .droppedEvent, "2025-10-14T03:00:04.000004Z", "WARN", channel: "event_publisher",
           eventType: "step.completed"),
        ev(5, .bulkTaskCreation, "2025-10-14T03:00:05.000005Z", "INFO", count: 1500),
        ev(6, .slowHandler, "2025-10-14T03:00:06.000006Z", "WARN", seconds: 2.5),
        ev(7, .channelInit, "2025-10-14T03:00:07.000007Z", "INFO", channel: "orchestration_command",
           raw: "orchestration_command_channel", capacity: 5000, component: "orchestration"),

        // Tracing full format without ThreadId; short and nanosecond fractions.
        ev(8, .saturation, "2025-10-14T03:01:01.5Z", "WARN",
           channel: "ruby_ffi", raw: "ruby_ffi_event_handler", usage: 84.2, capacity: 1000),
        ev(9, .full, "2025-10-14T03:01:02.25Z", "WARN", channel: "orchestration_command",
           raw: "orchestration_command_channel", action: "blocked", count: 3),
        // A channel field on the FFI line is kept as the raw name.
        ev(10, .ffiBackpressure, "2025-10-14T03:01:03.125Z", "ERROR", channel: "ruby_ffi", raw: "ruby_ffi_event_handler"),
        // The event_type field wins over the message's last token ("event").
        ev(11, .droppedEvent, "2025-10-14T03:01:04Z", "WARN", channel: "event_publisher", eventType: "task.finalized"),
        ev(12, .bulkTaskCreation, "2025-10-14T03:01:05.000000001Z", "INFO", count: 2400),
        ev(13, .slowHandler, "2025-10-14T03:01:06.123456789Z", "WARN", seconds: 12),
        ev(14, .channelInit, "2025-10-14T03:01:07Z", "INFO", channel: "pgmq_notifications",
           raw: "pgmq_notify_listener", capacity: 10000, component: "pgmq"),

        // Tracing full format with span context before the target.
        ev(15, .saturation, "2025-10-14T03:02:01.000001Z", "WARN", channel: "pgmq_notifications",
           raw: "pgmq_notify_listener", usage: 96.17999999999999, capacity: 10000),
        ev(16, .full, "2025-10-14T03:02:02.000002Z", "WARN", channel: "event_publisher",
           raw: "event_publisher_queue", action: "dropped", count: 7),
        ev(17, .ffiBackpressure, "2025-10-14T03:02:03.000003Z", "ERROR", channel: "ruby_ffi"),
        ev(18, .droppedEvent, "2025-10-14T03:02:04.000004Z", "WARN", channel: "event_publisher",
           eventType: "workflow.transition"),
        // A quoted field with \" escapes after the count.
        ev(19, .bulkTaskCreation, "2025-10-14T03:02:05.000005Z", "INFO", count: 800),
        ev(20, .slowHandler, "2025-10-14T03:02:06.000006Z", "WARN", seconds: 1.3),
        // The event's component field, not the span's.
        ev(21, .channelInit, "2025-10-14T03:02:07.000007Z", "INFO", channel: "worker_subscriber_completion_channel",
           raw: "worker_subscriber_completion_channel", capacity: 1000, component: "worker"),

        // Runbook form with a timestamp (bracketed or bare, Z or offset).
        ev(22, .saturation, "2025-10-14T03:03:01Z", "WARN", channel: "task_readiness", raw: "task_readiness", usage: 90),
        ev(23, .full, "2025-10-14T03:03:02.5Z", "ERROR", channel: "event_publisher", raw: "event_publisher",
           action: "blocked"),
        // 22:03:03-05:00 on the 13th is 03:03:03Z on the 14th.
        ev(24, .ffiBackpressure, "2025-10-14T03:03:03Z", "ERROR", channel: "ruby_ffi"),
        ev(25, .droppedEvent, "2025-10-14T03:03:04Z", "WARN", channel: "event_publisher", eventType: "step.failed"),
        ev(26, .bulkTaskCreation, "2025-10-14T03:03:05Z", "INFO", count: 1000),
        ev(27, .slowHandler, "2025-10-14T03:03:06Z", "WARN", seconds: 0.75),
        ev(28, .channelInit, "2025-10-14T03:03:07Z", "INFO", channel: "worker_command",
           raw: "worker_command_channel", capacity: 2000, component: "worker"),

        // Runbook form without a timestamp.
        ev(29, .saturation, nil, "WARN", channel: "worker_command", raw: "worker_command", usage: 88.25),
        ev(30, .full, nil, "ERROR", channel: "ruby_ffi", raw: "ruby_ffi", action: "dropped"),
        ev(31, .ffiBackpressure, nil, "ERROR", channel: "ruby_ffi"),
        // Nothing after "dropping event": unknown.
        ev(32, .droppedEvent, nil, "WARN", channel: "event_publisher", eventType: "unknown"),
        // No count at all.
        ev(33, .bulkTaskCreation, nil, "INFO"),
        ev(34, .slowHandler, nil, "WARN", seconds: 3),
        ev(35, .channelInit, nil, "INFO", channel: "orchestration_hybrid_event_channel",
           raw: "orchestration_hybrid_event_channel", capacity: 1000, component: "orchestration"),

        // Ruby Logger (local time without offset: UTC).
        ev(36, .saturation, "2025-10-14T03:05:01.000001Z", "WARN", channel: "ruby_ffi", raw: "ruby_ffi", usage: 85.5),
        ev(37, .full, "2025-10-14T03:05:02.000002Z", "ERROR", channel: "ruby_ffi", raw: "ruby_ffi_event_handler",
           action: "blocked"),
        ev(38, .ffiBackpressure, "2025-10-14T03:05:03.000003Z", "ERROR", channel: "ruby_ffi"),
        ev(39, .droppedEvent, "2025-10-14T03:05:04.000004Z", "WARN", channel: "event_publisher", eventType: "task.failed"),
        // "Bulk task creation of 1200 tasks": the first integer.
        ev(40, .bulkTaskCreation, "2025-10-14T03:05:05.000005Z", "INFO", count: 1200),
        ev(41, .slowHandler, "2025-10-14T03:05:06.000006Z", "WARN", seconds: 2.5),
        ev(42, .channelInit, "2025-10-14T03:05:07.000007Z", "INFO", channel: "ruby_ffi",
           raw: "ruby_ffi_event_handler", capacity: 500, component: "worker"),

        // Tracing JSON with nested fields.
        ev(43, .saturation, "2025-10-14T03:06:01.000001Z", "WARN", channel: "event_publisher", raw: "event_publisher",
           usage: 83),
        ev(44, .full, "2025-10-14T03:06:02.000002Z", "WARN", channel: "ruby_ffi", raw: "ruby_ffi_event_handler",
           action: "blocked", count: 2),
        ev(45, .ffiBackpressure, "2025-10-14T03:06:03.000003Z", "ERROR", channel: "ruby_ffi"),
        ev(46, .droppedEvent, "2025-10-14T03:06:04.000004Z", "WARN", channel: "event_publisher",
           eventType: "step.completed"),
        ev(47, .bulkTaskCreation, "2025-10-14T03:06:05.000005Z", "INFO", count: 3000),
        ev(48, .slowHandler, "2025-10-14T03:06:06.000006Z", "WARN", seconds: 4.1),
        ev(49, .channelInit, "2025-10-14T03:06:07.000007Z", "INFO", channel: "event_publisher",
           raw: "event_publisher_queue", capacity: 5000, component: "shared"),

        // Tracing JSON with flattened fields.
        ev(50, .saturation, "2025-10-14T03:07:01.000001Z", "WARN", channel: "event_publisher",
           raw: "event_publisher_queue", usage: 97.5, capacity: 5000),
        ev(51, .full, "2025-10-14T03:07:02.000002Z", "WARN", channel: "event_publisher",
           raw: "event_publisher_queue", action: "dropped", count: 12),
        ev(52, .ffiBackpressure, "2025-10-14T03:07:03.000003Z", "ERROR", channel: "ruby_ffi"),
        // The `event` field.
        ev(53, .droppedEvent, "2025-10-14T03:07:04.000004Z", "WARN", channel: "event_publisher",
           eventType: "task.finalized"),
        // The `tasks` field.
        ev(54, .bulkTaskCreation, "2025-10-14T03:07:05.000005Z", "INFO", count: 5000),
        ev(55, .slowHandler, "2025-10-14T03:07:06.000006Z", "WARN", seconds: 1.05),
        ev(56, .channelInit, "2025-10-14T03:07:07.000007Z", "INFO", channel: "worker_event_channel",
           raw: "worker_event_channel", capacity: 1000, component: "worker"),

        // CRI full lines: the inner timestamp wins over the runtime's.
        ev(57, .saturation, "2025-10-14T03:08:01.000001Z", "WARN", channel: "pgmq_notifications",
           raw: "pgmq_notifications", usage: 96.7),
        ev(58, .full, "2025-10-14T03:08:02.000002Z", "ERROR", channel: "event_publisher", raw: "event_publisher",
           action: "dropped"),
        ev(59, .ffiBackpressure, "2025-10-14T03:08:03.000003Z", "ERROR", channel: "ruby_ffi"),
        // The inner line has no timestamp: the CRI one is used.
        ev(60, .droppedEvent, "2025-10-14T03:08:04.000004999Z", "WARN", channel: "event_publisher",
           eventType: "step.completed"),
        ev(61, .bulkTaskCreation, "2025-10-14T03:08:05.000005Z", "INFO", count: 250),
        ev(62, .slowHandler, "2025-10-14T03:08:06.000006Z", "WARN", seconds: 6.5),
        ev(63, .channelInit, "2025-10-14T03:08:07.000007Z", "INFO", channel: "orchestration_event_driven_event_channel",
           raw: "orchestration_event_driven_event_channel", capacity: 1000, component: "orchestration"),

        // CRI partial (P) + continuation (F): one event at the P line, split inside
        // the message, a field value, the timestamp, the event type and numbers.
        ev(64, .saturation, "2025-10-14T03:09:01.000001Z", "WARN", channel: "orchestration_command",
           raw: "orchestration_command_channel", usage: 81.47, capacity: 5000),
        ev(66, .full, "2025-10-14T03:09:02.000002Z", "ERROR", channel: "pgmq_notifications",
           raw: "pgmq_notifications", action: "dropped"),
        ev(68, .ffiBackpressure, "2025-10-14T03:09:03.000003Z", "ERROR", channel: "ruby_ffi"),
        ev(70, .droppedEvent, "2025-10-14T03:09:04.000004Z", "WARN", channel: "event_publisher",
           eventType: "step.completed"),
        ev(72, .bulkTaskCreation, "2025-10-14T03:09:05.000005Z", "INFO", count: 1500),
        ev(74, .slowHandler, "2025-10-14T03:09:06.000006Z", "WARN", seconds: 2.5),
        ev(76, .channelInit, "2025-10-14T03:09:07.000007Z", "INFO", channel: "worker_command",
           raw: "worker_command_channel", capacity: 2000, component: "worker"),

        // kubectl logs --prefix --timestamps: the pod is the source.
        ev(78, .saturation, "2025-10-14T03:10:01.000001Z", "WARN", channel: "orchestration_command",
           raw: "orchestration_command", source: orchestrationPod, usage: 91.25),
        ev(79, .full, "2025-10-14T03:10:02.000002Z", "WARN", channel: "orchestration_command",
           raw: "orchestration_command_channel", source: orchestrationPod, action: "blocked", count: 1),
        ev(80, .ffiBackpressure, "2025-10-14T03:10:03.000003Z", "ERROR", channel: "ruby_ffi", source: workerPod),
        // The inner line has no timestamp: kubectl's is used.
        ev(81, .droppedEvent, "2025-10-14T03:10:04.000004999Z", "WARN", channel: "event_publisher",
           source: workerPod, eventType: "step.failed"),
        // A JSON line behind the prefix.
        ev(82, .bulkTaskCreation, "2025-10-14T03:10:05.000005Z", "INFO", source: orchestrationPod, count: 1200),
        // A Ruby Logger line behind the prefix.
        ev(83, .slowHandler, "2025-10-14T03:10:06.000006Z", "WARN", source: workerPod, seconds: 5.6),
        ev(84, .channelInit, "2025-10-14T03:10:07.000007Z", "INFO", channel: "worker_subscriber_correlated_result_channel",
           raw: "worker_subscriber_correlated_result_channel", source: workerPod, capacity: 1000, component: "worker"),

        // ANSI-coloured tracing.
        ev(85, .saturation, "2025-10-14T03:11:01.000001Z", "WARN", channel: "orchestration_command",
           raw: "orchestration_command", usage: 93.46),
        ev(86, .full, "2025-10-14T03:11:02.000002Z", "ERROR", channel: "event_publisher", raw: "event_publisher",
           action: "dropped"),
        ev(87, .ffiBackpressure, "2025-10-14T03:11:03.000003Z", "ERROR", channel: "ruby_ffi"),
        ev(88, .droppedEvent, "2025-10-14T03:11:04.000004Z", "WARN", channel: "event_publisher",
           eventType: "task.finalized"),
        ev(89, .bulkTaskCreation, "2025-10-14T03:11:05.000005Z", "INFO", count: 400),
        ev(90, .slowHandler, "2025-10-14T03:11:06.000006Z", "WARN", seconds: 8.6),
        ev(91, .saturation, "2025-10-14T03:11:07.000007Z", "WARN", channel: "worker_command",
           raw: "worker_command_channel", usage: 99.1, capacity: 2000),
        ev(92, .channelInit, "2025-10-14T03:11:08.000008Z", "INFO", channel: "task_readiness",
           raw: "task_readiness", capacity: 5000, component: "orchestration"),
    ]

    @Test func everyShapeGivesItsEvents() {
        // The fixture's own shape first: twelve rows, each with all seven kinds
        // (the ANSI row has a second saturation, the `⚠️  CRITICAL` form).
        #expect(EngineFixtures.countsByKind(Self.expected) == [
            "saturation": 13, "full": 12, "ffi_backpressure": 12, "dropped_event": 12,
            "bulk_task_creation": 12, "slow_handler": 12, "channel_init": 12,
        ])
        let (events, summary) = EngineFixtures.scan("shapes.log")
        EngineFixtures.expectSameEvents(events, Self.expected, "shapes.log")
        #expect(summary.lines == 92)
    }
}
