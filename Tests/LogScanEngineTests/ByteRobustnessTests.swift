import Testing
@testable import LogScanEngine
import TestSupport

/// Inputs built in the test: bad bytes, odd line ends, huge lines. Nothing crashes,
/// lines are counted exactly, and the good lines around the bad ones still give
/// their events (SPEC §2, §6).
@Suite struct ByteRobustnessTests {
    /// Runbook form: saturation of orchestration_command at 91.5%.
    static let saturationLine = Array("2025-10-14T05:00:00Z WARN mpsc_channel_saturation channel=orchestration_command usage_percent=91.5".utf8)
    /// Tracing full format: pgmq_notifications full, dropped.
    static let fullLine = Array("2025-10-14T05:00:01.000001Z ERROR ThreadId(07) tasker_pgmq::listener: mpsc_channel_full channel=pgmq_notifications action=dropped".utf8)
    static let newline: [UInt8] = [10]

    static func saturation(line: Int, input: String) -> Event {
        Event(kind: .saturation, channel: "orchestration_command", rawChannel: "orchestration_command",
              timestamp: FixtureTime.at("2025-10-14T05:00:00Z"), input: input, line: line, level: "WARN",
              usagePercent: 91.5)
    }

    static func full(line: Int, input: String) -> Event {
        Event(kind: .full, channel: "pgmq_notifications", rawChannel: "pgmq_notifications",
              timestamp: FixtureTime.at("2025-10-14T05:00:01.000001Z"), input: input, line: line, level: "ERROR",
              action: "dropped")
    }

    @Test func invalidUTF8AndNULBytesAroundAGoodLine() {
        let before: [UInt8] = [0xFF, 0xFE, 0x00, 0x80] + Array("garbage".utf8) + [0x00, 0xC3, 0x28]
        let after: [UInt8] = [0x00, 0x00, 0xC3, 0x28, 0xE2, 0x82] + Array(" more".utf8) + [0xF0, 0x9F]
        let input = before + Self.newline + Self.saturationLine + Self.newline + after + Self.newline
            + Self.fullLine + Self.newline
        let (events, summary) = LogScanner().scan(bytes: input, name: "bad-bytes")
        #expect(events == [Self.saturation(line: 2, input: "bad-bytes"), Self.full(line: 4, input: "bad-bytes")])
        #expect(summary.lines == 4)
        #expect(summary.bytes == Int64(input.count))
    }

    @Test func loneCarriageReturnIsNotALineEnd() {
        let noise = Array("progress 10%\rprogress 20%\rprogress 30%".utf8)
        let input = Self.saturationLine + Self.newline + noise + Self.newline + Self.fullLine + Self.newline
        let (events, summary) = LogScanner().scan(bytes: input, name: "cr")
        #expect(events == [Self.saturation(line: 1, input: "cr"), Self.full(line: 3, input: "cr")])
        #expect(summary.lines == 3)
    }

    @Test func emptyInputHasNoLines() {
        let (events, summary) = LogScanner().scan(bytes: [], name: "empty")
        #expect(events.isEmpty)
        #expect(summary.lines == 0)
        #expect(summary.bytes == 0)
        #expect(summary.overlongLines == 0)
        #expect(summary.error == nil)
    }

    @Test func finalLineWithoutNewlineIsCountedAndParsed() {
        // The value ends the input: it must not be cut short or lost.
        let last = Array("WARN mpsc_channel_saturation channel=worker_command usage_percent=97.25".utf8)
        let input = Self.fullLine + Self.newline + last
        let (events, summary) = LogScanner().scan(bytes: input, name: "no-eol")
        #expect(events == [
            Self.full(line: 1, input: "no-eol"),
            Event(kind: .saturation, channel: "worker_command", rawChannel: "worker_command",
                  input: "no-eol", line: 2, level: "WARN", usagePercent: 97.25),
        ])
        #expect(summary.lines == 2)
    }

    @Test func twentyMegabyteLineIsCountedAndSkipped() {
        // The long line starts like an event: skipped for parsing all the same.
        var huge = Array("2025-10-14T05:00:00.5Z WARN mpsc_channel_saturation channel=worker_command usage_percent=99 note=".utf8)
        huge += [UInt8](repeating: UInt8(ascii: "x"), count: 20_000_000)
        let input = Self.saturationLine + Self.newline + huge + Self.newline + Self.fullLine + Self.newline
        let (events, summary) = LogScanner().scan(bytes: input, name: "huge")
        #expect(events == [Self.saturation(line: 1, input: "huge"), Self.full(line: 3, input: "huge")])
        #expect(summary.lines == 3)
        #expect(summary.overlongLines == 1)
        #expect(summary.bytes == Int64(input.count))
    }

    @Test(arguments: [
        ("", 0), ("\n", 1), ("\n\n\n", 3), ("a", 1), ("a\n", 1), ("a\nb", 2), ("a\nb\n", 2),
        ("\r\n", 1), ("a\r\nb\r\n", 2), ("\r", 1), ("a\rb\rc\n", 1), ("\0\n\0", 2),
    ])
    func linesAreCountedExactly(text: String, lines: Int) {
        let (events, summary) = LogScanner().scan(bytes: Array(text.utf8), name: "count")
        #expect(summary.lines == Int64(lines), "\(text.debugDescription)")
        #expect(summary.bytes == Int64(text.utf8.count))
        #expect(events.isEmpty)
    }

    @Test func smallReadBuffersGiveTheSameEvents() {
        // Read from disk in 64-byte buffers: lines, CRI pieces and JSON are cut at
        // every buffer boundary and must come out whole.
        for name in ["shapes.log", "mixed.log", "plain.log"] {
            var small: [Event] = []
            let summary = LogScanner(options: ScanOptions(bufferSize: 64))
                .scan([.path(EngineFixtures.path(name))]) { small.append($0) }
            let reference = EngineFixtures.scan(name)
            EngineFixtures.expectSameEvents(small, reference.events, "\(name) with 64-byte buffers")
            #expect(summary.inputs[0].lines == reference.summary.lines)
            #expect(!reference.events.isEmpty)
        }
    }

    @Test func twoThreadsGiveTheSameEventsInOrder() {
        var events: [Event] = []
        let summary = LogScanner(options: ScanOptions(threads: 2)).scan([.path(EngineFixtures.path("plain.log"))]) {
            events.append($0)
        }
        EngineFixtures.expectSameEvents(events, EngineFixtures.scan("plain.log").events, "plain.log on 2 threads")
        #expect(summary.inputs[0].lines == 1970)
    }
}
