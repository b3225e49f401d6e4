/// JSON text for strings and numbers, shared by every JSON the tool writes.
public enum JSONText {
    /// A JSON string literal, or `null`.
    public static func quoted(_ s: String?) -> String {
        guard let s else { return "null" }
        var out = ""
        out.reserveCapacity(s.utf8.count + 2)
        appendQuoted(s, to: &out)
        return out
    }

    /// Appends `s` as a JSON string literal: quotes, backslashes and control
    /// characters escaped, everything else as UTF-8.
    public static func appendQuoted(_ s: String, to out: inout String) {
        out += "\""
        // Most strings (names, sentences, timestamps) need no escape: appended whole, not scalar by scalar.
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 == 0x7F }) {
            out += s
            out += "\""
            return
        }
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }

    /// An integer, or `null`.
    public static func number(_ n: Int?) -> String {
        n.map { String($0) } ?? "null"
    }

    /// A finite double in its shortest round-trip form (`82.5`, `96.17999999999999`),
    /// integral values without a fraction (`90`), or `null`.
    public static func number(_ d: Double?) -> String {
        guard let d, d.isFinite else { return "null" }
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
        return String(d)
    }
}
