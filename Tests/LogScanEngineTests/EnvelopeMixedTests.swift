import Foundation
import Testing
import TestSupport

/// fixtures/envelopes/mixed-envelopes.log: one file, a different envelope on every
/// line (detection is per line, SPEC §2).
@Suite struct EnvelopeMixedTests {
    static let name = "mixed-envelopes.log"

    @Test func everyEnvelopeInOneFileGivesItsEvents() {
        let i = EnvelopeFixtures.path(Self.name)
        let (events, summary) = EnvelopeFixtures.scan(Self.name)
        EngineFixtures.expectSameEvents(events, [
            // Docker json-file.
            ev(i, 1, .saturation, "2025-10-14T12:00:01.000001Z", "WARN", channel: "worker_command",
               raw: "worker_command_channel", usage: 82.3, capacity: 2000),
            // Plain tracing.
            ev(i, 2, .bulkTaskCreation, "2025-10-14T12:00:02.000002Z", "INFO", count: 1200),
            // CRI on stderr: the line's own time.
            ev(i, 3, .ffiBackpressure, "2025-10-14T12:00:03.000003Z", "ERROR", channel: "ruby_ffi"),
            // Line 4: a kernel line (noise). Loki jsonl.
            ev(i, 5, .droppedEvent, "2025-10-14T12:00:04.000004Z", "WARN", channel: "event_publisher",
               source: "tasker-worker-5f8b7", eventType: "step.completed"),
            // stern with colours.
            ev(i, 6, .saturation, "2025-10-14T12:00:05.000005Z", "WARN", channel: "pgmq_notifications",
               raw: "pgmq_notify_listener", source: "tasker-orchestration-7c9d5", usage: 96.7, capacity: 10000),
            // journald short-iso-precise.
            ev(i, 7, .slowHandler, "2025-10-14T12:00:06.000006Z", "WARN", source: "tasker-worker", seconds: 2.5),
            // Line 8: the milestone decoy inside Docker json-file. kubectl --prefix.
            ev(i, 9, .channelInit, "2025-10-14T12:00:08.000008Z", "INFO", channel: "ruby_ffi",
               raw: "ruby_ffi_event_handler", source: "tasker-worker-5f8b7", capacity: 1000, component: "worker"),
            // journald json, `.without_time()`: __REALTIME_TIMESTAMP 1760443209000000.
            ev(i, 10, .full, "2025-10-14T12:00:09Z", "WARN", channel: "event_publisher",
               raw: "event_publisher_queue", source: "tasker-orchestration.service", action: "dropped", count: 21),
            // Loki default output.
            ev(i, 11, .droppedEvent, "2025-10-14T12:00:10.00001Z", "WARN", channel: "event_publisher",
               source: "tasker-worker-6d4c1", eventType: "task.failed"),
        ], Self.name)
        #expect(summary.lines == 11)
    }

    @Test func everyEnvelopeIsCountedUnderItsShape() {
        let (_, summary) = EnvelopeFixtures.scan(Self.name)
        #expect(summary.shapes == [
            "docker json-file › tracing full": 2, "tracing full": 1, "cri › tracing full": 1, "unknown": 1,
            "loki jsonl › tracing full": 1, "stern › ansi › tracing full": 1, "journald › tracing full": 1,
            "kubectl prefix › tracing full": 1, "journald json › tracing full": 1, "loki › tracing full": 1,
        ])
        #expect(summary.recognisedLines == 10)
    }

    /// Piped in (`kubectl logs … | tasker-logscan events`), the mixed file gives the
    /// same events as read from its path, named `-`.
    @Test func standardInputGivesTheSameEventsAsThePath() throws {
        let path = EnvelopeFixtures.relative(Self.name)
        let fromPath = try CLIRunner.run(["events", path])
        let fromStdin = try CLIRunner.run(["events"], stdin: Data(try EngineFixtures.bytes("envelopes/\(Self.name)")))
        #expect(fromPath.status == 0)
        #expect(fromStdin.status == 0)
        let lines = fromPath.stdout.split(separator: "\n")
        #expect(lines.count == 9)
        #expect(fromStdin.stdout == fromPath.stdout.replacingOccurrences(of: #""input":"\#(path)""#, with: #""input":"-""#))
    }
}
