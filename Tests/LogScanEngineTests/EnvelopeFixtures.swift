import Foundation
import Testing
@testable import LogScanEngine
import TestSupport

/// The hand-written fixtures of `fixtures/envelopes/`: one file per envelope or line
/// variant of SPEC §2, written from each tool's own output code (Docker's jsonlog,
/// logcli's `jsonl.go`/`default.go`, journalctl's json and short-iso, stern's default
/// template with fatih/color, the kubelet's RFC 3339 nano times, tracing-subscriber's
/// full/compact/pretty formatters). Expected values are written by hand in each suite.
enum EnvelopeFixtures {
    /// `fixtures/envelopes/<name>` as an absolute path (what `Event.input` holds).
    static func path(_ name: String) -> String { EngineFixtures.path("envelopes/\(name)") }

    /// The same path relative to the package root, as the CLI tests pass it.
    static func relative(_ name: String) -> String { "fixtures/envelopes/\(name)" }

    /// Scans one envelope fixture as the command line would.
    static func scan(_ name: String) -> (events: [Event], summary: InputSummary) {
        EngineFixtures.scan("envelopes/\(name)")
    }

    /// Events in line order: a joined line's event comes out when its last piece is
    /// read, after events of lines in between (the other stream); SPEC §3 fixes the
    /// line, not the order of emission.
    static func inLineOrder(_ events: [Event]) -> [Event] {
        events.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
    }

    /// One expected event; `at` is RFC 3339 text (nil: untimed).
    static func event(
        _ input: String, _ line: Int, _ kind: EventKind, _ at: String?, _ level: String?,
        channel: String? = nil, raw: String? = nil, source: String? = nil,
        usage: Double? = nil, capacity: Int? = nil, action: String? = nil, eventType: String? = nil,
        count: Int? = nil, seconds: Double? = nil, component: String? = nil
    ) -> Event {
        Event(kind: kind, channel: channel, rawChannel: raw, timestamp: at.map(FixtureTime.at), source: source,
              input: input, line: line, level: level, usagePercent: usage, capacity: capacity, action: action,
              eventType: eventType, count: count, seconds: seconds, component: component)
    }

    /// Runs `tasker-logscan --json ARGS` (wide terminal, no colour) and parses the report.
    static func jsonReport(_ arguments: [String]) throws -> (status: Int32, report: [String: Any], stderr: String) {
        let result = try CLIRunner.run(["--json"] + arguments, environment: ["COLUMNS": "200", "NO_COLOR": "1"])
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
        guard let report = object as? [String: Any] else { throw FixtureError.malformed("report is not an object") }
        return (result.status, report, result.stderr)
    }

    /// `inputs[0]` of a JSON report.
    static func firstInput(_ report: [String: Any]) throws -> [String: Any] {
        guard let inputs = report["inputs"] as? [[String: Any]], let first = inputs.first else {
            throw FixtureError.malformed("report without inputs")
        }
        return first
    }

    /// `shapes` of a report input as name → lines.
    static func shapes(_ input: [String: Any]) -> [String: Int] {
        (input["shapes"] as? [String: Any] ?? [:]).compactMapValues { ($0 as? NSNumber)?.intValue }
    }

    /// The text report's header entry for `input` (its `Inputs` row with the wrapped
    /// lines under it joined by single spaces).
    static func headerLine(for name: String, _ extra: [String] = []) throws -> String {
        let result = try CLIRunner.run(extra + [relative(name)], environment: ["COLUMNS": "200", "NO_COLOR": "1"])
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.firstIndex(where: { $0.contains(relative(name) + ":") }) else {
            throw FixtureError.malformed("no header line for \(name) in:\n\(result.stdout)")
        }
        // Wrapped lines are indented past the row label (`  Inputs       `).
        var entry = lines[start].trimmingCharacters(in: .whitespaces)
        for line in lines[(start + 1)...] {
            guard line.hasPrefix(String(repeating: " ", count: 15)) else { break }
            entry += " " + line.trimmingCharacters(in: .whitespaces)
        }
        return entry
    }
}

/// `EnvelopeFixtures.event`, short for the expected-event tables.
func ev(
    _ input: String, _ line: Int, _ kind: EventKind, _ at: String?, _ level: String?,
    channel: String? = nil, raw: String? = nil, source: String? = nil,
    usage: Double? = nil, capacity: Int? = nil, action: String? = nil, eventType: String? = nil,
    count: Int? = nil, seconds: Double? = nil, component: String? = nil
) -> Event {
    EnvelopeFixtures.event(input, line, kind, at, level, channel: channel, raw: raw, source: source, usage: usage,
                           capacity: capacity, action: action, eventType: eventType, count: count, seconds: seconds,
                           component: component)
}
