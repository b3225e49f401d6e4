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
        var text = s
        if !text.withUTF8(containsEscape) {
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
        // The bytes looked at in place: `withUTF8` also serves small (inline) strings, most
        // keys and names, which `withContiguousStorageIfAvailable` left to the UTF8View's
        // byte-by-byte iterator.
        var text = s
        let plain = text.withUTF8 { bytes -> Bool in
            guard !containsEscape(bytes) else { return false }
            out.append(contentsOf: bytes)
            return true
        }
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

    /// Whether any byte of `bytes` needs an escape; eight at a time (a report quotes thousands
    /// of strings, most of them with nothing to escape).
    static func containsEscape(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let raw = UnsafeRawPointer(base)
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        /// Nonzero when a byte of `w` is below `n` (exact for n ≤ 128: a borrow only follows
        /// a byte that is below).
        @inline(__always) func below(_ w: UInt64, _ n: UInt64) -> UInt64 { (w &- ones &* n) & ~w & highs }
        var i = 0
        while i + 8 <= bytes.count {
            let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            if below(w, 0x20) | below(w ^ (ones &* 0x22), 1) | below(w ^ (ones &* 0x5C), 1) | below(w ^ (ones &* 0x7F), 1) != 0 {
                return true
            }
            i += 8
        }
        while i < bytes.count {
            if needsEscape(base[i]) { return true }
            i += 1
        }
        return false
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
