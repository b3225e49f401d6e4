/// Splits one logical line into its timestamp, source, level, message and fields,
/// whatever shape tasker wrote it in (SPEC §2).
///
/// Runs only on lines the prefilter picked; everything it returns points into the
/// line or into the workspace, valid until the next `parse`.
final class LineParser {
    /// The line's own timestamp, or the outer (kubectl `--timestamps`) one when it has none.
    private(set) var timestamp: Timestamp?
    /// The pod named by a `kubectl logs --prefix` prefix.
    private(set) var source: ByteSlice?
    private(set) var level: ByteSlice?
    private(set) var message = ByteSlice(UnsafePointer(bitPattern: 1)!, 0)
    private(set) var fields = LineFields()

    private let workspace: LineWorkspace

    init(workspace: LineWorkspace) {
        self.workspace = workspace
    }

    /// Parses `line` (no line end). `outerTimestamp` is a CRI timestamp already peeled.
    /// Returns false when the line has no recognisable shape (noise).
    func parse(_ rawLine: ByteSlice, outerTimestamp: Timestamp?) -> Bool {
        timestamp = nil
        source = nil
        level = nil
        fields.removeAll()
        var line = workspace.removingANSI(rawLine)
        var outer = outerTimestamp

        // kubectl logs --prefix: "[pod/NAME/CONTAINER] "
        if line.hasPrefix("[pod/"), let close = line.firstIndex(of: UInt8(ascii: "]")) {
            let inner = line.slice(5, close)
            let nameEnd = inner.firstIndex(of: UInt8(ascii: "/")) ?? inner.count
            source = inner.prefix(nameEnd)
            line = line.dropFirst(close + 1).trimmingLeadingSpaces
        }
        // kubectl logs --timestamps: an RFC 3339 instant, one space, then the line as
        // the service wrote it. A timestamp followed by a level is the line's own.
        if let (ts, used) = TimestampParser.parse(line), used < line.count, line[used] == 0x20 {
            let rest = line.dropFirst(used + 1)
            if LineParser.levelLength(rest.trimmingLeadingSpaces) == nil {
                outer = ts
                line = rest
            }
        }
        guard !line.isEmpty else { return false }

        let ok: Bool
        switch line[0] {
        case UInt8(ascii: "{"): ok = parseJSON(line)
        case UInt8(ascii: "["): ok = parseBracketed(line)
        case UInt8(ascii: "0")...UInt8(ascii: "9"): ok = parseTracing(line)
        default:
            if line.count > 4, line[1] == UInt8(ascii: ","), line[2] == 0x20, line[3] == UInt8(ascii: "[") {
                ok = parseRubyLogger(line)
            } else {
                ok = parseLevelFirst(line)
            }
        }
        if timestamp == nil { timestamp = outer }
        return ok
    }

    // MARK: - Shapes

    /// tracing-subscriber full format: `TS  LEVEL [ThreadId(N)] [spans:] [target:] message k=v ...`
    /// (also the runbook's `TS LEVEL message k=v`).
    private func parseTracing(_ line: ByteSlice) -> Bool {
        guard let (ts, used) = TimestampParser.parse(line) else { return false }
        timestamp = ts
        return parseLevelFirst(line.dropFirst(used).trimmingLeadingSpaces)
    }

    /// `LEVEL [ThreadId(N)] [spans:] [target:] message k=v ...`
    private func parseLevelFirst(_ line: ByteSlice) -> Bool {
        guard let n = LineParser.levelLength(line) else { return false }
        level = line.prefix(n)
        var rest = line.dropFirst(n).trimmingLeadingSpaces
        rest = skipThreadTokens(rest)
        rest = skipSpansAndTarget(rest)
        splitMessageAndFields(rest)
        return true
    }

    /// `[TIMESTAMP] LEVEL message k=v` (the runbook's log patterns).
    private func parseBracketed(_ line: ByteSlice) -> Bool {
        let inner = line.dropFirst(1)
        guard let (ts, used) = TimestampParser.parse(inner), used < inner.count, inner[used] == UInt8(ascii: "]") else {
            return false
        }
        timestamp = ts
        return parseLevelFirst(inner.dropFirst(used + 1).trimmingLeadingSpaces)
    }

    /// Ruby Logger: `W, [2025-10-14T00:00:01.123456 #123]  WARN -- progname: MESSAGE`.
    private func parseRubyLogger(_ line: ByteSlice) -> Bool {
        let afterBracket = line.dropFirst(4)
        if let (ts, _) = TimestampParser.parse(afterBracket) { timestamp = ts }
        guard let close = line.firstIndex(of: UInt8(ascii: "]")) else { return false }
        var rest = line.dropFirst(close + 1).trimmingLeadingSpaces
        guard let n = LineParser.levelLength(rest) else { return false }
        level = rest.prefix(n)
        rest = rest.dropFirst(n).trimmingLeadingSpaces
        guard rest.hasPrefix("-- "), let colon = rest.firstRange(of: ": ") ?? (rest.count >= 4 && rest[rest.count - 1] == UInt8(ascii: ":") ? rest.count - 1 : nil) else {
            return false
        }
        splitMessageAndFields(rest.dropFirst(min(colon + 2, rest.count)))
        return true
    }

    /// tracing JSON: `{"timestamp":..,"level":..,"fields":{"message":..,k:v},"target":..}`
    /// and the flattened variant with the fields at top level.
    private func parseJSON(_ line: ByteSlice) -> Bool {
        var scanner = JSONScanner(line)
        var messageFound = false
        guard scanner.enterObject() else { return false }
        while let key = scanner.nextKey() {
            if key.equals("fields"), scanner.peekIsObject {
                _ = scanner.enterObject()
                while let inner = scanner.nextKey() {
                    if inner.equals("message"), let (s, escaped) = scanner.stringValue() {
                        message = workspace.unescapingJSON(s, escaped: escaped)
                        messageFound = true
                    } else if let (v, escaped) = scanner.scalarValue() {
                        fields.append(key: inner, value: v, escaped: escaped)
                    } else if scanner.skipValue() {
                        // An object or array: present, but no scalar (a number field holding one is invalid).
                        fields.append(key: inner, value: inner.prefix(0))
                    } else {
                        return false
                    }
                }
                // A line cut inside its fields (a crash, a size limit) may hold a cut value: noise.
                guard scanner.objectClosed else { return false }
            } else if key.equals("timestamp"), let (s, _) = scanner.stringValue() {
                timestamp = TimestampParser.parse(s)?.0
            } else if key.equals("level"), let (s, _) = scanner.stringValue() {
                level = s
            } else if key.equals("message") || key.equals("msg"), let (s, escaped) = scanner.stringValue() {
                message = workspace.unescapingJSON(s, escaped: escaped)
                messageFound = true
            } else if key.equals("target") || key.equals("threadId") || key.equals("threadName")
                        || key.equals("filename") || key.equals("line_number") || key.equals("span") || key.equals("spans") {
                guard scanner.skipValue() else { return false }
            } else if let (v, escaped) = scanner.scalarValue() {
                // Flattened events put their fields beside the message.
                fields.append(key: key, value: v, escaped: escaped)
            } else if scanner.skipValue() {
                fields.append(key: key, value: key.prefix(0))
            } else {
                return false
            }
        }
        // Only a whole object is an event: a cut-off line may hold a cut value.
        return messageFound && scanner.objectClosed
    }

    // MARK: - Pieces

    /// Length of a level word at the start of `s` followed by a space or the end.
    static func levelLength(_ s: ByteSlice) -> Int? {
        for (word, n) in levelWords {
            if s.hasPrefix(word), s.count == n || s[n] == 0x20 { return n }
        }
        return nil
    }

    /// Level words and their lengths, WARNING before WARN.
    private static let levelWords: [(StaticString, Int)] = [
        ("TRACE", 5), ("DEBUG", 5), ("INFO", 4), ("WARNING", 7), ("WARN", 4), ("ERROR", 5), ("FATAL", 5),
    ]

    /// Skips `ThreadId(NN)` and a thread name before it (`with_thread_names`).
    private func skipThreadTokens(_ s: ByteSlice) -> ByteSlice {
        if s.hasPrefix("ThreadId(") {
            return s.dropFirst(s.firstIndex(of: 0x20) ?? s.count).trimmingLeadingSpaces
        }
        // "worker-1 ThreadId(07) ..." when both names and ids are on.
        if let space = s.firstIndex(of: 0x20), s.dropFirst(space + 1).hasPrefix("ThreadId(") {
            let after = s.dropFirst(space + 1)
            return after.dropFirst(after.firstIndex(of: 0x20) ?? after.count).trimmingLeadingSpaces
        }
        return s
    }

    /// Skips span context (`name{k=v}:name2{..}:`) and the target (`crate::module:`).
    private func skipSpansAndTarget(_ s: ByteSlice) -> ByteSlice {
        var rest = s
        let first = LineParser.headerElement(rest)
        if first.kind == .spans {
            rest = rest.dropFirst(first.length).trimmingLeadingSpaces
            let target = LineParser.headerElement(rest)
            if target.kind == .path { rest = rest.dropFirst(target.length).trimmingLeadingSpaces }
            return rest
        }
        guard first.kind == .path else { return rest }
        let after = rest.dropFirst(first.length).trimmingLeadingSpaces
        // A span without fields looks like a target; the real target follows with `::`.
        let second = LineParser.headerElement(after)
        if second.kind == .path, second.hasModuleSeparator, !first.hasModuleSeparator {
            return after.dropFirst(second.length).trimmingLeadingSpaces
        }
        return after
    }

    private struct HeaderElement {
        enum Kind { case spans, path, none }
        var kind: Kind
        var length: Int
        var hasModuleSeparator: Bool
    }

    /// Classifies the token at the start of `s`: span context ending in `:`,
    /// a target path ending in `:`, or anything else (the message starts here).
    private static func headerElement(_ s: ByteSlice) -> HeaderElement {
        var i = 0
        var depth = 0
        var sawBrace = false
        var pathOnly = true
        var separator = false
        var inQuote = false
        while i < s.count {
            let c = s[i]
            if inQuote {
                // An escape skips the next byte, but never past the end of the line.
                if c == UInt8(ascii: "\\") { i = min(i + 2, s.count); continue }
                if c == UInt8(ascii: "\"") { inQuote = false }
                i += 1
                continue
            }
            if depth > 0 {
                if c == UInt8(ascii: "\"") { inQuote = true }
                else if c == UInt8(ascii: "{") { depth += 1 }
                else if c == UInt8(ascii: "}") { depth -= 1 }
                i += 1
                continue
            }
            if c == 0x20 { break }
            if c == UInt8(ascii: "{") {
                depth = 1
                sawBrace = true
                pathOnly = false
            } else if c == UInt8(ascii: ":") {
                if i + 1 < s.count, s[i + 1] == UInt8(ascii: ":") {
                    separator = true
                    i += 2
                    continue
                }
            } else if !(isIdentifier(c) || c == UInt8(ascii: "-") || c == UInt8(ascii: ".")) {
                pathOnly = false
            }
            i += 1
        }
        guard i >= 2, s[i - 1] == UInt8(ascii: ":"), depth == 0 else {
            return HeaderElement(kind: .none, length: 0, hasModuleSeparator: false)
        }
        if sawBrace { return HeaderElement(kind: .spans, length: i, hasModuleSeparator: separator) }
        return HeaderElement(kind: pathOnly ? .path : .none, length: i, hasModuleSeparator: separator)
    }

    @inline(__always) static func isIdentifier(_ c: UInt8) -> Bool {
        (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z"))
            || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")) || c == UInt8(ascii: "_")
    }

    /// The message runs up to the first ` key=` token; fields follow as `key=value`
    /// or `key="quoted \" value"`.
    private func splitMessageAndFields(_ s: ByteSlice) {
        var i = 0
        var fieldStart = s.count
        while i < s.count {
            if LineParser.keyLength(s, at: i) != nil {
                fieldStart = i
                break
            }
            guard let space = s.firstIndex(of: 0x20, from: i) else { break }
            i = space + 1
            while i < s.count, s[i] == 0x20 { i += 1 }
        }
        message = s.prefix(fieldStart).trimmingSpaces
        parseFields(s.dropFirst(fieldStart))
    }

    /// Length of `key` when `s[at...]` starts with `key=` (`key` an identifier, dots allowed).
    private static func keyLength(_ s: ByteSlice, at: Int) -> Int? {
        guard at < s.count else { return nil }
        let c0 = s[at]
        guard (c0 >= UInt8(ascii: "a") && c0 <= UInt8(ascii: "z")) || (c0 >= UInt8(ascii: "A") && c0 <= UInt8(ascii: "Z")) || c0 == UInt8(ascii: "_") else {
            return nil
        }
        var i = at + 1
        while i < s.count, isIdentifier(s[i]) || s[i] == UInt8(ascii: ".") { i += 1 }
        guard i < s.count, s[i] == UInt8(ascii: "=") else { return nil }
        return i - at
    }

    private func parseFields(_ s: ByteSlice) {
        var i = 0
        while i < s.count {
            while i < s.count, s[i] == 0x20 { i += 1 }
            guard i < s.count else { break }
            guard let klen = LineParser.keyLength(s, at: i) else {
                // Not a field: skip the token.
                i = s.firstIndex(of: 0x20, from: i) ?? s.count
                continue
            }
            let key = s.slice(i, i + klen)
            i += klen + 1
            if i < s.count, s[i] == UInt8(ascii: "\"") {
                var j = i + 1
                var escaped = false
                while j < s.count, s[j] != UInt8(ascii: "\"") {
                    if s[j] == UInt8(ascii: "\\") { escaped = true; j += 1 }
                    j += 1
                }
                fields.append(key: key, value: s.slice(i + 1, min(j, s.count)), escaped: escaped)
                i = j + 1
            } else {
                let end = s.firstIndex(of: 0x20, from: i) ?? s.count
                fields.append(key: key, value: s.slice(i, end))
                i = end
            }
        }
    }
}

extension ByteSlice {
    var trimmingLeadingSpaces: ByteSlice {
        var s = 0
        while s < count, self[s] == 0x20 || self[s] == 0x09 { s += 1 }
        return dropFirst(s)
    }
}
