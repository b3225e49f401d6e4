#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whether an input is a container runtime (CRI) or Docker json-file log, decided once per
/// input from its first lines, and from which line on (by byte offset).
///
/// CRI files need the partial-line literals (`stdout P `), Docker files the long-line
/// path; other logs need neither, and every needle fewer is faster on every byte. The
/// decision depends only on the input's first `lineCount` lines, never on read sizes or on
/// how the input is cut into ranges for threads: every range of a file gets the file's.
struct InputFormat: Sendable, Equatable {
    /// How many of an input's first lines are looked at (overlong ones count, showing nothing).
    static let lineCount = 64

    /// Offset of the first CRI line among the first lines, `nil` when none is.
    var criFrom: Int64?
    /// Offset of the first Docker json-file entry among the first lines, `nil` when none is.
    var dockerFrom: Int64?

    /// What one of the first lines, starting at `offset`, shows. Returns whether the search is over.
    mutating func look(at line: ByteSlice, offset: Int64) -> Bool {
        if dockerFrom == nil, line.hasPrefix(#"{"log":""#) { dockerFrom = offset }
        if CRIPrefix.parse(line.withoutCarriageReturn) != nil {
            criFrom = offset
            return true
        }
        return false
    }

    /// The format of the regular file `fd`, read from its start with `pread` (the position
    /// is not moved); lines longer than `maxLineLength` count but show nothing, as in a scan.
    static func detect(fd: Int32, maxLineLength: Int) -> InputFormat {
        var format = InputFormat()
        let chunk = 64 * 1024
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: chunk)
        defer { buffer.deallocate() }
        // Lines are found with memchr and looked at in the buffer; only a line cut by a read's
        // end is copied (`carry`). Byte by byte into a line buffer this was 1.1 M instructions,
        // on the way to every scan. A line is looked at when it has 1...maxLineLength bytes.
        var carry: [UInt8] = []
        var overlong = false
        var lineStart: Int64 = 0
        var offset: Int64 = 0
        var linesSeen = 0
        while linesSeen < InputFormat.lineCount {
            let n = pread(fd, buffer, chunk, off_t(offset))
            guard n > 0 else {
                // A last line without a newline is a line too.
                if !overlong, !carry.isEmpty {
                    _ = carry.withUnsafeBufferPointer { format.look(at: ByteSlice($0.baseAddress!, $0.count), offset: lineStart) }
                }
                break
            }
            var i = 0
            while i < n, linesSeen < InputFormat.lineCount {
                guard let newline = memchr(buffer + i, 0x0A, n - i) else {
                    if carry.count + (n - i) > maxLineLength {
                        overlong = true
                    } else {
                        carry.append(contentsOf: UnsafeBufferPointer(start: buffer + i, count: n - i))
                    }
                    break
                }
                let end = newline.assumingMemoryBound(to: UInt8.self) - buffer
                linesSeen += 1
                let done: Bool
                if carry.isEmpty, !overlong {
                    let length = end - i
                    done = length > 0 && length <= maxLineLength
                        && format.look(at: ByteSlice(UnsafePointer(buffer + i), length), offset: lineStart)
                } else if !overlong, carry.count + (end - i) <= maxLineLength {
                    carry.append(contentsOf: UnsafeBufferPointer(start: buffer + i, count: end - i))
                    done = carry.withUnsafeBufferPointer { format.look(at: ByteSlice($0.baseAddress!, $0.count), offset: lineStart) }
                } else {
                    done = false
                }
                if done { return format }
                carry.removeAll(keepingCapacity: true)
                overlong = false
                lineStart = offset + Int64(end) + 1
                i = end + 1
            }
            offset += Int64(n)
        }
        return format
    }
}
