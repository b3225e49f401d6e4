/// The `key=value` fields of one line, as slices into the line (no copies).
///
/// Reused from line to line: `removeAll` keeps the storage.
struct LineFields {
    struct Field {
        let key: ByteSlice
        let value: ByteSlice
        /// True when the value was a quoted string that still holds `\` escapes.
        let escaped: Bool
    }

    private(set) var items: [Field] = []

    init() { items.reserveCapacity(16) }

    mutating func removeAll() { items.removeAll(keepingCapacity: true) }

    mutating func append(key: ByteSlice, value: ByteSlice, escaped: Bool = false) {
        items.append(Field(key: key, value: value, escaped: escaped))
    }

    /// The first field named `key` (duplicates: the first one wins).
    func value(_ key: StaticString) -> ByteSlice? {
        for item in items where item.key.equals(key) { return item.value }
        return nil
    }

    /// The first field named `key`, as a String with quoted-string escapes resolved.
    func string(_ key: StaticString) -> String? {
        for item in items where item.key.equals(key) {
            return item.escaped ? LineFields.unescape(item.value) : item.value.string
        }
        return nil
    }

    /// Resolves `\"`, `\\`, `\n`, `\t`, `\uXXXX` (with surrogate pairs) in a quoted value.
    static func unescape(_ s: ByteSlice) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(s.count)
        var i = 0
        while i < s.count {
            let c = s[i]
            guard c == UInt8(ascii: "\\"), i + 1 < s.count else {
                out.append(c)
                i += 1
                continue
            }
            let e = s[i + 1]
            i += 2
            switch e {
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "u"):
                if let (scalar, used) = unicodeEscape(s, at: i) {
                    out.append(contentsOf: Array(String(Character(scalar)).utf8))
                    i += used
                } else {
                    out.append(contentsOf: [UInt8(ascii: "\\"), e])
                }
            default: out.append(e)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes `XXXX` (and a following `\uXXXX` low surrogate) at `i`.
    private static func unicodeEscape(_ s: ByteSlice, at i: Int) -> (Unicode.Scalar, Int)? {
        func hex4(_ at: Int) -> UInt32? {
            guard at + 4 <= s.count else { return nil }
            var v: UInt32 = 0
            for k in at..<(at + 4) {
                let c = s[k]
                let d: UInt32
                switch c {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(c - 48)
                case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(c - 87)
                case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(c - 55)
                default: return nil
                }
                v = v << 4 | d
            }
            return v
        }
        guard let high = hex4(i) else { return nil }
        if (0xD800..<0xDC00).contains(high), i + 10 <= s.count, s[i + 4] == UInt8(ascii: "\\"),
           s[i + 5] == UInt8(ascii: "u"), let low = hex4(i + 6), (0xDC00..<0xE000).contains(low) {
            let scalar = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
            return scalar.map { ($0, 10) }
        }
        return Unicode.Scalar(high).map { ($0, 4) } ?? (Unicode.Scalar(0xFFFD)!, 4)
    }
}
