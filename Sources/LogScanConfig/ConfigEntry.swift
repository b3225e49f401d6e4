/// One value set by a config file: its full key path, the value and where it is written.
public struct ConfigEntry: Sendable, Equatable {
    /// Full key path from the document root, e.g. `["mpsc_channels", "shared", "ffi", "ruby_event_buffer_size"]`.
    public var keyPath: [String]
    /// The value as TOML typed it.
    public var value: ConfigValue
    /// The file, as the tree's root was given plus its relative path.
    public var file: String
    /// 1-based line of the key (of its table header when the key's own line is unknown).
    public var line: Int

    /// An entry read from `file` at `line`.
    public init(keyPath: [String], value: ConfigValue, file: String, line: Int) {
        self.keyPath = keyPath
        self.value = value
        self.file = file
        self.line = line
    }

    /// The key path as TOML writes it, e.g. `mpsc_channels.shared.ffi.ruby_event_buffer_size`.
    public var dottedPath: String { TOMLKeyPath.render(keyPath) }

    /// The path of the table holding this key.
    public var tablePath: [String] { Array(keyPath.dropLast()) }

    /// The key's own name.
    public var key: String { keyPath.last ?? "" }
}
