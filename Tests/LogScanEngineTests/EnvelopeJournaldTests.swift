import Testing
import TestSupport

/// journald: `journalctl -o json` (every field a string, `__REALTIME_TIMESTAMP` in µs,
/// `MESSAGE` a byte array when it is not clean UTF-8) and the short text formats
/// `-o short-iso` (`+0000` in older systemd, `+00:00` in newer) and `-o short-iso-precise`.
@Suite struct EnvelopeJournaldTests {
    @Test func jsonEntriesGiveTheirEventsWithTheUnitAsSource() {
        let name = "journald-json.log"
        let i = EnvelopeFixtures.path(name)
        let (events, summary) = EnvelopeFixtures.scan(name)
        EngineFixtures.expectSameEvents(events, [
            ev(i, 1, .channelInit, "2025-10-14T07:00:00.1Z", "INFO", channel: "orchestration_command",
               raw: "orchestration_command_channel", source: "tasker-orchestration.service", capacity: 5000,
               component: "orchestration"),
            ev(i, 2, .saturation, "2025-10-14T07:00:01.5Z", "WARN", channel: "orchestration_command",
               raw: "orchestration_command_channel", source: "tasker-orchestration.service", usage: 86.4,
               capacity: 5000),
            // Line 3: the milestone decoy. Line 4: no `_SYSTEMD_UNIT`, so SYSLOG_IDENTIFIER;
            // a `.without_time()` line, so `__REALTIME_TIMESTAMP` (1760425203250000 µs).
            ev(i, 4, .droppedEvent, "2025-10-14T07:00:03.25Z", "WARN", channel: "event_publisher",
               source: "tasker-worker", eventType: "step.completed"),
            // Line 5: MESSAGE as a byte array: skipped.
            ev(i, 6, .ffiBackpressure, "2025-10-14T07:00:05Z", "ERROR", channel: "ruby_ffi",
               source: "tasker-worker.service"),
        ], name)
        #expect(summary.lines == 6)
        #expect(summary.error == nil)
    }

    @Test func aByteArrayMessageIsCountedAsNotRecognised() {
        let (_, summary) = EnvelopeFixtures.scan("journald-json.log")
        #expect(summary.shapes == ["journald json › tracing full": 5, "journald json › unknown": 1])
        #expect(summary.recognisedLines == 5)
    }

    @Test func shortISOAndPreciseGiveTheirEventsWithTheIdentifierAsSource() {
        let name = "journald-short.log"
        let i = EnvelopeFixtures.path(name)
        let (events, summary) = EnvelopeFixtures.scan(name)
        EngineFixtures.expectSameEvents(events, [
            // Line 1: journalctl's `-- Logs begin at … --` banner. Lines 2-3: `+0000`.
            ev(i, 2, .channelInit, "2025-10-14T07:20:00.1Z", "INFO", channel: "pgmq_notifications",
               raw: "pgmq_notify_listener", source: "tasker-orchestration", capacity: 10000, component: "pgmq"),
            ev(i, 3, .saturation, "2025-10-14T07:20:01.25Z", "WARN", channel: "pgmq_notifications",
               raw: "pgmq_notify_listener", source: "tasker-orchestration", usage: 88.86, capacity: 10000),
            // `+00:00`, `.without_time()`: journald's second.
            ev(i, 4, .droppedEvent, "2025-10-14T07:20:02Z", "WARN", channel: "event_publisher",
               source: "tasker-worker", eventType: "task.finalized"),
            // Line 5: systemd's own line (noise). Line 6: short-iso-precise; the line's own time wins.
            ev(i, 6, .slowHandler, "2025-10-14T07:20:03.654Z", "WARN", source: "tasker-worker", seconds: 2.5),
            // short-iso-precise, `.without_time()` with ERROR: journald's microseconds.
            ev(i, 7, .ffiBackpressure, "2025-10-14T07:20:04.00075Z", "ERROR", channel: "ruby_ffi",
               source: "tasker-worker"),
        ], name)
        #expect(summary.lines == 8)
    }
}
