import Foundation
@testable import LogScanEngine
#if canImport(Glibc)
import Glibc
#endif

/// A real pipe that a test writes into with a chosen rhythm (a byte at a time,
/// a stall, a signal) while the scanner reads it by path, as `kubectl logs -f |`
/// would deliver it.
final class FaultyPipe: @unchecked Sendable {
    let readFD: Int32
    private(set) var writeFD: Int32

    /// The read end as a path the scanner opens like any input (`/dev/fd/N`).
    var path: String { "/dev/fd/\(readFD)" }

    init() throws {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        // Close-on-exec: a process another test spawns meanwhile must not inherit
        // the write end, or the reader would never see the end of the input.
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        readFD = fds[0]
        writeFD = fds[1]
    }

    deinit {
        closeWriteEnd()
        close(readFD)
    }

    /// True when the reader has taken every byte written so far.
    var isDrained: Bool {
        var p = pollfd(fd: readFD, events: Int16(POLLIN), revents: 0)
        return poll(&p, 1, 0) == 0
    }

    /// Waits until the reader has taken every byte written so far.
    func waitUntilDrained() {
        while !isDrained { usleep(20) }
    }

    /// Writes all of `bytes` (blocking while the pipe is full).
    func write<C: Collection>(_ bytes: C) where C.Element == UInt8 {
        let array = Array(bytes)
        var offset = 0
        while offset < array.count {
            let n = array.withUnsafeBytes { Glibc.write(writeFD, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                return
            }
            offset += n
        }
    }

    /// Writes `bytes` one at a time, each only once the reader took the one before,
    /// so that every read(2) of the reader returns exactly one byte.
    func writeOneByteAtATime<C: Collection>(_ bytes: C) where C.Element == UInt8 {
        for byte in bytes {
            write(CollectionOfOne(byte))
            waitUntilDrained()
        }
    }

    /// Ends the input: the reader sees end of file once the pipe is drained.
    func closeWriteEnd() {
        if writeFD >= 0 {
            close(writeFD)
            writeFD = -1
        }
    }
}

/// Runs a scan on its own thread, so a test can write, stall and signal meanwhile.
final class BackgroundScan: @unchecked Sendable {
    private let lock = NSLock()
    private var received: [Event] = []
    private var summary: InputSummary?
    private let done = DispatchSemaphore(value: 0)
    private let started = DispatchSemaphore(value: 0)
    /// The scanning thread, for `pthread_kill`.
    private(set) var thread: pthread_t?

    /// Starts scanning `path` with `options` on a new thread.
    init(path: String, options: ScanOptions = ScanOptions()) {
        let worker = Thread { [self] in
            // Threads inherit the creator's signal mask, and the test runner's
            // threads may block SIGUSR1: the EINTR test must be able to interrupt this one.
            var unblock = sigset_t()
            sigemptyset(&unblock)
            sigaddset(&unblock, SIGUSR1)
            pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
            thread = pthread_self()
            started.signal()
            let result = LogScanner(options: options).scan(.path(path)) { event in
                self.lock.withLock { self.received.append(event) }
            }
            lock.withLock { summary = result }
            done.signal()
        }
        worker.start()
        started.wait()
    }

    /// The events delivered so far.
    var events: [Event] { lock.withLock { received } }

    /// Waits for the end of the scan (at most `seconds`) and returns its summary; nil on timeout.
    func wait(seconds: Double = 60) -> InputSummary? {
        guard done.wait(timeout: .now() + seconds) == .success else { return nil }
        return lock.withLock { summary }
    }
}
