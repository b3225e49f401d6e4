import Testing
import TestSupport

/// stern's default template `{{color .PodColor .PodName}} {{color .ContainerColor
/// .ContainerName}} {{.Message}}` — fatih/color's `ESC[96m…ESC[0m` around the pod and
/// `ESC[36m…ESC[0m` around the container on a terminal, bare with `--color never` —
/// and with `--timestamps` the kubelet's time at the start of the message.
@Suite struct EnvelopeSternTests {
    static let orchestration = "tasker-orchestration-7c9d5"
    static let worker = "tasker-worker-5f8b7"

    @Test func coloredAndPlainLinesGiveTheirEventsWithThePodAsSource() {
        let name = "stern.log"
        let i = EnvelopeFixtures.path(name)
        let (events, summary) = EnvelopeFixtures.scan(name)
        EngineFixtures.expectSameEvents(events, [
            // Coloured pod and container.
            ev(i, 1, .saturation, "2025-10-14T08:00:01.000001Z", "WARN", channel: "pgmq_notifications",
               raw: "pgmq_notify_listener", source: Self.orchestration, usage: 88.86, capacity: 10000),
            // `--color never`.
            ev(i, 2, .ffiBackpressure, "2025-10-14T08:00:02.000002Z", "ERROR", channel: "ruby_ffi",
               source: Self.worker),
            // `--timestamps`: the line's own time wins over the kubelet's 08:00:03.5.
            ev(i, 3, .slowHandler, "2025-10-14T08:00:03.000003Z", "WARN", source: Self.worker, seconds: 2.5),
            // `--timestamps` and a `.without_time()` line: the kubelet's time.
            ev(i, 4, .droppedEvent, "2025-10-14T08:00:04.25Z", "WARN", channel: "event_publisher",
               source: "tasker-worker-6d4c1", eventType: "task.failed"),
            // Line 5: the milestone decoy. Line 6: tracing JSON behind stern's prefix.
            ev(i, 6, .bulkTaskCreation, "2025-10-14T08:00:06.000006Z", "INFO", source: Self.orchestration,
               count: 3000),
            // stern's colours and tracing's colours on one line.
            ev(i, 7, .saturation, "2025-10-14T08:00:07.000007Z", "WARN", channel: "pgmq_notifications",
               raw: "pgmq_notify_listener", source: Self.orchestration, usage: 96.22, capacity: 10000),
            // Line 8: a sidecar's own format: noise.
        ], name)
        #expect(summary.lines == 8)
    }

    @Test func theSidecarLineIsTheOnlyLineInNoKnownShape() {
        let (_, summary) = EnvelopeFixtures.scan("stern.log")
        #expect(summary.shapes == [
            "stern › ansi › tracing full": 4, "stern › tracing full": 1, "stern › timestamps › tracing full": 1,
            "stern › tracing json": 1, "unknown": 1,
        ])
        #expect(summary.recognisedLines == 7)
    }
}
