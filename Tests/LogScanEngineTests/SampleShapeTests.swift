import Testing
@testable import LogScanEngine
import TestSupport

/// The samples carry the same events line for line in different shapes (checked
/// beforehand: ansi.log with its escapes removed and kubectl-prefixed.log with its
/// `[pod/..] TIMESTAMP ` prefix removed are byte-identical to plain.log; json.log's
/// `fields` give the same events; cri.log joined is plain.log's first 600 lines).
@Suite struct SampleShapeTests {
    static let plain = EngineFixtures.scan("plain.log").events

    @Test func ansiGivesPlainEventsLineForLine() {
        let ansi = EngineFixtures.scan("ansi.log").events
        EngineFixtures.expectSameEvents(ansi.map { EngineFixtures.normalized($0) },
                                        Self.plain.map { EngineFixtures.normalized($0) }, "ansi.log vs plain.log")
        #expect(ansi.allSatisfy { $0.input == EngineFixtures.path("ansi.log") })
    }

    @Test func jsonGivesPlainEventsLineForLine() {
        let json = EngineFixtures.scan("json.log").events
        EngineFixtures.expectSameEvents(json.map { EngineFixtures.normalized($0) },
                                        Self.plain.map { EngineFixtures.normalized($0) }, "json.log vs plain.log")
    }

    @Test func kubectlGivesPlainEventsWithThePodAsSource() throws {
        let kubectl = EngineFixtures.scan("kubectl-prefixed.log").events
        EngineFixtures.expectSameEvents(kubectl.map { EngineFixtures.normalized($0, source: true) },
                                        Self.plain.map { EngineFixtures.normalized($0) },
                                        "kubectl-prefixed.log vs plain.log")
        // The source is the pod of the line's own `[pod/NAME/container]` prefix.
        let lines = try EngineFixtures.bytes("kubectl-prefixed.log").split(separator: UInt8(ascii: "\n"),
                                                                           omittingEmptySubsequences: false)
        for event in kubectl.prefix(20) + kubectl.suffix(20) {
            let prefix = "[pod/\(event.source ?? "?")/"
            #expect(lines[event.line - 1].starts(with: Array(prefix.utf8)), "kubectl-prefixed.log line \(event.line)")
        }
        // grep -E '^\[pod/NAME/' kubectl-prefixed.log | grep -cE '<the message literals>'
        #expect(kubectl.filter { $0.source == "tasker-orchestration-7c9d5" }.count == 224)
        #expect(kubectl.filter { $0.source == "tasker-worker-5f8b7" }.count == 475)
    }

    @Test func aJoinedLineWithoutAnEventStillDatesTheInput() {
        // The joined noise line in the middle is the input's latest and earliest instant
        // (the lines around it are out of order): its timestamp counts, though no event
        // can come from it (it holds no message literal), and the event after it is found.
        let text = """
        2025-10-14T05:00:01.000000000Z stdout F 2025-10-14T05:00:01.000000Z  INFO tasker_core::x: heartbeat n=1
        2025-10-14T05:00:02.000000000Z stdout P 2025-10-14T04:00:00.000000Z  INFO tasker_core::x: task context={"a":
        2025-10-14T05:00:02.000000000Z stdout F 1} n=2
        2025-10-14T05:00:03.000000000Z stdout P 2025-10-14T06:00:00.000000Z  INFO tasker_core::x: task context={"b":
        2025-10-14T05:00:03.000000000Z stdout F 2} n=3
        2025-10-14T05:00:04.000000000Z stdout F 2025-10-14T05:00:04.000000Z  WARN tasker_worker::x: mpsc_channel_saturation channel=worker_command usage_percent=91.5
        2025-10-14T05:00:05.000000000Z stdout F 2025-10-14T05:00:05.000000Z  INFO tasker_core::x: heartbeat n=5

        """
        for options in [ScanOptions(threads: 1), ScanOptions(bufferSize: 64, threads: 1)] {
            let (events, summary) = LogScanner(options: options).scan(bytes: Array(text.utf8), name: "cri.log")
            #expect(events.map(\.line) == [6])
            #expect(summary.firstTimestamp == (try? FixtureTime.parse("2025-10-14T04:00:00Z")))
            #expect(summary.lastTimestamp == (try? FixtureTime.parse("2025-10-14T06:00:00Z")))
            #expect(summary.lines == 7)
        }
    }

    @Test func criGivesPlainEventsAtTheirPhysicalLines() {
        let cri = EngineFixtures.scan("cri.log").events
        // `grep -n ' stdout P ' cri.log`: each partial line is joined with the next
        // one, so every later line sits one physical line further down.
        let partialLines = [153, 170, 220, 295, 343, 347, 399, 434, 454, 468, 487, 557, 597]
        func physicalLine(ofLogical logical: Int) -> Int {
            var physical = logical
            for p in partialLines where p < physical { physical += 1 }
            return physical
        }
        let expected = Self.plain.filter { $0.line <= 600 }.map { event -> Event in
            var e = EngineFixtures.normalized(event)
            e.line = physicalLine(ofLogical: event.line)
            return e
        }
        #expect(expected.count == 95)
        EngineFixtures.expectSameEvents(cri.map { EngineFixtures.normalized($0) }, expected,
                                        "cri.log vs plain.log lines 1-600")
        // The line's own timestamp wins over the CRI one (…231877789Z).
        #expect(cri.first?.timestamp == FixtureTime.at("2025-10-14T00:00:00.231877Z"))
        #expect(cri.last?.line == 612)
    }

    @Test func runbookFormsGiveTheRunbookEvents() {
        let (events, summary) = EngineFixtures.scan("runbook-forms.log")
        let input = EngineFixtures.path("runbook-forms.log")
        let t = FixtureTime.at
        let expected: [Event] = [
            Event(kind: .saturation, channel: "orchestration_command", rawChannel: "orchestration_command",
                  input: input, line: 1, level: "WARN", usagePercent: 82.5),
            Event(kind: .full, channel: "event_publisher", rawChannel: "event_publisher",
                  input: input, line: 2, level: "ERROR", action: "dropped"),
            Event(kind: .ffiBackpressure, channel: "ruby_ffi", input: input, line: 3, level: "ERROR"),
            Event(kind: .saturation, channel: "pgmq_notifications", rawChannel: "pgmq_notifications",
                  timestamp: t("2025-10-14T10:00:00Z"), input: input, line: 4, level: "WARN", usagePercent: 91.0),
            Event(kind: .bulkTaskCreation, timestamp: t("2025-10-14T10:00:30Z"), input: input, line: 5,
                  level: "INFO", count: 1500),
            // +02:00 converted to UTC.
            Event(kind: .droppedEvent, channel: "event_publisher", timestamp: t("2025-10-14T08:01:00Z"),
                  input: input, line: 6, level: "WARN", eventType: "step.completed"),
            // Ruby Logger, no offset: UTC.
            Event(kind: .slowHandler, timestamp: t("2025-10-14T10:02:03.123456Z"), input: input, line: 7,
                  level: "WARN", seconds: 2.5),
            Event(kind: .ffiBackpressure, channel: "ruby_ffi", timestamp: t("2025-10-14T10:02:04.000001Z"),
                  input: input, line: 8, level: "ERROR"),
        ]
        EngineFixtures.expectSameEvents(events, expected, "runbook-forms.log")
        #expect(summary.lines == 8)
    }
}
