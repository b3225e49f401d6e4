import Foundation

/// Reading and writing the decimal numbers of the sizing formula without binary
/// floating point, so `500 × 0.01 × 2` is exactly 10.
enum SizingNumber {
    /// Parses `500`, `0.01`, `.5`, `30_000`; nil for anything else (signs, exponents, text).
    static func parse(_ text: String) -> Decimal? {
        let digits = text.replacingOccurrences(of: "_", with: "")
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
        return Decimal(string: digits, locale: Locale(identifier: "en_US_POSIX"))
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

    /// `value` rounded to `scale` fraction digits.
    static func round(_ value: Decimal, scale: Int, mode: NSDecimalNumber.RoundingMode) -> Decimal {
        var input = value
        var result = Decimal()
        NSDecimalRound(&result, &input, scale, mode)
        return result
    }
}
