#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds the literals of the recognised messages in a buffer fast enough that
/// noise lines never reach the line parser or PCRE2.
///
/// Each literal is reduced to two of its rarest bytes at a fixed distance
/// (ripgrep's "packed pair" idea). A SIMD pass tests 16 positions at a time for
/// any literal's pair; only positions that pass are compared in full.
struct LiteralPrefilter {
    /// One literal and the two bytes that stand for it.
    struct Needle {
        let bytes: [UInt8]
        /// Offset of the rarest byte in `bytes`.
        let offset1: Int
        /// Offset of the second rarest byte (≠ offset1).
        let offset2: Int
        var byte1: UInt8 { bytes[offset1] }
        var byte2: UInt8 { bytes[offset2] }

        init(_ literal: String) {
            let bytes = Array(literal.utf8)
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

    init(literals: [String]) {
        needles = literals.map(Needle.init)
        reach = needles.map { $0.offset2 }.max() ?? 0
    }

    /// The position of the first full literal match in `[from, to)`, and which
    /// needle it was; `nil` when there is none. `base[0..<to]` must be readable.
    func firstMatch(in base: UnsafePointer<UInt8>, from: Int, to: Int) -> (position: Int, needle: Int)? {
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

    private var pairs: [Pair] {
        needles.map { Pair(offset1: $0.offset1, offset2: $0.offset2, byte1: SIMD16(repeating: $0.byte1), byte2: SIMD16(repeating: $0.byte2)) }
    }

    private var maxLength: Int { needles.map { $0.bytes.count }.max() ?? 0 }

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
