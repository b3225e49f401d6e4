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
        var buffer = [UInt8](repeating: 0, count: chunk)
        var line: [UInt8] = []
        var lineStart: Int64 = 0
        var offset: Int64 = 0
        var linesSeen = 0
        var overlong = false
        while linesSeen < lineCount {
            let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, chunk, off_t(offset)) }
            guard n > 0 else {
                // A last line without a newline is a line too.
                if !overlong, !line.isEmpty, line.count <= maxLineLength {
                    _ = line.withUnsafeBufferPointer { format.look(at: ByteSlice($0.baseAddress!, $0.count), offset: lineStart) }
                }
                break
            }
            for i in 0..<n where linesSeen < lineCount {
                let byte = buffer[i]
                guard byte == 0x0A else {
                    if line.count <= maxLineLength { line.append(byte) } else { overlong = true }
                    continue
                }
                linesSeen += 1
                if !overlong && !line.isEmpty && line.count <= maxLineLength {
                    let done = line.withUnsafeBufferPointer { format.look(at: ByteSlice($0.baseAddress!, $0.count), offset: lineStart) }
                    if done { return format }
                }
                line.removeAll(keepingCapacity: true)
                overlong = false
                lineStart = offset + Int64(i) + 1
            }
            offset += Int64(n)
        }
        return format
    }
}
