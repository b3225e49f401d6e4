import Foundation
import Testing
@testable import LogScanEngine
import TestSupport

/// The Teddy kernels (AVX2, SSSE3) and the portable Swift prefilter give the same
/// candidates, needles, newline counts and overlong counts as a brute-force search,
/// on the samples and on random and adversarial buffers.
@Suite struct TeddyPrefilterTests {
    /// The scanner's literal sets, and a set of more than 8 literals (buckets shared).
    static let literalSets: [[String]] = [
        LiteralSet.messages,
        LiteralSet.messages + LiteralSet.criPartial,
        ["mpsc_channel_saturation", "mpsc_channel_full", "Channel approaching capacity", "Channel critically full",
         "Channel overflow", "Ruby FFI event channel full", "Event channel full, dropping event", "Bulk task creation",
         "Slow handler", "Channel monitor initialized", "stdout P ", "stderr P "],
    ]

    /// The Teddy kernels this CPU runs (each must also differ from the portable one).
    static var teddyKernels: [LiteralPrefilter.Kernel] {
        [.avx512, .avx2, .ssse3].filter { LiteralPrefilter(literals: LiteralSet.messages, kernel: $0).kernel == $0 }
    }

    struct Walk: Equatable {
        var candidates: [Int] = []
        var needles: [Int] = []
        var newlines = 0
        var overlong = 0
    }

    /// Walks `bytes` as the scanner does: next candidate, lines before it, skip its line.
    static func walk(_ prefilter: LiteralPrefilter, _ bytes: [UInt8], from: Int = 0, limit: Int) -> Walk {
        var w = Walk()
        bytes.withUnsafeBufferPointer { p in
            guard let base = p.baseAddress else { return }
            var pos = from
            let to = bytes.count
            while pos < to {
                let found = prefilter.scan(base, from: pos, to: to, longerThan: limit)
                var end = to
                if let (hit, needle) = found.match {
                    w.candidates.append(hit)
                    w.needles.append(needle)
                    end = bytes[pos..<hit].lastIndex(of: 0x0A).map { $0 + 1 } ?? pos
                }
                w.newlines += found.newlines
                if found.mayHaveLongLine {
                    w.overlong += NewlineCounter.longLines(base, from: pos, to: end, longerThan: limit)
                }
                guard let (hit, _) = found.match, let nl = bytes[hit...].firstIndex(of: 0x0A) else { break }
                pos = nl + 1
            }
        }
        return w
    }

    /// The same walk by brute force: the oracle.
    static func bruteForce(_ literals: [String], _ bytes: [UInt8], from: Int = 0, limit: Int) -> Walk {
        let lits = literals.map { Array($0.utf8) }
        var w = Walk()
        func lines(_ a: Int, _ b: Int) {
            var start = a
            for i in a..<b where bytes[i] == 0x0A {
                w.newlines += 1
                if i - start > limit { w.overlong += 1 }
                start = i + 1
            }
            if b > start, b - start > limit, b == bytes.count { w.overlong += 1 }
        }
        var pos = from
        while pos < bytes.count {
            var hit: (Int, Int)?
            search: for s in pos..<bytes.count {
                for (k, l) in lits.enumerated() where s + l.count <= bytes.count && bytes[s..<s + l.count].elementsEqual(l) {
                    hit = (s, k)
                    break search
                }
            }
            guard let (s, k) = hit else {
                lines(pos, bytes.count)
                break
            }
            w.candidates.append(s)
            w.needles.append(k)
            lines(pos, bytes[pos..<s].lastIndex(of: 0x0A).map { $0 + 1 } ?? pos)
            guard let nl = bytes[s...].firstIndex(of: 0x0A) else { break }
            pos = nl + 1
        }
        return w
    }

    @Test func theCPUHasATeddyKernelOrSaysSo() {
        // On x86-64 every CPU since 2006 has SSSE3: then Teddy must be in use by default.
        #if arch(x86_64)
        #expect(!Self.teddyKernels.isEmpty)
        #expect(LiteralPrefilter(literals: LiteralSet.messages, kernel: nil).kernel != .portable
            || ProcessInfo.processInfo.environment["TASKER_LOGSCAN_PREFILTER"] == "portable")
        #endif
        #expect(LiteralPrefilter(literals: LiteralSet.messages, kernel: .portable).kernel == .portable)
    }

    @Test func fingerprintsAreWindowsTheNoiseOfRealLogsLacks() {
        // NoiseTrigrams, measured on the samples' noise lines. The windows of the byte
        // estimate alone ("_ch", "Cha", "ful", "liz") were in ~870 noise lines per MB of
        // the bench log; these are in ~2.
        let windows = LiteralSet.messages.map { lit -> String in
            let bytes = Array(lit.utf8)
            let at = TeddyMatcher.rarestWindow(in: bytes)
            return String(decoding: bytes[at..<at + 3], as: UTF8.self)
        }
        #expect(windows == ["c_c", "g c", "y f", "w -", " fu", "Bul", "Slo", "l m"])
        for window in windows {
            let b = Array(window.utf8)
            #expect(TeddyMatcher.noiseTier(b[0], b[1], b[2]) == 0)
        }
    }

    @Test func literalsBeyondEightShareTheBucketWhereTheirMixturesAreRarest() {
        // The scanner's 8 message literals and the 4 compression magics: round-robin
        // (k % 8) put gzip's 1F 8B 08 with "c_c", whose mixtures ("o[h"…) occur in noise.
        let literals = LiteralSet.messages.map { Array($0.utf8) } + LiteralSet.compressionMagic.map(\.bytes)
        let windows = literals.map { bytes -> [UInt8] in
            let at = TeddyMatcher.rarestWindow(in: bytes)
            return Array(bytes[at..<at + 3])
        }
        let buckets = TeddyMatcher.buckets(for: windows)
        #expect(buckets == [0, 1, 2, 3, 4, 5, 6, 7, 0, 3, 6, 2])
        for b in 0..<8 {
            let members = windows.indices.filter { buckets[$0] == b }.map { windows[$0] }
            #expect(TeddyMatcher.mixtureCost(members).cost == 0, "bucket \(b)")
        }
        let roundRobin = (0..<8).map { b in windows.indices.filter { $0 % 8 == b }.map { windows[$0] } }
        #expect(roundRobin.map { TeddyMatcher.mixtureCost($0).cost }.reduce(0, +) > 0)
    }

    @Test func theNoiseTableIsTheSamplesNoise() throws {
        // The table's tiers are those of the samples' noise lines (the lines without a
        // prefilter literal), as scripts/gen-fingerprint-table.py writes them.
        let literals = (LiteralSet.messages + LiteralSet.criPartial).map { Array($0.utf8) }
        var counts: [UInt32: Int] = [:]
        for name in ["plain", "json", "ansi", "kubectl-prefixed", "cri"] {
            let data = try EngineFixtures.bytes(name + ".log")
            for line in data.split(separator: 0x0A, omittingEmptySubsequences: false) {
                let bytes = Array(line)
                if literals.contains(where: { bytes.firstRange(of: $0) != nil }) { continue }
                guard bytes.count >= 3 else { continue }
                for i in 0...(bytes.count - 3) where bytes[i..<i + 3].allSatisfy({ (0x20...0x7E).contains($0) }) {
                    counts[(UInt32(bytes[i]) << 16) | (UInt32(bytes[i + 1]) << 8) | UInt32(bytes[i + 2]), default: 0] += 1
                }
            }
        }
        #expect(counts.count == NoiseTrigrams.count)
        var mismatches = 0
        for (key, n) in counts {
            let tier = TeddyMatcher.noiseTier(UInt8(key >> 16), UInt8((key >> 8) & 0xFF), UInt8(key & 0xFF))
            if tier != Int.bitWidth - n.leadingZeroBitCount { mismatches += 1 }
        }
        #expect(mismatches == 0)
        #expect(TeddyMatcher.noiseTier(0x01, 0x02, 0x03) == 0)
        #expect(TeddyMatcher.noiseTier(UInt8(ascii: "C"), UInt8(ascii: "h"), UInt8(ascii: "a")) > 5)
    }

    @Test func literalsTeddyCannotTakeFallBackToThePortableKernel() {
        // A 2-byte literal has no 3-byte window; more than 64 literals do not fit.
        #expect(LiteralPrefilter(literals: ["ab", "Channel "], kernel: .avx2).kernel == .portable)
        let many = (0..<65).map { "literal number \($0)" }
        #expect(LiteralPrefilter(literals: many, kernel: .avx2).kernel == .portable)
        let bytes = Array("x literal number 64 y\n".utf8)
        let found = bytes.withUnsafeBufferPointer {
            LiteralPrefilter(literals: many, kernel: .avx2).firstMatch(in: $0.baseAddress!, from: 0, to: bytes.count)
        }
        #expect(found?.position == 2 && found?.needle == 6)   // "literal number 6" is a prefix of "... 64"
    }

    @Test(arguments: ["plain", "ansi", "json", "kubectl-prefixed", "cri", "runbook-forms", "shapes", "decoys",
                      "mixed", "crlf"])
    func everyKernelFindsTheSameCandidatesInTheSamples(sample: String) throws {
        let bytes = try EngineFixtures.bytes("\(sample).log")
        let realNewlines = bytes.filter { $0 == 0x0A }.count
        for literals in Self.literalSets {
            let portable = Self.walk(LiteralPrefilter(literals: literals, kernel: .portable), bytes, limit: 512)
            #expect(portable.newlines + portable.candidates.count == realNewlines, "\(sample): every line counted once")
            for kernel in Self.teddyKernels {
                let teddy = Self.walk(LiteralPrefilter(literals: literals, kernel: kernel), bytes, limit: 512)
                #expect(teddy == portable, "\(sample), \(kernel), \(literals.count) literals")
            }
            // Samples' long lines: a small limit makes the overlong tracking work.
            for limit in [40, 200] {
                let want = Self.walk(LiteralPrefilter(literals: literals, kernel: .portable), bytes, limit: limit)
                for kernel in Self.teddyKernels {
                    #expect(Self.walk(LiteralPrefilter(literals: literals, kernel: kernel), bytes, limit: limit) == want)
                }
            }
        }
    }

    @Test func thePlainSampleHasTheCandidatesGrepFinds() throws {
        // grep -c -e mpsc_channel_ -e 'Channel approaching capacity' -e 'Channel critically full'
        //   -e 'Channel overflow - message' -e 'Channel monitor initialized' -e 'vent channel full'
        //   -e 'Bulk task creation' -e 'Slow handler' fixtures/plain.log: exactly the event lines
        let bytes = try EngineFixtures.bytes("plain.log")
        for kernel in Self.teddyKernels + [.portable] {
            let w = Self.walk(LiteralPrefilter(literals: LiteralSet.messages, kernel: kernel), bytes, limit: 4096)
            #expect(w.candidates.count == 699, "\(kernel)")
            #expect(w.newlines + w.candidates.count == 1970)
        }
    }

    /// Random buffers over an alphabet of the literals' own bytes and newlines (so
    /// that partial fingerprints and near-misses are everywhere), with literals
    /// planted at the start, the end and across every block boundary.
    @Test func randomAndAdversarialBuffersAgreeWithBruteForce() {
        var rng = SplitMix(seed: 14)
        for literals in Self.literalSets {
            let alphabet = Array(Set(literals.flatMap { Array($0.utf8) })) + [0x0A, 0x0A, 0x20]
            let prefilters = ([.portable] + Self.teddyKernels).map { LiteralPrefilter(literals: literals, kernel: $0) }
            for length in 0...160 {
                for variant in 0..<4 {
                    var bytes = (0..<length).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }
                    let lit = Array(literals[Int(rng.next() % UInt64(literals.count))].utf8)
                    if length >= lit.count {
                        switch variant {
                        case 0: bytes.replaceSubrange(0..<lit.count, with: lit)                       // at the start
                        case 1: bytes.replaceSubrange(length - lit.count..<length, with: lit)         // at the very end
                        case 2:
                            let at = Int(rng.next() % UInt64(length - lit.count + 1))
                            bytes.replaceSubrange(at..<at + lit.count, with: lit)
                        default: break                                                                // pure noise
                        }
                    }
                    let from = length > 0 && variant == 2 ? Int(rng.next() % UInt64(min(length, 40))) : 0
                    for limit in [3, 20, 70] {
                        let want = Self.bruteForce(literals, bytes, from: from, limit: limit)
                        for p in prefilters {
                            let got = Self.walk(p, bytes, from: from, limit: limit)
                            #expect(got == want, "\(p.kernel), length \(length), variant \(variant), limit \(limit)")
                            if got != want { return }
                        }
                    }
                }
            }
        }
    }

    @Test func everyRemainderLengthCountsItsNewlines() {
        // The bytes after the last whole block (up to 65 with AVX-512, whose masked tail
        // takes at most 64): a newline in the last byte, or in every byte, is counted, and
        // a literal ending at the last byte is found (the first AVX-512 tail missed the
        // 65th byte's newline: the determinism tests saw a line fewer).
        let literals = LiteralSet.messages
        let prefilters = ([.portable] + Self.teddyKernels).map { LiteralPrefilter(literals: literals, kernel: $0) }
        for length in 1...300 {
            let lastNewline = [UInt8](repeating: UInt8(ascii: "x"), count: length - 1) + [0x0A]
            let allNewlines = [UInt8](repeating: 0x0A, count: length)
            let lit = Array("Slow handler".utf8)
            let literalAtEnd = length >= lit.count ? [UInt8](repeating: 0x20, count: length - lit.count) + lit : lastNewline
            for bytes in [lastNewline, allNewlines, literalAtEnd] {
                let want = Self.bruteForce(literals, bytes, limit: 1000)
                for p in prefilters {
                    #expect(Self.walk(p, bytes, limit: 1000) == want, "\(p.kernel), length \(length)")
                }
            }
        }
    }

    @Test func theEarliestStartWinsWhenWindowsAreOutOfOrder() throws {
        // "abcdefghijQZ#" has its rare window late; "bcdefg" starts a byte later but
        // its window comes first in the buffer: the earliest start must still win.
        let literals = ["abcdefghijQZ#", "bcdefg"]
        #expect(TeddyMatcher.rarestWindow(in: Array(literals[0].utf8)) >= 9)
        let bytes = Array("..abcdefghijQZ#..\n".utf8)
        for kernel in Self.teddyKernels + [.portable] {
            let p = LiteralPrefilter(literals: literals, kernel: kernel)
            let m = bytes.withUnsafeBufferPointer { p.firstMatch(in: $0.baseAddress!, from: 0, to: bytes.count) }
            #expect(m?.position == 2, "\(kernel)")
            #expect(m?.needle == 0, "\(kernel)")
        }
        // Same start, two literals: the lower index wins.
        let tie = LiteralSet.messages + ["mpsc_channel_sat"]
        let line = Array("WARN mpsc_channel_saturation x\n".utf8)
        for kernel in Self.teddyKernels + [.portable] {
            let p = LiteralPrefilter(literals: tie, kernel: kernel)
            let m = line.withUnsafeBufferPointer { p.firstMatch(in: $0.baseAddress!, from: 0, to: line.count) }
            #expect(m?.position == 5 && m?.needle == 0, "\(kernel)")
        }
    }

    @Test func aLineJustOverTheLimitIsFlaggedWhereverItCrossesABlock() {
        // The run of bytes since the last newline is carried from block to block
        // without a branch: a line of limit + 1 bytes must be flagged, one of `limit`
        // not, wherever it starts and ends among the 16-, 32- and 64-byte blocks,
        // including a block with no newline at all and the masked tail.
        let prefilters = ([.portable] + Self.teddyKernels).map { LiteralPrefilter(literals: LiteralSet.messages, kernel: $0) }
        for limit in [64, 100, 129] {
            for length in [limit - 1, limit, limit + 1] {
                for offset in 0..<130 {
                    let line = [UInt8](repeating: UInt8(ascii: "x"), count: length) + [0x0A]
                    let before = [UInt8](repeating: UInt8(ascii: "y"), count: offset % 40) + [0x0A]
                    let pad = [UInt8](repeating: UInt8(ascii: "z"), count: offset) + [0x0A]
                    for bytes in [pad + line + Array("ab\ncd\n".utf8), before + pad + line,
                                  pad + line + Array("x Slow handler y\n".utf8) + line] {
                        let want = Self.bruteForce(LiteralSet.messages, bytes, limit: limit)
                        #expect(want.overlong >= (length > limit ? 1 : 0))
                        for p in prefilters {
                            let got = Self.walk(p, bytes, limit: limit)
                            #expect(got == want, "\(p.kernel), limit \(limit), length \(length), offset \(offset)")
                            if got != want { return }
                        }
                    }
                }
            }
        }
    }

    @Test func aLongLineInsideOneBlockIsFlaggedWithASmallLimit() throws {
        // Lines of 10 bytes between newlines of one 32-byte block, limit 5.
        let bytes = Array("0123456789\n0123456789\nab\n0123456789\n".utf8)
        for kernel in Self.teddyKernels + [.portable] {
            let w = Self.walk(LiteralPrefilter(literals: LiteralSet.messages, kernel: kernel), bytes, limit: 5)
            #expect(w.newlines == 4)
            #expect(w.overlong == 3, "\(kernel)")
        }
    }
}


/// The stored fingerprint plans are what `TeddyMatcher.plan(for:)` computes, and the
/// scanner's two literal sets are among them (else each run would compute its plan again).
@Suite struct TeddyPlanTests {
    @Test func everyStoredPlanIsTheComputedOne() {
        #expect(TeddyPlan.plans.count == 2)
        for entry in TeddyPlan.plans {
            let computed = TeddyMatcher.plan(for: entry.literals)
            #expect(computed.offsets == entry.offsets)
            #expect(computed.buckets == entry.buckets)
        }
    }

    @Test func theScannersLiteralSetsHaveAStoredPlan() {
        let magics = LiteralSet.compressionMagic.map(\.bytes)
        for set in [LiteralSet.messages, LiteralSet.messages + LiteralSet.criPartial] {
            #expect(TeddyPlan.known(for: set.map { Array($0.utf8) } + magics) != nil)
        }
        #expect(TeddyPlan.known(for: [Array("Slow handler".utf8)]) == nil)
    }
}
