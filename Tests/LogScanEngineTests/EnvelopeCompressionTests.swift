import Foundation
import Testing
import TestSupport

/// zstd, xz and bzip2 by magic bytes (SPEC §1), made with the `zstd`, `xz` and
/// `bzip2` tools from fixtures/plain.log: whole, as two frames/streams (the two
/// halves of plain.log, lines 1-985 and 986-1970, compressed apart and concatenated),
/// and truncated a quarter before the end (inside the second frame/stream).
@Suite struct EnvelopeCompressionTests {
    static let formats = [("zst", "zstd"), ("xz", "xz"), ("bz2", "bzip2")]

    /// plain.log's events whose line is in its first half (the first frame/stream).
    static let firstHalfLines = 985

    @Test(arguments: ["plain.log.zst", "plain.log.xz", "plain.log.bz2",
                      "plain-two-frames.log.zst", "plain-two-streams.log.xz", "plain-two-streams.log.bz2"])
    func compressedPlainLogGivesThePlainEvents(name: String) throws {
        let (events, summary) = EnvelopeFixtures.scan(name)
        let expected = try EngineFixtures.expectedPlainEvents(input: EnvelopeFixtures.path(name))
        EngineFixtures.expectSameEvents(events, expected, name)
        #expect(summary.lines == 1970)
        #expect(summary.bytes == Int64(try EngineFixtures.bytes("plain.log").count))
    }

    @Test(arguments: ["plain.log.xz", "plain.log.bz2", "plain-two-streams.log.xz", "plain-two-streams.log.bz2"])
    func compressedPlainLogIsReadWithoutError(name: String) {
        let (_, summary) = EnvelopeFixtures.scan(name)
        #expect(summary.error == nil)
        #expect(summary.compression == (name.hasSuffix(".xz") ? "xz" : "bzip2"))
    }

    @Test(arguments: ["plain.log.zst", "plain-two-frames.log.zst"])
    func aCompleteZstdFileIsReadWithoutError(name: String) throws {
        let (_, summary) = EnvelopeFixtures.scan(name)
        #expect(summary.error == nil)
        #expect(summary.compression == "zstd")
        let result = try CLIRunner.run(["events", EnvelopeFixtures.relative(name)])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
    }

    @Test(arguments: formats)
    func aTruncatedFileIsOneErrorNamingItWithTheEventsBeforeKept(ext: String, format: String) throws {
        let name = "plain-truncated.log.\(ext)"
        let (events, summary) = EnvelopeFixtures.scan(name)
        #expect(summary.error == "unexpected end of \(format) data (truncated file?)")
        // What was decoded before the damage is kept: a prefix of plain.log's events,
        // at least all of the first (whole) frame/stream.
        let expected = try EngineFixtures.expectedPlainEvents(input: EnvelopeFixtures.path(name))
        let firstHalf = expected.filter { $0.line <= Self.firstHalfLines }.count
        #expect(events.count >= firstHalf)
        #expect(events.count < expected.count)
        EngineFixtures.expectSameEvents(events, Array(expected.prefix(events.count)), name)

        let path = EnvelopeFixtures.relative(name)
        let result = try CLIRunner.run(["events", path])
        #expect(result.status == 2)
        #expect(result.stderr == "tasker-logscan: \(path): unexpected end of \(format) data (truncated file?)\n")
    }
}
