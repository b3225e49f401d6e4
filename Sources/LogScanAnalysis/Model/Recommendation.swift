import LogScanEngine

/// What the operator should do about a finding; a resize carries the size and the TOML to apply.
public struct Recommendation: Sendable, Equatable {
    /// The advice in the runbook's words, with the numbers.
    public var text: String
    /// The buffer size to set, when the advice is a resize.
    public var size: Int?
    /// The dotted key in the seed layout (`mpsc_channels.shared.ffi.ruby_event_buffer_size`), when there is one.
    public var configKey: String?
    /// The config file to edit for `--env`, when the advice comes with TOML.
    public var file: String?
    /// The full TOML snippet (file comment, table header, key), `nil` when there is nothing to paste.
    public var toml: String?
    /// A capacity in force later in the input that is at least `size`: the resize was made
    /// (a restart with the new size), so it is no action.
    public var alreadyApplied: AppliedCapacity?

    public init(text: String, size: Int? = nil, configKey: String? = nil, file: String? = nil, toml: String? = nil,
                alreadyApplied: AppliedCapacity? = nil) {
        self.text = text
        self.size = size
        self.configKey = configKey
        self.file = file
        self.toml = toml
        self.alreadyApplied = alreadyApplied
    }
}

/// The line from which the logs show a capacity that covers a recommended size.
public struct AppliedCapacity: Sendable, Equatable {
    public var capacity: Int
    public var since: Timestamp
    public var line: LineReference

    public init(capacity: Int, since: Timestamp, line: LineReference) {
        self.capacity = capacity
        self.since = since
        self.line = line
    }
}
