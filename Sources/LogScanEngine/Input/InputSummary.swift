/// What was read from one input: the report's `inputs[]` entry.
public struct InputSummary: Sendable, Equatable {
    /// Display name: the path as given, `-` for standard input.
    public var name: String
    /// Bytes of log text read (after decompression for compressed input).
    public var bytes: Int64
    /// Physical lines read (a final line without a newline counts).
    public var lines: Int64
    /// The compression read through (`gzip`, `zstd`, `xz`, `bzip2`); `nil` for plain text.
    public var compression: String?
    /// True when the input was compressed.
    public var compressed: Bool { compression != nil }
    /// Lines longer than the line limit: counted in `lines`, skipped for parsing.
    public var overlongLines: Int64
    /// Why the input could not be read to its end (missing file, corrupt gzip, ...)
    /// or was not understood (no tasker line recognised); `nil` when it was read and understood.
    public var error: String?
    /// The earliest timestamp of the lines looked at (SPEC §2: not the first line's).
    public var firstTimestamp: Timestamp?
    /// The latest timestamp of the lines looked at: the input's end (SPEC §4).
    public var lastTimestamp: Timestamp?
    /// Events recognised in this input.
    public var events: Int64 = 0
    /// Lines counted by shape (sampled: see `ShapeCensus`).
    public var census = ShapeCensus()
    /// A NUL byte was seen in the first 64 KiB: binary data, not a log.
    public var binary = false
    /// The first bytes of the input's first line, for the "not recognised" message.
    public var firstLine: [UInt8] = []
    /// A compression recognised by its magic bytes that cannot be read (`lz4`, `zip`).
    public var unreadableCompression: String?
    /// The scanner read this input (summaries made by hand, in tests or while
    /// following, have no census and are never "not recognised" or "empty").
    public var scanned = false

    /// `compressed: true` without a `compression` name means gzip.
    public init(name: String, bytes: Int64 = 0, lines: Int64 = 0, compressed: Bool = false, compression: String? = nil,
                overlongLines: Int64 = 0, error: String? = nil,
                firstTimestamp: Timestamp? = nil, lastTimestamp: Timestamp? = nil) {
        self.name = name
        self.bytes = bytes
        self.lines = lines
        self.compression = compression ?? (compressed ? "gzip" : nil)
        self.overlongLines = overlongLines
        self.error = error
        self.firstTimestamp = firstTimestamp
        self.lastTimestamp = lastTimestamp
    }

    /// Lines per shape name (`docker json-file › tracing full`), estimated from the census.
    public var shapes: [String: Int64] {
        var out: [String: Int64] = [:]
        for (shape, n) in census.estimate(lines: lines) { out[shape.name, default: 0] += n }
        return out
    }

    /// Lines in a known shape (blank lines included: they are part of `.pretty()` output).
    public var recognisedLines: Int64 {
        census.estimate(lines: lines).reduce(0) { $0 + ($1.key.format == .unknown ? 0 : $1.value) }
    }

    /// True when the input has lines but not one of them is a tasker line (SPEC §1).
    public var nothingRecognised: Bool {
        scanned && lines > 0 && events == 0 && !census.estimate(lines: lines).contains { $0.key.isRecognised && $0.value > 0 }
    }

    /// `first line: …`: at most 60 printable bytes of the first line.
    public var firstLinePreview: String {
        var printable: [UInt8] = []
        for b in firstLine where b >= 0x20 && b < 0x7F {
            printable.append(b)
            if printable.count == 60 { break }
        }
        return String(decoding: printable, as: UTF8.self)
    }

    /// The problem SPEC §1 names for an input in which nothing was recognised.
    public var notRecognisedMessage: String {
        var why = "no tasker log lines recognised"
        if let unreadableCompression {
            why += " (\(unreadableCompression)-compressed data, which tasker-logscan cannot read)"
        } else if binary {
            why += " (binary data)"
        }
        return why + " (first line: \(firstLinePreview))"
    }

    /// Records the "nothing recognised" problem as the input's error (exit status 2),
    /// unless the input already failed for another reason.
    mutating func checkRecognised() {
        if error == nil, nothingRecognised { error = notRecognisedMessage }
    }

    /// The report's warning for an input without a single line; nil otherwise.
    public var emptyWarning: String? {
        scanned && lines == 0 && error == nil ? "\(name): empty input" : nil
    }
}

/// What a scan read, besides the events themselves.
public struct ScanSummary: Sendable, Equatable {
    public var inputs: [InputSummary]

    public init(inputs: [InputSummary] = []) { self.inputs = inputs }

    /// Physical lines read over all inputs.
    public var linesRead: Int64 { inputs.reduce(0) { $0 + $1.lines } }
    /// Bytes of log text read over all inputs.
    public var bytesRead: Int64 { inputs.reduce(0) { $0 + $1.bytes } }
    /// True when at least one input failed (exit status 2).
    public var hadInputError: Bool { inputs.contains { $0.error != nil } }
}
