import Testing
@testable import LogScanEngine
import TestSupport

/// tracing-subscriber builder variants (fmt/format/mod.rs and pretty.rs):
/// `.with_file(true).with_line_number(true)` (`target: file.rs:42: message`),
/// `.with_level(false)`, `.without_time()` (the level padded to five, ` WARN`),
/// `.compact()` (span names before the target, span fields after the event's),
/// `.pretty()` (`  TS  LEVEL target: message, k: v` then `    at FILE:LINE on THREAD`,
/// `    in SPAN with k: v` and a blank line), thread names with ids.
@Suite struct EnvelopeTracingVariantsTests {
    static let name = "tracing-variants.log"
    static let input = EnvelopeFixtures.path(name)

    static func events(lines: ClosedRange<Int>) -> [Event] {
        EnvelopeFixtures.scan(name).events.filter { lines.contains($0.line) }
    }

    @Test func fileLineNoLevelNoTimeAndCompactLinesGiveTheirEvents() {
        let i = Self.input
        EngineFixtures.expectSameEvents(Self.events(lines: 1...6), [
            ev(i, 1, .saturation, "2025-10-14T10:00:01.000001Z", "WARN", channel: "pgmq_notifications",
               raw: "pgmq_notify_listener", usage: 83.1, capacity: 10000),
            // `.with_level(false)`: no level.
            ev(i, 2, .ffiBackpressure, "2025-10-14T10:00:02.000002Z", nil, channel: "ruby_ffi"),
            // `.without_time()`: untimed events.
            ev(i, 3, .droppedEvent, nil, "WARN", channel: "event_publisher", eventType: "step.completed"),
            ev(i, 4, .full, nil, "ERROR", channel: "worker_command", raw: "worker_command_channel",
               action: "blocked", count: 3),
            // `.compact()`; line 6 is the milestone decoy.
            ev(i, 5, .bulkTaskCreation, "2025-10-14T10:00:05.000005Z", "INFO", count: 1200),
        ], "tracing-variants.log lines 1-6")
    }

    @Test func prettyEventsAreTheirFirstLinesAndTheirContextLinesGiveNoEvents() {
        let i = Self.input
        EngineFixtures.expectSameEvents(Self.events(lines: 8...24), [
            ev(i, 11, .droppedEvent, "2025-10-14T10:00:07.000007Z", "WARN", channel: "event_publisher",
               eventType: "task.finalized"),
            // `count: 1500`, under two `in … with …` span lines.
            ev(i, 14, .bulkTaskCreation, "2025-10-14T10:00:08.000008Z", "INFO", count: 1500),
            // Line 19: the milestone decoy.
            ev(i, 22, .slowHandler, "2025-10-14T10:00:10.00001Z", "WARN", seconds: 4.1),
        ], "tracing-variants.log lines 8-24")
    }

    @Test
    func aPrettyCriticalLineGivesItsSaturationEvent() {
        EngineFixtures.expectSameEvents(Self.events(lines: 7...7), [
            ev(Self.input, 7, .saturation, "2025-10-14T10:00:06.000006Z", "WARN",
                                channel: "pgmq_notifications", raw: "pgmq_notify_listener", usage: 96.95,
                                capacity: 10000),
        ], "tracing-variants.log line 7")
    }

    @Test func threadNamesWithIdsAreStillRead() {
        EngineFixtures.expectSameEvents(Self.events(lines: 25...25), [
            ev(Self.input, 25, .channelInit, "2025-10-14T10:00:11.000011Z", "INFO",
                                channel: "event_publisher", raw: "event_publisher_queue", capacity: 5000,
                                component: "shared"),
        ], "tracing-variants.log line 25")
    }

    @Test func prettyContextAndBlankLinesCountAsPretty() {
        let (_, summary) = EnvelopeFixtures.scan(Self.name)
        #expect(summary.lines == 25)
        // 5 event lines + 8 `at`/`in` lines; 5 blank lines end them.
        #expect(summary.shapes["tracing pretty"] == 13)
        #expect(summary.shapes["blank"] == 5)
        #expect(summary.recognisedLines == 25)
    }

    @Test
    func aLineWithoutLevelIsPlainTracingFull() {
        let (_, summary) = EnvelopeFixtures.scan(Self.name)
        #expect(summary.shapes == ["tracing full": 7, "tracing pretty": 13, "blank": 5])
    }

    /// `.pretty()` on a terminal: the level colour around the message and the fields,
    /// bold keys, dimmed italic `at`/`on`/`in`/`with` (pretty.rs).
    @Test func prettyWithColoursGivesItsEvents() {
        let name = "tracing-pretty-ansi.log"
        let i = EnvelopeFixtures.path(name)
        let (events, summary) = EnvelopeFixtures.scan(name)
        EngineFixtures.expectSameEvents(events, [
            ev(i, 1, .droppedEvent, "2025-10-14T14:10:01.000001Z", "WARN", channel: "event_publisher",
               eventType: "step.failed"),
            ev(i, 5, .channelInit, "2025-10-14T14:10:02.000002Z", "INFO", channel: "worker_command",
               raw: "worker_command_channel", capacity: 2000, component: "worker"),
        ], name)
        #expect(summary.shapes == ["ansi › tracing pretty": 5, "blank": 2])
    }

    /// Builder options combined: file without line, file:line without target, spans
    /// with file:line, no time with file:line, no level with file:line, neither time
    /// nor level (only the target), `.pretty()` with file:line after the target and
    /// with only the `on THREAD` line.
    @Test func combinedBuilderOptionsGiveTheirEvents() {
        let name = "tracing-combinations.log"
        let i = EnvelopeFixtures.path(name)
        let (events, summary) = EnvelopeFixtures.scan(name)
        EngineFixtures.expectSameEvents(events, [
            ev(i, 1, .saturation, "2025-10-14T10:20:01.000001Z", "WARN", channel: "pgmq_notifications",
               raw: "pgmq_notify_listener", usage: 83.1, capacity: 10000),
            ev(i, 2, .saturation, "2025-10-14T10:20:02.000002Z", "WARN", channel: "pgmq_notifications",
               raw: "pgmq_notify_listener", usage: 84.1, capacity: 10000),
            ev(i, 3, .ffiBackpressure, "2025-10-14T10:20:03.000003Z", "ERROR", channel: "ruby_ffi"),
            ev(i, 4, .saturation, nil, "WARN", channel: "pgmq_notifications", raw: "pgmq_notify_listener",
               usage: 97, capacity: 10000),
            ev(i, 5, .channelInit, "2025-10-14T10:20:05.000005Z", nil, channel: "worker_command",
               raw: "worker_command_channel", capacity: 2000, component: "worker"),
            ev(i, 6, .droppedEvent, nil, nil, channel: "event_publisher", eventType: "step.failed"),
            ev(i, 7, .slowHandler, "2025-10-14T10:20:07.000007Z", nil, seconds: 2.5),
            ev(i, 8, .ffiBackpressure, "2025-10-14T10:20:08.000008Z", "ERROR", channel: "ruby_ffi"),
            ev(i, 11, .saturation, "2025-10-14T10:20:09.000009Z", "WARN", channel: "pgmq_notifications",
               raw: "pgmq_notify_listener", usage: 88, capacity: 10000),
        ], name)
        #expect(summary.lines == 13)
    }
}
