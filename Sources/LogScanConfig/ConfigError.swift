/// A config file that could not be read or is not valid TOML. Its description is one line:
/// `PATH:LINE:COLUMN: <what>` for bad TOML, `PATH: <reason>` for a file or folder that
/// cannot be read.
public struct ConfigError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The file or folder, as the tree's root was given plus its relative path.
    public var path: String
    /// 1-based line of a TOML error; `nil` when the whole file or folder is at fault.
    public var line: Int?
    /// 1-based column of a TOML error; `nil` when the whole file or folder is at fault.
    public var column: Int?
    /// What is wrong, without the location.
    public var reason: String

    /// An error at `path` (and `line`:`column` for TOML syntax errors).
    public init(path: String, line: Int? = nil, column: Int? = nil, reason: String) {
        self.path = path
        self.line = line
        self.column = column
        // The description must stay on one line: parser messages sometimes carry newlines.
        self.reason = reason.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    /// `PATH:LINE:COLUMN: <what>` or `PATH: <reason>`.
    public var description: String {
        guard let line else { return "\(path): \(reason)" }
        return "\(path):\(line):\(column ?? 1): \(reason)"
    }
}
