/// Parses RFC 3339 / ISO 8601 timestamps from bytes: `2025-10-14T00:00:01.123456789Z`,
/// a space instead of `T`, offsets `+02:00` / `+0200` / `+02`, or no zone (UTC).
package enum TimestampParser {
    /// Years read as timestamps. Nanoseconds since 1970 in Int64 reach only
    /// 1677–2262, and two instants of this range are always less than Int64.max
    /// nanoseconds apart, so spans and gaps computed from them cannot overflow.
    /// A log line dated outside it is damaged, not a log from the year 9999.
    package static let years: ClosedRange<Int64> = 1900...2100

    /// The instants of `years`, for times that come as numbers (journald's microseconds).
    static let instants: ClosedRange<Timestamp> =
        Timestamp(seconds: Timestamp.days(year: 1900, month: 1, day: 1) * 86_400)
        ... Timestamp(seconds: Timestamp.days(year: 2101, month: 1, day: 1) * 86_400 - 1, nanos: 999_999_999)

    /// The timestamp at the start of `s` and how many bytes it took, or nil.
    package static func parse(_ s: ByteSlice) -> (Timestamp, Int)? {
        guard s.count >= 19 else { return nil }
        @inline(__always) func digit(_ i: Int) -> Int64? {
            let d = Int64(s[i]) - 48
            return d >= 0 && d <= 9 ? d : nil
        }
        @inline(__always) func number(_ at: Int, _ n: Int) -> Int64? {
            var v: Int64 = 0
            for i in at..<(at + n) {
                guard let d = digit(i) else { return nil }
                v = v * 10 + d
            }
            return v
        }
        guard let year = number(0, 4), s[4] == UInt8(ascii: "-"),
              let month = number(5, 2), s[7] == UInt8(ascii: "-"),
              let day = number(8, 2),
              s[10] == UInt8(ascii: "T") || s[10] == UInt8(ascii: " ") || s[10] == UInt8(ascii: "t"),
              let hour = number(11, 2), s[13] == UInt8(ascii: ":"),
              let minute = number(14, 2), s[16] == UInt8(ascii: ":"),
              let second = number(17, 2),
              years.contains(year), (1...12).contains(month), (1...31).contains(day),
              hour < 24, minute < 60, second <= 60
        else { return nil }

        var i = 19
        var nanos: Int64 = 0
        if i < s.count, s[i] == UInt8(ascii: ".") || s[i] == UInt8(ascii: ",") {
            i += 1
            var digits = 0
            while i < s.count, let d = digit(i) {
                // Digits beyond nanoseconds are read and ignored.
                if digits < 9 { nanos = nanos * 10 + d }
                digits += 1
                i += 1
            }
            guard digits > 0 else { return nil }
            for _ in digits..<max(digits, 9) { nanos *= 10 }
        }

        var offsetSeconds: Int64 = 0
        if i < s.count {
            let c = s[i]
            if c == UInt8(ascii: "Z") || c == UInt8(ascii: "z") {
                i += 1
            } else if c == UInt8(ascii: "+") || c == UInt8(ascii: "-"), i + 3 <= s.count, let oh = number(i + 1, 2) {
                var om: Int64 = 0
                var used = 3
                if i + 6 <= s.count, s[i + 3] == UInt8(ascii: ":"), let m = number(i + 4, 2) {
                    om = m
                    used = 6
                } else if i + 5 <= s.count, let m = number(i + 3, 2) {
                    om = m
                    used = 5
                }
                guard oh < 24, om < 60 else { return nil }
                offsetSeconds = (oh * 3600 + om * 60) * (c == UInt8(ascii: "-") ? -1 : 1)
                i += used
            }
        }
        let days = Timestamp.days(year: year, month: month, day: day)
        let secs = days * 86_400 + hour * 3600 + minute * 60 + min(second, 59) - offsetSeconds
        return (Timestamp(seconds: secs, nanos: nanos), i)
    }
}
