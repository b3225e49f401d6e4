import LogScanEngine

/// Makes any string safe inside HTML text and quoted attributes, and visible to the reader.
///
/// Strings from log lines (channel names, event types, input names) may carry markup,
/// quotes, terminal escapes or bidirectional overrides that would reorder what a reader
/// sees; `& < > " '` become entities, and control, format (bidi, zero-width) and line
/// separator characters are shown as `\u{XXXX}` instead of acting.
enum HTMLEscaper {
    /// `text` escaped for element content or a quoted attribute value; with `keepNewlines`,
    /// `\n` stays a line break (for `<pre>` blocks the tool wrote itself, such as TOML).
    static func escape(_ text: String, keepNewlines: Bool = false) -> String {
        WorkMeter.tick()
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\n" where keepNewlines: out += "\n"
            default:
                if isInvisible(scalar) {
                    out += "\\u{" + hex(scalar.value) + "}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// Characters that act instead of showing: C0/C1 controls and DEL, format characters
    /// (bidi embeddings, overrides and isolates, zero-width joiners, the BOM), line and
    /// paragraph separators, and noncharacters.
    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .unassigned:
            return true
        default:
            return scalar.properties.isNoncharacterCodePoint
        }
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
