import LogScanEngine

/// RFC 3339 parsing for expected values only, independent of the engine's parser:
/// `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`.
package enum FixtureTime {
    /// The instant `text` names, in UTC.
    package static func parse(_ text: String) throws -> Timestamp {
        let b = Array(text.utf8)
        func number(_ from: Int, _ count: Int) throws -> Int64 {
            guard from + count <= b.count else { throw FixtureError.malformed(text) }
            var value: Int64 = 0
            for byte in b[from..<from + count] {
                guard byte >= 48, byte <= 57 else { throw FixtureError.malformed(text) }
                value = value * 10 + Int64(byte - 48)
            }
            return value
        }
        let days = Timestamp.days(year: try number(0, 4), month: try number(5, 2), day: try number(8, 2))
        var seconds = days * 86_400 + (try number(11, 2)) * 3600 + (try number(14, 2)) * 60 + (try number(17, 2))
        var i = 19
        var nanos: Int64 = 0
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            var digits = 0
            while i < b.count, b[i] >= 48, b[i] <= 57 {
                if digits < 9 { nanos = nanos * 10 + Int64(b[i] - 48) }
                digits += 1
                i += 1
            }
            for _ in digits..<max(digits, 9) { nanos *= 10 }
        }
        if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
            let offset = (try number(i + 1, 2)) * 3600 + (try number(i + 4, 2)) * 60
            // Local time = UTC + offset, so UTC = local - offset.
            seconds -= b[i] == UInt8(ascii: "+") ? offset : -offset
        }
        return Timestamp(seconds: seconds, nanos: nanos)
    }

    /// `parse` for literals written in the tests; a typo there is a test bug, so it traps.
    package static func at(_ text: String) -> Timestamp {
        do { return try parse(text) } catch { fatalError("bad timestamp literal \(text)") }
    }
}
