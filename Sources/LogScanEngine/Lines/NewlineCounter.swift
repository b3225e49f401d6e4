/// Counts line ends in a byte range with SIMD, and notices lines longer than a
/// limit on the way (to count overlong lines exactly without a per-line loop).
enum NewlineCounter {
    /// Newlines in `[from, to)`, and whether some run without a newline may
    /// exceed `longerThan` bytes (then the caller measures exactly).
    static func count(_ base: UnsafePointer<UInt8>, from: Int, to: Int, longerThan limit: Int) -> (newlines: Int, mayHaveLongLine: Bool) {
        var i = from
        var total = 0
        var run = 0
        var flagged = false
        // A group with a newline resets `run` though up to a group's bytes after
        // the newline belong to the next line: flag early, measure exactly later.
        let threshold = max(limit - 2 * 255 * 16, 0)
        // That slack only works when a long line must hold a whole group. Below
        // two groups' worth a long line can sit inside groups that hold newlines
        // and the run never sees it: measure whenever the range could hold one.
        if limit < 2 * 255 * 16, to - from > limit { flagged = true }
        let raw = UnsafeRawPointer(base)
        let newline = SIMD16<UInt8>(repeating: 0x0A)
        let zero = SIMD16<UInt8>(repeating: 0)
        while to - i >= 16 {
            // Per-lane counters hold up to 255 blocks before they must be summed.
            var acc = zero
            let blocks = min((to - i) / 16, 255)
            for _ in 0..<blocks {
                let v = raw.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self)
                // A true lane is 0xFF, i.e. -1: subtracting counts it.
                acc &-= unsafeBitCast(v .== newline, to: SIMD16<UInt8>.self)
                i += 16
            }
            let group = Int(acc.wrappedSum()) &+ overflowCorrection(acc)
            total += group
            // Long-line detection at group granularity: a group without a newline
            // extends the run; any newline may end it (the run is re-measured exactly).
            if group == 0 {
                run &+= blocks * 16
                if run > threshold { flagged = true }
            } else {
                run = 0
            }
        }
        while i < to {
            if base[i] == 0x0A {
                total += 1
                run = 0
            } else {
                run += 1
                if run > threshold { flagged = true }
            }
            i += 1
        }
        return (total, flagged)
    }

    /// `wrappedSum` adds the 16 lanes in UInt8 and can wrap; sum them wide instead.
    @inline(__always) private static func overflowCorrection(_ acc: SIMD16<UInt8>) -> Int {
        var wide = 0
        for k in 0..<16 { wide += Int(acc[k]) }
        return wide - Int(acc.wrappedSum())
    }

    /// Number of lines in `[from, to)` longer than `limit` bytes before their `\n`
    /// (a `\r` of a CRLF counts, as everywhere else the limit is checked);
    /// the range must start at a line start. A last line without newline counts too.
    static func longLines(_ base: UnsafePointer<UInt8>, from: Int, to: Int, longerThan limit: Int) -> Int {
        var start = from
        var found = 0
        while start < to {
            let end = memchr(base + start, 0x0A, to - start).map { UnsafeRawPointer($0) - UnsafeRawPointer(base) } ?? to
            if end - start > limit { found += 1 }
            start = end + 1
        }
        return found
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
