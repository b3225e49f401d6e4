/// An instant in UTC with nanosecond precision, as nanoseconds since the Unix epoch.
public struct Timestamp: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var nanoseconds: Int64

    public init(nanoseconds: Int64) { self.nanoseconds = nanoseconds }

    /// Instants beyond what Int64 nanoseconds hold (years before 1677 or after 2262)
    /// are clamped to the nearest one, never wrapped: callers check the years they
    /// accept first (lines and options: 1900–2100).
    public init(seconds: Int64, nanos: Int64 = 0) {
        let (scaled, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        guard !overflow else {
            self.nanoseconds = seconds < 0 ? .min : .max
            return
        }
        let (sum, overflowSum) = scaled.addingReportingOverflow(nanos)
        self.nanoseconds = overflowSum ? (nanos < 0 ? .min : .max) : sum
    }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.nanoseconds < rhs.nanoseconds }

    /// Whole seconds since the epoch (floor).
    public var seconds: Int64 { nanoseconds.floorDiv(1_000_000_000) }

    /// The start of the UTC minute holding this instant.
    public var minuteStart: Timestamp { Timestamp(nanoseconds: nanoseconds - nanoseconds.floorMod(60_000_000_000)) }

    /// Start of the window of `width` nanoseconds (aligned to the epoch) holding this instant.
    public func windowStart(width: Int64) -> Timestamp {
        Timestamp(nanoseconds: nanoseconds - nanoseconds.floorMod(width))
    }

    public func adding(nanoseconds delta: Int64) -> Timestamp { Timestamp(nanoseconds: nanoseconds &+ delta) }

    /// RFC 3339 in UTC with `Z`; the fraction is printed with trailing zeros
    /// trimmed (Go's RFC3339Nano), none when it is zero.
    public var description: String { rfc3339 }

    public var rfc3339: String {
        let secs = seconds
        // floorMod, not `nanoseconds - secs * 10^9`: that overflowed on the smallest instant.
        let frac = Int(nanoseconds.floorMod(1_000_000_000))
        let days = secs.floorDiv(86_400)
        let secOfDay = Int(secs - days * 86_400)
        let (y, m, d) = Timestamp.civil(fromDays: days)
        // Written as bytes into one String: padding and concatenating small Strings was a
        // third of writing a JSON report (a report prints a few thousand instants).
        return String(unsafeUninitializedCapacity: 30) { out in
            var i = 0
            func two(_ value: Int) {
                out[i] = UInt8(truncatingIfNeeded: 48 + value / 10)
                out[i + 1] = UInt8(truncatingIfNeeded: 48 + value % 10)
                i += 2
            }
            func byte(_ value: UInt8) {
                out[i] = value
                i += 1
            }
            // Years from Int64 nanoseconds are 1677...2262: four digits.
            two(Int(y) / 100)
            two(Int(y) % 100)
            byte(UInt8(ascii: "-"))
            two(m)
            byte(UInt8(ascii: "-"))
            two(d)
            byte(UInt8(ascii: "T"))
            two(secOfDay / 3600)
            byte(UInt8(ascii: ":"))
            two(secOfDay / 60 % 60)
            byte(UInt8(ascii: ":"))
            two(secOfDay % 60)
            if frac != 0 {
                byte(UInt8(ascii: "."))
                var digits = 9
                var value = frac
                while value % 10 == 0 {
                    value /= 10
                    digits -= 1
                }
                for k in stride(from: digits - 1, through: 0, by: -1) {
                    out[i + k] = UInt8(truncatingIfNeeded: 48 + value % 10)
                    value /= 10
                }
                i += digits
            }
            byte(UInt8(ascii: "Z"))
            return i
        }
    }

    /// Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's algorithm).
    public static func days(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = y.floorDiv(400)
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The civil date of a day count since 1970-01-01.
    public static func civil(fromDays z0: Int64) -> (year: Int64, month: Int, day: Int) {
        let z = z0 + 719_468
        let era = z.floorDiv(146_097)
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? y + 1 : y, Int(m), Int(d))
    }
}

extension Int64 {
    @inline(__always) package func floorDiv(_ d: Int64) -> Int64 {
        let q = self / d
        return (self % d != 0 && (self < 0) != (d < 0)) ? q - 1 : q
    }

    /// From the remainder, not `self - floorDiv(d) * d`: that overflowed near `Int64.min`.
    @inline(__always) package func floorMod(_ d: Int64) -> Int64 {
        let r = self % d
        return r != 0 && (r < 0) != (d < 0) ? r + d : r
    }
}
