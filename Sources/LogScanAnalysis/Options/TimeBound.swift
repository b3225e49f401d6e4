import LogScanEngine

/// `--since` / `--until`: an RFC 3339 instant, or a duration back from the newest event.
public enum TimeBound: Sendable, Equatable {
    /// A fixed instant.
    case instant(Timestamp)
    /// This many nanoseconds before the newest timestamp of the input (`24h`, `90m`).
    case beforeNewest(Int64)

    /// The longest duration an option takes: 100 years (SPEC §1), so that every bound computed
    /// from it and a timestamp of 1900–2100 stays inside `Int64` nanoseconds.
    public static let longestDuration: Int64 = 36_525 * 86_400_000_000_000

    /// Parses `2025-10-14T10:00:00Z` (offset, fraction, a space for `T` and a date alone
    /// are accepted; no offset means UTC, as in the logs) or a duration such as `24h`.
    /// Errors say the cause; `option(_:_:)` names the option.
    public init(parsing text: String) throws {
        let trimmed = text.trimmingWhitespace
        if let instant = TimeBound.parseInstant(trimmed) {
            self = .instant(instant)
            return
        }
        let bytes = Array(trimmed.utf8)
        if bytes.count >= 5, bytes[0...3].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), bytes[4] == 0x2D {
            // It starts like a date: say what is wrong with the date, not with a duration.
            let year = Int64(String(decoding: bytes[0...3], as: UTF8.self)) ?? 0
            if !TimestampParser.years.contains(year) {
                throw OptionValueError("instant outside the years 1900-2100")
            }
            throw OptionValueError("invalid time: expected an RFC 3339 instant such as 2025-10-14T10:00:00Z")
        }
        let duration: Int64
        do {
            duration = try HumanDuration.parse(trimmed)
        } catch {
            throw OptionValueError("invalid time: expected an RFC 3339 instant (2025-10-14T10:00:00Z) or a duration back from the newest event (24h, 90m)")
        }
        try TimeBound.checkDuration(duration)
        self = .beforeNewest(duration)
    }

    /// `--since` / `--until` from the command line: errors name the option and the value.
    public init(option: String, _ text: String) throws {
        do {
            try self.init(parsing: text)
        } catch let error as OptionValueError {
            throw OptionValueError("\(option) \(text): \(error.message)")
        }
    }

    /// A duration option (`--window`, `--episode-gap`): longer than 0 and at most 100 years.
    public static func duration(option: String, _ text: String) throws -> Int64 {
        do {
            let duration = try HumanDuration.parse(text)
            try checkDuration(duration)
            return duration
        } catch let error as OptionValueError {
            throw OptionValueError("\(option) \(text): \(error.message)")
        }
    }

    private static func checkDuration(_ duration: Int64) throws {
        guard duration > 0 else { throw OptionValueError("a duration must be longer than 0s") }
        guard duration <= longestDuration else { throw OptionValueError("a duration must be at most 100 years (36525d)") }
    }

    /// The instant this bound stands for, given the newest timestamp of the input.
    public func resolve(newest: Timestamp) -> Timestamp {
        switch self {
        case .instant(let t): t
        case .beforeNewest(let d): newest.adding(nanoseconds: -d)
        }
    }

    /// `YYYY-MM-DD[(T| )HH:MM[:SS[.fraction]]][Z|±HH:MM|±HHMM]` in 1900–2100, `nil` when it is
    /// not one. Read by the parser of log lines (one RFC 3339 parser for lines and options),
    /// once the short forms are completed: a date alone is midnight, `HH:MM` is `HH:MM:00`.
    public static func parseInstant(_ text: String) -> Timestamp? {
        var b = Array(text.utf8)
        if b.count == 10 { b += Array("T00:00:00".utf8) }
        if b.count >= 16, b.count == 16 || b[16] != 0x3A { b.insert(contentsOf: [0x3A, 0x30, 0x30], at: 16) }
        guard b.count >= 19, b.count < 64 else { return nil }
        // Days beyond the month's end are not a date (the line parser leaves that to the log).
        guard let year = Int64(String(decoding: b[0..<4], as: UTF8.self)),
              let month = Int64(String(decoding: b[5..<7], as: UTF8.self)),
              let day = Int64(String(decoding: b[8..<10], as: UTF8.self)),
              (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year) else { return nil }
        return b.withUnsafeBufferPointer { buffer -> Timestamp? in
            guard let (timestamp, used) = TimestampParser.parse(ByteSlice(buffer.baseAddress!, buffer.count)),
                  used == buffer.count else { return nil }
            return timestamp
        }
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
