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

/// `rfc3339` is written byte by byte; it must print what the first, String-padding
/// implementation printed, for every instant Int64 nanoseconds hold.
@Suite struct TimestampTextTests {
    static func reference(_ t: Timestamp) -> String {
        func pad(_ value: Int, _ width: Int) -> String {
            let s = String(value)
            return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
        }
        let secs = t.seconds
        let frac = t.nanoseconds - secs * 1_000_000_000
        let days = secs.floorDiv(86_400)
        let secOfDay = Int(secs - days * 86_400)
        let (y, m, d) = Timestamp.civil(fromDays: days)
        var out = pad(Int(y), 4) + "-" + pad(m, 2) + "-" + pad(d, 2)
        out += "T" + pad(secOfDay / 3600, 2) + ":" + pad(secOfDay / 60 % 60, 2) + ":" + pad(secOfDay % 60, 2)
        if frac != 0 {
            var digits = pad(Int(frac), 9)
            while digits.hasSuffix("0") { digits.removeLast() }
            out += "." + digits
        }
        return out + "Z"
    }

    static let instants: [Int64] = [
        Int64.min + 1_000_000_000, -1, 0, 1, 999_999_999, 1_000_000_000, 1_760_400_001_123_450_000,
        1_760_400_001_000_000_001, 1_760_400_001_100_000_000, Int64.max, Int64.max - 1, -6_213_559_680_000_000_000,
    ]

    @Test(arguments: instants)
    func printsWhatThePaddedStringsPrinted(nanoseconds: Int64) {
        let t = Timestamp(nanoseconds: nanoseconds)
        #expect(t.rfc3339 == Self.reference(t))
    }

    /// The first implementation trapped here (`seconds * 10^9` overflowed).
    @Test func theSmallestInstantPrints() {
        #expect(Timestamp(nanoseconds: .min).rfc3339 == "1677-09-21T00:12:43.145224192Z")
    }

    @Test func agreesOnManyInstants() {
        var generator = SystemRandomNumberGenerator()
        var differences: [Int64] = []
        for i in 0..<100_000 {
            // (From a second above the smallest: the first implementation overflowed on it.)
            var n = Int64.random(in: (Int64.min + 1_000_000_000) ... .max, using: &generator)
            // Whole seconds, milliseconds and microseconds too: the fraction's trimming.
            switch i % 4 {
            case 1: n -= n % 1_000_000_000
            case 2: n -= n % 1_000_000
            case 3: n -= n % 1_000
            default: break
            }
            let t = Timestamp(nanoseconds: n)
            if t.rfc3339 != Self.reference(t) { differences.append(n) }
        }
        #expect(differences.isEmpty, "\(differences.prefix(5))")
    }
}
