#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Splits a large regular file into byte ranges that start at line starts, for
/// scanning on several threads.
///
/// A split never falls right after a CRI partial (`P`) line, so its continuation
/// stays in the same range and is joined as in a single-threaded scan.
enum ChunkPlanner {
    /// Ranges covering `[0, size)`, about `chunkSize` bytes each.
    static func plan(fd: Int32, size: Int64, chunkSize: Int64) -> [Range<Int64>] {
        guard size > chunkSize, chunkSize > 0 else { return [0..<size] }
        var ranges: [Range<Int64>] = []
        var start: Int64 = 0
        let window = 64 * 1024
        let scratch = UnsafeMutablePointer<UInt8>.allocate(capacity: window)
        defer { scratch.deallocate() }
        while start < size {
            var split = start + chunkSize
            if split >= size {
                ranges.append(start..<size)
                break
            }
            split = nextLineStart(fd: fd, at: split, size: size, scratch: scratch, window: window)
            // Move past CRI partial lines so that a P line and its continuation stay together.
            var guardCount = 0
            while split < size, guardCount < 1024,
                  lineBefore(split, fd: fd, scratch: scratch, window: window).map(isCRIPartial) == true {
                split = nextLineStart(fd: fd, at: split, size: size, scratch: scratch, window: window)
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

    /// The offset just after the first newline at or after `offset` (or `size`).
    private static func nextLineStart(fd: Int32, at offset: Int64, size: Int64,
                                      scratch: UnsafeMutablePointer<UInt8>, window: Int) -> Int64 {
        var position = offset
        while position < size {
            let n = pread(fd, scratch, window, off_t(position))
            guard n > 0 else { return size }
            if let hit = memchr(scratch, 0x0A, n) {
                return position + Int64(UnsafeRawPointer(hit) - UnsafeRawPointer(scratch)) + 1
            }
            position += Int64(n)
        }
        return size
    }

    /// The bytes of the line that ends just before `lineStart` (its start may be
    /// cut off when the line is longer than the window: CRI prefixes are short).
    private static func lineBefore(_ lineStart: Int64, fd: Int32,
                                   scratch: UnsafeMutablePointer<UInt8>, window: Int) -> [UInt8]? {
        let from = max(0, lineStart - Int64(window))
        let n = pread(fd, scratch, Int(lineStart - from), off_t(from))
        guard n > 1 else { return nil }
        let end = n - 1 // the newline ending the line
        var start = end
        while start > 0, scratch[start - 1] != 0x0A { start -= 1 }
        guard start > 0 || from == 0 else { return nil }
        return Array(UnsafeBufferPointer(start: scratch + start, count: min(end - start, 64)))
    }

    private static func isCRIPartial(_ prefix: [UInt8]) -> Bool {
        guard !prefix.isEmpty else { return false }
        return prefix.withUnsafeBufferPointer { p in
            CRIPrefix.parse(ByteSlice(p.baseAddress!, p.count))?.isPartial ?? false
        }
    }
}
