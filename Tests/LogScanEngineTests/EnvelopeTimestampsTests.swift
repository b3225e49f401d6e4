import Testing
import TestSupport

/// `docker logs --timestamps` (Docker's fixed nine-digit fraction, `RFC3339NanoFixed`)
/// and kubelet CRI files, whose times are Go's `RFC3339Nano`: trailing zeros of the
/// fraction trimmed, the fraction gone entirely on a whole second.
@Suite struct EnvelopeTimestampsTests {
    @Test func dockerLogsTimestampsGiveTheirEvents() {
        let name = "docker-timestamps.log"
        let i = EnvelopeFixtures.path(name)
        let (events, summary) = EnvelopeFixtures.scan(name)
        EngineFixtures.expectSameEvents(events, [
            // The line's own time wins over Docker's.
            ev(i, 1, .channelInit, "2025-10-14T09:00:00.1Z", "INFO", channel: "event_publisher",
               raw: "event_publisher_queue", capacity: 5000, component: "shared"),
            ev(i, 2, .saturation, "2025-10-14T09:00:01.0004Z", "WARN", channel: "event_publisher",
               raw: "event_publisher_queue", usage: 82.1, capacity: 5000),
            // `.without_time()`: Docker's time.
            ev(i, 3, .droppedEvent, "2025-10-14T09:00:02.25Z", "WARN", channel: "event_publisher",
               eventType: "workflow.transition"),
            // Line 4: the milestone decoy.
            ev(i, 5, .full, "2025-10-14T09:00:04.123456789Z", "ERROR", channel: "event_publisher",
               raw: "event_publisher_queue", action: "dropped", count: 9),
        ], name)
        #expect(summary.lines == 5)
    }

    @Test func kubeletTimesWithTrailingZerosTrimmedGiveTheirEvents() {
        let name = "cri-trimmed.log"
        let i = EnvelopeFixtures.path(name)
        let (events, summary) = EnvelopeFixtures.scan(name)
        EngineFixtures.expectSameEvents(events, [
            ev(i, 1, .channelInit, "2025-10-14T09:10:00.1Z", "INFO", channel: "worker_command",
               raw: "worker_command_channel", capacity: 2000, component: "worker"),
            // A whole second: no fraction at all; `.without_time()` inside the CRI line.
            ev(i, 2, .saturation, "2025-10-14T09:10:01Z", "WARN", channel: "worker_command",
               raw: "worker_command_channel", usage: 85.05, capacity: 2000),
            ev(i, 3, .ffiBackpressure, "2025-10-14T09:10:02.05Z", "ERROR", channel: "ruby_ffi"),
            // P + F, `.without_time()`: the first piece's time.
            ev(i, 4, .droppedEvent, "2025-10-14T09:10:03.123Z", "WARN", channel: "event_publisher",
               eventType: "step.failed"),
            // Line 6: the milestone decoy.
            ev(i, 7, .bulkTaskCreation, "2025-10-14T09:10:05.00001Z", "INFO", count: 1000),
        ], name)
        #expect(summary.lines == 7)
    }
}
