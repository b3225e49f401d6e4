/// What was read from one input: the report's `inputs[]` entry.
public struct InputSummary: Sendable, Equatable {
    /// Display name: the path as given, `-` for standard input.
    public var name: String
    /// Bytes of log text read (after decompression for gzip input).
    public var bytes: Int64
    /// Physical lines read (a final line without a newline counts).
    public var lines: Int64
    /// True when the input was gzip-compressed.
    public var compressed: Bool
    /// Lines longer than the line limit: counted in `lines`, skipped for parsing.
    public var overlongLines: Int64
    /// Why the input could not be read to its end (missing file, corrupt gzip, ...); `nil` when it was.
    public var error: String?
    /// Timestamp of the first timestamped line among the input's first lines.
    public var firstTimestamp: Timestamp?
    /// Timestamp of the last timestamped line among the input's last lines.
    public var lastTimestamp: Timestamp?

    public init(name: String, bytes: Int64 = 0, lines: Int64 = 0, compressed: Bool = false,
                overlongLines: Int64 = 0, error: String? = nil,
                firstTimestamp: Timestamp? = nil, lastTimestamp: Timestamp? = nil) {
        self.name = name
        self.bytes = bytes
        self.lines = lines
        self.compressed = compressed
        self.overlongLines = overlongLines
        self.error = error
        self.firstTimestamp = firstTimestamp
        self.lastTimestamp = lastTimestamp
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
