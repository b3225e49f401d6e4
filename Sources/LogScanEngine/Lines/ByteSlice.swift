import CPCRE2
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A borrowed view of bytes inside a scan buffer: no copy, no `String`.
///
/// Valid only while the buffer it points into is; the line parser hands these
/// out for the duration of one line.
package struct ByteSlice {
    let base: UnsafePointer<UInt8>
    let count: Int

    package init(_ base: UnsafePointer<UInt8>, _ count: Int) {
        self.base = base
        self.count = max(count, 0)
    }

    var isEmpty: Bool { count == 0 }

    var first: UInt8? { count > 0 ? base[0] : nil }

    subscript(i: Int) -> UInt8 { base[i] }

    /// The bytes from `start` to the end.
    func dropFirst(_ n: Int) -> ByteSlice { ByteSlice(base + min(n, count), count - min(n, count)) }

    /// The first `n` bytes.
    func prefix(_ n: Int) -> ByteSlice { ByteSlice(base, min(n, count)) }

    /// Bytes `[from, to)`.
    func slice(_ from: Int, _ to: Int) -> ByteSlice { ByteSlice(base + from, min(to, count) - from) }

    func hasPrefix(_ literal: StaticString) -> Bool {
        let n = literal.utf8CodeUnitCount
        return n <= count && memcmp(base, literal.utf8Start, n) == 0
    }

    func hasPrefix(_ bytes: [UInt8]) -> Bool {
        bytes.count <= count && bytes.withUnsafeBufferPointer { memcmp(base, $0.baseAddress!, $0.count) == 0 }
    }

    func equals(_ literal: StaticString) -> Bool {
        count == literal.utf8CodeUnitCount && hasPrefix(literal)
    }

    /// Index of the first `byte` at or after `from`, or nil.
    func firstIndex(of byte: UInt8, from: Int = 0) -> Int? {
        guard from < count, let hit = memchr(base + from, Int32(byte), count - from) else { return nil }
        return UnsafeRawPointer(hit) - UnsafeRawPointer(base)
    }

    /// Index of the first occurrence of `literal` at or after `from`, or nil.
    func firstRange(of literal: StaticString, from: Int = 0) -> Int? {
        let n = literal.utf8CodeUnitCount
        guard from + n <= count, let hit = memmem(base + from, count - from, literal.utf8Start, n) else { return nil }
        return UnsafeRawPointer(hit) - UnsafeRawPointer(base)
    }

    /// The slice without leading and trailing ASCII spaces and tabs.
    var trimmingSpaces: ByteSlice {
        var s = 0, e = count
        while s < e, base[s] == 0x20 || base[s] == 0x09 { s += 1 }
        while e > s, base[e - 1] == 0x20 || base[e - 1] == 0x09 { e -= 1 }
        return slice(s, e)
    }

    /// A `String`, repairing invalid UTF-8. Called for event fields only.
    var string: String {
        String(decoding: UnsafeBufferPointer(start: base, count: count), as: UTF8.self)
    }

    /// Parses an optionally signed decimal integer filling the whole slice;
    /// nil when it is not one or does not fit in `Int`.
    var integer: Int? {
        guard count > 0, count <= 20 else { return nil }
        var i = 0
        var negative = false
        if base[0] == UInt8(ascii: "-") || base[0] == UInt8(ascii: "+") {
            negative = base[0] == UInt8(ascii: "-")
            i = 1
        }
        guard i < count else { return nil }
        var value = 0
        while i < count {
            let d = Int(base[i]) &- 48
            guard d >= 0, d <= 9 else { return nil }
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (s, o2) = m.addingReportingOverflow(d)
            guard !o1, !o2 else { return nil }
            value = s
            i += 1
        }
        return negative ? -value : value
    }

    /// Parses a finite decimal number (`82.5`, `96.17999999999999`, `1e3`) filling
    /// the whole slice; nil for anything else, including `nan`, `inf` and overflow.
    var double: Double? {
        guard count > 0, count <= 64 else { return nil }
        if let exact = plainDecimal { return exact }
        // Only digits, sign, point and exponent: strtod would also take hex and "inf".
        for i in 0..<count {
            switch base[i] {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "-"),
                 UInt8(ascii: "+"), UInt8(ascii: "e"), UInt8(ascii: "E"): continue
            default: return nil
            }
        }
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: count + 1) { p -> Double? in
            for i in 0..<count { p[i] = CChar(bitPattern: base[i]) }
            p[count] = 0
            var end: UnsafeMutablePointer<CChar>?
            let v = strtod(p.baseAddress!, &end)
            guard let end, end - p.baseAddress! == count, v.isFinite else { return nil }
            return v
        }
    }

    /// `[+-]digits[.digits]` whose digits make an integer below 2^53 with at most 22 of them
    /// after the point (`82.38`, `96.17999999999999`): the integer and the power of ten are
    /// exact doubles, so one division is the correctly rounded value, the one `strtod` gives
    /// (Clinger's fast path). `nil` for anything else, which `strtod` then reads.
    private var plainDecimal: Double? {
        var i = 0
        var negative = false
        if base[0] == UInt8(ascii: "-") || base[0] == UInt8(ascii: "+") {
            negative = base[0] == UInt8(ascii: "-")
            i = 1
        }
        var significand: UInt64 = 0
        var digits = 0
        var fractionDigits = 0
        var sawPoint = false
        var digitsBeforePoint = 0
        while i < count {
            let c = base[i]
            if c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") {
                digits += 1
                guard digits <= 18 else { return nil }
                significand = significand * 10 + UInt64(c - UInt8(ascii: "0"))
                if sawPoint { fractionDigits += 1 } else { digitsBeforePoint += 1 }
            } else if c == UInt8(ascii: "."), !sawPoint {
                sawPoint = true
            } else {
                return nil
            }
            i += 1
        }
        guard digitsBeforePoint > 0, !sawPoint || fractionDigits > 0, significand <= 1 << 53,
              fractionDigits < ByteSlice.exactPowersOfTen.count else { return nil }
        let value = Double(significand) / ByteSlice.exactPowersOfTen[fractionDigits]
        return negative ? -value : value
    }

    /// 10^0 ... 10^22: every one an exact double.
    private static let exactPowersOfTen: [Double] = (0...22).map { exponent in
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }
}
