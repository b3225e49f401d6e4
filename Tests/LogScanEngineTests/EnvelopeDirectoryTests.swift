import Foundation
import Testing
@testable import LogScanEngine
import TestSupport

/// A directory as FILE (SPEC §1): every regular file under it, recursively, in path
/// order, hidden files and folders skipped; plain and gzip files mixed give the union.
/// fixtures/envelopes/directory holds 01-orchestration.log (plain), 02-worker.log.gz,
/// nested/03-rotated.log, and .hidden.log and .cache/04-hidden-dir.log (skipped: each
/// holds a slow handler line that must not appear).
@Suite struct EnvelopeDirectoryTests {
    static let directory = EnvelopeFixtures.path("directory")

    @Test func theFilesUnderADirectoryAreReadInPathOrderWithoutHiddenOnes() {
        let inputs = DirectoryInputs.expand([.path(Self.directory)])
        #expect(inputs == [
            .path(Self.directory + "/01-orchestration.log"),
            .path(Self.directory + "/02-worker.log.gz"),
            .path(Self.directory + "/nested/03-rotated.log"),
        ])
    }

    @Test func aDirectoryOfPlainAndGzipFilesGivesTheirUnion() {
        var events: [Event] = []
        let summary = LogScanner().scan(DirectoryInputs.expand([.path(Self.directory)])) { events.append($0) }
        let plain = Self.directory + "/01-orchestration.log"
        let gzip = Self.directory + "/02-worker.log.gz"
        let nested = Self.directory + "/nested/03-rotated.log"
        EngineFixtures.expectSameEvents(events, [
            ev(plain, 1, .channelInit, "2025-10-14T13:00:00.000001Z", "INFO", channel: "orchestration_command",
               raw: "orchestration_command_channel", capacity: 5000, component: "orchestration"),
            ev(plain, 3, .saturation, "2025-10-14T13:00:02.000002Z", "WARN", channel: "orchestration_command",
               raw: "orchestration_command_channel", usage: 83.3, capacity: 5000),
            ev(gzip, 1, .ffiBackpressure, "2025-10-14T13:00:03.000003Z", "ERROR", channel: "ruby_ffi"),
            ev(gzip, 2, .droppedEvent, "2025-10-14T13:00:04.000004Z", "WARN", channel: "event_publisher",
               eventType: "step.completed"),
            ev(nested, 1, .bulkTaskCreation, "2025-10-14T13:00:05.000005Z", "INFO", count: 1000),
        ], "directory")
        #expect(summary.inputs.map(\.name) == [plain, gzip, nested])
        #expect(summary.inputs.map(\.lines) == [3, 2, 1])
        #expect(summary.inputs.map(\.compression) == [nil, "gzip", nil])
        #expect(summary.inputs.allSatisfy { $0.error == nil })
    }

    @Test func theCommandLineReadsADirectoryArgument() throws {
        let (status, report, stderr) = try EnvelopeFixtures.jsonReport([EnvelopeFixtures.relative("directory")])
        #expect(status == 0)
        #expect(stderr.isEmpty)
        let names = (report["inputs"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
        #expect(names == ["01-orchestration.log", "02-worker.log.gz", "nested/03-rotated.log"].map {
            EnvelopeFixtures.relative("directory/\($0)")
        })
    }
}
