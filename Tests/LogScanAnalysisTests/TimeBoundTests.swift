import Testing
@testable import LogScanEngine
@testable import LogScanAnalysis

@Suite struct TimeBoundTests {
    /// 2025-10-14T10:00:00Z.
    static let ten = Timestamp(seconds: 1_760_436_000)

    @Test func parsesRFC3339Instants() throws {
        #expect(try TimeBound(parsing: "2025-10-14T10:00:00Z") == .instant(Self.ten))
        #expect(try TimeBound(parsing: "2025-10-14T12:00:00+02:00") == .instant(Self.ten))
        #expect(try TimeBound(parsing: "2025-10-14T05:30:00-0430") == .instant(Self.ten))
        #expect(try TimeBound(parsing: "2025-10-14 10:00:00") == .instant(Self.ten))
        #expect(try TimeBound(parsing: "2025-10-14t10:00z") == .instant(Self.ten))
        #expect(try TimeBound(parsing: "2025-10-14T10:00:00.25Z") == .instant(Self.ten.adding(nanoseconds: 250_000_000)))
        #expect(try TimeBound(parsing: "2025-10-14T10:00:00.123456789123Z") == .instant(Self.ten.adding(nanoseconds: 123_456_789)))
        #expect(try TimeBound(parsing: "2025-10-14") == .instant(Timestamp(seconds: 1_760_400_000)))
    }

    @Test func parsesDurationsBackFromTheNewestEvent() throws {
        let bound = try TimeBound(parsing: "90m")
        #expect(bound == .beforeNewest(5_400_000_000_000))
        #expect(bound.resolve(newest: Self.ten) == Timestamp(seconds: 1_760_436_000 - 5_400))
        #expect(TimeBound.instant(Self.ten).resolve(newest: Timestamp(seconds: 0)) == Self.ten)
    }

    @Test func rejectsJunk() {
        #expect(throws: OptionValueError("invalid time: expected an RFC 3339 instant such as 2025-10-14T10:00:00Z")) {
            try TimeBound(parsing: "2025-13-01T00:00:00Z")
        }
        #expect(throws: OptionValueError("invalid time: expected an RFC 3339 instant (2025-10-14T10:00:00Z) or a duration back from the newest event (24h, 90m)")) {
            try TimeBound(parsing: "yesterday")
        }
        for junk in ["2025-02-30", "2025-10-14T24:00:00Z", "2025-10-14T10:00:00+25:00", "2025-10-14T10:00:00.Z", ""] {
            #expect(throws: OptionValueError.self) { try TimeBound(parsing: junk) }
        }
    }

    @Test func validatesOptions() {
        #expect(throws: OptionValueError("--target-usage must be between 0 and 100 (exclusive), e.g. 70")) {
            try AnalysisOptions(targetUsage: 100).validate()
        }
        #expect(throws: OptionValueError("--window must be longer than 0s")) { try AnalysisOptions(window: 0).validate() }
        #expect(throws: OptionValueError("--since 2025-10-14T10:00:00Z is after --until 2025-10-14T09:59:59Z")) {
            try AnalysisOptions(since: .instant(Self.ten), until: .instant(Self.ten.adding(nanoseconds: -1_000_000_000))).validate()
        }
        #expect(throws: Never.self) { try AnalysisOptions().validate() }
    }
}
