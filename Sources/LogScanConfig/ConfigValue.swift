import LogScanEngine

/// A TOML value as read from a config file, detached from the parser's storage.
public enum ConfigValue: Sendable, Equatable, CustomStringConvertible {
    case integer(Int)
    case float(Double)
    case string(String)
    case bool(Bool)
    case array([ConfigValue])
    /// A table inside an array (tables elsewhere are flattened into key paths).
    case table([String: ConfigValue])
    /// Dates and times, kept as their TOML text: no channel setting uses them.
    case other(String)

    /// The positive integer this value holds, `nil` for anything else.
    public var positiveInteger: Int? {
        if case .integer(let value) = self, value > 0 { return value }
        return nil
    }

    /// The TOML type name, for messages (`integer`, `float`, `string`, ...).
    public var typeName: String {
        switch self {
        case .integer: "integer"
        case .float: "float"
        case .string: "string"
        case .bool: "boolean"
        case .array: "array"
        case .table: "table"
        case .other: "date/time"
        }
    }

    /// The value written as TOML.
    public var description: String {
        switch self {
        case .integer(let value): String(value)
        case .float(let value): value == value.rounded() && abs(value) < 1e15 ? FixedDecimalText.format(value, fractionDigits: 1) : String(value)
        case .string(let value): "\"" + value.replacingEvery("\\", with: "\\\\").replacingEvery("\"", with: "\\\"") + "\""
        case .bool(let value): value ? "true" : "false"
        case .array(let values): "[" + values.map(\.description).joined(separator: ", ") + "]"
        case .table(let table): "{ " + table.keys.sorted().map { "\($0) = \(table[$0]!.description)" }.joined(separator: ", ") + " }"
        case .other(let text): text
        }
    }
}
