import Foundation
import Testing
import LogScanEngine

/// Finds the files under `fixtures/`, scans them, and reads the expected values
/// written next to them in `fixtures/expected/`.
///
/// The expected values are the oracle: they come from grep/sed over the fixtures
/// and from reading them, never from the engine, so nothing here calls engine
/// code except `LogScanner.scan` itself (not even its timestamp parser).
package enum EngineFixtures {
    /// The package root: the first folder above this file that holds `Package.swift`.
    package static let packageRoot: URL = {
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while dir.path != "/" {
            if FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) {
                return dir
            }
            dir = dir.deletingLastPathComponent()
        }
        fatalError("no Package.swift above \(#filePath)")
    }()

    /// `fixtures/` at the package root.
    package static var directory: URL { packageRoot.appendingPathComponent("fixtures") }

    /// The path of one fixture, e.g. `path("plain.log")`.
    package static func path(_ name: String) -> String {
        directory.appendingPathComponent(name).path
    }

    /// The raw bytes of one fixture.
    package static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: directory.appendingPathComponent(name)))
    }

    /// Scans one fixture by path, as the command line would, returning its events and summary.
    package static func scan(_ name: String) -> (events: [Event], summary: InputSummary) {
        var events: [Event] = []
        let summary = LogScanner().scan([.path(path(name))]) { events.append($0) }
        return (events, summary.inputs[0])
    }

    /// The expected counts of `fixtures/expected/<name>.counts`: kind raw value
    /// (or `lines` / `bytes`) to number; `#` lines are the grep commands that produced them.
    package static func expectedCounts(_ name: String) throws -> [String: Int] {
        let text = try String(contentsOf: directory.appendingPathComponent("expected/\(name).counts"), encoding: .utf8)
        var counts: [String: Int] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: " ")
            guard parts.count == 2, let value = Int(parts[1]) else {
                Issue.record("malformed line in \(name).counts: \(line)")
                continue
            }
            counts[String(parts[0])] = value
        }
        return counts
    }

    /// The events of `fixtures/expected/plain.events.tsv` (written by
    /// `derive-plain-events.sh`), as they must come out of `input`.
    package static func expectedPlainEvents(input: String) throws -> [Event] {
        let text = try String(contentsOf: directory.appendingPathComponent("expected/plain.events.tsv"), encoding: .utf8)
        return try text.split(separator: "\n").map { row in
            let c = row.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard c.count == 13, let line = Int(c[0]), let kind = EventKind(rawValue: c[1]) else {
                throw FixtureError.malformed("plain.events.tsv: \(row)")
            }
            // "-" is the TSV's nil.
            func opt(_ i: Int) -> String? { c[i] == "-" ? nil : c[i] }
            return Event(
                kind: kind, channel: opt(4), rawChannel: opt(5),
                timestamp: try opt(3).map(FixtureTime.parse), source: nil, input: input, line: line,
                level: opt(2), usagePercent: opt(6).flatMap(Double.init), capacity: opt(7).flatMap(Int.init),
                action: opt(8), eventType: opt(10), count: opt(9).flatMap(Int.init),
                seconds: opt(11).flatMap(Double.init), component: opt(12))
        }
    }

    /// Events per kind raw value, every kind present (zero when none).
    package static func countsByKind(_ events: [Event]) -> [String: Int] {
        var counts = Dictionary(uniqueKeysWithValues: EventKind.allCases.map { ($0.rawValue, 0) })
        for event in events { counts[event.kind.rawValue, default: 0] += 1 }
        return counts
    }

    /// The event with the fields that depend on how the line was delivered cleared:
    /// `input` always, `source` and `line` when asked.
    package static func normalized(_ event: Event, source: Bool = false, line: Bool = false) -> Event {
        var e = event
        e.input = ""
        if source { e.source = nil }
        if line { e.line = 0 }
        return e
    }

    /// Expects two event lists to be equal, reporting the length and the first few
    /// differing positions (not hundreds of them) when they are not.
    package static func expectSameEvents(_ actual: [Event], _ expected: [Event], _ label: String,
                                 sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(actual.count == expected.count, "\(label): event count", sourceLocation: sourceLocation)
        var reported = 0
        for (i, (a, e)) in zip(actual, expected).enumerated() where a != e {
            #expect(a == e, "\(label): event #\(i)", sourceLocation: sourceLocation)
            reported += 1
            if reported == 5 { break }
        }
    }
}
