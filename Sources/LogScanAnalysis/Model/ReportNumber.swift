import LogScanEngine

/// Numbers as reports print them: integers plainly, other values with at most two decimals, trimmed.
public enum ReportNumber {
    /// `97` for 97.0, `96.18` for 96.17999999999999, `10.1` for 10.100000000000001; `null` for NaN/infinity.
    public static func format(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        let rounded = (value * 100).rounded() / 100
        if rounded == rounded.rounded(), abs(rounded) < 1e15 {
            let integer = Int64(rounded)
            return integer == 0 ? "0" : String(integer)
        }
        // Below 1e9 a double is within 1e-7 of its two-decimal value, so `%.2f` prints the
        // hundredths `(value * 100).rounded()` holds: written here, Foundation's formatter
        // (a CVarArg box and a locale per call) was half of a quiet report's tail in `perf`.
        if abs(rounded) < 1e9 {
            let hundredths = Int64((value * 100).rounded())
            let magnitude = hundredths.magnitude
            let fraction = magnitude % 100
            let sign = hundredths < 0 ? "-" : ""
            let digits = fraction % 10 == 0 ? String(fraction / 10) : (fraction < 10 ? "0" : "") + String(fraction)
            return sign + String(magnitude / 100) + "." + digits
        }
        var text = FixedDecimalText.format(rounded, fractionDigits: 2)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// `1 event`, `2 events`: a count with its noun, plural unless it is one.
    public static func counted(_ n: Int, _ noun: String) -> String {
        "\(n) \(noun)\(n == 1 ? "" : "s")"
    }
}
