import FoundationEssentials
import LogScanEngine

/// Reading and writing the decimal numbers of the sizing formula without binary
/// floating point, so `500 × 0.01 × 2` is exactly 10.
enum SizingNumber {
    /// Parses `500`, `0.01`, `.5`, `30_000`; nil for anything else (signs, exponents, text).
    static func parse(_ text: String) -> Decimal? {
        let digits = text.replacingEvery("_", with: "")
        var sawDigit = false
        var sawDot = false
        for character in digits {
            if character.isASCII, character.isNumber {
                sawDigit = true
            } else if character == ".", !sawDot {
                sawDot = true
            } else {
                return nil
            }
        }
        guard sawDigit else { return nil }
        // No locale: the decimal point is `.` whatever the environment says.
        return Decimal(string: digits)
    }

    /// `value` rounded to `maxFraction` digits, with at least `minFraction` digits after the point.
    static func format(_ value: Decimal, minFraction: Int = 0, maxFraction: Int) -> String {
        let rounded = round(value, scale: maxFraction, mode: .plain)
        var text = rounded.description
        if minFraction > 0 {
            if !text.contains(".") { text += "." }
            let fraction = text.count - 1 - (text.firstIndex(of: ".").map { text.distance(from: text.startIndex, to: $0) } ?? 0)
            if fraction < minFraction { text += String(repeating: "0", count: minFraction - fraction) }
        }
        return text
    }

    /// How `round` breaks ties and leftovers (the modes of `NSDecimalRound` the formula uses).
    enum Rounding {
        /// To the nearest; halfway away from zero (`0.125` → `0.13`).
        case plain
        /// Any leftover rounds toward positive infinity (`1.001` → `2`, `-1.9` → `-1`).
        case up
    }

    /// `value` rounded to `scale` (0 or more) fraction digits, exactly: on the decimal digits
    /// `Decimal` writes, which are its value (FoundationEssentials has no public rounding).
    static func round(_ value: Decimal, scale: Int, mode: Rounding) -> Decimal {
        let text = value.description
        let negative = text.hasPrefix("-")
        let unsigned = negative ? text.dropFirst() : Substring(text)
        let parts = unsigned.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        // Not a plain decimal (a NaN): nothing to round.
        guard let integerPart = parts.first, integerPart.allSatisfy(\.isASCII),
              parts.dropFirst().allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return value }
        let fraction = parts.count > 1 ? Array(parts[1].utf8) : []
        let scale = max(0, scale)
        guard fraction.count > scale else { return value }
        var kept = Array(integerPart.utf8) + fraction.prefix(scale)
        let dropped = fraction.dropFirst(scale)
        let roundAway: Bool
        switch mode {
        case .plain: roundAway = dropped.first! >= UInt8(ascii: "5")
        case .up: roundAway = !negative && dropped.contains { $0 != UInt8(ascii: "0") }
        }
        if roundAway {
            // Add one unit of the last kept digit, carrying (9.99 → 10.0).
            var i = kept.count - 1
            while i >= 0, kept[i] == UInt8(ascii: "9") {
                kept[i] = UInt8(ascii: "0")
                i -= 1
            }
            if i >= 0 { kept[i] += 1 } else { kept.insert(UInt8(ascii: "1"), at: 0) }
        }
        let integerCount = kept.count - scale
        var digits = String(decoding: kept.prefix(integerCount), as: UTF8.self)
        if scale > 0 { digits += "." + String(decoding: kept.suffix(scale), as: UTF8.self) }
        return Decimal(string: (negative ? "-" : "") + digits) ?? value
    }
}
