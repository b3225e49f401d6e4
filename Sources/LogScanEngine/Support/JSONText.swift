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
        // Most strings (names, sentences, timestamps) need no escape: appended whole.
        if !s.utf8.contains(where: needsEscape) {
            out += "\""
            out += s
            out += "\""
            return
        }
        var bytes: [UInt8] = []
        appendQuoted(s, to: &bytes)
        out += String(decoding: bytes, as: UTF8.self)
    }

    /// `appendQuoted(s, to:)` into bytes. The escapes are all of ASCII bytes, so the UTF-8 of
    /// every other character is copied as it is.
    public static func appendQuoted(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        // A native string's bytes are looked at in place (the UTF8View's iterator, byte by
        // byte, was a tenth of writing a JSON report).
        let plain = s.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            for byte in bytes where needsEscape(byte) { return false }
            out.append(contentsOf: bytes)
            return true
        } ?? {
            guard !s.utf8.contains(where: needsEscape) else { return false }
            out.append(contentsOf: s.utf8)
            return true
        }()
        if plain {
            out.append(UInt8(ascii: "\""))
            return
        }
        for byte in s.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x0A: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0..<0x20, 0x7F:
                // Other control characters as `\u00XX`, lower-case hex.
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                        hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// The bytes a JSON string literal escapes.
    @inline(__always) private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == 0x7F
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
