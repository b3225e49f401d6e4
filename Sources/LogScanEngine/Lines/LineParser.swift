/// Splits one logical line into its timestamp, source, level, message and fields,
/// whatever shape tasker wrote it in and whatever text envelopes it travelled
/// through (SPEC §2, steps 3 to 7: journald text, Loki text, `kubectl --prefix`,
/// stern, `--timestamps`, ANSI colours). The outer envelopes (CRI, JSON) are
/// peeled before, by `OuterEnvelope`.
///
/// Runs only on lines the prefilter picked and on the census's sample; everything
/// it returns points into the line or into the workspace, valid until the next `parse`.
final class LineParser {
    /// The line's own timestamp, or the outer (envelope) one when it has none.
    private(set) var timestamp: Timestamp?
    /// The pod or unit an envelope named.
    private(set) var source: ByteSlice?
    /// The timestamp that starts the line (its start, length and value), when the envelope
    /// check parsed it and left it as the line's own: the format's parse then reuses it.
    private var ownTimestamp: (start: UnsafePointer<UInt8>, count: Int, timestamp: Timestamp, used: Int)?
    private(set) var level: ByteSlice?
    private(set) var message = ByteSlice(UnsafePointer(bitPattern: 1)!, 0)
    private(set) var fields = LineFields()
    /// The envelopes peeled and the format found.
    private(set) var shape = LineShape()

    private let workspace: LineWorkspace
    /// How much of a line `parse` reads.
    enum Depth {
        /// The message and fields too: the line may be an event.
        case full
        /// The shape and timestamp (the census): the message and fields of a text line are not split.
        case shape
        /// The timestamp (a joined line without a message literal): a tracing line's header
        /// after its timestamp is not read, and the result and `shape` say nothing.
        case timestamp
    }

    private var depth = Depth.full

    init(workspace: LineWorkspace) {
        self.workspace = workspace
    }

    /// Parses `rawLine` (no line end). `outerTimestamp`, `outerSource` and `envelopes`
    /// come from an outer envelope already peeled. Returns false when the line
    /// holds no message in a known format (noise).
    /// `depth`: how much of the line is wanted.
    func parse(_ rawLine: ByteSlice, outerTimestamp: Timestamp?, outerSource: ByteSlice? = nil,
               envelopes: LineShape.Envelopes = [], depth: Depth = .full) -> Bool {
        self.depth = depth
        timestamp = nil
        source = outerSource
        level = nil
        fields.removeAll()
        ownTimestamp = nil
        message = ByteSlice(UnsafePointer(bitPattern: 1)!, 0)
        shape = LineShape(envelopes: envelopes, format: .unknown)
        var line = workspace.removingANSI(rawLine)
        if line.count != rawLine.count || line.base != rawLine.base { shape.envelopes.insert(.ansi) }
        var outer = outerTimestamp
        peelTextEnvelopes(&line, &outer)

        let ok = parseFormat(line)
        if timestamp == nil { timestamp = outer }
        return ok
    }

    // MARK: - Text envelopes

    /// `[pod/NAME/CONTAINER] `, stern's `POD CONTAINER `, then a leading instant that
    /// is not the line's own: journald's `TS HOST IDENT[PID]: `, Loki's `TS {labels} `,
    /// or `kubectl`/`docker logs --timestamps`' `TS `.
    private func peelTextEnvelopes(_ line: inout ByteSlice, _ outer: inout Timestamp?) {
        guard line.count > 0 else { return }
        if line.hasPrefix("[pod/"), let close = line.firstIndex(of: UInt8(ascii: "]")) {
            let inner = line.slice(5, close)
            let nameEnd = inner.firstIndex(of: UInt8(ascii: "/")) ?? inner.count
            source = inner.prefix(nameEnd)
            line = line.dropFirst(close + 1).trimmingLeadingSpaces
            shape.envelopes.insert(.kubectlPrefix)
        } else if let (pod, rest) = LineParser.sternPrefix(line) {
            source = pod
            line = rest
            shape.envelopes.insert(.stern)
        }
        guard let (ts, used) = TimestampParser.parse(line), used < line.count, line[used] == 0x20 else { return }
        let rest = line.dropFirst(used + 1)
        let trimmed = rest.trimmingLeadingSpaces
        // A timestamp followed by a level is the line's own (tracing's full format), and
        // so is one followed by a thread id or a target (`.with_level(false)`).
        if LineParser.levelLength(trimmed) != nil || trimmed.hasPrefix("ThreadId(")
            || LineParser.headerElement(trimmed).hasModuleSeparator {
            ownTimestamp = (line.base, line.count, ts, used)
            return
        }
        if let (labels, after) = LineParser.lokiLabels(rest) {
            if let pod = LineParser.lokiSource(labels) { source = pod }
            outer = ts
            line = after.trimmingLeadingSpaces
            shape.envelopes.insert(.lokiText)
        } else if let (ident, after) = LineParser.journaldPrefix(rest) {
            if source == nil { source = ident }
            outer = ts
            line = after
            shape.envelopes.insert(.journaldText)
        } else {
            outer = ts
            line = rest
            shape.envelopes.insert(.timestamp)
        }
    }

    /// stern's default output, `POD CONTAINER LINE` (colours already removed): two
    /// lower-case DNS names, then a line that starts as tasker's do (a timestamp,
    /// a level word or a JSON object), so that ordinary text is never taken for it.
    static func sternPrefix(_ line: ByteSlice) -> (pod: ByteSlice, rest: ByteSlice)? {
        func nameEnd(_ s: ByteSlice, from: Int) -> Int? {
            var i = from
            while i < s.count {
                let c = s[i]
                if c == 0x20 { break }
                guard (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9"))
                        || c == UInt8(ascii: "-") || c == UInt8(ascii: ".") else { return nil }
                i += 1
            }
            return i > from && i < s.count ? i : nil
        }
        guard let c = line.first, c >= UInt8(ascii: "a"), c <= UInt8(ascii: "z"),
              let podEnd = nameEnd(line, from: 0), let containerEnd = nameEnd(line, from: podEnd + 1) else { return nil }
        let rest = line.dropFirst(containerEnd + 1)
        guard let r = rest.first else { return nil }
        let startsLikeTasker = (r >= UInt8(ascii: "0") && r <= UInt8(ascii: "9") && TimestampParser.parse(rest) != nil)
            || r == UInt8(ascii: "{") || LineParser.levelLength(rest.trimmingLeadingSpaces) != nil
        return startsLikeTasker ? (line.prefix(podEnd), rest) : nil
    }

    /// Loki's `{name="value", ...}` stream labels (padded with spaces after), and what follows.
    static func lokiLabels(_ s: ByteSlice) -> (labels: ByteSlice, rest: ByteSlice)? {
        guard s.count > 4, s[0] == UInt8(ascii: "{"), isIdentifier(s[1]) else { return nil }
        var i = 1
        var inQuote = false
        while i < s.count {
            let c = s[i]
            if inQuote {
                if c == UInt8(ascii: "\\") { i += 2; continue }
                if c == UInt8(ascii: "\"") { inQuote = false }
            } else if c == UInt8(ascii: "\"") {
                inQuote = true
            } else if c == UInt8(ascii: "}") {
                let labels = s.slice(1, i)
                guard labels.firstIndex(of: UInt8(ascii: "=")) != nil else { return nil }
                return (labels, s.dropFirst(i + 1))
            }
            i += 1
        }
        return nil
    }

    /// The source among Loki labels: `pod`, else `pod_name`, `instance`, `container`, `job`.
    static func lokiSource(_ labels: ByteSlice) -> ByteSlice? {
        var best: (rank: Int, value: ByteSlice)?
        var i = 0
        while i < labels.count {
            while i < labels.count, labels[i] == 0x20 || labels[i] == UInt8(ascii: ",") { i += 1 }
            guard let eq = labels.firstIndex(of: UInt8(ascii: "="), from: i) else { break }
            let name = labels.slice(i, eq)
            guard eq + 1 < labels.count, labels[eq + 1] == UInt8(ascii: "\"") else { break }
            var j = eq + 2
            while j < labels.count, labels[j] != UInt8(ascii: "\"") {
                if labels[j] == UInt8(ascii: "\\") { j += 1 }
                j += 1
            }
            let value = labels.slice(eq + 2, min(j, labels.count))
            let rank: Int? = name.equals("pod") ? 0 : name.equals("pod_name") ? 1 : name.equals("instance") ? 2
                : name.equals("container") ? 3 : name.equals("job") ? 4 : nil
            if let rank, rank < (best?.rank ?? Int.max) { best = (rank, value) }
            i = j + 1
        }
        return best?.value
    }

    /// journald's short formats after the time: `HOST IDENT[PID]: ` or `HOST IDENT: `.
    /// Returns the identifier (without the pid) and the line.
    static func journaldPrefix(_ s: ByteSlice) -> (ident: ByteSlice, rest: ByteSlice)? {
        guard let hostEnd = s.firstIndex(of: 0x20), hostEnd > 0 else { return nil }
        for i in 0..<hostEnd {
            let c = s[i]
            guard isIdentifier(c) || c == UInt8(ascii: "-") || c == UInt8(ascii: ".") else { return nil }
        }
        let afterHost = s.dropFirst(hostEnd + 1)
        guard let colon = afterHost.firstRange(of: ": ") ?? (afterHost.count > 0 && afterHost[afterHost.count - 1] == UInt8(ascii: ":") ? afterHost.count - 1 : nil),
              colon > 0 else { return nil }
        let token = afterHost.prefix(colon)
        guard token.firstIndex(of: 0x20) == nil else { return nil }
        var ident = token
        if token[token.count - 1] == UInt8(ascii: "]"), let open = token.firstIndex(of: UInt8(ascii: "[")) {
            let pid = token.slice(open + 1, token.count - 1)
            guard pid.count > 0, (0..<pid.count).allSatisfy({ pid[$0] >= 48 && pid[$0] <= 57 }) else { return nil }
            ident = token.prefix(open)
        }
        guard ident.count > 0 else { return nil }
        return (ident, afterHost.dropFirst(min(colon + 2, afterHost.count)))
    }

    // MARK: - Formats

    /// The line inside the envelopes. Two or more leading spaces mark `.pretty()`.
    private func parseFormat(_ line: ByteSlice) -> Bool {
        let trimmed = line.trimmingLeadingSpaces
        guard let first = trimmed.first else {
            shape.format = .blank
            return false
        }
        let indent = line.count - trimmed.count
        let pretty = indent >= 2
        let ok: Bool
        switch first {
        case UInt8(ascii: "{"): ok = parseJSON(trimmed)
        case UInt8(ascii: "["): ok = parseBracketed(trimmed)
        case UInt8(ascii: "0")...UInt8(ascii: "9"): ok = parseTracing(trimmed, pretty: pretty)
        default:
            if trimmed.count > 4, trimmed[1] == UInt8(ascii: ","), trimmed[2] == 0x20, trimmed[3] == UInt8(ascii: "[") {
                ok = parseRubyLogger(trimmed)
            } else if indent >= 4, trimmed.hasPrefix("at ") || trimmed.hasPrefix("in ") || trimmed.hasPrefix("on ") {
                // The location, thread and span lines under a `.pretty()` event.
                shape.format = .tracingPrettyContext
                return false
            } else {
                ok = parseLevelFirst(trimmed, pretty: pretty, levelOptional: false)
            }
        }
        return ok
    }


    /// tracing-subscriber full format: `TS  LEVEL [ThreadId(N)] [spans:] [target:] message k=v ...`
    /// (also the runbook's `TS LEVEL message k=v`).
    private func parseTracing(_ line: ByteSlice, pretty: Bool) -> Bool {
        let parsed: (Timestamp, Int)?
        if let own = ownTimestamp, own.start == line.base, own.count == line.count {
            parsed = (own.timestamp, own.used)
        } else {
            parsed = TimestampParser.parse(line)
        }
        guard let (ts, used) = parsed else { return false }
        timestamp = ts
        // Nothing after the timestamp sets it: a line starting with a digit is read as tracing only.
        if depth == .timestamp { return true }
        // `.with_level(false)`: the time may be followed directly by the thread, spans or target.
        return parseLevelFirst(line.dropFirst(used).trimmingLeadingSpaces, pretty: pretty, levelOptional: true)
    }

    /// `[LEVEL] [ThreadId(N)] [spans:] [target:] [file:line:] message k=v ...`, or with
    /// `pretty`, `message, k: v, ...`. Without a level (`.with_level(false)`), only after a
    /// timestamp (`levelOptional`) or before a target, so that plain text is not a message.
    private func parseLevelFirst(_ line: ByteSlice, pretty: Bool, levelOptional: Bool) -> Bool {
        var rest = line
        if let n = LineParser.levelLength(line) {
            level = line.prefix(n)
            rest = line.dropFirst(n).trimmingLeadingSpaces
        }
        if levelOptional, depth != .full {
            // After a timestamp the line is tracing's whatever follows (the guard below
            // passes): the census need not walk its thread, spans and target, which was
            // half of its cost per line.
            shape.format = pretty ? .tracingPretty : .tracingFull
            return true
        }
        let before = rest.count
        rest = skipThreadTokens(rest)
        rest = skipSpansAndTarget(rest)
        rest = LineParser.skipFileLocation(rest)
        guard level != nil || levelOptional || rest.count < before else { return false }
        shape.format = pretty ? .tracingPretty : .tracingFull
        if depth != .full { return true }
        if pretty {
            splitPrettyMessageAndFields(rest)
        } else {
            splitMessageAndFields(rest)
        }
        return true
    }

    /// `[TIMESTAMP] LEVEL message k=v` (the runbook's log patterns).
    private func parseBracketed(_ line: ByteSlice) -> Bool {
        let inner = line.dropFirst(1)
        guard let (ts, used) = TimestampParser.parse(inner), used < inner.count, inner[used] == UInt8(ascii: "]") else {
            return false
        }
        timestamp = ts
        guard parseLevelFirst(inner.dropFirst(used + 1).trimmingLeadingSpaces, pretty: false, levelOptional: false) else {
            return false
        }
        shape.format = .runbook
        return true
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
        shape.format = .rubyLogger
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
        guard scanner.objectClosed else { return false }
        shape.format = .tracingJSON
        return messageFound
    }

    // MARK: - Pieces

    /// Length of a level word at the start of `s` followed by a space or the end.
    static func levelLength(_ s: ByteSlice) -> Int? {
        // By the first byte: trying the seven words in turn cost ~215 instructions a call,
        // twice per line (2% of an event storm).
        @inline(__always) func word(_ w: StaticString, _ n: Int) -> Int? {
            s.hasPrefix(w) && (s.count == n || s[n] == 0x20) ? n : nil
        }
        guard let first = s.first else { return nil }
        switch first {
        case UInt8(ascii: "T"): return word("TRACE", 5)
        case UInt8(ascii: "D"): return word("DEBUG", 5)
        case UInt8(ascii: "I"): return word("INFO", 4)
        case UInt8(ascii: "W"): return word("WARNING", 7) ?? word("WARN", 4)
        case UInt8(ascii: "E"): return word("ERROR", 5)
        case UInt8(ascii: "F"): return word("FATAL", 5)
        default: return nil
        }
    }

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
        // One table lookup per byte: this runs on every candidate line, 2-3 tokens each.
        headerByteClasses.withUnsafeBufferPointer { classes in
            var i = 0
            var depth = 0
            var sawBrace = false
            var pathOnly = true
            var separator = false
            let n = s.count
            while i < n {
                let c = s[i]
                let byteClass = classes[Int(c)]
                if depth > 0 {
                    // Inside span fields: only quotes and braces matter.
                    if byteClass & HeaderByte.inFields == 0 { i += 1; continue }
                    if c == UInt8(ascii: "\"") {
                        // A quoted value; an escape skips the next byte, never past the end.
                        i += 1
                        while i < n, s[i] != UInt8(ascii: "\"") {
                            i += s[i] == UInt8(ascii: "\\") ? 2 : 1
                        }
                        i = min(i + 1, n)
                        continue
                    }
                    depth += c == UInt8(ascii: "{") ? 1 : -1
                    i += 1
                    continue
                }
                if byteClass == HeaderByte.path { i += 1; continue }
                if c == 0x20 { break }
                if c == UInt8(ascii: "{") {
                    depth = 1
                    sawBrace = true
                    pathOnly = false
                } else if c == UInt8(ascii: ":") {
                    if i + 1 < n, s[i + 1] == UInt8(ascii: ":") {
                        separator = true
                        i += 2
                        continue
                    }
                } else {
                    pathOnly = false
                }
                i += 1
            }
            guard i >= 2, i <= n, s[i - 1] == UInt8(ascii: ":"), depth == 0 else {
                return HeaderElement(kind: .none, length: 0, hasModuleSeparator: false)
            }
            if sawBrace { return HeaderElement(kind: .spans, length: i, hasModuleSeparator: separator) }
            return HeaderElement(kind: pathOnly ? .path : .none, length: i, hasModuleSeparator: separator)
        }
    }

    /// Byte classes of `headerElement`: bits, so one table serves both states.
    private enum HeaderByte {
        /// A byte of a target path: letters, digits, `_`, `-`, `.`.
        static let path: UInt8 = 1
        /// A byte that matters inside span fields: `"`, `{`, `}`.
        static let inFields: UInt8 = 2
    }

    private static let headerByteClasses: [UInt8] = (0..<256).map { value in
        let c = UInt8(value)
        if isIdentifier(c) || c == UInt8(ascii: "-") || c == UInt8(ascii: ".") { return HeaderByte.path }
        if c == UInt8(ascii: "\"") || c == UInt8(ascii: "{") || c == UInt8(ascii: "}") { return HeaderByte.inFields }
        return 0
    }

    @inline(__always) static func isIdentifier(_ c: UInt8) -> Bool {
        (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z"))
            || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")) || c == UInt8(ascii: "_")
    }

    /// Skips `.with_file(true).with_line_number(true)`'s `src/x.rs:42:` (or `src/x.rs:`).
    static func skipFileLocation(_ s: ByteSlice) -> ByteSlice {
        let end = s.firstIndex(of: 0x20) ?? s.count
        guard end >= 3, s[end - 1] == UInt8(ascii: ":") else { return s }
        var sawPathMark = false
        for i in 0..<(end - 1) {
            let c = s[i]
            if c == UInt8(ascii: "/") || c == UInt8(ascii: ".") { sawPathMark = true; continue }
            guard isIdentifier(c) || c == UInt8(ascii: "-") || c == UInt8(ascii: ":") || c == UInt8(ascii: "\\") else { return s }
        }
        return sawPathMark ? s.dropFirst(end).trimmingLeadingSpaces : s
    }

    /// `.pretty()`'s first line after the target: `message, key: value, key: "quoted"`
    /// (values in Rust's `Debug` form). The message runs to the first `, key: `.
    private func splitPrettyMessageAndFields(_ s: ByteSlice) {
        var fieldStart = LineParser.prettyKeyLength(s, at: 0) != nil ? 0 : s.count
        if fieldStart != 0 {
            var i = 0
            while let comma = s.firstRange(of: ", ", from: i) {
                if LineParser.prettyKeyLength(s, at: comma + 2) != nil {
                    fieldStart = comma
                    break
                }
                i = comma + 1
            }
        }
        message = s.prefix(fieldStart).trimmingSpaces
        var i = fieldStart
        while i < s.count {
            while i < s.count, s[i] == UInt8(ascii: ",") || s[i] == 0x20 { i += 1 }
            guard let klen = LineParser.prettyKeyLength(s, at: i) else { break }
            let key = s.slice(i, i + klen)
            i += klen + 2
            if i < s.count, s[i] == UInt8(ascii: "\""), let quoted = LineParser.quotedValue(s, at: i) {
                fields.append(key: key, value: quoted.value, escaped: quoted.escaped)
                i = quoted.next
            } else {
                // A bare value runs to the next `, key: ` or the end.
                var end = s.count
                var k = i
                while let comma = s.firstRange(of: ", ", from: k) {
                    if LineParser.prettyKeyLength(s, at: comma + 2) != nil { end = comma; break }
                    k = comma + 1
                }
                fields.append(key: key, value: s.slice(i, end))
                i = end
            }
        }
    }

    /// Length of `key` when `s[at...]` starts with `key: ` (a Rust field name: lower
    /// case or `_` first, dots allowed), so that `CRITICAL: Channel …` stays a message.
    private static func prettyKeyLength(_ s: ByteSlice, at: Int) -> Int? {
        guard at < s.count else { return nil }
        let c0 = s[at]
        guard (c0 >= UInt8(ascii: "a") && c0 <= UInt8(ascii: "z")) || c0 == UInt8(ascii: "_") else {
            return nil
        }
        var i = at + 1
        while i < s.count, isIdentifier(s[i]) || s[i] == UInt8(ascii: ".") { i += 1 }
        guard i + 1 < s.count, s[i] == UInt8(ascii: ":"), s[i + 1] == 0x20 else { return nil }
        return i - at
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

    /// The quoted value starting at `s[at] == "`: its content (to the closing quote or
    /// the end of the line), whether it holds escapes, and where the next field may start.
    private static func quotedValue(_ s: ByteSlice, at: Int) -> (value: ByteSlice, escaped: Bool, next: Int)? {
        var j = at + 1
        var escaped = false
        while j < s.count, s[j] != UInt8(ascii: "\"") {
            if s[j] == UInt8(ascii: "\\") { escaped = true; j += 1 }
            j += 1
        }
        return (s.slice(at + 1, min(j, s.count)), escaped, j + 1)
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
            if i < s.count, s[i] == UInt8(ascii: "\""), let quoted = LineParser.quotedValue(s, at: i) {
                fields.append(key: key, value: quoted.value, escaped: quoted.escaped)
                i = quoted.next
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
