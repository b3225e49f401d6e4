import CPCRE2 // memrchr (hidden by Glibc without _GNU_SOURCE)
import CTeddy
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds the literals of the recognised messages in a buffer fast enough that
/// noise lines never reach the line parser or PCRE2.
///
/// Two kernels give the same answers. The fast one is Teddy (CTeddy, as in
/// Hyperscan and ripgrep): each literal is reduced to its rarest 3-byte window,
/// byte tables (AVX-512 VBMI: 64 positions) or nibble masks (AVX2: 32; SSSE3: 16)
/// test the positions of a step for all literals
/// at once, and newlines are counted in the same pass. The portable one, for CPUs
/// without SSSE3 and as the reference in tests, reduces each literal to two of its
/// rarest bytes at a fixed distance (ripgrep's "packed pair" idea), tests 16
/// positions at a time, and counts newlines in a second pass.
/// `TASKER_LOGSCAN_PREFILTER=portable|ssse3|avx2|avx512` forces a kernel.
struct LiteralPrefilter {
    /// Which code finds the literals.
    enum Kernel: String, Sendable {
        /// The Swift packed-pair search (every CPU).
        case portable
        /// Teddy with 16-byte SSSE3 blocks.
        case ssse3
        /// Teddy with 32-byte AVX2 blocks.
        case avx2
        /// Teddy with 64-byte AVX-512 (BW, VBMI) blocks and 7-bit byte tables.
        case avx512
    }

    /// A `firstMatch` and the newlines before it, from one pass.
    struct Scan {
        /// The first full literal match, as `firstMatch` gives it.
        let match: (position: Int, needle: Int)?
        /// Newlines in `[from, match's line start)`, or in `[from, to)` without a match.
        let newlines: Int
        /// Whether a line in that range may be longer than the limit (measure exactly).
        let mayHaveLongLine: Bool
    }

    /// One literal and the two bytes that stand for it.
    struct Needle {
        let bytes: [UInt8]
        /// Offset of the rarest byte in `bytes`.
        let offset1: Int
        /// Offset of the second rarest byte (≠ offset1).
        let offset2: Int
        var byte1: UInt8 { bytes[offset1] }
        var byte2: UInt8 { bytes[offset2] }

        init(_ literal: String) { self.init(bytes: Array(literal.utf8)) }

        init(bytes: [UInt8]) {
            precondition(bytes.count >= 2, "prefilter literals need two bytes")
            self.bytes = bytes
            let byRarity = bytes.indices.sorted {
                let (a, b) = (ByteFrequencyRank.rank(bytes[$0]), ByteFrequencyRank.rank(bytes[$1]))
                return a != b ? a < b : $0 < $1
            }
            let first = byRarity[0]
            // The second byte: the rarest one at least two bytes away (adjacent bytes
            // are correlated: "mp" is common in text though "m" and "p" are not),
            // of another value; failing that, any other position.
            let second = byRarity.dropFirst().first { abs($0 - first) >= 2 && bytes[$0] != bytes[first] }
                ?? byRarity.dropFirst().first { bytes[$0] != bytes[first] }
                ?? byRarity[1]
            offset1 = min(first, second)
            offset2 = max(first, second)
        }
    }

    let needles: [Needle]
    /// Largest `offset2` of any needle: how far past a block the loads reach.
    private let reach: Int
    /// Longest literal: how far past a flagged block a match may end.
    private let maxLength: Int
    /// The needles' pair bytes as splats, built once (not per flagged block).
    private let pairs: [Pair]
    /// The Teddy matcher, when the CPU has SSSE3 and the literals fit it.
    private let teddy: TeddyMatcher?

    /// The kernel in use.
    var kernel: Kernel { teddy?.kernel ?? .portable }

    /// `kernel` asks for one (`nil`: the environment's choice, else the fastest);
    /// an instruction set the CPU lacks falls back to the next slower kernel.
    init(literals: [String], byteLiterals: [[UInt8]] = [], kernel: Kernel? = nil) {
        needles = literals.map(Needle.init) + byteLiterals.map(Needle.init(bytes:))
        reach = needles.map { $0.offset2 }.max() ?? 0
        maxLength = needles.map { $0.bytes.count }.max() ?? 0
        pairs = needles.map {
            Pair(offset1: $0.offset1, offset2: $0.offset2, byte1: SIMD16(repeating: $0.byte1), byte2: SIMD16(repeating: $0.byte2))
        }
        let wanted = kernel ?? LiteralPrefilter.environmentKernel
        teddy = wanted == .portable ? nil : TeddyMatcher(needles.map(\.bytes), kernel: wanted)
    }

    /// `TASKER_LOGSCAN_PREFILTER`, when set to a kernel's name.
    private static let environmentKernel: Kernel? = {
        guard let value = getenv("TASKER_LOGSCAN_PREFILTER") else { return nil }
        return Kernel(rawValue: String(cString: value))
    }()

    /// The first match in `[from, to)` (`from` at a line start, `to` just after a
    /// newline or at the end of the data), with the newlines before its line counted
    /// on the way; lines longer than `limit` are flagged, not counted.
    func scan(_ base: UnsafePointer<UInt8>, from: Int, to: Int, longerThan limit: Int) -> Scan {
        if let teddy {
            let r = teddy.scan(base, from: from, to: to, longerThan: limit)
            return Scan(match: r.position < 0 ? nil : (Int(r.position), Int(r.literal)),
                        newlines: Int(r.newlines), mayHaveLongLine: r.may_have_long_line != 0)
        }
        let match = portableFirstMatch(in: base, from: from, to: to)
        var end = to
        if let (hit, _) = match {
            end = memrchr(base + from, 0x0A, hit - from).map { UnsafeRawPointer($0) - UnsafeRawPointer(base) + 1 } ?? from
        }
        guard end > from else { return Scan(match: match, newlines: 0, mayHaveLongLine: false) }
        let (newlines, long) = NewlineCounter.count(base, from: from, to: end, longerThan: limit)
        return Scan(match: match, newlines: newlines, mayHaveLongLine: long)
    }

    /// The position of the first full literal match in `[from, to)`, and which
    /// needle it was (the lowest index among those starting there); `nil` when
    /// there is none. `base[0..<to]` must be readable.
    func firstMatch(in base: UnsafePointer<UInt8>, from: Int, to: Int) -> (position: Int, needle: Int)? {
        if let teddy {
            let r = teddy.scan(base, from: from, to: to, longerThan: Int.max)
            return r.position < 0 ? nil : (Int(r.position), Int(r.literal))
        }
        return portableFirstMatch(in: base, from: from, to: to)
    }

    /// The Swift packed-pair search.
    private func portableFirstMatch(in base: UnsafePointer<UInt8>, from: Int, to: Int) -> (position: Int, needle: Int)? {
        var i = from
        let raw = UnsafeRawPointer(base)
        // Block loop: every load of a block stays inside [0, to).
        let lastBlock = to - 16 - reach
        if i <= lastBlock {
            let found: (Int, Int)?? = pairs.withUnsafeBufferPointer { ps in
                // Two blocks per iteration: each needle's offsets and bytes are
                // read once for 32 positions.
                while i + 16 <= lastBlock {
                    var hitsA = SIMD16<UInt8>()
                    var hitsB = SIMD16<UInt8>()
                    for p in ps {
                        let a1 = raw.loadUnaligned(fromByteOffset: i &+ p.offset1, as: SIMD16<UInt8>.self)
                        let b1 = raw.loadUnaligned(fromByteOffset: i &+ p.offset2, as: SIMD16<UInt8>.self)
                        let a2 = raw.loadUnaligned(fromByteOffset: i &+ 16 &+ p.offset1, as: SIMD16<UInt8>.self)
                        let b2 = raw.loadUnaligned(fromByteOffset: i &+ 16 &+ p.offset2, as: SIMD16<UInt8>.self)
                        hitsA |= unsafeBitCast(a1 .== p.byte1, to: SIMD16<UInt8>.self)
                            & unsafeBitCast(b1 .== p.byte2, to: SIMD16<UInt8>.self)
                        hitsB |= unsafeBitCast(a2 .== p.byte1, to: SIMD16<UInt8>.self)
                            & unsafeBitCast(b2 .== p.byte2, to: SIMD16<UInt8>.self)
                    }
                    let words = unsafeBitCast(hitsA | hitsB, to: SIMD2<UInt64>.self)
                    if words[0] | words[1] != 0,
                       let found = scalarMatch(base, from: i, to: min(i &+ 32 &+ maxLength, to), startsBefore: i &+ 32) {
                        return .some(found)
                    }
                    i &+= 32
                }
                while i <= lastBlock {
                    var hits = SIMD16<UInt8>()
                    for p in ps {
                        let a = raw.loadUnaligned(fromByteOffset: i &+ p.offset1, as: SIMD16<UInt8>.self)
                        let b = raw.loadUnaligned(fromByteOffset: i &+ p.offset2, as: SIMD16<UInt8>.self)
                        hits |= unsafeBitCast(a .== p.byte1, to: SIMD16<UInt8>.self)
                            & unsafeBitCast(b .== p.byte2, to: SIMD16<UInt8>.self)
                    }
                    let words = unsafeBitCast(hits, to: SIMD2<UInt64>.self)
                    if words[0] | words[1] != 0,
                       let found = scalarMatch(base, from: i, to: min(i &+ 16 &+ maxLength, to), startsBefore: i &+ 16) {
                        return .some(found)
                    }
                    i &+= 16
                }
                return .none
            }
            if let found { return found }
        }
        return scalarMatch(base, from: i, to: to, startsBefore: to)
    }

    /// The needles' pair bytes as splats, ready for the block loop.
    private struct Pair {
        let offset1: Int
        let offset2: Int
        let byte1: SIMD16<UInt8>
        let byte2: SIMD16<UInt8>
    }

    /// Checks every start position in `[from, startsBefore)` for a full literal
    /// that ends at or before `to`.
    private func scalarMatch(_ base: UnsafePointer<UInt8>, from: Int, to: Int, startsBefore: Int) -> (position: Int, needle: Int)? {
        var p = from
        while p < startsBefore {
            for (k, n) in needles.enumerated() where p + n.bytes.count <= to {
                if base[p + n.offset1] == n.byte1, base[p + n.offset2] == n.byte2,
                   n.bytes.withUnsafeBufferPointer({ memcmp(base + p, $0.baseAddress!, $0.count) == 0 }) {
                    return (p, k)
                }
            }
            p += 1
        }
        return nil
    }
}
