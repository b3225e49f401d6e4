import Foundation

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
        var text = String(format: "%.2f", rounded)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// `1 event`, `2 events`: a count with its noun, plural unless it is one.
    public static func counted(_ n: Int, _ noun: String) -> String {
        "\(n) \(noun)\(n == 1 ? "" : "s")"
    }
}
