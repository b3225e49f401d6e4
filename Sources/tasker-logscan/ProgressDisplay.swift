import ArgumentParser
import LogScanEngine
import LogScanOutput

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `--progress`: a line on standard error saying how much was read, how fast, and for files
/// how much is left, redrawn in place ten times a second from a thread of its own.
///
/// On a terminal the line is redrawn with `\r` and erased when reading ends, so the report
/// that follows starts on a clean screen. Without a terminal (only with `always`) it writes
/// one plain line per second instead: no escape codes end up in a log file.
final class ProgressDisplay: @unchecked Sendable {
    /// `--progress`'s values.
    enum Choice: String, CaseIterable, ExpressibleByArgument {
        case auto, always, never
    }

    /// With `auto`, inputs read faster than this show nothing: they are not long enough to matter.
    static let autoDelay = 0.5

    private let progress: ReadProgress
    private let total: Int64?
    private let delay: Double
    private let onTerminal: Bool
    private let started = ProgressDisplay.now()
    private let lock = ConditionLock()
    private var running = true
    /// A line is on the screen (terminal) and must be erased before other output.
    private var lineShown = false
    private var lastPlainLine = 0.0
    /// The drawing thread has ended (set under `lock`, which is broadcast then).
    private var loopEnded = false

    private init(progress: ReadProgress, total: Int64?, delay: Double, onTerminal: Bool) {
        self.progress = progress
        self.total = total
        self.delay = delay
        self.onTerminal = onTerminal
    }

    /// Starts the display for `inputs`, or returns nil when `choice` says there is none:
    /// `never`; `auto` when standard error is not a terminal or `TERM=dumb`.
    static func start(_ choice: Choice, progress: ReadProgress, inputs: [InputSpec]) -> ProgressDisplay? {
        let terminal = isatty(2) != 0 && getenv("TERM").map { String(cString: $0) } != "dumb"
        switch choice {
        case .never: return nil
        case .auto where !terminal: return nil
        default: break
        }
        let display = ProgressDisplay(progress: progress, total: ReadProgress.expectedBytes(of: inputs),
                                      delay: choice == .auto ? autoDelay : 0, onTerminal: terminal)
        // Without its thread there is no display, and nothing else is lost.
        guard WorkerThreads.startDetached(name: "progress", { display.loop() }) else { return nil }
        return display
    }

    /// Runs `body` (a diagnostic on standard error) with the progress line erased.
    func withLineErased(_ body: () -> Void) {
        lock.withLock {
            erase()
            body()
        }
    }

    /// Stops drawing and erases the line; on a non-terminal, writes the final count.
    func stop() {
        lock.withLock {
            running = false
            lock.broadcast()
            while !loopEnded { lock.wait() }
            if onTerminal {
                erase()
            } else {
                Self.writeError(line(width: 80) + "\n")
            }
        }
    }

    private func loop() {
        while true {
            let keepGoing: Bool = lock.withLock {
                // A tick, cut short by `stop()`: sleeping through it made every run that
                // showed a display (any run on a terminal) up to 100 ms longer.
                if running { lock.wait(seconds: 0.1) }
                guard running else { return false }
                let elapsed = Self.now() - started
                guard elapsed >= delay else { return true }
                if onTerminal {
                    Self.writeError("\r" + line(width: Terminal.width(fd: 2) ?? 80) + "\u{1B}[K")
                    lineShown = true
                } else if elapsed - lastPlainLine >= 1 {
                    Self.writeError(line(width: 80) + "\n")
                    lastPlainLine = elapsed
                }
                return true
            }
            if !keepGoing { break }
        }
        lock.withLock {
            loopEnded = true
            lock.broadcast()
        }
    }

    private func line(width: Int) -> String {
        ProgressLine.render(bytesRead: progress.bytesRead, totalBytes: total,
                            elapsedSeconds: Self.now() - started, width: width)
    }

    /// Erases a progress line from the screen (call with the lock held).
    private func erase() {
        guard lineShown else { return }
        Self.writeError("\r\u{1B}[K")
        lineShown = false
    }

    private static func writeError(_ text: String) {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { write(2, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0, errno == EINTR { continue }
            if n <= 0 { return }
            offset += n
        }
    }

    private static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
}
