#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Splits a large regular file into byte ranges that start at line starts, for
/// scanning on several threads.
///
/// A split never falls right after a partial line — a CRI `P` line, or a Docker
/// json-file entry whose `log` does not end in `\n` — so its continuation stays in
/// the same range and is joined as in a single-threaded scan.
enum ChunkPlanner {
    /// Ranges covering `[0, size)`, about `chunkSize` bytes each.
    static func plan(fd: Int32, size: Int64, chunkSize: Int64) -> [Range<Int64>] {
        guard size > chunkSize, chunkSize > 0 else { return [0..<size] }
        var ranges: [Range<Int64>] = []
        var start: Int64 = 0
        let scratch = UnsafeMutablePointer<UInt8>.allocate(capacity: largeWindow)
        defer { scratch.deallocate() }
        while start < size {
            var split = start + chunkSize
            if split >= size {
                ranges.append(start..<size)
                break
            }
            split = nextLineStart(fd: fd, at: split, size: size, scratch: scratch)
            // Move past CRI partial lines so that a P line and its continuation stay together.
            var guardCount = 0
            while split < size, guardCount < 1024,
                  lineBefore(split, fd: fd, scratch: scratch).map(isPartial) == true {
                split = nextLineStart(fd: fd, at: split, size: size, scratch: scratch)
                guardCount += 1
            }
            if split >= size {
                ranges.append(start..<size)
                break
            }
            ranges.append(start..<split)
            start = split
        }
        return ranges
    }

    /// Reads around a split: most lines end within a few KiB, and reading 64 KiB twice per
    /// split was 0.6 ms of the serial start of a 256 MB scan (32 splits) before the second
    /// thread could start (docs/PERFORMANCE.md, seventh pass). Longer lines take the large window.
    static let smallWindow = 4 * 1024
    static let largeWindow = 64 * 1024

    /// The offset just after the first newline at or after `offset` (or `size`).
    private static func nextLineStart(fd: Int32, at offset: Int64, size: Int64,
                                      scratch: UnsafeMutablePointer<UInt8>) -> Int64 {
        var position = offset
        var window = smallWindow
        while position < size {
            let n = pread(fd, scratch, window, off_t(position))
            guard n > 0 else { return size }
            if let hit = memchr(scratch, 0x0A, n) {
                return position + Int64(UnsafeRawPointer(hit) - UnsafeRawPointer(scratch)) + 1
            }
            position += Int64(n)
            window = largeWindow
        }
        return size
    }

    /// The first and last bytes of the line that ends just before `lineStart`: its first 64
    /// bytes when its start is within 64 KiB (CRI prefixes are short), else none, and its
    /// last 160 (Docker's `"stream"`/`"time"` members are short).
    private static func lineBefore(_ lineStart: Int64, fd: Int32,
                                   scratch: UnsafeMutablePointer<UInt8>) -> (head: [UInt8], tail: [UInt8])? {
        var window = smallWindow
        while true {
            let from = max(0, lineStart - Int64(window))
            let n = pread(fd, scratch, Int(lineStart - from), off_t(from))
            guard n > 1 else { return nil }
            let end = n - 1 // the newline ending the line
            var start = end
            while start > 0, scratch[start - 1] != 0x0A { start -= 1 }
            // The line's start is not in the small window: read the large one.
            if start == 0, from > 0, window < largeWindow {
                window = largeWindow
                continue
            }
            let tailStart = max(start, end - 160)
            let tail = Array(UnsafeBufferPointer(start: scratch + tailStart, count: end - tailStart))
            guard start > 0 || from == 0 else { return ([], tail) }
            return (Array(UnsafeBufferPointer(start: scratch + start, count: min(end - start, 64))), tail)
        }
    }

    private static func isPartial(_ line: (head: [UInt8], tail: [UInt8])) -> Bool {
        if !line.head.isEmpty, line.head.withUnsafeBufferPointer({ p in
            CRIPrefix.parse(ByteSlice(p.baseAddress!, p.count))?.isPartial ?? false
        }) {
            return true
        }
        return isDockerPartial(tail: line.tail)
    }

    /// A Docker entry ends `…","stream":"stdout","time":"…"}`; a whole line's `log`
    /// ends in the escaped line end `\n` just before it.
    static func isDockerPartial(tail: [UInt8]) -> Bool {
        let marker = Array(#"","stream":""#.utf8)
        guard tail.last == UInt8(ascii: "}"), tail.count >= marker.count + 2 else { return false }
        for i in stride(from: tail.count - marker.count, through: 2, by: -1) where Array(tail[i..<(i + marker.count)]) == marker {
            return !(tail[i - 2] == UInt8(ascii: "\\") && tail[i - 1] == UInt8(ascii: "n"))
        }
        return false
    }
}
