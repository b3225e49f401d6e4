import Testing
@testable import LogScanEngine
import TestSupport

/// Docker json-file (`/var/lib/docker/containers/*/*-json.log`): one JSON object per
/// entry, `log` JSON-escaped as Docker's encoder writes it (`\u003e`, `\u0026`,
/// `\u001b`), stdout and stderr interleaved, partial entries (no `\n` at the end of
/// `log`) continued by the next entry of the same stream, `\r\n` from a TTY.
@Suite struct EnvelopeDockerJSONTests {
    static let name = "docker-json.log"
    static let input = EnvelopeFixtures.path(name)

    static let expected: [Event] = {
        let i = input
        return [
            ev(i, 1, .channelInit, "2025-10-14T05:00:00.1Z", "INFO", channel: "orchestration_command",
               raw: "orchestration_command_channel", capacity: 5000, component: "orchestration"),
            // `(\u003e80%)`: the message matches only once unescaped.
            ev(i, 3, .saturation, "2025-10-14T05:00:02.25Z", "WARN", channel: "orchestration_command",
               raw: "orchestration_command_channel", usage: 84.5, capacity: 5000),
            // On stderr, between the stdout entries.
            ev(i, 4, .droppedEvent, "2025-10-14T05:00:03.000001Z", "WARN", channel: "event_publisher",
               eventType: "step.completed"),
            // Line 5 (stdout, no `\n`) + line 7 (stdout), with a stderr entry between them;
            // the split falls inside the channel name.
            ev(i, 5, .full, "2025-10-14T05:00:04.5Z", "ERROR", channel: "event_publisher",
               raw: "event_publisher_queue", action: "dropped", count: 14),
            // The interleaved stderr entry, with `\u0026` in a quoted field.
            ev(i, 6, .bulkTaskCreation, "2025-10-14T05:00:04.6Z", "INFO", count: 1500),
            // A TTY's `\r\n`.
            ev(i, 8, .ffiBackpressure, "2025-10-14T05:00:05Z", "ERROR", channel: "ruby_ffi"),
            // tracing's colours inside `log` as `\u001b[..m`, and `\r\n`.
            ev(i, 9, .slowHandler, "2025-10-14T05:00:06Z", "WARN", seconds: 2.5),
            // Line 10 is the `Channel throughput milestone` decoy.
            ev(i, 11, .saturation, "2025-10-14T05:00:07.125Z", "WARN", channel: "pgmq_notifications",
               raw: "pgmq_notify_listener", usage: 96.22, capacity: 10000),
            // `.without_time()` inside `log`: Docker's `time` is the event's.
            ev(i, 12, .saturation, "2025-10-14T05:00:08.2Z", "WARN", channel: "worker_command",
               raw: "worker_command_channel", usage: 81.5, capacity: 2000),
        ]
    }()

    @Test func entriesGiveTheirEventsWithPartialEntriesJoinedPerStream() {
        let (events, summary) = EnvelopeFixtures.scan(Self.name)
        EngineFixtures.expectSameEvents(EnvelopeFixtures.inLineOrder(events), Self.expected, Self.name)
        #expect(summary.lines == 13)
        #expect(summary.error == nil)
    }

    @Test func dockerNamesNoPodSoEventsHaveNoSource() {
        let (events, _) = EnvelopeFixtures.scan(Self.name)
        #expect(!events.isEmpty)
        #expect(events.allSatisfy { $0.source == nil })
    }

    /// A piece split inside a message literal on stderr, in three entries: the line
    /// is only whole once joined.
    @Test func aLineInThreePiecesIsJoined() {
        let (events, _) = EnvelopeFixtures.scan("docker-json-split-literal.log")
        let i = EnvelopeFixtures.path("docker-json-split-literal.log")
        let atLine4 = events.filter { $0.line == 4 }
        #expect(atLine4 == [ev(i, 4, .saturation, "2025-10-14T05:10:01.000002Z", "WARN",
                                                channel: "pgmq_notifications", raw: "pgmq_notify_listener",
                                                usage: 91.5, capacity: 10000)])
    }

    /// Docker splits a line into 16 KiB pieces: the first piece here holds no whole
    /// literal (`Event channel fu`), so it is found as a long line of a Docker input.
    @Test
    func aPartialEntrySplitInsideTheMessageLiteralIsJoined() {
        let (events, _) = EnvelopeFixtures.scan("docker-json-split-literal.log")
        let i = EnvelopeFixtures.path("docker-json-split-literal.log")
        EngineFixtures.expectSameEvents(EnvelopeFixtures.inLineOrder(events), [
            ev(i, 1, .droppedEvent, "2025-10-14T05:10:00.000001Z", "WARN", channel: "event_publisher",
               eventType: "task.finalized"),
            ev(i, 4, .saturation, "2025-10-14T05:10:01.000002Z", "WARN", channel: "pgmq_notifications",
               raw: "pgmq_notify_listener", usage: 91.5, capacity: 10000),
        ], "docker-json-split-literal.log")
    }

    /// stdout and stderr both in the middle of a split line at once, in Docker
    /// json-file and in a CRI file: each piece joins its own stream's line.
    @Test(arguments: [("docker-json-both-streams.log", "2025-10-14T05:30:00"), ("cri-both-streams.log", "2025-10-14T05:40:00")])
    func bothStreamsSplitAtOnceJoinPerStream(name: String, second: String) {
        let i = EnvelopeFixtures.path(name)
        let (events, summary) = EnvelopeFixtures.scan(name)
        EngineFixtures.expectSameEvents(events, [
            ev(i, 1, .saturation, "\(second).000001Z", "WARN", channel: "orchestration_command",
               raw: "orchestration_command_channel", usage: 86, capacity: 5000),
            ev(i, 2, .full, "\(second).000002Z", "ERROR", channel: "event_publisher", raw: "event_publisher_queue",
               action: "dropped", count: 2),
        ], name)
        #expect(summary.lines == 4)
    }
}
