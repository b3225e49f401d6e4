import Foundation
import Testing
@testable import LogScanEngine

#if canImport(Glibc)
import Glibc
#endif
import TestSupport

/// `LogScanner.follow` on real files and FIFOs: growth, rotation by rename, truncation,
/// pipes that end, and a stop request.
@Suite(.serialized) struct FollowingInputTests {
    /// Runs `follow` on a thread of its own and collects what it sees.
    final class Follower: @unchecked Sendable {
        private(set) var control: FollowControl!
        private let lock = NSLock()
        private var seen: [Event] = []
        private var idles = 0
        private var result: InputSummary?
        private let done = DispatchSemaphore(value: 0)

        init(_ input: InputSpec) {
            control = FollowControl(pollInterval: 0.02, onIdle: { [unowned self] in lock.withLock { idles += 1 } })
            let thread = Thread { [self] in
                let summary = LogScanner().follow(input, control: control) { event in
                    self.lock.withLock { self.seen.append(event) }
                }
                lock.withLock { result = summary }
                done.signal()
            }
            thread.start()
        }

        var events: [Event] { lock.withLock { seen } }
        var idleCount: Int { lock.withLock { idles } }

        /// Waits up to 10 s for `count` events.
        func waitForEvents(_ count: Int) -> Bool {
            let deadline = Date().addingTimeInterval(10)
            while Date() < deadline {
                if events.count >= count { return true }
                usleep(10_000)
            }
            return false
        }

        /// Waits for the follow to return (after a stop, or the end of a pipe).
        func summary(stopping: Bool = true) -> InputSummary? {
            if stopping { control.requestStop() }
            guard done.wait(timeout: .now() + 10) == .success else { return nil }
            return lock.withLock { result }
        }
    }

    static func line(_ minute: Int, _ usage: Double) -> String {
        String(format: "[2025-10-14T10:%02d:00Z] WARN mpsc_channel_saturation channel=worker_command usage_percent=%.1f\n", minute, usage)
    }

    @Test func growingFileRotationAndTruncation() throws {
        let dir = try TemporaryFiles.directory("follow")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("tasker.log").path
        try Self.line(0, 81).write(toFile: path, atomically: false, encoding: .utf8)
        let follower = Follower(.path(path))
        #expect(follower.waitForEvents(1))

        // Growth: a line appended later is read.
        try TemporaryFiles.append(Self.line(1, 82) + "an unrelated line\n", to: path)
        #expect(follower.waitForEvents(2))

        // Rotation by rename: the old file's last lines, then the new file from its start.
        try TemporaryFiles.append(Self.line(2, 83), to: path)
        try FileManager.default.moveItem(atPath: path, toPath: path + ".1")
        try TemporaryFiles.append(Self.line(3, 84), to: path + ".1")
        try Self.line(4, 85).write(toFile: path, atomically: false, encoding: .utf8)
        #expect(follower.waitForEvents(5))

        // Truncation in place (copytruncate): read again from the start.
        try TemporaryFiles.append(Self.line(5, 86) + Self.line(6, 87), to: path)
        #expect(follower.waitForEvents(7))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.truncate(atOffset: 0)
        try handle.close()
        try TemporaryFiles.append(Self.line(7, 88), to: path)
        #expect(follower.waitForEvents(8))

        let summary = follower.summary()
        #expect(follower.events.map { $0.usagePercent! } == [81, 82, 83, 84, 85, 86, 87, 88])
        // Lines count on across files: the input is the path being followed.
        #expect(follower.events.map(\.line) == [1, 2, 4, 5, 6, 7, 8, 9])
        #expect(summary?.lines == 9)
        #expect(summary?.error == nil)
        #expect(follower.idleCount > 0)
        #expect(follower.control.newestTimestamp == Timestamp(seconds: 1_760_436_420))
    }

    @Test func stopEndsAnIdleFollowAtOnce() throws {
        let dir = try TemporaryFiles.directory("follow")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("quiet.log").path
        try "".write(toFile: path, atomically: false, encoding: .utf8)
        let follower = Follower(.path(path))
        usleep(100_000)
        let started = Date()
        let summary = follower.summary()
        #expect(summary?.lines == 0)
        #expect(Date().timeIntervalSince(started) < 1)
    }

    @Test func fifoIsReadUntilItsWriterCloses() throws {
        let dir = try TemporaryFiles.directory("follow")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("pipe").path
        #expect(mkfifo(path, 0o600) == 0)
        let follower = Follower(.path(path))
        let writer = try #require(FileHandle(forWritingAtPath: path))
        try writer.write(contentsOf: Data(Self.line(0, 90).utf8))
        #expect(follower.waitForEvents(1))
        usleep(100_000)
        // Idle while the writer is quiet: the pipe is polled, not read blindly.
        #expect(follower.idleCount > 0)
        try writer.write(contentsOf: Data((Self.line(1, 91) + "partial").utf8))
        try writer.close()
        let summary = follower.summary(stopping: false)
        #expect(follower.events.map { $0.usagePercent! } == [90, 91])
        #expect(summary?.lines == 3)
    }

    /// Like `tail -F`: a file that does not exist yet is waited for, then followed.
    @Test func aMissingFileIsWaitedFor() throws {
        let dir = try TemporaryFiles.directory("follow")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("later.log").path
        let follower = Follower(.path(path))
        usleep(100_000)
        #expect(follower.idleCount > 0)
        #expect(follower.events.isEmpty)
        try Self.line(0, 81).write(toFile: path, atomically: false, encoding: .utf8)
        #expect(follower.waitForEvents(1))
        let summary = follower.summary()
        #expect(summary?.error == nil)
        #expect(summary?.lines == 1)
    }

    @Test func aStopWhileWaitingForAMissingFileEndsWithNothingRead() {
        let follower = Follower(.path("/nonexistent-dir-\(UUID().uuidString)/tasker.log"))
        usleep(50_000)
        let summary = follower.summary()
        #expect(summary?.error == nil)
        #expect(summary?.lines == 0)
    }

    /// Issue 16: a FIFO nobody writes to yet, then a stop (SIGTERM): no "Interrupted system
    /// call", an empty input.
    @Test func aStopOnAFifoWithNoWriterEndsCleanly() throws {
        let dir = try TemporaryFiles.directory("follow")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("pipe").path
        #expect(mkfifo(path, 0o600) == 0)
        let follower = Follower(.path(path))
        usleep(100_000)
        #expect(follower.idleCount > 0)
        let summary = follower.summary()
        #expect(summary?.error == nil)
        #expect(summary?.lines == 0)
    }

    @Test func aPathThroughAFileIsAnInputError() throws {
        let dir = try TemporaryFiles.directory("follow")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("plain").path
        try "x\n".write(toFile: file, atomically: false, encoding: .utf8)
        let summary = LogScanner().follow(.path(file + "/tasker.log"), control: FollowControl()) { _ in }
        #expect(summary.error == "Not a directory")
    }

    /// The stop flag is the control's own atomic; `stopWhen` adds a stop from elsewhere.
    @Test func stopRequestsAndStopWhen() {
        let control = FollowControl()
        #expect(!control.isStopRequested)
        control.requestStop()
        #expect(control.isStopRequested)
        let outside = FollowControl(stopWhen: { true })
        #expect(outside.isStopRequested)
        // Set from another thread while this one reads it (ThreadSanitizer checks the race).
        let shared = FollowControl()
        let done = DispatchSemaphore(value: 0)
        Thread { shared.requestStop(); done.signal() }.start()
        while !shared.isStopRequested { usleep(1_000) }
        done.wait()
        #expect(shared.isStopRequested)
    }
}
