import Testing
import TestSupport
@testable import LogScanEngine

/// N known events interleaved with random garbage lines give exactly those N
/// events, in order, on their lines, for several seeds and read sizes.
@Suite struct InvariantTests {
    /// A line that gives exactly one event, and what that event must be.
    struct Known {
        let line: String
        let kind: EventKind
        let channel: String?
        let usagePercent: Double?
        let action: String?
        /// Where the message phrase starts and ends in `line` (for cutting it short).
        let phrase: String
    }

    static let known: [Known] = [
        Known(line: "2025-10-14T03:00:01.000001Z  WARN ThreadId(04) tasker_orchestration::orchestration::command_processor: mpsc_channel_saturation channel=orchestration_command usage_percent=82.5",
              kind: .saturation, channel: "orchestration_command", usagePercent: 82.5, action: nil, phrase: "mpsc_channel_saturation"),
        Known(line: "2025-10-14T03:00:02.000002Z ERROR ThreadId(07) tasker_pgmq::listener: mpsc_channel_full channel=pgmq_notifications action=dropped",
              kind: .full, channel: "pgmq_notifications", usagePercent: nil, action: "dropped", phrase: "mpsc_channel_full"),
        Known(line: #"{"timestamp":"2025-10-14T03:06:04.000004Z","level":"WARN","fields":{"message":"Event channel full, dropping event","event_type":"step.completed"},"target":"tasker_worker::worker::event_publisher"}"#,
              kind: .droppedEvent, channel: "event_publisher", usagePercent: nil, action: nil, phrase: "Event channel full, dropping event"),
        Known(line: "[2025-10-14T03:03:01Z] WARN mpsc_channel_saturation channel=task_readiness usage_percent=90",
              kind: .saturation, channel: "task_readiness", usagePercent: 90, action: nil, phrase: "mpsc_channel_saturation"),
        Known(line: "E, [2025-10-14T03:05:03.000003 #4242] ERROR -- tasker-worker-rb: Ruby FFI event channel full - backpressure applied",
              kind: .ffiBackpressure, channel: "ruby_ffi", usagePercent: nil, action: nil, phrase: "Ruby FFI event channel full"),
        Known(line: "[pod/tasker-orchestration-7c9d5/orchestration] 2025-10-14T03:10:01.000001999Z 2025-10-14T03:10:01.000001Z  WARN ThreadId(04) tasker_orchestration::orchestration::command_processor: mpsc_channel_saturation channel=orchestration_command usage_percent=91.25",
              kind: .saturation, channel: "orchestration_command", usagePercent: 91.25, action: nil, phrase: "mpsc_channel_saturation"),
        Known(line: "2025-10-14T03:08:05.000005999Z stdout F 2025-10-14T03:08:05.000005Z  INFO ThreadId(02) tasker_orchestration::orchestration::lifecycle::task_initializer: Bulk task creation count=250",
              kind: .bulkTaskCreation, channel: nil, usagePercent: nil, action: nil, phrase: "Bulk task creation"),
        Known(line: "\u{1B}[2m2025-10-14T03:02:06Z\u{1B}[0m \u{1B}[33m WARN\u{1B}[0m \u{1B}[2mtasker_worker_rb::handler_timing\u{1B}[0m\u{1B}[2m:\u{1B}[0m Slow handler: 1.3s",
              kind: .slowHandler, channel: nil, usagePercent: nil, action: nil, phrase: "Slow handler"),
        Known(line: "2025-10-14T03:01:07Z  INFO tasker_pgmq::channel_metrics: Channel monitor initialized channel=pgmq_notify_listener component=pgmq buffer_size=10000",
              kind: .channelInit, channel: "pgmq_notifications", usagePercent: nil, action: nil, phrase: "Channel monitor initialized"),
        // Duplicate keys: the first wins, so this is one event on worker_command at 85%.
        Known(line: "2025-10-14T03:00:01Z WARN mpsc_channel_saturation channel=worker_command channel=ruby_ffi usage_percent=85 usage_percent=abc",
              kind: .saturation, channel: "worker_command", usagePercent: 85, action: nil, phrase: "mpsc_channel_saturation"),
        Known(line: "2025-10-14T03:02:01Z  WARN tasker_shared::monitoring::channel_metrics: ⚠️  CRITICAL: Channel critically full (>95%) channel=event_publisher_queue saturation_percent=97.5 available=125 buffer_size=5000",
              kind: .saturation, channel: "event_publisher", usagePercent: 97.5, action: nil, phrase: "CRITICAL: Channel critically full"),
        // Keys inside a quoted value are part of the value.
        Known(line: #"2025-10-14T03:00:03Z ERROR mpsc_channel_full channel=worker_command action=blocked note="channel=ruby_ffi action=dropped""#,
              kind: .full, channel: "worker_command", usagePercent: nil, action: "blocked", phrase: "mpsc_channel_full"),
        Known(line: "2025-10-14T03:00:04Z WARN mpsc_channel_saturation channel=worker_command usage_percent=100",
              kind: .saturation, channel: "worker_command", usagePercent: 100, action: nil, phrase: "mpsc_channel_saturation"),
        Known(line: "2025-10-14T03:00:05Z WARN Channel overflow - message DROPPED (consider increasing buffer_size) channel=event_publisher_queue messages_sent=245625 messages_dropped=7\r",
              kind: .full, channel: "event_publisher", usagePercent: nil, action: "dropped", phrase: "Channel overflow - message DROPPED"),
    ]

    /// Lines that look like events and are not (SPEC §3 rules, docs/ROBUSTNESS.md).
    static let nearMisses: [String] = [
        "2025-10-14T03:00:01Z WARN mpsc_channel_saturated channel=worker_command usage_percent=91",
        "2025-10-14T03:00:01Z WARN mpsc_channel_saturation channel=worker_command usage_percent=abc",
        "2025-10-14T03:00:01Z WARN mpsc_channel_saturation channel=worker_command usage_percent=1e400",
        "2025-10-14T03:00:01Z WARN mpsc_channel_saturation channel=worker_command usage_percent=-5",
        "2025-10-14T03:00:01Z WARN mpsc_channel_saturation channel=worker_command usage_percent=100.5",
        "2025-10-14T03:00:01Z WARN mpsc_channel_saturation channel=worker_command usage_percent=NaN",
        "2025-10-14T03:00:01Z WARN mpsc_channel_saturation channel= usage_percent=91",
        "2025-10-14T03:00:01Z WARN mpsc_channel_saturation usage_percent=91",
        "2025-10-14T03:00:01Z WARN mpsc_channel_saturation channel= channel=worker_command usage_percent=91",
        "2025-10-14T03:00:01Z WARN mpsc_channel_saturation channel=worker_command usage_percent=abc usage_percent=50",
        #"2025-10-14T03:00:01Z WARN mpsc_channel_saturation note="channel=worker_command usage_percent=50""#,
        #"2025-10-14T03:00:01Z WARN Step retry scheduled reason="mpsc_channel_full channel=x action=dropped""#,
        "2025-10-14T03:00:01Z ERROR mpsc_channel_full channel=worker_command action=dropped overflow_count=-3",
        "2025-10-14T03:00:01Z ERROR mpsc_channel_full channel=worker_command action=dropped messages_dropped=99999999999999999999",
        "2025-10-14T03:00:01Z INFO Channel monitor initialized channel=worker_command buffer_size=0",
        "2025-10-14T03:00:01Z INFO Channel monitor initialized channel=worker_command buffer_size=-1000",
        "2025-10-14T03:00:01Z INFO Channel monitor initialized channel=worker_command buffer_size=9223372036854775807",
        "2025-10-14T03:00:01Z INFO Bulk task creation count=-1",
        "2025-10-14T03:00:01Z INFO Bulk task creation count=1.5",
        "2025-10-14T03:00:01Z WARN Slow handler: soon",
        "2025-10-14T03:00:01Z DEBUG Channel throughput milestone channel=orchestration_command_channel total_sent=40000",
        "2025-10-14T03:00:01Z INFO Ruby FFI event channel drained - backpressure released",
        #"{"timestamp":"2025-10-14T03:00:01Z","fields":{"message":"mpsc_channel_saturation","channel":"","usage_percent":50}}"#,
        #"{"timestamp":"2025-10-14T03:00:01Z","fields":{"message":"mpsc_channel_full","channel":"x","action":"dropped""#,
        #"{"timestamp":"2025-10-14T03:00:01Z","fields":{"note":"mpsc_channel_full","channel":"x"}}"#,
        "9999-12-31T23:59:59Z WARN mpsc_channel_saturation channel=worker_command usage_percent=91",
        "2025-13-45T25:61:61Z WARN mpsc_channel_saturation channel=worker_command usage_percent=91",
        "W, [2025-10-14T03:05:01.000001 #4242]  WARN -- mpsc_channel_saturation channel=ruby_ffi usage_percent=85.5",
        "",
    ]

    /// One garbage line (or a CRI pair that joins into one garbage line): never an event.
    static func garbage(_ rng: inout SplitMix) -> [[UInt8]] {
        switch Int.random(in: 0..<4, using: &rng) {
        case 0:
            // Random bytes, any value but a line end (NUL, ESC, CR, invalid UTF-8 included).
            let length = Int.random(in: 0...300, using: &rng)
            return [(0..<length).map { _ in
                var b = UInt8.random(in: 0...255, using: &rng)
                if b == 0x0A { b = 0x0B }
                return b
            }]
        case 1:
            // A known line cut short inside its message phrase.
            let k = known.randomElement(using: &rng)!
            let bytes = Array(k.line.utf8)
            let phrase = Array(k.phrase.utf8)
            let at = firstIndex(of: phrase, in: bytes)!
            return [Array(bytes[..<(at + Int.random(in: 0..<phrase.count, using: &rng))])]
        case 2:
            return [Array(nearMisses.randomElement(using: &rng)!.utf8)]
        default:
            // A CRI partial line whose continuation is garbage too: one joined line, no event.
            return [Array("2025-10-14T03:09:01.000001999Z stdout P WARN mpsc_channel_satu".utf8),
                    Array("2025-10-14T03:09:01.000001999Z stdout F rated_not channel=worker_command usage_percent=91".utf8)]
        }
    }

    static func firstIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard needle.count <= haystack.count else { return nil }
        return (0...(haystack.count - needle.count)).first { Array(haystack[$0..<$0 + needle.count]) == needle }
    }

    @Test func everyGarbageKindAloneGivesNoEvent() {
        for line in Self.nearMisses {
            #expect(LogScanner().scan(bytes: Array((line + "\n").utf8), name: "g").events.isEmpty, "\(line)")
        }
        for k in Self.known {
            let bytes = Array(k.line.utf8)
            let at = Self.firstIndex(of: Array(k.phrase.utf8), in: bytes)!
            for cut in at..<(at + k.phrase.utf8.count) {
                let events = LogScanner().scan(bytes: Array(bytes[..<cut]) + [0x0A], name: "g").events
                #expect(events.isEmpty, "\(k.line) cut at \(cut)")
            }
        }
    }

    @Test func everyKnownLineAloneGivesItsEvent() {
        for k in Self.known {
            let events = LogScanner().scan(bytes: Array((k.line + "\n").utf8), name: "k").events
            #expect(events.map(\.kind) == [k.kind], "\(k.line)")
            #expect(events.map(\.channel) == [k.channel], "\(k.line)")
            #expect(events.map(\.usagePercent) == [k.usagePercent], "\(k.line)")
            #expect(events.map(\.action) == [k.action], "\(k.line)")
        }
    }

    @Test(arguments: [1, 2, 3, 42, 2025, 65_537], [1 << 20, 64])
    func knownEventsAmongGarbageComeOutExactly(seed: UInt64, bufferSize: Int) {
        var rng = SplitMix(seed: seed)
        var input: [UInt8] = []
        var expected: [(line: Int, known: Known)] = []
        var line = 0
        let n = 300
        for _ in 0..<n {
            for _ in 0..<Int.random(in: 0...3, using: &rng) {
                for piece in Self.garbage(&rng) {
                    input += piece + [0x0A]
                    line += 1
                }
            }
            let k = Self.known.randomElement(using: &rng)!
            input += Array(k.line.utf8) + [0x0A]
            line += 1
            expected.append((line, k))
        }
        let (events, summary) = LogScanner(options: ScanOptions(bufferSize: bufferSize)).scan(bytes: input, name: "seed")
        #expect(events.count == n, "seed \(seed)")
        #expect(summary.lines == Int64(line))
        #expect(summary.error == nil)
        for (event, want) in zip(events, expected) {
            #expect(event.line == want.line, "seed \(seed)")
            #expect(event.kind == want.known.kind, "seed \(seed), line \(want.line)")
            #expect(event.channel == want.known.channel, "seed \(seed), line \(want.line)")
            #expect(event.usagePercent == want.known.usagePercent, "seed \(seed), line \(want.line)")
            #expect(event.action == want.known.action, "seed \(seed), line \(want.line)")
        }
    }
}
