import Testing
import TestSupport

/// Loki's `logcli query`, in its default newest-first direction:
/// `--output=jsonl` (`{"labels":{…},"line":"…","timestamp":"…"}`, keys sorted as Go's
/// encoder writes a map, `>` as `\u003e`) and `--output=default`
/// (`TS {labels}<padding to the longest label set> line`, the line trimmed).
@Suite struct EnvelopeLokiTests {
    @Test func jsonLinesNewestFirstGiveTheirEventsWithThePodAsSource() {
        let name = "loki-jsonl.log"
        let i = EnvelopeFixtures.path(name)
        let orchestration = "tasker-orchestration-7c9d5", worker = "tasker-worker-5f8b7"
        let (events, summary) = EnvelopeFixtures.scan(name)
        EngineFixtures.expectSameEvents(events, [
            // The line's own time wins over logcli's.
            ev(i, 1, .bulkTaskCreation, "2025-10-14T06:00:40.000004Z", "INFO", source: orchestration, count: 2400),
            // Line 2: the milestone decoy. Line 3: labels with only `instance` (and `job`):
            // the instance is the source; a `.without_time()` line takes logcli's time,
            // written with an offset (+02:00).
            ev(i, 3, .droppedEvent, "2025-10-14T06:00:30.5Z", "WARN", channel: "event_publisher",
               source: "10.0.3.17:9100", eventType: "workflow.transition"),
            ev(i, 4, .saturation, "2025-10-14T06:00:20.000002Z", "WARN", channel: "ruby_ffi",
               raw: "ruby_ffi_event_handler", source: worker, usage: 84.2, capacity: 1000),
            ev(i, 5, .ffiBackpressure, "2025-10-14T06:00:10.000001Z", "ERROR", channel: "ruby_ffi", source: worker),
            // tracing JSON inside `line`, escaped twice.
            ev(i, 6, .slowHandler, "2025-10-14T06:00:05.000005Z", "WARN", source: worker, seconds: 3.2),
            ev(i, 7, .channelInit, "2025-10-14T06:00:00Z", "INFO", channel: "ruby_ffi",
               raw: "ruby_ffi_event_handler", source: worker, capacity: 1000, component: "worker"),
        ], name)
        #expect(summary.lines == 7)
        // Newest first: the range is the earliest and latest line, not the first and last.
        #expect(summary.firstTimestamp == FixtureTime.at("2025-10-14T06:00:00Z"))
        #expect(summary.lastTimestamp == FixtureTime.at("2025-10-14T06:00:40.000004Z"))
    }

    @Test func defaultOutputNewestFirstGivesItsEventsWithThePodAsSource() {
        let name = "loki-default.log"
        let i = EnvelopeFixtures.path(name)
        let orchestration = "tasker-orchestration-7c9d5", worker = "tasker-worker-5f8b7"
        let (events, summary) = EnvelopeFixtures.scan(name)
        EngineFixtures.expectSameEvents(events, [
            ev(i, 1, .bulkTaskCreation, "2025-10-14T06:30:40.000004Z", "INFO", source: orchestration, count: 1200),
            // logcli trims the line: `.without_time()`'s padded ` WARN` arrives as `WARN`;
            // the time is logcli's (whole seconds, as `time.RFC3339` writes it).
            ev(i, 3, .droppedEvent, "2025-10-14T06:30:30Z", "WARN", channel: "event_publisher",
               source: "10.0.3.17:9100", eventType: "step.failed"),
            ev(i, 4, .saturation, "2025-10-14T06:30:20.000002Z", "WARN", channel: "pgmq_notifications",
               raw: "pgmq_notify_listener", source: worker, usage: 97.1, capacity: 10000),
            ev(i, 5, .full, "2025-10-14T06:30:10.000001Z", "WARN", channel: "worker_command",
               raw: "worker_command_channel", source: worker, action: "blocked", count: 3),
            ev(i, 6, .channelInit, "2025-10-14T06:30:00Z", "INFO", channel: "worker_command",
               raw: "worker_command_channel", source: worker, capacity: 2000, component: "worker"),
        ], name)
        #expect(summary.lines == 6)
        #expect(summary.firstTimestamp == FixtureTime.at("2025-10-14T06:30:00Z"))
        #expect(summary.lastTimestamp == FixtureTime.at("2025-10-14T06:30:40.000004Z"))
    }

    /// Without `pod`, the source is `pod_name`, else `instance`, `container`, `job`
    /// (SPEC §2); `--no-labels` output has none.
    @Test func theSourceFallsBackThroughTheLabels() {
        let name = "loki-labels.log"
        let i = EnvelopeFixtures.path(name)
        let (events, _) = EnvelopeFixtures.scan(name)
        EngineFixtures.expectSameEvents(events, [
            ev(i, 1, .droppedEvent, "2025-10-14T14:00:03.000003Z", "WARN", channel: "event_publisher",
               source: "tasker-worker-5f8b7", eventType: "step.completed"),
            // `container` ranks above `job`.
            ev(i, 2, .ffiBackpressure, "2025-10-14T14:00:02.000002Z", "ERROR", channel: "ruby_ffi", source: "worker"),
            ev(i, 3, .bulkTaskCreation, "2025-10-14T14:00:01.000001Z", "INFO", source: "tasker/tasker-orchestration",
               count: 5000),
            ev(i, 4, .slowHandler, "2025-10-14T14:00:00Z", "WARN", seconds: 2.5),
        ], name)
    }
}
