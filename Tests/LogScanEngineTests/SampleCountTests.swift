import Testing
@testable import LogScanEngine
import TestSupport

/// Every sample log gives exactly the events per kind, lines and bytes that grep
/// found in it (`fixtures/expected/<name>.counts`).
@Suite struct SampleCountTests {
    static let samples = ["plain", "ansi", "json", "kubectl-prefixed", "cri", "runbook-forms"]

    @Test(arguments: samples)
    func countsPerKindMatchGrep(sample: String) throws {
        let expected = try EngineFixtures.expectedCounts(sample)
        let (events, summary) = EngineFixtures.scan("\(sample).log")
        let actual = EngineFixtures.countsByKind(events)
        for kind in EventKind.allCases {
            #expect(actual[kind.rawValue] == expected[kind.rawValue], "\(sample).log: \(kind.rawValue)")
        }
        #expect(summary.lines == Int64(try #require(expected["lines"])), "\(sample).log: lines")
        #expect(summary.bytes == Int64(try #require(expected["bytes"])), "\(sample).log: bytes")
        #expect(summary.overlongLines == 0)
        #expect(summary.compressed == false)
        #expect(summary.error == nil)
    }

    @Test func countsFilesHoldTheGrepResults() throws {
        // Pins the numbers themselves, so an edit of a .counts file cannot slip by:
        // [saturation, full, ffi_backpressure, dropped_event, bulk_task_creation, slow_handler, channel_init, lines]
        let pinned: [String: [Int]] = [
            "plain": [288, 37, 20, 313, 5, 30, 6, 1970],
            "ansi": [288, 37, 20, 313, 5, 30, 6, 1970],
            "json": [288, 37, 20, 313, 5, 30, 6, 1970],
            "kubectl-prefixed": [288, 37, 20, 313, 5, 30, 6, 1970],
            "cri": [69, 3, 0, 13, 3, 1, 6, 613],
            "runbook-forms": [2, 1, 2, 1, 1, 1, 0, 8],
        ]
        for (sample, numbers) in pinned {
            let counts = try EngineFixtures.expectedCounts(sample)
            let keys = EventKind.allCases.map(\.rawValue) + ["lines"]
            #expect(keys.map { counts[$0] ?? -1 } == numbers, "\(sample).counts")
        }
    }
}
