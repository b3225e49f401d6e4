/// A table header as written in a config file.
public struct ConfigTableHeader: Sendable, Equatable {
    /// The header's key path, e.g. `["mpsc_channels", "orchestration", "command_processor"]`.
    public var path: [String]
    /// 1-based line of the header.
    public var line: Int
    /// True for an array-of-tables header (`[[a.b]]`).
    public var isArrayTable: Bool

    /// A header of `path` at `line`.
    public init(path: [String], line: Int, isArrayTable: Bool = false) {
        self.path = path
        self.line = line
        self.isArrayTable = isArrayTable
    }

    /// The header as TOML writes it, e.g. `[mpsc_channels.shared.ffi]`.
    public var text: String {
        isArrayTable ? "[" + TOMLKeyPath.header(path) + "]" : TOMLKeyPath.header(path)
    }
}

/// A key found by `TOMLLineScanner`: its full path, line and where its value is written.
struct ScannedKey: Sendable, Equatable {
    /// Full path from the document root (table header + dotted key).
    var path: [String]
    /// 1-based line of the key.
    var line: Int
    /// Byte offsets of the value's text in the document's UTF-8 (comments and spaces excluded).
    var valueRange: Range<Int>
    /// 1-based line where the value ends (differs from `line` for multi-line arrays and strings).
    var valueEndLine: Int
    /// True when the key is inside an array of tables, where paths repeat.
    var inArrayTable: Bool
}

/// Finds the lines of table headers and keys in a TOML document that TOMLKit has
/// already validated. TOMLKit gives values but no source positions, so lint messages
/// and snippet edits take their line numbers from this scanner.
struct TOMLLineScanner {
    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private var currentTable: [String] = []
    private var inArrayTable = false
    private(set) var headers: [ConfigTableHeader] = []
    private(set) var keys: [ScannedKey] = []

    private static let newline: UInt8 = 0x0A
    private static let carriageReturn: UInt8 = 0x0D
    private static let space: UInt8 = 0x20
    private static let tab: UInt8 = 0x09
    private static let hash: UInt8 = 0x23
    private static let quote: UInt8 = 0x22
    private static let apostrophe: UInt8 = 0x27
    private static let backslash: UInt8 = 0x5C
    private static let openBracket: UInt8 = 0x5B
    private static let closeBracket: UInt8 = 0x5D
    private static let openBrace: UInt8 = 0x7B
    private static let closeBrace: UInt8 = 0x7D
    private static let equals: UInt8 = 0x3D
    private static let comma: UInt8 = 0x2C
    private static let dot: UInt8 = 0x2E

    /// Scans `text` and returns its headers and keys in document order.
    static func scan(_ text: String) -> (headers: [ConfigTableHeader], keys: [ScannedKey]) {
        var scanner = TOMLLineScanner(bytes: Array(text.utf8))
        scanner.run()
        return (scanner.headers, scanner.keys)
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private var atEnd: Bool { index >= bytes.count }
    private var current: UInt8 { bytes[index] }

    private func peek(_ offset: Int) -> UInt8? {
        index + offset < bytes.count ? bytes[index + offset] : nil
    }

    private mutating func run() {
        while !atEnd {
            skipSpaces()
            guard !atEnd else { break }
            switch current {
            case Self.newline:
                index += 1
                line += 1
            case Self.carriageReturn:
                index += 1
            case Self.hash:
                skipToLineEnd()
            case Self.openBracket:
                parseHeader()
                skipToLineEnd()
            default:
                let before = index
                parseKeyValue(prefix: currentTable)
                // A line the scanner cannot read (it never happens on valid TOML) is skipped
                // rather than looping on it.
                if index == before { index += 1 }
                skipToLineEnd()
            }
        }
    }

    private mutating func skipSpaces() {
        while !atEnd, current == Self.space || current == Self.tab { index += 1 }
    }

    /// Skips spaces, newlines and comments, as allowed inside arrays.
    private mutating func skipSpacesNewlinesAndComments() {
        while !atEnd {
            switch current {
            case Self.space, Self.tab, Self.carriageReturn:
                index += 1
            case Self.newline:
                index += 1
                line += 1
            case Self.hash:
                skipToLineEnd()
            default:
                return
            }
        }
    }

    private mutating func skipToLineEnd() {
        while !atEnd, current != Self.newline { index += 1 }
    }

    private mutating func parseHeader() {
        let headerLine = line
        index += 1
        var isArray = false
        if !atEnd, current == Self.openBracket {
            isArray = true
            index += 1
        }
        let path = parseKeyPath()
        skipSpaces()
        if !atEnd, current == Self.closeBracket { index += 1 }
        if isArray, !atEnd, current == Self.closeBracket { index += 1 }
        headers.append(ConfigTableHeader(path: path, line: headerLine, isArrayTable: isArray))
        currentTable = path
        inArrayTable = isArray
    }

    /// Reads `key`, `a.b.c`, `"quoted key".x` up to the first byte that is not part of a key.
    private mutating func parseKeyPath() -> [String] {
        var path: [String] = []
        while true {
            skipSpaces()
            guard !atEnd else { break }
            let key: String
            switch current {
            case Self.quote:
                key = parseBasicString()
            case Self.apostrophe:
                key = parseLiteralString()
            default:
                let start = index
                while !atEnd, Self.isBareKeyByte(current) { index += 1 }
                if index == start { return path }
                key = String(decoding: bytes[start..<index], as: UTF8.self)
            }
            path.append(key)
            skipSpaces()
            guard !atEnd, current == Self.dot else { break }
            index += 1
        }
        return path
    }

    private static func isBareKeyByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            || byte == 0x5F || byte == 0x2D
    }

    private mutating func parseKeyValue(prefix: [String]?) {
        let keyLine = line
        let path = parseKeyPath()
        guard !path.isEmpty else { return }
        skipSpaces()
        guard !atEnd, current == Self.equals else { return }
        index += 1
        skipSpaces()
        let fullPath = prefix.map { $0 + path }
        let valueStart = index
        parseValue(path: fullPath)
        if let fullPath {
            keys.append(ScannedKey(path: fullPath, line: keyLine, valueRange: valueStart..<index,
                                   valueEndLine: line, inArrayTable: inArrayTable))
        }
    }

    /// Skips one value; records the keys of an inline table under `path` (nil: inside an array).
    private mutating func parseValue(path: [String]?) {
        guard !atEnd else { return }
        switch current {
        case Self.quote:
            if peek(1) == Self.quote, peek(2) == Self.quote {
                skipMultilineString(delimiter: Self.quote, escapes: true)
            } else {
                _ = parseBasicString()
            }
        case Self.apostrophe:
            if peek(1) == Self.apostrophe, peek(2) == Self.apostrophe {
                skipMultilineString(delimiter: Self.apostrophe, escapes: false)
            } else {
                _ = parseLiteralString()
            }
        case Self.openBracket:
            index += 1
            while true {
                skipSpacesNewlinesAndComments()
                guard !atEnd else { return }
                if current == Self.closeBracket {
                    index += 1
                    return
                }
                let before = index
                parseValue(path: nil)
                skipSpacesNewlinesAndComments()
                if !atEnd, current == Self.comma { index += 1 }
                if index == before { index += 1 }
            }
        case Self.openBrace:
            index += 1
            while true {
                skipSpacesNewlinesAndComments()
                guard !atEnd else { return }
                if current == Self.closeBrace {
                    index += 1
                    return
                }
                let before = index
                parseKeyValue(prefix: path)
                skipSpacesNewlinesAndComments()
                if !atEnd, current == Self.comma { index += 1 }
                if index == before { index += 1 }
            }
        default:
            while !atEnd {
                switch current {
                case Self.space, Self.tab, Self.comma, Self.closeBracket, Self.closeBrace, Self.hash,
                     Self.newline, Self.carriageReturn:
                    return
                default:
                    index += 1
                }
            }
        }
    }

    /// Reads a `"..."` string (used for quoted keys), decoding the common escapes.
    private mutating func parseBasicString() -> String {
        index += 1
        var out: [UInt8] = []
        while !atEnd, current != Self.quote, current != Self.newline {
            if current == Self.backslash, let next = peek(1) {
                switch next {
                case UInt8(ascii: "n"): out.append(Self.newline)
                case UInt8(ascii: "t"): out.append(Self.tab)
                case UInt8(ascii: "r"): out.append(Self.carriageReturn)
                case UInt8(ascii: "u"), UInt8(ascii: "U"):
                    let width = next == UInt8(ascii: "u") ? 4 : 8
                    let start = index + 2
                    let end = min(start + width, bytes.count)
                    let hex = String(decoding: bytes[start..<end], as: UTF8.self)
                    if let code = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(code) {
                        out.append(contentsOf: Array(String(Character(scalar)).utf8))
                    }
                    index = end
                    continue
                default: out.append(next)
                }
                index += 2
            } else {
                out.append(current)
                index += 1
            }
        }
        if !atEnd, current == Self.quote { index += 1 }
        return String(decoding: out, as: UTF8.self)
    }

    /// Reads a `'...'` string (no escapes).
    private mutating func parseLiteralString() -> String {
        index += 1
        let start = index
        while !atEnd, current != Self.apostrophe, current != Self.newline { index += 1 }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        if !atEnd, current == Self.apostrophe { index += 1 }
        return text
    }

    /// Skips a `"""..."""` or `'''...'''` string, counting the lines it spans.
    private mutating func skipMultilineString(delimiter: UInt8, escapes: Bool) {
        index += 3
        while !atEnd {
            if escapes, current == Self.backslash {
                if peek(1) == Self.newline { line += 1 }
                index += 2
                continue
            }
            if current == Self.newline { line += 1 }
            if current == delimiter, peek(1) == delimiter, peek(2) == delimiter {
                index += 3
                // Up to two more delimiters belong to the string's content (`""""` ends with a quote).
                var extra = 0
                while extra < 2, !atEnd, current == delimiter {
                    index += 1
                    extra += 1
                }
                return
            }
            index += 1
        }
    }
}
