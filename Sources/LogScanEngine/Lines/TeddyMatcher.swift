import CTeddy

/// Owns one CTeddy matcher: the literals' fingerprint windows chosen here, from
/// how often they occur in the noise of real logs (`NoiseTrigrams`).
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
        let (offsets, buckets) = TeddyPlan.known(for: literals) ?? TeddyMatcher.plan(for: literals)
        let lengths = literals.map { Int32($0.count) }
        let isa: Int32 = switch wanted {
        case .ssse3: Int32(TEDDY_ISA_SSSE3)
        case .avx2: Int32(TEDDY_ISA_AVX2)
        case .avx512, .portable, nil: Int32(TEDDY_ISA_AVX512)
        }
        let copies = literals.map { bytes -> UnsafeMutablePointer<UInt8> in
            let p = UnsafeMutablePointer<UInt8>.allocate(capacity: bytes.count)
            p.initialize(from: bytes, count: bytes.count)
            return p
        }
        defer { copies.forEach { $0.deallocate() } }
        let pointers: [UnsafePointer<UInt8>?] = copies.map { UnsafePointer($0) }
        guard let h = teddy_new(pointers, lengths, offsets, buckets, Int32(literals.count), isa) else { return nil }
        handle = h
        kernel = switch teddy_isa(h) {
        case Int32(TEDDY_ISA_AVX512): .avx512
        case Int32(TEDDY_ISA_AVX2): .avx2
        default: .ssse3
        }
    }

    deinit { teddy_free(handle) }

    /// Each literal's fingerprint window (its offset) and bucket, chosen from the noise of
    /// real logs. `TeddyPlan.known` holds the result for the scanner's own literal sets.
    static func plan(for literals: [[UInt8]]) -> (offsets: [Int32], buckets: [Int32]) {
        let offsets = literals.map { Int32(TeddyMatcher.rarestWindow(in: $0)) }
        let windows = zip(literals, offsets).map { Array($0[Int($1)..<Int($1) + 3]) }
        return (offsets, TeddyMatcher.buckets(for: windows))
    }

    /// Offset of the 3-byte window least common in the noise of real logs: a window every
    /// noise line is full of (`Cha` of "Channel throughput milestone") stops the scan on
    /// every line, one that noise lacks (`g c` of "approaching capacity") almost never.
    /// Windows the noise lacks are ranked by how common their bytes are
    /// (`ByteFrequencyRank.windowCost`); the first wins a tie.
    static func rarestWindow(in bytes: [UInt8]) -> Int {
        var best = 0
        var bestCost = (tier: Int.max, bytes: Double.infinity)
        for start in 0...(bytes.count - 3) {
            let cost = (tier: noiseTier(bytes[start], bytes[start + 1], bytes[start + 2]),
                        bytes: ByteFrequencyRank.windowCost(bytes[start..<start + 3]))
            if cost < bestCost {
                best = start
                bestCost = cost
            }
        }
        return best
    }

    /// A bucket per window: the first 8 get one each; each later one shares the bucket
    /// where the mixtures of nibbles it adds are rarest in the noise. Round-robin put
    /// the compression magics with the message windows, and their mixtures (`o[h` of
    /// `c_c` and gzip's `1F 8B 08`…) stopped the scan 787 times per MB of the bench
    /// log instead of 2.4.
    static func buckets(for windows: [[UInt8]]) -> [Int32] {
        let count = Int(TEDDY_BUCKETS)
        var members = [[[UInt8]]](repeating: [], count: count)
        var costs = [Int](repeating: 0, count: count)
        var result: [Int32] = []
        for (k, window) in windows.enumerated() {
            var bucket = k
            if k >= count {
                var best = (cost: Int.max, mixtures: Int.max)
                for b in 0..<count {
                    let after = mixtureCost(members[b] + [window])
                    let added = (cost: after.cost &- costs[b], mixtures: after.mixtures)
                    if added < best {
                        best = added
                        bucket = b
                    }
                }
            }
            members[bucket].append(window)
            costs[bucket] = mixtureCost(members[bucket]).cost
            result.append(Int32(bucket))
        }
        return result
    }

    /// The windows a bucket's masks accept (every mixture of its windows' nibbles, per
    /// byte), weighted by how often each occurs in the noise; and how many there are.
    /// Past 4,096 mixtures the weight is not summed: such a bucket is bad anyway.
    static func mixtureCost(_ windows: [[UInt8]]) -> (cost: Int, mixtures: Int) {
        guard !windows.isEmpty else { return (0, 0) }
        var accepted: [[UInt8]] = [[], [], []]
        for j in 0..<3 {
            // The nibbles each byte may have, as bit sets.
            var low: UInt16 = 0
            var high: UInt16 = 0
            for window in windows {
                low |= 1 << (window[j] & 0x0F)
                high |= 1 << (window[j] >> 4)
            }
            for h in 0..<16 where high & (1 << h) != 0 {
                for l in 0..<16 where low & (1 << l) != 0 { accepted[j].append(UInt8(h << 4 | l)) }
            }
        }
        let mixtures = accepted[0].count * accepted[1].count * accepted[2].count
        guard mixtures <= 4096 else { return (Int.max / 2, mixtures) }
        var cost = 0
        for a in accepted[0] {
            for b in accepted[1] {
                for c in accepted[2] {
                    let tier = noiseTier(a, b, c)
                    if tier > 0 { cost += 1 << (tier - 1) }
                }
            }
        }
        return (cost, mixtures)
    }

    /// The window's tier in `NoiseTrigrams` (floor(log2(occurrences)) + 1), 0 when absent.
    static func noiseTier(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> Int {
        let records = NoiseTrigrams.records
        let base = records.utf8Start
        let key = (UInt32(a) << 16) | (UInt32(b) << 8) | UInt32(c)
        var low = 0
        var high = NoiseTrigrams.count
        while low < high {
            let mid = (low + high) / 2
            let r = base + mid * NoiseTrigrams.recordBytes
            let value = (UInt32(r[0]) << 16) | (UInt32(r[1]) << 8) | UInt32(r[2])
            if value == key { return Int(r[3]) - Int(UInt8(ascii: "a")) }
            if value < key { low = mid + 1 } else { high = mid }
        }
        return 0
    }

    func scan(_ base: UnsafePointer<UInt8>, from: Int, to: Int, longerThan limit: Int) -> teddy_result {
        var r = teddy_result()
        teddy_scan(handle, base, Int64(from), Int64(to), Int64(limit), &r)
        return r
    }
}
