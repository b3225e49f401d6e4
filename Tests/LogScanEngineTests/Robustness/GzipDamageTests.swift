import Foundation
import Testing
@testable import LogScanEngine
import TestSupport
import CZlib

/// Damaged gzip input: decompression resumes at the next gzip member, so the
/// lines before the damage and every line of the later members are still read,
/// and the damage is reported once, in one line, at the end of the input.
@Suite struct GzipDamageTests {
    /// `plain-rotated.log.gz`: plain.log lines 1–1000 in a first member, 1001–1970 in a second.
    static let rotated = try! EngineFixtures.bytes("plain-rotated.log.gz")
    /// Where the second member starts (its header `1F 8B 08 00`, found with a hex editor).
    static let secondMember = 26_226
    static let plainEvents = EngineFixtures.scan("plain.log").events
    /// plain.log's events of lines 1001–1970: the second member's.
    static let secondMemberEvents = plainEvents.filter { $0.line > 1000 }

    /// Events without input name and line number (damage shifts the lines after it).
    static func comparable(_ events: [Event]) -> [Event] {
        events.map { EngineFixtures.normalized($0, line: true) }
    }

    /// Expects `events` to be the first events of plain.log followed by all of
    /// the second member's, and returns how many of the first member's came out.
    @discardableResult
    static func expectFirstMemberPrefixThenSecondMember(_ events: [Event], _ label: String,
                                                        sourceLocation: SourceLocation = #_sourceLocation) -> Int {
        let fromFirst = events.count - secondMemberEvents.count
        #expect(fromFirst >= 0, "\(label): too few events", sourceLocation: sourceLocation)
        guard fromFirst >= 0 else { return 0 }
        EngineFixtures.expectSameEvents(comparable(Array(events.prefix(fromFirst))),
                                        comparable(Array(plainEvents.prefix(fromFirst))),
                                        "\(label): the first member's events", sourceLocation: sourceLocation)
        EngineFixtures.expectSameEvents(comparable(Array(events.suffix(secondMemberEvents.count))),
                                        comparable(secondMemberEvents),
                                        "\(label): the second member's events", sourceLocation: sourceLocation)
        return fromFirst
    }

    @Test func theFixtureHasTwoMembers() {
        #expect(Self.rotated.count == 49_318)
        #expect(Array(Self.rotated[Self.secondMember..<Self.secondMember + 4]) == [0x1F, 0x8B, 0x08, 0x00])
        #expect(Self.plainEvents.count == 699)
        // fixtures/expected/plain.events.tsv: 242 events on lines 1-1000, 457 after.
        #expect(Self.secondMemberEvents.count == 457)
    }

    /// The first member ends early (its file was cut at half its size before the
    /// rotated file was appended): its lines up to the cut, then the whole second member.
    @Test func aMemberThatEndsEarlyIsFollowedByTheNextMember() {
        let damaged = Array(Self.rotated[..<13_000] + Self.rotated[Self.secondMember...])
        let (events, summary) = LogScanner().scan(bytes: damaged, name: "cut")
        let fromFirst = Self.expectFirstMemberPrefixThenSecondMember(events, "cut first member")
        // Python's zlib on the first 13,000 bytes: 450 whole lines, holding 64 events.
        #expect(fromFirst == 64)
        #expect(summary.compressed)
        // Inflate read on into the second member's bytes before it saw the damage.
        #expect(summary.error == "corrupt gzip data (invalid distance code) at compressed byte 13636")
    }

    /// One flipped byte in the middle of the first member: zlib notices only at
    /// the member's end (CRC), so the lines decoded after the flip may be
    /// garbled (a documented limit); every line before it and the whole second
    /// member are read.
    @Test func aCorruptByteLosesAtMostTheRestOfItsMember() {
        var damaged = Self.rotated
        damaged[13_000] ^= 0xFF
        let (events, summary) = LogScanner().scan(bytes: damaged, name: "flipped")
        // The 64 events before byte 13,000 (see the test above), then anything, then the second member.
        EngineFixtures.expectSameEvents(Self.comparable(Array(events.prefix(64))), Self.comparable(Array(Self.plainEvents.prefix(64))),
                                        "before the flipped byte")
        EngineFixtures.expectSameEvents(Self.comparable(Array(events.suffix(457))), Self.comparable(Self.secondMemberEvents),
                                        "the second member")
        #expect(summary.error == "corrupt gzip data (incorrect data check) at compressed byte 26222")
    }

    /// `cat a.gz notes.txt b.gz`: bytes that are no gzip member between two members.
    @Test func garbageBetweenMembersIsSkipped() {
        let garbage = Array("this is not gzip data\n".utf8)
        let damaged = Array(Self.rotated[..<Self.secondMember]) + garbage + Array(Self.rotated[Self.secondMember...])
        let (events, summary) = LogScanner().scan(bytes: damaged, name: "garbage")
        EngineFixtures.expectSameEvents(Self.comparable(events), Self.comparable(Self.plainEvents), "garbage between members")
        #expect(summary.lines == 1970)
        #expect(summary.error == "garbage after a gzip member at compressed byte 26226")
    }

    @Test func trailingGarbageIsReportedAfterEveryLine() {
        let damaged = Self.rotated + Array("trailing junk".utf8)
        let (events, summary) = LogScanner().scan(bytes: damaged, name: "trailing")
        EngineFixtures.expectSameEvents(Self.comparable(events), Self.comparable(Self.plainEvents), "trailing garbage")
        #expect(summary.lines == 1970)
        #expect(summary.error == "garbage after a gzip member at compressed byte 49318")
    }

    @Test func zeroPaddingAfterTheLastMemberIsNoError() {
        let padded = Self.rotated + [UInt8](repeating: 0, count: 512)
        let (events, summary) = LogScanner().scan(bytes: padded, name: "padded")
        #expect(events.count == 699)
        #expect(summary.lines == 1970)
        #expect(summary.error == nil)
    }

    /// The file ends inside the second member: everything before the cut is read.
    @Test func aTruncatedLastMemberKeepsEveryLineBeforeTheCut() {
        let cut = Array(Self.rotated[..<40_000])
        let (events, summary) = LogScanner().scan(bytes: cut, name: "truncated")
        EngineFixtures.expectSameEvents(Self.comparable(events), Self.comparable(Array(Self.plainEvents.prefix(events.count))),
                                        "truncated last member")
        #expect(events.count > 360)
        #expect(summary.error == "unexpected end of gzip data (truncated file?)")
    }

    /// Two damaged places: the first is named, the others counted.
    @Test func severalDamagedPlacesAreCountedInOneLine() {
        let garbage = Array("junk".utf8)
        let damaged = Array(Self.rotated[..<Self.secondMember]) + garbage + Array(Self.rotated[Self.secondMember...]) + garbage
        let (events, summary) = LogScanner().scan(bytes: damaged, name: "twice")
        #expect(events.count == 699)
        #expect(summary.error == "garbage after a gzip member at compressed byte 26226, and 1 more damaged place(s)")
    }

    /// Damage right at the start: no member header anywhere after it.
    @Test func aHeaderWithNothingUsableAfterItEndsWithAnError() {
        let damaged: [UInt8] = [0x1F, 0x8B, 0x08, 0x00] + Array("not deflate data at all, and no other member".utf8)
        let (events, summary) = LogScanner().scan(bytes: damaged, name: "bad")
        #expect(events.isEmpty)
        #expect(summary.compressed)
        #expect(summary.lines == 0)
        #expect(summary.error?.hasPrefix("corrupt gzip data (") == true)
    }
}

/// Damage far into a large input, after the reader has dropped compressed bytes it
/// no longer needs: it keeps at most the last 1 MiB of the current member, and the
/// damaged member here is 3 MB, so even its header is gone when the damage shows.
extension GzipDamageTests {
    /// gzip (one member) of `bytes`, with zlib.
    static func gzip(_ bytes: [UInt8]) -> [UInt8] {
        var stream = z_stream()
        let level: Int32 = 6, windowBits: Int32 = 15 + 16, memLevel: Int32 = 8
        precondition(deflateInit2_(&stream, level, Z_DEFLATED, windowBits, memLevel, Z_DEFAULT_STRATEGY,
                                   zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK)
        defer { deflateEnd(&stream) }
        var out = [UInt8](repeating: 0, count: Int(deflateBound(&stream, UInt(bytes.count))) + 64)
        var input = bytes
        let written = input.withUnsafeMutableBufferPointer { inp in
            out.withUnsafeMutableBufferPointer { o in
                stream.next_in = inp.baseAddress
                stream.avail_in = UInt32(inp.count)
                stream.next_out = o.baseAddress
                stream.avail_out = UInt32(o.count)
                precondition(deflate(&stream, Z_FINISH) == Z_STREAM_END)
                return o.count - Int(stream.avail_out)
            }
        }
        return Array(out[..<written])
    }

    /// What zlib itself inflates from the start of a cut gzip member (as much as it can).
    static func inflatePrefix(_ bytes: [UInt8]) -> [UInt8] {
        var stream = z_stream()
        precondition(inflateInit2_(&stream, 15 + 16, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK)
        defer { inflateEnd(&stream) }
        var input = bytes
        var text: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        input.withUnsafeMutableBufferPointer { inp in
            stream.next_in = inp.baseAddress
            stream.avail_in = UInt32(inp.count)
            while true {
                let (rc, got) = chunk.withUnsafeMutableBufferPointer { o -> (Int32, Int) in
                    stream.next_out = o.baseAddress
                    stream.avail_out = UInt32(o.count)
                    let rc = inflate(&stream, Z_NO_FLUSH)
                    return (rc, o.count - Int(stream.avail_out))
                }
                text += chunk[..<got]
                if rc != Z_OK || got == 0 { break }
            }
        }
        return text
    }

    /// `count` lines of random tokens (they hardly compress), every 1000th a
    /// saturation on channel `c<k>`, `k` counting from `first`.
    static func tokenLines(first: Int, count: Int, rng: inout SplitMix) -> [UInt8] {
        let hex = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(count * 170)
        for k in first..<(first + count) {
            if k % 1000 == 0 {
                text += Array("2025-10-14T05:00:00Z WARN mpsc_channel_saturation channel=c\(k) usage_percent=90\n".utf8)
                continue
            }
            text += Array("2025-10-14T05:00:00Z INFO heartbeat token=".utf8)
            for _ in 0..<2 {
                var word = rng.next()
                for _ in 0..<16 {
                    text.append(hex[Int(word & 15)])
                    word >>= 4
                }
            }
            text.append(0x0A)
        }
        return text
    }

    @Test func damageAfterManyMegabytesStillResumesAtTheNextMember() {
        var rng = SplitMix(seed: 7)
        let first = Self.gzip(Self.tokenLines(first: 0, count: 150_000, rng: &rng))
        let second = Self.gzip(Self.tokenLines(first: 150_000, count: 150_000, rng: &rng))
        let third = Self.gzip(Self.tokenLines(first: 300_000, count: 3_000, rng: &rng))
        // The first member is whole; the second is cut at two thirds; then a good one.
        let cut = second.count * 2 / 3
        let input = first + second[..<cut] + third
        #expect(first.count > 3_000_000)
        #expect(input.count > 5 << 20)
        // zlib on the cut member alone: the events on its whole lines.
        let readable = Self.inflatePrefix(Array(second[..<cut]))
        let wholeLines = readable[..<(readable.lastIndex(of: 0x0A)! + 1)]
        let expectedFromSecond = String(decoding: wholeLines, as: UTF8.self).components(separatedBy: "mpsc_channel_saturation").count - 1

        let (events, summary) = LogScanner().scan(bytes: input, name: "large")
        let channels = events.map { Int($0.channel!.dropFirst())! }
        // Every event of the first member, the second member's up to the cut, all of the third's.
        let fromSecond = channels.filter { (150_000..<300_000).contains($0) }
        #expect(Array(channels.prefix(150)) == Array(stride(from: 0, to: 150_000, by: 1000)))
        #expect(fromSecond == Array(stride(from: 150_000, to: 150_000 + 1000 * fromSecond.count, by: 1000)))
        #expect(fromSecond.count == expectedFromSecond)
        #expect(expectedFromSecond == 100)
        #expect(Array(channels.suffix(3)) == [300_000, 301_000, 302_000])
        #expect(events.count == 150 + fromSecond.count + 3)
        #expect(summary.error?.hasPrefix("corrupt gzip data (") == true)
    }
}
