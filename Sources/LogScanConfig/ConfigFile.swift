import FoundationEssentials
import TOMLKit

/// One TOML file of a config tree: every value it sets, with the line it is written on.
public struct ConfigFile: Sendable {
    /// The file as the tree's root was given plus its relative path (what messages print).
    public let path: String
    /// Path below the tree's root, e.g. `environments/production/mpsc_channels.toml`.
    public let relativePath: String
    /// The environment whose folder holds the file; `nil` for `base/`.
    public let environment: String?
    /// Every value the file sets, in document order (tables are flattened into key paths).
    public let entries: [ConfigEntry]
    /// Every table header written in the file, in document order.
    public let tables: [ConfigTableHeader]

    /// A file from already-parsed entries and headers.
    public init(path: String, relativePath: String, environment: String?,
                entries: [ConfigEntry], tables: [ConfigTableHeader]) {
        self.path = path
        self.relativePath = relativePath
        self.environment = environment
        self.entries = entries
        self.tables = tables
    }

    /// Reads and parses the file at `path`.
    public static func read(path: String, relativePath: String, environment: String?) throws(ConfigError) -> ConfigFile {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ConfigError(path: path, reason: Self.readFailureReason(path: path, error: error))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigError(path: path, reason: "not valid UTF-8 (TOML files must be UTF-8)")
        }
        return try parse(text: text, path: path, relativePath: relativePath, environment: environment)
    }

    /// Parses TOML text with TOMLKit (the values) and `TOMLLineScanner` (their lines).
    public static func parse(text: String, path: String, relativePath: String,
                             environment: String?) throws(ConfigError) -> ConfigFile {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigError(path: path, line: error.source.begin.line, column: error.source.begin.column,
                              reason: error.description)
        } catch {
            throw ConfigError(path: path, reason: "cannot parse TOML: \(error)")
        }
        var values: [([String], ConfigValue)] = []
        flatten(table, prefix: [], into: &values)

        let (headers, keys) = TOMLLineScanner.scan(text)
        var keyLines: [[String]: Int] = [:]
        for key in keys where !key.inArrayTable && keyLines[key.path] == nil {
            keyLines[key.path] = key.line
        }
        var headerLines: [[String]: Int] = [:]
        for header in headers where headerLines[header.path] == nil {
            headerLines[header.path] = header.line
        }
        let entries = values.map { keyPath, value -> ConfigEntry in
            ConfigEntry(keyPath: keyPath, value: value, file: path,
                        line: lineOf(keyPath, keyLines: keyLines, headerLines: headerLines))
        }.sorted { ($0.line, $0.dottedPath) < ($1.line, $1.dottedPath) }
        return ConfigFile(path: path, relativePath: relativePath, environment: environment,
                          entries: entries, tables: headers)
    }

    /// The key's own line, else the line of the closest table header above it, else 1.
    private static func lineOf(_ keyPath: [String], keyLines: [[String]: Int], headerLines: [[String]: Int]) -> Int {
        if let line = keyLines[keyPath] { return line }
        var prefix = keyPath
        while !prefix.isEmpty {
            prefix.removeLast()
            if let line = keyLines[prefix] ?? headerLines[prefix] { return line }
        }
        return 1
    }

    private static func flatten(_ table: TOMLTable, prefix: [String], into values: inout [([String], ConfigValue)]) {
        for (key, value) in table {
            let path = prefix + [key]
            if let subtable = value.table {
                flatten(subtable, prefix: path, into: &values)
            } else {
                values.append((path, convert(value)))
            }
        }
    }

    private static func convert(_ value: TOMLValueConvertible) -> ConfigValue {
        switch value.type {
        case .int: return .integer(value.int ?? 0)
        case .double: return .float(value.double ?? 0)
        case .string: return .string(value.string ?? "")
        case .bool: return .bool(value.bool ?? false)
        case .array:
            guard let array = value.array else { return .array([]) }
            return .array(array.map { convert($0) })
        case .table:
            guard let table = value.table else { return .table([:]) }
            var dictionary: [String: ConfigValue] = [:]
            for (key, element) in table { dictionary[key] = convert(element) }
            return .table(dictionary)
        case .date, .time, .dateTime:
            return .other(value.debugDescription)
        }
    }

    /// A short reason for a file that cannot be read (`no such file`, `permission denied`).
    static func readFailureReason(path: String, error: Error) -> String {
        var isDirectory = false
        if !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            return "no such file or directory"
        }
        if isDirectory { return "is a directory" }
        if !FileManager.default.isReadableFile(atPath: path) { return "permission denied" }
        return FileErrorReason.of(error)
    }
}
