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
        // A block with a newline resets `run` though up to 15 bytes after the
        // newline belong to the next line: flag a little early, measure exactly later.
        let threshold = max(limit - 32, 0)
        let raw = UnsafeRawPointer(base)
        let newline = SIMD16<UInt8>(repeating: 0x0A)
        let one = SIMD16<UInt8>(repeating: 1)
        let zero = SIMD16<UInt8>(repeating: 0)
        while to - i >= 16 {
            // Per-lane counters hold up to 255 blocks before they must be summed.
            var acc = zero
            let blocks = min((to - i) / 16, 255)
            for _ in 0..<blocks {
                let v = raw.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self)
                let eq = v .== newline
                if any(eq) {
                    acc &+= zero.replacing(with: one, where: eq)
                    run = 0
                } else {
                    run &+= 16
                    if run > threshold { flagged = true }
                }
                i += 16
            }
            total += Int(acc.wrappedSum()) &+ overflowCorrection(acc)
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

    /// Number of lines in `[from, to)` longer than `limit` bytes (excluding the newline);
    /// the range must start at a line start. A last line without newline counts too.
    static func longLines(_ base: UnsafePointer<UInt8>, from: Int, to: Int, longerThan limit: Int) -> Int {
        var start = from
        var found = 0
        while start < to {
            let end = memchr(base + start, 0x0A, to - start).map { UnsafeRawPointer($0) - UnsafeRawPointer(base) } ?? to
            var length = end - start
            if length > 0, base[end - 1] == 0x0D { length -= 1 }
            if length > limit { found += 1 }
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
