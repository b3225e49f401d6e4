import Testing
@testable import LogScanEngine

@Suite struct TimestampTests {
    @Test func formatsRFC3339WithTrimmedFraction() {
        let t = Timestamp(seconds: 1_760_400_001, nanos: 123_450_000)
        #expect(t.rfc3339 == "2025-10-14T00:00:01.12345Z")
        #expect(Timestamp(seconds: 0).rfc3339 == "1970-01-01T00:00:00Z")
        #expect(Timestamp(seconds: -1).rfc3339 == "1969-12-31T23:59:59Z")
    }

    @Test func civilRoundTrip() {
        for days: Int64 in [-800_000, -1, 0, 1, 11_016, 20_375, 2_932_896] {
            let (y, m, d) = Timestamp.civil(fromDays: days)
            #expect(Timestamp.days(year: y, month: Int64(m), day: Int64(d)) == days)
        }
    }

    /// Issue 15: `--since 2300-01-01T00:00:00Z` once wrapped to 1715 through `&*`.
    @Test func secondsBeyondInt64NanosecondsClampInsteadOfWrapping() {
        let year2300 = Timestamp.days(year: 2300, month: 1, day: 1) * 86_400
        #expect(Timestamp(seconds: year2300).nanoseconds == .max)
        #expect(Timestamp(seconds: -year2300).nanoseconds == .min)
        #expect(Timestamp(seconds: Int64.max / 1_000_000_000, nanos: 999_999_999).nanoseconds == .max)
        #expect(Timestamp(seconds: 1_760_400_000, nanos: 5).nanoseconds == 1_760_400_000_000_000_005)
    }
}
