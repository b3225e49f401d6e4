import Testing
@testable import LogScanAnalysis

@Suite struct HumanDurationTests {
    static let second: Int64 = 1_000_000_000

    @Test func parsesTheFormsOperatorsWrite() throws {
        #expect(try HumanDuration.parse("5m") == 300 * Self.second)
        #expect(try HumanDuration.parse("90s") == 90 * Self.second)
        #expect(try HumanDuration.parse("24h") == 86_400 * Self.second)
        #expect(try HumanDuration.parse("1h30m") == 5_400 * Self.second)
        #expect(try HumanDuration.parse("1.5h") == 5_400 * Self.second)
        #expect(try HumanDuration.parse("500ms") == Self.second / 2)
        #expect(try HumanDuration.parse("7d") == 7 * 86_400 * Self.second)
        #expect(try HumanDuration.parse("1m30s") == 90 * Self.second)
        #expect(try HumanDuration.parse("0s") == 0)
    }

    @Test func rejectsJunkWithAClearMessage() {
        #expect(throws: OptionValueError("missing unit after the number (ms, s, m, h or d), e.g. 5m, 90s, 24h, 1h30m")) {
            try HumanDuration.parse("5")
        }
        #expect(throws: OptionValueError("unknown unit \"x\" (use ms, s, m, h or d), e.g. 5m, 90s, 24h, 1h30m")) {
            try HumanDuration.parse("5x")
        }
        #expect(throws: OptionValueError("expected a number and a unit, e.g. 5m, 90s, 24h, 1h30m")) {
            try HumanDuration.parse("")
        }
        for junk in ["abc", "-5m", "m", "5m ", "1h 30m", "5.m.", "99999999999999999999d"] {
            #expect(throws: OptionValueError.self) { try HumanDuration.parse(junk) }
        }
    }

    @Test func formatsWhatParseReads() throws {
        #expect(HumanDuration.format(300 * Self.second) == "5m")
        #expect(HumanDuration.format(299 * Self.second) == "4m59s")
        #expect(HumanDuration.format(5_400 * Self.second) == "1h30m")
        #expect(HumanDuration.format(7_205 * Self.second) == "2h0m5s")
        #expect(HumanDuration.format(0) == "0s")
        #expect(HumanDuration.format(Self.second / 4) == "250ms")
        #expect(HumanDuration.format(90_061 * Self.second) == "1d1h1m1s")
        for text in ["5m", "4m59s", "1h30m", "2h0m5s", "250ms", "1d1h1m1s"] {
            #expect(HumanDuration.format(try HumanDuration.parse(text)) == text)
        }
    }
}
