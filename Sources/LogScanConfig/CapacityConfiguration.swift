import LogScanEngine

/// Where a channel's capacity in a report comes from, in the order SPEC §3 prefers them.
public enum CapacitySource: String, Sendable, Equatable {
    /// The config tree for the environment (base, then the environment override).
    case config
    /// The latest `buffer_size` the logs showed for the channel.
    case logs
    /// The runbook's "Default Buffer Sizes" table.
    case runbookDefault = "default"
}

/// A TOML override that sets one channel's size: the file to edit and the text to put there.
public struct ConfigOverride: Sendable, Equatable {
    /// Path of the file to edit, relative to the working directory (e.g.
    /// `config/tasker/environments/production/mpsc_channels.toml`).
    public var file: String
    /// The full snippet: a comment naming the file, the table header, the key and its value.
    public var toml: String

    public init(file: String, toml: String) {
        self.file = file
        self.toml = toml
    }
}

/// An environment table that names a channel table without the `mpsc_channels`
/// prefix (the runbook's "WRONG - creates conflicting top-level key").
public struct ConfigPrefixProblem: Sendable, Equatable {
    public var file: String
    public var line: Int
    /// The header as written, e.g. `[orchestration.command_processor]`.
    public var header: String
    /// The header it should be, e.g. `[mpsc_channels.orchestration.command_processor]`.
    public var correctedHeader: String

    public init(file: String, line: Int, header: String, correctedHeader: String) {
        self.file = file
        self.line = line
        self.header = header
        self.correctedHeader = correctedHeader
    }
}

/// What a report needs to know of a tasker config tree. `RunbookDefaults` stands in
/// when there is no tree; the config reader provides the real one.
public protocol CapacityConfiguration: Sendable {
    /// A short description for the report header (`config/tasker (component layout)`,
    /// `none: runbook defaults`).
    var description: String { get }
    /// The capacity the tree gives `channel` in `environment`, with the file that set it;
    /// `nil` when the tree does not set it (or there is no tree).
    func configuredCapacity(channel: ChannelSpec, environment: String) -> (value: Int, file: String)?
    /// The override that sets `channel` to `size` in `environment`, in the tree's layout.
    func override(channel: ChannelSpec, size: Int, environment: String) -> ConfigOverride
    /// Tables without the `mpsc_channels` prefix (each is a `config_prefix` finding).
    var prefixProblems: [ConfigPrefixProblem] { get }
    /// Problems reading the tree that the report must mention (bad TOML: "running on defaults").
    var warnings: [String] { get }
}

/// No config tree: capacities come from the logs or the runbook's table, overrides
/// use the seed layout in `config/tasker/environments/<env>/mpsc_channels.toml`.
public struct RunbookDefaults: CapacityConfiguration {
    public var warnings: [String]

    public init(warnings: [String] = []) { self.warnings = warnings }

    public var description: String { "none (runbook defaults)" }

    public func configuredCapacity(channel: ChannelSpec, environment: String) -> (value: Int, file: String)? { nil }

    public func override(channel: ChannelSpec, size: Int, environment: String) -> ConfigOverride {
        let file = "config/tasker/environments/\(environment)/mpsc_channels.toml"
        let toml = "# \(file)\n[\(channel.seedTableHeader)]\n\(channel.configKey) = \(size)\n"
        return ConfigOverride(file: file, toml: toml)
    }

    public var prefixProblems: [ConfigPrefixProblem] { [] }
}
