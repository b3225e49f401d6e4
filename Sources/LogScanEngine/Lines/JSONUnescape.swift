/// Resolves the escapes of a JSON string's content (`\"`, `\\`, `\/`, `\n`, `\t`,
/// `\r`, `\b`, `\f`, `\uXXXX` with surrogate pairs) byte by byte, into caller
/// memory: Docker writes `>` as `\u003e`, and a line inside an envelope is read
/// from its unescaped bytes without a `String` per line.
enum JSONUnescape {
    /// Writes the unescaped `s` to `out` (at most `capacity` bytes; the rest is
    /// cut) and returns the number of bytes written.
    static func unescape(_ s: ByteSlice, into out: UnsafeMutablePointer<UInt8>, capacity: Int) -> Int {
        var o = 0
        var i = 0
        @inline(__always) func put(_ b: UInt8) {
            if o < capacity { out[o] = b; o += 1 }
        }
        while i < s.count {
            let c = s[i]
            guard c == UInt8(ascii: "\\"), i + 1 < s.count else {
                put(c)
                i += 1
                continue
            }
            let e = s[i + 1]
            i += 2
            switch e {
            case UInt8(ascii: "n"): put(0x0A)
            case UInt8(ascii: "t"): put(0x09)
            case UInt8(ascii: "r"): put(0x0D)
            case UInt8(ascii: "b"): put(0x08)
            case UInt8(ascii: "f"): put(0x0C)
            case UInt8(ascii: "u"):
                if let (scalar, used) = unicodeEscape(s, at: i) {
                    UTF8.encode(scalar) { put($0) }
                    i += used
                } else {
                    put(UInt8(ascii: "\\"))
                    put(e)
                }
            default: put(e)
            }
        }
        return o
    }

    /// Decodes `XXXX` (and a following `\uXXXX` low surrogate) at `i`; a lone
    /// surrogate becomes U+FFFD.
    static func unicodeEscape(_ s: ByteSlice, at i: Int) -> (Unicode.Scalar, Int)? {
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
