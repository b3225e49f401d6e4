/// Durations as operators write them (`5m`, `90s`, `24h`, `1h30m`, `1.5h`, `500ms`, `7d`),
/// in nanoseconds.
public enum HumanDuration {
    /// Nanoseconds per unit, longest unit name first so that `ms` wins over `m`.
    private static let units: [(name: String, nanoseconds: Int64)] = [
        ("ms", 1_000_000), ("s", 1_000_000_000), ("m", 60_000_000_000),
        ("h", 3_600_000_000_000), ("d", 86_400_000_000_000),
    ]

    private static let examples = "e.g. 5m, 90s, 24h, 1h30m"

    /// Parses a sequence of `<number><unit>` parts (units `ms`, `s`, `m`, `h`, `d`) into nanoseconds.
    public static func parse(_ text: String) throws -> Int64 {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty else {
            throw OptionValueError("expected a number and a unit, \(examples)")
        }
        var total: Int64 = 0
        var i = 0
        while i < bytes.count {
            // The number: digits with an optional fraction.
            let numberStart = i
            while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 { i += 1 }
            let integerEnd = i
            var fractionDigits: [UInt8] = []
            if i < bytes.count, bytes[i] == 0x2E {
                i += 1
                while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 { fractionDigits.append(bytes[i]); i += 1 }
            }
            guard integerEnd > numberStart || !fractionDigits.isEmpty else {
                throw OptionValueError("expected a number and a unit, \(examples)")
            }
            // The unit: letters up to the next digit.
            let unitStart = i
            while i < bytes.count, !(bytes[i] >= 0x30 && bytes[i] <= 0x39), bytes[i] != 0x2E { i += 1 }
            let unit = String(decoding: bytes[unitStart..<i], as: UTF8.self)
            guard !unit.isEmpty else {
                throw OptionValueError("missing unit after the number (ms, s, m, h or d), \(examples)")
            }
            guard let scale = units.first(where: { $0.name == unit })?.nanoseconds else {
                throw OptionValueError("unknown unit \"\(unit)\" (use ms, s, m, h or d), \(examples)")
            }
            let integerText = String(decoding: bytes[numberStart..<integerEnd], as: UTF8.self)
            let integer = integerText.isEmpty ? 0 : Int64(integerText)
            var (part, overflow) = (integer ?? Int64.max).multipliedReportingOverflow(by: scale)
            if !fractionDigits.isEmpty {
                // At most nanosecond precision: the fraction only matters to 9 digits.
                let digits = fractionDigits.prefix(9)
                let fraction = Double(String(decoding: digits, as: UTF8.self))! / pow10(digits.count)
                let (withFraction, fractionOverflow) = part.addingReportingOverflow(Int64((fraction * Double(scale)).rounded()))
                (part, overflow) = (withFraction, overflow || fractionOverflow)
            }
            var sum: Int64
            (sum, overflow) = overflow || integer == nil ? (0, true) : total.addingReportingOverflow(part)
            guard !overflow else { throw OptionValueError("too large, at most 100 years (36525d)") }
            total = sum
        }
        return total
    }

    /// Formats nanoseconds the way `parse` reads them: `5m`, `4m59s`, `1h30m`, `2h0m5s`,
    /// `250ms` below one second; whole seconds otherwise (truncated).
    public static func format(_ nanoseconds: Int64) -> String {
        if nanoseconds < 0 { return "-" + format(-nanoseconds) }
        if nanoseconds == 0 { return "0s" }
        if nanoseconds < 1_000_000_000 {
            return nanoseconds % 1_000_000 == 0 ? "\(nanoseconds / 1_000_000)ms" : "\(nanoseconds)ns"
        }
        var seconds = nanoseconds / 1_000_000_000
        let days = seconds / 86_400
        seconds -= days * 86_400
        let parts: [(Int64, String)] = [(days, "d"), (seconds / 3600, "h"), (seconds / 60 % 60, "m"), (seconds % 60, "s")]
        // From the first non-zero unit to the last non-zero one: "1h0m5s", "1h30m", "2h".
        guard let first = parts.firstIndex(where: { $0.0 != 0 }),
              let last = parts.lastIndex(where: { $0.0 != 0 }) else { return "0s" }
        return parts[first...last].map { "\($0.0)\($0.1)" }.joined()
    }

    private static func pow10(_ n: Int) -> Double {
        var value = 1.0
        for _ in 0..<n { value *= 10 }
        return value
    }
}
