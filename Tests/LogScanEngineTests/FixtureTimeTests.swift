import Testing
@testable import LogScanEngine
import TestSupport

/// The tests' own RFC 3339 reader is part of the oracle: pin it to epoch values
/// worked out by hand (2025-10-14T00:00:00Z = 1_760_400_000).
@Suite struct FixtureTimeTests {
    static let midnight: Int64 = 1_760_400_000

    @Test func readsZuluOffsetsAndFractions() throws {
        #expect(try FixtureTime.parse("2025-10-14T00:00:01.12345Z") == Timestamp(seconds: Self.midnight + 1, nanos: 123_450_000))
        #expect(try FixtureTime.parse("2025-10-14T10:01:00+02:00") == Timestamp(seconds: Self.midnight + 8 * 3600 + 60))
        #expect(try FixtureTime.parse("2025-10-13T22:03:03-05:00") == Timestamp(seconds: Self.midnight + 3 * 3600 + 3 * 60 + 3))
        #expect(try FixtureTime.parse("2025-10-14T03:01:05.000000001Z") == Timestamp(seconds: Self.midnight + 3 * 3600 + 65, nanos: 1))
        // Ruby Logger: no zone at all means UTC.
        #expect(try FixtureTime.parse("2025-10-14T10:02:03.123456") == Timestamp(seconds: Self.midnight + 36_123, nanos: 123_456_000))
    }

    @Test func roundTripsThroughTheModelsFormatter() {
        for text in ["2025-10-14T00:12:20.75966Z", "2025-10-14T03:08:04.000004999Z", "2025-10-14T04:00:40Z"] {
            #expect(FixtureTime.at(text).rfc3339 == text)
        }
    }

    @Test func rejectsMalformedText() {
        #expect(throws: FixtureError.self) { try FixtureTime.parse("2025-10-14") }
        #expect(throws: FixtureError.self) { try FixtureTime.parse("2025-1x-14T00:00:00Z") }
    }
}
