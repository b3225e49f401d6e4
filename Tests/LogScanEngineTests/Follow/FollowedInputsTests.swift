import Foundation
import Testing
@testable import LogScanEngine
@testable import LogScanAnalysis
@testable import LogScanOutput
import TestSupport

/// Several inputs followed at once in the library: merged order, stop from another thread.
@Suite(.serialized) struct FollowedInputsTests {
    final class Output: @unchecked Sendable {
        private let lock = NSLock()
        private var pieces: [String] = []
        func append(_ s: String) { lock.withLock { pieces.append(s) } }
        var all: [String] { lock.withLock { pieces } }
    }

    @Test func twoFilesMergeIntoOneEpisodeAndAStopEndsBoth() throws {
        let dir = try TemporaryFiles.directory("follow")
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = dir.appendingPathComponent("a.log").path
        let b = dir.appendingPathComponent("b.log").path
        // worker_command at 10:00 and 10:02 in a, 10:01 in b: one episode of three events.
        try (FollowingInputTests.line(0, 85) + FollowingInputTests.line(2, 86)).write(toFile: a, atomically: false, encoding: .utf8)
        try (FollowingInputTests.line(1, 87) + FollowingInputTests.line(9, 88)).write(toFile: b, atomically: false, encoding: .utf8)
        let output = Output()
        // Used by the thread below only, once created.
        nonisolated(unsafe) let session = FollowSession(analyzer: FollowAnalyzer(), formatter: FollowOutputFormatter(format: .json)) {
            output.append($0)
        }
        let followed = FollowedInputs([.path(a), .path(b)], pollInterval: 0.02)
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var summary: FollowSummary?
        Thread {
            summary = followed.run(session)
            done.signal()
        }.start()
        let deadline = Date().addingTimeInterval(10)
        while output.all.isEmpty, Date() < deadline { usleep(10_000) }
        followed.requestStop()
        #expect(done.wait(timeout: .now() + 10) == .success)
        let pieces = output.all
        // The 10:02 episode event (a) closes at 10:09 with the 10:01 one (b) in it; 10:09 itself stays open.
        #expect(pieces.count == 2)
        #expect(pieces.first?.contains(#""events":3,"#) == true)
        #expect(pieces.first?.contains(#""start":"2025-10-14T10:00:00Z","end":"2025-10-14T10:02:00Z""#) == true)
        #expect(summary?.report.inputs.map(\.name) == [a, b])
        #expect(summary?.report.inputs.map(\.lines) == [2, 2])
        #expect(summary?.open.map(\.start) == [Timestamp(seconds: 1_760_436_540)])
        #expect(summary?.closed == [.info: 1])
    }
}
