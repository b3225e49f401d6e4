import Testing
@testable import LogScanEngine
import TestSupport

/// ISA-L decodes every undamaged member (CRC checked); zlib only takes over a
/// damaged member, so that its damage is reported as before.
@Suite struct GzipISALTests {
    /// Everything `GzipByteSource` hands out for `compressed`, read in `chunk`-byte reads.
    static func inflate(_ compressed: [UInt8], chunk: Int = 1 << 16,
                        decoder: GzipByteSource.Decoder = .best) -> (bytes: [UInt8], error: String?, takeovers: Int) {
        let source = MemoryByteSource(compressed)
        guard let gz = try? GzipByteSource(source: source, prefix: UnsafeRawBufferPointer(start: nil, count: 0),
                                           decoder: decoder) else {
            return ([], "init failed", 0)
        }
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: chunk)
        do {
            while true {
                let n = try buffer.withUnsafeMutableBytes { try gz.read(into: $0.baseAddress!, count: chunk) }
                if n == 0 { break }
                out += buffer[..<n]
            }
            return (out, nil, gz.zlibTakeovers)
        } catch {
            return (out, (error as? InputError)?.message ?? "\(error)", gz.zlibTakeovers)
        }
    }

    @Test(arguments: [1 << 16, 1000, 7])
    func undamagedMembersAreDecodedByISAL(chunk: Int) throws {
        let plain = try EngineFixtures.bytes("plain.log")
        for name in ["plain.log.gz", "plain-rotated.log.gz"] {
            let (bytes, error, takeovers) = Self.inflate(try EngineFixtures.bytes(name), chunk: chunk)
            #expect(bytes == plain, "\(name)")
            #expect(error == nil)
            #expect(takeovers == 0, "\(name): zlib re-decoded a good member")
        }
    }

    @Test func isalIsLoadedWhereItIsInstalled() {
        // CI installs libisal-dev (and with it libisal.so.2): the fast path is tested there.
        #expect(GzipByteSource.isalAvailable)
    }

    /// Where libisal.so.2 is missing, zlib decodes every member: the same bytes and the
    /// same words about damage, whatever the read size.
    @Test func withoutISALZlibGivesTheSameBytesAndWords() throws {
        let rotated = GzipDamageTests.rotated
        var badCRC = try EngineFixtures.bytes("plain-rotated.log.gz")
        badCRC[GzipDamageTests.secondMember - 8] ^= 0x01
        let inputs: [(String, [UInt8])] = [
            ("plain.log.gz", try EngineFixtures.bytes("plain.log.gz")),
            ("plain-rotated.log.gz", try EngineFixtures.bytes("plain-rotated.log.gz")),
            ("distance too far back", try EngineFixtures.bytes("fuzz/gzip-distance-too-far-back.gz")),
            ("cut member", Array(rotated[..<13_000] + rotated[GzipDamageTests.secondMember...])),
            ("wrong CRC", badCRC),
            ("cut at the end", Array(rotated[..<(rotated.count - 5)])),
        ]
        for (name, bytes) in inputs {
            let best = Self.inflate(bytes)
            // The first two are whole, the others damaged: each says so.
            #expect((best.error == nil) == name.hasSuffix(".gz"), "\(name): \(best.error ?? "no error")")
            for chunk in [7, 1000, 1 << 16] {
                let zlib = Self.inflate(bytes, chunk: chunk, decoder: .zlib)
                #expect(zlib.bytes == best.bytes, "\(name), read size \(chunk)")
                #expect(zlib.error == best.error, "\(name), read size \(chunk)")
                #expect(zlib.takeovers == 0, "\(name): zlib does not take over from itself")
            }
        }
    }

    /// Found by the fuzzer: on damaged data ISA-L decodes on where zlib stops (here
    /// a distance too far back: 254 bytes where zlib gives 218), and how far depended
    /// on the room it had. Held-back bytes are dropped when zlib takes over: every
    /// read size gives exactly zlib's bytes.
    @Test func damagedDataGivesZlibsBytesWhateverTheReadSize() throws {
        let bytes = try EngineFixtures.bytes("fuzz/gzip-distance-too-far-back.gz")
        let zlib = GzipDamageTests.inflatePrefix(bytes)
        #expect(zlib.count == 218)
        for chunk in [7, 64, 1000, 1 << 16, 1 << 20] {
            let r = Self.inflate(bytes, chunk: chunk)
            #expect(r.bytes == zlib, "read size \(chunk)")
            #expect(r.error == "corrupt gzip data (invalid distance too far back) at compressed byte 187")
            #expect(r.takeovers == 1)
        }
    }

    /// A member cut short, then a good one (GzipDamageTests' case): ISA-L decodes 532
    /// bytes of the next member's header as data (zeros from an invalid distance code)
    /// before it notices; zlib's bytes, a newline, then the next member are what is read.
    @Test func aCutMemberGivesZlibsBytesThenTheNextMember() throws {
        let rotated = GzipDamageTests.rotated
        let damaged = Array(rotated[..<13_000] + rotated[GzipDamageTests.secondMember...])
        let cut = GzipDamageTests.inflatePrefix(damaged)
        let next = GzipDamageTests.inflatePrefix(Array(rotated[GzipDamageTests.secondMember...]))
        #expect(cut.count == 101_756 && cut.last != 0x0A)
        for chunk in [7, 1 << 16, 1 << 20] {
            let r = Self.inflate(damaged, chunk: chunk)
            #expect(r.bytes == cut + [0x0A] + next, "read size \(chunk)")
            #expect(r.error == "corrupt gzip data (invalid distance code) at compressed byte 13636")
        }
    }

    /// A wrong CRC-32 in the first member's trailer: ISA-L finds it, zlib re-decodes
    /// the member and reports it; the member's bytes are handed out once.
    @Test func aWrongCRCIsFoundAndTheMemberIsHandedOutOnce() throws {
        var damaged = try EngineFixtures.bytes("plain-rotated.log.gz")
        let crcAt = GzipDamageTests.secondMember - 8   // trailer: CRC-32, then ISIZE
        damaged[crcAt] ^= 0x01
        let (bytes, error, takeovers) = Self.inflate(damaged)
        #expect(bytes == (try EngineFixtures.bytes("plain.log")))
        #expect(takeovers == 1)
        // zlib's place: just after the CRC it checked, before the length.
        #expect(error == "corrupt gzip data (incorrect data check) at compressed byte \(GzipDamageTests.secondMember - 4)")
    }
}
