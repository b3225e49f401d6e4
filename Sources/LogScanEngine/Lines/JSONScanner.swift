/// A forward-only reader of one JSON object on a line, enough for tracing's JSON
/// output: keys, string and scalar values, and skipping of nested values.
///
/// Iterative (no recursion), so hostile nesting cannot exhaust the stack.
struct JSONScanner {
    private let s: ByteSlice
    private var i = 0
    /// Whether the next key is the first of its object (no comma before it).
    private var firstInObject = true
    /// Whether the last `nextKey` that returned nil met the object's `}` (true)
    /// or malformed or cut-off input (false).
    private(set) var objectClosed = false

    init(_ s: ByteSlice) { self.s = s }

    private mutating func skipWhitespace() {
        while i < s.count, s[i] == 0x20 || s[i] == 0x09 || s[i] == 0x0A || s[i] == 0x0D { i += 1 }
    }

    var peekIsObject: Bool {
        var j = i
        while j < s.count, s[j] == 0x20 || s[j] == 0x09 { j += 1 }
        return j < s.count && s[j] == UInt8(ascii: "{")
    }

    /// Consumes `{`.
    mutating func enterObject() -> Bool {
        skipWhitespace()
        guard i < s.count, s[i] == UInt8(ascii: "{") else { return false }
        i += 1
        firstInObject = true
        return true
    }

    /// The next key of the current object and consumes its `:`; nil at the
    /// object's end (consumed) or on malformed input.
    mutating func nextKey() -> ByteSlice? {
        objectClosed = false
        skipWhitespace()
        guard i < s.count else { return nil }
        if s[i] == UInt8(ascii: "}") {
            i += 1
            firstInObject = false
            objectClosed = true
            return nil
        }
        if !firstInObject {
            guard s[i] == UInt8(ascii: ",") else { return nil }
            i += 1
            skipWhitespace()
        }
        firstInObject = false
        guard let (key, _) = string() else { return nil }
        skipWhitespace()
        guard i < s.count, s[i] == UInt8(ascii: ":") else { return nil }
        i += 1
        return key
    }

    /// A string value's content (without quotes) and whether it holds escapes.
    mutating func stringValue() -> (ByteSlice, Bool)? {
        skipWhitespace()
        return string()
    }

    /// A string's content, or a number/true/false/null token as written;
    /// nil (nothing consumed) for objects and arrays.
    mutating func scalarValue() -> (ByteSlice, Bool)? {
        skipWhitespace()
        guard i < s.count else { return nil }
        if s[i] == UInt8(ascii: "\"") { return string() }
        if s[i] == UInt8(ascii: "{") || s[i] == UInt8(ascii: "[") { return nil }
        let start = i
        while i < s.count, s[i] != UInt8(ascii: ","), s[i] != UInt8(ascii: "}"), s[i] != UInt8(ascii: "]"),
              s[i] != 0x20 { i += 1 }
        return i > start ? (s.slice(start, i), false) : nil
    }

    /// Skips any value, nested or not.
    mutating func skipValue() -> Bool {
        skipWhitespace()
        guard i < s.count else { return false }
        if s[i] != UInt8(ascii: "{") && s[i] != UInt8(ascii: "[") {
            return scalarValue() != nil
        }
        var depth = 0
        while i < s.count {
            let c = s[i]
            if c == UInt8(ascii: "\"") {
                guard string() != nil else { return false }
                continue
            }
            if c == UInt8(ascii: "{") || c == UInt8(ascii: "[") { depth += 1 }
            if c == UInt8(ascii: "}") || c == UInt8(ascii: "]") {
                depth -= 1
                if depth == 0 {
                    i += 1
                    return true
                }
            }
            i += 1
        }
        return false
    }

    private mutating func string() -> (ByteSlice, Bool)? {
        guard i < s.count, s[i] == UInt8(ascii: "\"") else { return nil }
        let start = i + 1
        var j = start
        var escaped = false
        while j < s.count, s[j] != UInt8(ascii: "\"") {
            if s[j] == UInt8(ascii: "\\") {
                escaped = true
                j += 1
            }
            j += 1
        }
        guard j < s.count else { return nil }
        i = j + 1
        return (s.slice(start, j), escaped)
    }
}
