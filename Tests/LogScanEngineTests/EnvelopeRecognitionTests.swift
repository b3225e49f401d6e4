import Foundation
import Testing

/// Recognition accounting in the reports (SPEC §1, §5): `inputs[].recognised_lines`
/// and `shapes` in JSON, and the header's `N% recognised: shape, …` per input.
/// (Fixtures under 256 KiB: every line is classified, so the counts are exact.)
@Suite struct EnvelopeRecognitionTests {
    static func input(_ name: String) throws -> [String: Any] {
        try EnvelopeFixtures.firstInput(try EnvelopeFixtures.jsonReport([EnvelopeFixtures.relative(name)]).report)
    }

    @Test func lokiJSONLinesCountsEveryLineUnderItsShape() throws {
        let i = try Self.input("loki-jsonl.log")
        #expect(i["lines"] as? Int == 7)
        #expect(i["recognised_lines"] as? Int == 7)
        #expect(EnvelopeFixtures.shapes(i) == ["loki jsonl › tracing full": 6, "loki jsonl › tracing json": 1])
    }

    @Test func journaldShortCountsTheBannerAndSystemdLineAsUnknown() throws {
        let i = try Self.input("journald-short.log")
        #expect(i["lines"] as? Int == 8)
        #expect(i["recognised_lines"] as? Int == 6)
        #expect(EnvelopeFixtures.shapes(i) == ["journald › tracing full": 6, "journald › unknown": 1, "unknown": 1])
    }

    @Test func mixedEnvelopesCountOneShapeEach() throws {
        let i = try Self.input("mixed-envelopes.log")
        #expect(i["recognised_lines"] as? Int == 10)
        #expect(EnvelopeFixtures.shapes(i).count == 10)
        #expect(EnvelopeFixtures.shapes(i)["unknown"] == 1)
    }

    @Test func notTaskerTextIsAllUnknown() throws {
        let (_, report, _) = try EnvelopeFixtures.jsonReport(["--fail-on", "never", EnvelopeFixtures.relative("not-tasker.log")])
        let i = try EnvelopeFixtures.firstInput(report)
        #expect(i["recognised_lines"] as? Int == 0)
        #expect(EnvelopeFixtures.shapes(i) == ["unknown": 3])
    }

    @Test func headerOfAFullyRecognisedSingleShapeInput() throws {
        let line = try EnvelopeFixtures.headerLine(for: "loki-default.log")
        #expect(line.hasSuffix("6 lines, 100% recognised: loki › tracing full"), "\(line)")
    }

    @Test func headerOfATwoShapeInputGivesEachShare() throws {
        // 6 and 1 of 7 lines: 85.71% and 14.28%, in tenths rounded down.
        let line = try EnvelopeFixtures.headerLine(for: "loki-jsonl.log")
        #expect(line.hasSuffix("7 lines, 100% recognised: loki jsonl › tracing full 85.7%, loki jsonl › tracing json 14.2%"),
                "\(line)")
    }

    @Test
    func headerDoesNotCountNoiseInsideAnEnvelopeAsRecognised() throws {
        let line = try EnvelopeFixtures.headerLine(for: "journald-short.log")
        #expect(line.hasSuffix("8 lines, 75% recognised: journald › tracing full"), "\(line)")
    }

    @Test
    func dockerContinuationPiecesCountWithTheLineTheyContinue() throws {
        let i = try Self.input("docker-json.log")
        #expect(i["recognised_lines"] as? Int == 13)
        #expect(EnvelopeFixtures.shapes(i) == [
            "docker json-file › tracing full": 11, "docker json-file › ansi › tracing full": 1,
            "docker json-file › blank": 1,
        ])
        let line = try EnvelopeFixtures.headerLine(for: "docker-json.log")
        #expect(line.hasSuffix("13 lines, 100% recognised: docker json-file › tracing full 84.6%, docker json-file › ansi › tracing full 7.6%, docker json-file › blank 7.6%"),
                "\(line)")
    }
}
