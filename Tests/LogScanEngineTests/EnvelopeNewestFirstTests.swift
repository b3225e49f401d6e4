import Foundation
import Testing
import TestSupport

/// A file in reverse time order (`logcli`'s default, `journalctl -r`) must give the
/// findings of the same lines in time order (SPEC §2, §4: input end and time_range
/// are the latest and earliest timestamps, never the last and first lines).
/// saturation-newest-first.log is `tac saturation-in-order.log`: a saturation
/// episode of orchestration_command from 11:00:10 to 11:02:10 (peak 96.1%), then
/// lines until 11:12:30, so it recovered (10m20s > the 5m gap) and is info.
@Suite struct EnvelopeNewestFirstTests {
    /// `(id, severity, channel, start, end, recovered, max, events)` of each finding.
    static func findings(_ name: String) throws -> (rows: [String], timeRange: [String: String]) {
        let (status, report, _) = try EnvelopeFixtures.jsonReport([EnvelopeFixtures.relative(name)])
        #expect(status == 0)
        let findings = report["findings"] as? [[String: Any]] ?? []
        let rows = findings.map { f -> String in
            let e = f["evidence"] as? [String: Any] ?? [:]
            return ["\(f["id"] ?? "")", "\(f["severity"] ?? "")", "\(f["channel"] ?? "")", "\(e["start"] ?? "")",
                    "\(e["end"] ?? "")", "recovered=\(e["recovered"] ?? "")", "max=\(e["max_usage_percent"] ?? "")",
                    "events=\(e["events"] ?? "")"].joined(separator: " ")
        }
        return (rows, report["time_range"] as? [String: String] ?? [:])
    }

    static let expectedRows = [
        "channel_saturation info orchestration_command 2025-10-14T11:00:10Z 2025-10-14T11:02:10Z recovered=1 max=96.1 events=5",
    ]
    static let expectedRange = ["first": "2025-10-14T11:00:00Z", "last": "2025-10-14T11:12:30Z"]

    @Test func inTimeOrderTheEpisodeRecovered() throws {
        let (rows, range) = try Self.findings("saturation-in-order.log")
        #expect(rows == Self.expectedRows)
        #expect(range == Self.expectedRange)
    }

    @Test func newestFirstGivesTheSameFindingsAndTimeRange() throws {
        let (rows, range) = try Self.findings("saturation-newest-first.log")
        #expect(rows == Self.expectedRows)
        #expect(range == Self.expectedRange)
    }

    @Test func theNewestFirstFixtureIsTheInOrderOneReversed() throws {
        let inOrder = String(decoding: try EngineFixtures.bytes("envelopes/saturation-in-order.log"), as: UTF8.self)
        let reversed = String(decoding: try EngineFixtures.bytes("envelopes/saturation-newest-first.log"), as: UTF8.self)
        #expect(inOrder.split(separator: "\n").reversed() == reversed.split(separator: "\n"))
    }

    /// Every finding of fixtures/plain.log (two hours, 19 findings of every kind) is
    /// the same when its 1970 lines are read newest first; only line numbers differ.
    @Test func plainLogNewestFirstGivesTheSameFindingsAsInTimeOrder() throws {
        let text = String(decoding: try EngineFixtures.bytes("plain.log"), as: UTF8.self)
        let reversed = text.split(separator: "\n").reversed().joined(separator: "\n") + "\n"
        let dir = try TemporaryFiles.directory("envelope-newest-first")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("plain-newest-first.log").path
        try Data(reversed.utf8).write(to: URL(fileURLWithPath: path))

        func summary(_ path: String) throws -> (rows: [String], range: [String: String]) {
            let (_, report, _) = try EnvelopeFixtures.jsonReport([path])
            let rows = (report["findings"] as? [[String: Any]] ?? []).map { f -> String in
                let e = f["evidence"] as? [String: Any] ?? [:]
                let keys = ["start", "end", "recovered", "events", "drops", "rate_per_minute", "max_usage_percent"]
                return "\(f["id"] ?? "") \(f["severity"] ?? "") \(f["channel"] ?? "") "
                    + keys.map { "\($0)=\(e[$0] ?? "-")" }.joined(separator: " ")
            }
            return (rows, report["time_range"] as? [String: String] ?? [:])
        }
        let inOrder = try summary(EngineFixtures.path("plain.log"))
        let newestFirst = try summary(path)
        #expect(inOrder.rows.count == 19)
        #expect(newestFirst.rows == inOrder.rows)
        #expect(inOrder.range == ["first": "2025-10-14T00:00:00.012345Z", "last": "2025-10-14T01:59:47.649416Z"])
        #expect(newestFirst.range == inOrder.range)
    }
}
