import CTeddy

/// Owns one CTeddy matcher: the literals' fingerprint windows chosen here, from
/// how often their bytes occur in real logs (`ByteFrequencyRank.perMillion`).
final class TeddyMatcher: @unchecked Sendable {
    // Immutable after init; teddy_scan only reads it, so threads may share it.
    private let handle: OpaquePointer
    /// The kernel the CPU runs.
    let kernel: LiteralPrefilter.Kernel

    /// `nil` when the CPU has no SSSE3, or a literal is shorter than 3 bytes, or
    /// there are more than CTeddy takes.
    init?(_ literals: [[UInt8]], kernel wanted: LiteralPrefilter.Kernel?) {
        guard !literals.isEmpty, literals.count <= Int(TEDDY_MAX_LITERALS),
              literals.allSatisfy({ $0.count >= 3 }) else { return nil }
        let offsets = literals.map { Int32(TeddyMatcher.rarestWindow(in: $0)) }
        let lengths = literals.map { Int32($0.count) }
        let isa: Int32 = switch wanted {
        case .ssse3: Int32(TEDDY_ISA_SSSE3)
        case .avx2, .portable, nil: Int32(TEDDY_ISA_AVX2)
        }
        let copies = literals.map { bytes -> UnsafeMutablePointer<UInt8> in
            let p = UnsafeMutablePointer<UInt8>.allocate(capacity: bytes.count)
            p.initialize(from: bytes, count: bytes.count)
            return p
        }
        defer { copies.forEach { $0.deallocate() } }
        let pointers: [UnsafePointer<UInt8>?] = copies.map { UnsafePointer($0) }
        guard let h = teddy_new(pointers, lengths, offsets, Int32(literals.count), isa) else { return nil }
        handle = h
        kernel = teddy_isa(h) == Int32(TEDDY_ISA_AVX2) ? .avx2 : .ssse3
    }

    deinit { teddy_free(handle) }

    /// Offset of the 3-byte window whose bytes are least common together (first on a tie).
    static func rarestWindow(in bytes: [UInt8]) -> Int {
        var best = 0
        var bestCost = Double.infinity
        for start in 0...(bytes.count - 3) {
            let cost = ByteFrequencyRank.windowCost(bytes[start..<start + 3])
            if cost < bestCost {
                best = start
                bestCost = cost
            }
        }
        return best
    }

    func scan(_ base: UnsafePointer<UInt8>, from: Int, to: Int, longerThan limit: Int) -> teddy_result {
        var r = teddy_result()
        teddy_scan(handle, base, Int64(from), Int64(to), Int64(limit), &r)
        return r
    }
}
