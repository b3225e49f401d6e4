import CPCRE2
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The newest timestamp among the lines read, event or not, taken from the last complete
/// lines of each read. While following, events alone would not tell that time moved on
/// when a channel goes quiet; any log line does.
final class LineClock {
    /// Longer lines are not looked at (they are rare and never the only timestamped ones).
    static let maxLineLength = 64 * 1024
    /// How many lines from the end of a read are tried for a timestamp.
    static let linesTried = 16

    private(set) var latest: Timestamp?
    /// Peels envelopes as the scanner does (one place knows them).
    private let reader = LineReader(maxLineLength: LineClock.maxLineLength)
    /// Whether the previous read ended with a line end, so the next one starts a line.
    private var atLineStart = true

    init() {}

    /// Looks at the complete lines of `count` bytes just read, newest first, for a timestamp.
    func observe(_ bytes: UnsafeRawPointer, count: Int) {
        guard count > 0 else { return }
        let p = bytes.assumingMemoryBound(to: UInt8.self)
        let startsAtLine = atLineStart
        atLineStart = p[count - 1] == 0x0A
        guard let lastNewline = memrchr(p, 0x0A, count) else { return }
        // A read that starts inside a line: its first piece is the tail of a line begun earlier.
        var first = 0
        if !startsAtLine {
            guard let newline = memchr(p, 0x0A, count) else { return }
            first = UnsafeRawPointer(newline) - bytes + 1
        }
        var end = UnsafeRawPointer(lastNewline) - bytes
        var tries = LineClock.linesTried
        while end >= first, tries > 0 {
            let start = end > first
                ? memrchr(p + first, 0x0A, end - first).map { UnsafeRawPointer($0) - bytes + 1 } ?? first
                : first
            tries -= 1
            if end - start <= LineClock.maxLineLength, let t = timestamp(ByteSlice(p + start, end - start)) {
                latest = max(latest ?? t, t)
                return
            }
            end = start - 1
        }
    }

    /// The line's own timestamp, else its envelope's (as the scanner reads it).
    private func timestamp(_ raw: ByteSlice) -> Timestamp? {
        reader.read(raw).timestamp
    }
}
