/// The outermost envelope of a physical line: a container runtime (CRI) prefix
/// or a JSON envelope (Docker json-file, Loki `logcli --output=jsonl`, journald
/// `-o json`) — the ones whose line may come in pieces (CRI `P`, Docker entries
/// without `\n`) or must be unescaped before anything else is read (SPEC §2,
/// steps 1 and 2). Text envelopes inside are the parser's (`LineParser`).
struct OuterEnvelope {
    /// `.cri`, `.dockerJSON`, `.lokiJSON`, `.journaldJSON`, or empty: no envelope.
    var envelope: LineShape.Envelopes = []
    /// The line inside (the whole line when there is no envelope).
    var content: ByteSlice
    /// The envelope's own time, the *outer* timestamp.
    var timestamp: Timestamp?
    /// The pod or unit the envelope names.
    var source: ByteSlice?
    /// 0 stdout, 1 stderr: pieces are joined per stream.
    var stream = 0
    /// A piece continued by the stream's next line.
    var isPartial = false
    /// An envelope whose line cannot be read (journald's `MESSAGE` as a byte array).
    var unreadable = false

    /// Peels `line` (no line end). Content unescaped from JSON lands in `workspace.envelope`.
    static func peel(_ line: ByteSlice, workspace: LineWorkspace) -> OuterEnvelope {
        guard line.count > 0 else { return OuterEnvelope(content: line) }
        let c = line[0]
        if c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9"), let cri = CRIPrefix.parse(line) {
            return OuterEnvelope(envelope: .cri, content: cri.content, timestamp: cri.timestamp,
                                 stream: cri.stream, isPartial: cri.isPartial)
        }
        if c == UInt8(ascii: "{"), let json = peelJSON(line, workspace: workspace) { return json }
        return OuterEnvelope(content: line)
    }

    /// Keys of tracing's own JSON: seeing one first means there is no envelope.
    private static func isTracingKey(_ key: ByteSlice) -> Bool {
        key.equals("fields") || key.equals("level") || key.equals("target") || key.equals("span")
            || key.equals("spans") || key.equals("threadId") || key.equals("threadName") || key.equals("message")
    }

    private static func peelJSON(_ line: ByteSlice, workspace: LineWorkspace) -> OuterEnvelope? {
        var scanner = JSONScanner(line)
        guard scanner.enterObject() else { return nil }
        var kind: LineShape.Envelopes = []
        var text: (ByteSlice, Bool)?
        var unreadable = false
        var time: ByteSlice?
        var micros: ByteSlice?
        var stream = 0
        var unit: ByteSlice?
        var identifier: ByteSlice?
        var label: (rank: Int, value: ByteSlice)?
        while let key = scanner.nextKey() {
            if kind.isEmpty, isTracingKey(key) { return nil }
            if key.equals("log"), let v = scanner.stringValue() {
                kind = .dockerJSON
                text = v
            } else if key.equals("line"), let v = scanner.stringValue() {
                kind = .lokiJSON
                text = v
            } else if key.equals("MESSAGE") {
                kind = .journaldJSON
                if let v = scanner.stringValue() { text = v } else {
                    guard scanner.skipValue() else { return nil }
                    unreadable = true
                }
            } else if key.equals("stream"), let (v, _) = scanner.stringValue() {
                stream = v.equals("stderr") ? 1 : 0
            } else if key.equals("time") || key.equals("timestamp"), let (v, _) = scanner.stringValue() {
                time = v
            } else if key.equals("__REALTIME_TIMESTAMP"), let (v, _) = scanner.stringValue() {
                micros = v
            } else if key.equals("_SYSTEMD_UNIT"), let (v, _) = scanner.stringValue() {
                unit = v
            } else if key.equals("SYSLOG_IDENTIFIER"), let (v, _) = scanner.stringValue() {
                identifier = v
            } else if key.equals("labels"), scanner.peekIsObject {
                _ = scanner.enterObject()
                while let name = scanner.nextKey() {
                    guard let (v, _) = scanner.scalarValue() else {
                        guard scanner.skipValue() else { return nil }
                        continue
                    }
                    if let rank = lokiSourceRank(name), rank < (label?.rank ?? Int.max) { label = (rank, v) }
                }
                guard scanner.objectClosed else { return nil }
            } else {
                guard scanner.skipValue() else { return nil }
            }
        }
        guard !kind.isEmpty, scanner.objectClosed else { return nil }
        var out = OuterEnvelope(envelope: kind, content: ByteSlice(line.base, 0))
        out.stream = stream
        out.unreadable = unreadable
        if let (raw, escaped) = text {
            var content = workspace.unescapingEnvelope(raw, escaped: escaped)
            if kind == .dockerJSON {
                // Docker keeps the line end in `log`; an entry without one is a piece
                // of a longer line, continued by the stream's next entry.
                if content.count > 0, content[content.count - 1] == 0x0A {
                    content = content.prefix(content.count - 1)
                    if content.count > 0, content[content.count - 1] == 0x0D { content = content.prefix(content.count - 1) }
                } else {
                    out.isPartial = true
                }
            }
            out.content = content
        }
        switch kind {
        case .journaldJSON:
            out.timestamp = micros.flatMap(microsecondsTimestamp)
            out.source = unit ?? identifier
        case .lokiJSON:
            out.timestamp = time.flatMap { TimestampParser.parse($0)?.0 }
            out.source = label?.value
        default:
            out.timestamp = time.flatMap { TimestampParser.parse($0)?.0 }
        }
        return out
    }

    /// Which Loki label names the source, best first (SPEC §2).
    private static func lokiSourceRank(_ name: ByteSlice) -> Int? {
        if name.equals("pod") { return 0 }
        if name.equals("pod_name") { return 1 }
        if name.equals("instance") { return 2 }
        if name.equals("container") { return 3 }
        if name.equals("job") { return 4 }
        return nil
    }

    /// journald's `__REALTIME_TIMESTAMP`: microseconds since the epoch, as digits,
    /// in the years timestamps are read in.
    static func microsecondsTimestamp(_ digits: ByteSlice) -> Timestamp? {
        guard let micros = digits.integer, micros >= 0 else { return nil }
        let (nanos, overflow) = Int64(micros).multipliedReportingOverflow(by: 1000)
        guard !overflow else { return nil }
        let t = Timestamp(nanoseconds: nanos)
        return TimestampParser.instants.contains(t) ? t : nil
    }
}
