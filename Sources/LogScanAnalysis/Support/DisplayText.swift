import LogScanEngine

/// Strings from log lines made safe for a terminal or a Markdown page: control characters
/// and bidirectional overrides are shown as escapes (`\n`, `\x1b`, `\u{202e}`), as
/// tracing-subscriber ≥ 0.3.20 and ripgrep do, so a line cannot move the cursor, recolour
/// the screen or reorder what the operator reads. Names are cut to a display length.
public enum DisplayText {
    /// The longest name (channel, event type, source) the text and Markdown reports show; JSON keeps it whole.
    public static let nameLimit = 64

    /// `text` with every control character (C0, DEL, C1), line or paragraph separator and
    /// bidirectional control written as an escape; the text itself when it has none.
    public static func escaped(_ text: String) -> String {
        WorkMeter.tick()
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            guard needsEscape(scalar) else {
                out.unicodeScalars.append(scalar)
                continue
            }
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                let hex = String(scalar.value, radix: 16)
                out += scalar.value < 0x80 ? "\\x" + (hex.count < 2 ? "0" + hex : hex) : "\\u{\(hex)}"
            }
        }
        return out
    }

    /// A name as the text and Markdown reports show it: escaped, and cut to `limit`
    /// characters with `…` when longer.
    public static func name(_ text: String, limit: Int = nameLimit) -> String {
        let shown = escaped(text)
        guard shown.count > limit, limit > 1 else { return shown }
        return String(shown.prefix(limit - 1)) + "…"
    }

    /// Control characters, the separators U+2028/U+2029 and the bidi controls
    /// (U+061C, U+200E/F, U+202A–202E, U+2066–2069).
    static func needsEscape(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x20 || (v >= 0x7F && v <= 0x9F) { return true }
        guard v >= 0x61C else { return false }
        return v == 0x61C || v == 0x200E || v == 0x200F || v == 0x2028 || v == 0x2029
            || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
    }
}
