/// One problem `check-config` finds: where it is, how bad, what is wrong, and the header
/// to write instead when a table header is at fault.
public struct ConfigProblem: Sendable, Equatable, CustomStringConvertible {
    /// How bad a problem is: errors make `check-config` exit 1.
    public enum Severity: String, Sendable, Equatable, Comparable {
        case warning
        case error

        /// Warnings sort before errors.
        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .warning && rhs == .error }
    }

    /// Which lint rule found the problem.
    public enum Kind: String, Sendable, Equatable {
        /// The file is not valid TOML.
        case invalidTOML = "invalid_toml"
        /// The file or folder cannot be read.
        case unreadable
        /// A channel table without the `mpsc_channels` prefix (the runbook's "WRONG" example).
        case missingPrefix = "missing_prefix"
        /// A channel table in the layout the tree does not use: tasker never reads it.
        case otherLayout = "other_layout"
        /// A table below `mpsc_channels` that tasker does not read.
        case unknownTable = "unknown_table"
        /// A key of a channel table that tasker does not read.
        case unknownKey = "unknown_key"
        /// A buffer size that is not a positive integer.
        case invalidSize = "invalid_size"
        /// A buffer size outside tasker-core's usual range for it.
        case unusualSize = "unusual_size"
        /// An environment file that changes nothing from base.
        case overridesNothing = "overrides_nothing"
    }

    /// The file, as the tree's root was given plus its relative path.
    public var file: String
    /// 1-based line of the problem (the first line of the file for whole-file problems).
    public var line: Int
    /// 1-based column, for TOML syntax errors only.
    public var column: Int?
    /// How bad the problem is.
    public var severity: Severity
    /// Which rule found it.
    public var kind: Kind
    /// What is wrong, on one line.
    public var message: String
    /// The header to write instead, e.g. `[mpsc_channels.orchestration.command_processor]`.
    public var correctedHeader: String?

    /// A problem at `file:line` (`column` for TOML syntax errors).
    public init(file: String, line: Int, column: Int? = nil, severity: Severity, kind: Kind,
                message: String, correctedHeader: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.kind = kind
        self.message = message
        self.correctedHeader = correctedHeader
    }

    /// `FILE:LINE[:COLUMN]: error: message`, then the corrected header on its own line.
    public var description: String {
        let location = column.map { "\(file):\(line):\($0)" } ?? "\(file):\(line)"
        var text = "\(location): \(severity.rawValue): \(message)"
        if let correctedHeader { text += "\n    corrected header: \(correctedHeader)" }
        return text
    }
}
