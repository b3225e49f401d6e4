#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Buffered writes to standard output. A reader that went away (`| head`) ends
/// the program quietly with status 0, as ripgrep does: that is not an error.
final class StandardOutput {
    nonisolated(unsafe) static let shared = StandardOutput()

    private var buffer: [UInt8] = []
    private let limit = 64 * 1024

    private init() {
        // EPIPE as an error from write(2) instead of a fatal signal.
        signal(SIGPIPE, SIG_IGN)
        buffer.reserveCapacity(limit + 4096)
    }

    func write(_ s: String) {
        buffer.append(contentsOf: s.utf8)
        if buffer.count >= limit { flush() }
    }

    func writeLine(_ s: String) {
        write(s)
        write("\n")
    }

    func flush() {
        var offset = 0
        while offset < buffer.count {
            let n = buffer.withUnsafeBytes { Glibc.write(1, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                if errno == EPIPE { exit(0) }
                Diagnostics.error("standard output: \(String(cString: strerror(errno)))")
                exit(2)
            }
            offset += n
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

/// One-line messages on standard error, prefixed with the program name.
enum Diagnostics {
    static func error(_ message: String) {
        plain("tasker-logscan: \(message)")
    }

    /// A line on standard error as it is.
    static func plain(_ message: String) {
        let line = message + "\n"
        _ = line.withCString { Glibc.write(2, $0, strlen($0)) }
    }
}
