import Foundation
import Testing
@testable import LogScanEngine
import TestSupport

/// fixtures/plain.log (1970 lines, 403 KB: past the census's exactly counted first
/// 256 KiB, so the sampled estimate is checked too) wrapped line by line in each
/// envelope, as each tool writes it, must give plain.log's events (expected/plain.events.tsv)
/// with the envelope's source, the same time range, and every line in one shape.
@Suite struct EnvelopeWrappedPlainTests {
    struct Wrapping: Sendable, CustomTestStringConvertible {
        var name: String
        /// The shape every line must be counted under.
        var shape: String
        /// The source the envelope names.
        var source: String?
        /// Written newest first (logcli's default direction).
        var newestFirst = false
        var wrap: @Sendable (_ line: String, _ index: Int) -> String
        var testDescription: String { name }
    }

    /// JSON string contents as Go's encoder writes them (Docker, logcli): `"`, `\`,
    /// control bytes, and `<`, `>`, `&` as `\u003c`, `\u003e`, `\u0026`.
    static func goJSON(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case _ where u.value < 0x20: out += String(format: "\\u%04x", u.value)
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }

    static let pod = "tasker-orchestration-7c9d5"

    static let wrappings: [Wrapping] = [
        Wrapping(name: "docker json-file", shape: "docker json-file › tracing full", source: nil) { line, i in
            // stdout and stderr alternate; every entry is whole.
            #"{"log":"\#(goJSON(line))\n","stream":"\#(i % 3 == 0 ? "stderr" : "stdout")","time":"2025-10-14T03:00:00.\#(String(format: "%09d", i))Z"}"#
        },
        Wrapping(name: "loki jsonl newest first", shape: "loki jsonl › tracing full", source: pod, newestFirst: true) { line, _ in
            #"{"labels":{"app":"tasker","pod":"\#(pod)"},"line":"\#(goJSON(line))","timestamp":"2025-10-14T03:00:00Z"}"#
        },
        Wrapping(name: "journald json", shape: "journald json › tracing full", source: "tasker.service") { line, i in
            #"{"__REALTIME_TIMESTAMP":"\#(1_760_410_800_000_000 + i)","_SYSTEMD_UNIT":"tasker.service","SYSLOG_IDENTIFIER":"tasker","MESSAGE":"\#(goJSON(line))"}"#
        },
        Wrapping(name: "cri", shape: "cri › tracing full", source: nil) { line, i in
            "2025-10-14T03:00:00.\(i + 1)Z stdout F \(line)"
        },
        Wrapping(name: "journald short-iso", shape: "journald › tracing full", source: "tasker-orchestration") { line, _ in
            "2025-10-14T03:00:00+00:00 node-a tasker-orchestration[812]: \(line)"
        },
        Wrapping(name: "loki default newest first", shape: "loki › tracing full", source: pod, newestFirst: true) { line, _ in
            #"2025-10-14T03:00:00Z {app="tasker", pod="\#(pod)"} \#(line)"#
        },
        Wrapping(name: "stern coloured", shape: "stern › ansi › tracing full", source: pod) { line, _ in
            "\u{1B}[96m\(pod)\u{1B}[0m \u{1B}[36morchestration\u{1B}[0m \(line)"
        },
        Wrapping(name: "docker logs --timestamps", shape: "timestamps › tracing full", source: nil) { line, i in
            "2025-10-14T03:00:00.\(String(format: "%09d", i))Z \(line)"
        },
    ]

    @Test(arguments: wrappings)
    func plainLogInsideTheEnvelopeGivesThePlainEvents(_ w: Wrapping) throws {
        let text = String(decoding: try EngineFixtures.bytes("plain.log"), as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        #expect(lines.count == 1970)
        var wrapped = lines.enumerated().map { w.wrap($0.element, $0.offset) }
        if w.newestFirst { wrapped.reverse() }
        let name = "wrapped-\(w.name)"
        var events: [Event] = []
        let summary = LogScanner().scan([.bytes(name: name, Array((wrapped.joined(separator: "\n") + "\n").utf8))]) {
            events.append($0)
        }.inputs[0]

        var expected = try EngineFixtures.expectedPlainEvents(input: name)
        for k in expected.indices {
            expected[k].source = w.source
            if w.newestFirst { expected[k].line = lines.count + 1 - expected[k].line }
        }
        if w.newestFirst { expected.reverse() }
        EngineFixtures.expectSameEvents(events, expected, w.name)
        #expect(summary.lines == 1970)
        #expect(summary.shapes == [w.shape: 1970])
        #expect(summary.recognisedLines == 1970)
        // The lines' own times, never the envelope's (03:00:00).
        #expect(summary.firstTimestamp == FixtureTime.at("2025-10-14T00:00:00.012345Z"))
        #expect(summary.lastTimestamp == FixtureTime.at("2025-10-14T01:59:47.649416Z"))
    }
}
