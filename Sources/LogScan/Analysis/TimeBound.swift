/// `--since` / `--until`: an RFC 3339 instant, or a duration back from the newest event.
public enum TimeBound: Sendable, Equatable {
    /// A fixed instant.
    case instant(Timestamp)
    /// This many nanoseconds before the newest timestamp of the input (`24h`, `90m`).
    case beforeNewest(Int64)

    /// Parses `2025-10-14T10:00:00Z` (offset, fraction, a space for `T` and a date alone
    /// are accepted; no offset means UTC, as in the logs) or a duration such as `24h`.
    public init(parsing text: String) throws {
        let trimmed = text.trimmingWhitespace
        if let instant = TimeBound.parseInstant(trimmed) {
            self = .instant(instant)
            return
        }
        if let first = trimmed.utf8.first, first >= 0x30, first <= 0x39,
           trimmed.utf8.count >= 5, Array(trimmed.utf8)[4] == 0x2D {
            // It starts like a date: say what is wrong with the date, not with a duration.
            throw OptionValueError("invalid time \"\(text)\": expected an RFC 3339 instant such as 2025-10-14T10:00:00Z")
        }
        do {
            self = .beforeNewest(try HumanDuration.parse(trimmed))
        } catch {
            throw OptionValueError("invalid time \"\(text)\": expected an RFC 3339 instant (2025-10-14T10:00:00Z) or a duration back from the newest event (24h, 90m)")
        }
    }

    /// The instant this bound stands for, given the newest timestamp of the input.
    public func resolve(newest: Timestamp) -> Timestamp {
        switch self {
        case .instant(let t): t
        case .beforeNewest(let d): newest.adding(nanoseconds: -d)
        }
    }

    /// `YYYY-MM-DD[(T| )HH:MM[:SS[.fraction]]][Z|±HH:MM|±HHMM]`, `nil` when it is not one.
    public static func parseInstant(_ text: String) -> Timestamp? {
        let b = Array(text.utf8)
        var i = 0
        func digits(_ n: Int) -> Int64? {
            guard i + n <= b.count else { return nil }
            var v: Int64 = 0
            for k in i..<(i + n) {
                guard b[k] >= 0x30, b[k] <= 0x39 else { return nil }
                v = v * 10 + Int64(b[k] - 0x30)
            }
            i += n
            return v
        }
        func expect(_ c: UInt8) -> Bool {
            guard i < b.count, b[i] == c else { return false }
            i += 1
            return true
        }
        guard let year = digits(4), expect(0x2D), let month = digits(2), expect(0x2D), let day = digits(2),
              (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year) else { return nil }
        var secondOfDay: Int64 = 0
        var nanos: Int64 = 0
        var offset: Int64 = 0
        if i < b.count {
            guard b[i] == 0x54 || b[i] == 0x74 || b[i] == 0x20 else { return nil }
            i += 1
            guard let hour = digits(2), expect(0x3A), let minute = digits(2), hour < 24, minute < 60 else { return nil }
            var second: Int64 = 0
            if expect(0x3A) {
                guard let s = digits(2), s <= 60 else { return nil }
                second = s
                if expect(0x2E) || expect(0x2C) {
                    var count = 0
                    while i < b.count, b[i] >= 0x30, b[i] <= 0x39 {
                        if count < 9 { nanos = nanos * 10 + Int64(b[i] - 0x30) }
                        count += 1
                        i += 1
                    }
                    guard count > 0 else { return nil }
                    if count < 9 { for _ in count..<9 { nanos *= 10 } }
                }
            }
            secondOfDay = hour * 3600 + minute * 60 + second
            if i < b.count {
                if b[i] == 0x5A || b[i] == 0x7A {
                    i += 1
                } else if b[i] == 0x2B || b[i] == 0x2D {
                    let sign: Int64 = b[i] == 0x2D ? -1 : 1
                    i += 1
                    guard let oh = digits(2), oh < 24 else { return nil }
                    _ = expect(0x3A)
                    guard let om = digits(2), om < 60 else { return nil }
                    offset = sign * (oh * 3600 + om * 60)
                } else {
                    return nil
                }
            }
        }
        guard i == b.count else { return nil }
        let days = Timestamp.days(year: year, month: month, day: day)
        return Timestamp(seconds: days * 86_400 + secondOfDay - offset, nanos: nanos)
    }

    private static func daysIn(month: Int64, year: Int64) -> Int64 {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

fileprivate extension String {
    /// The string without leading and trailing spaces, tabs and newlines.
    var trimmingWhitespace: String {
        let scalars = unicodeScalars
        let isSpace: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let start = scalars.firstIndex(where: { !isSpace($0) }),
              let end = scalars.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(scalars[start...end])
    }
}
