/// One input to scan.
public enum InputSpec: Sendable, Equatable {
    /// A file path (`-` is not special here: use `.standardInput`).
    case path(String)
    /// Standard input, shown as `-`.
    case standardInput
    /// Bytes in memory, for tests and tools; `name` is shown as the input's name.
    case bytes(name: String, [UInt8])

    /// The name events and the report use for this input.
    public var displayName: String {
        switch self {
        case .path(let path): path
        case .standardInput: "-"
        case .bytes(let name, _): name
        }
    }

    /// `-` means standard input, anything else a path.
    public init(argument: String) {
        self = argument == "-" ? .standardInput : .path(argument)
    }
}
