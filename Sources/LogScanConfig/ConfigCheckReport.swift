import LogScanEngine

/// What `tasker-logscan check-config` prints: the effective capacity of every channel in
/// every environment (the runbook's "Default Buffer Sizes" table, computed from the
/// files), then the lint problems.
public struct ConfigCheckReport: Sendable {
    /// The tree checked.
    public let tree: ConfigTree
    /// The environment `--env` asked for; nil shows every environment.
    public let environment: String?
    /// Lint problems, sorted by file and line.
    public let problems: [ConfigProblem]
    /// Files that could not be read or parsed (also listed in `problems`).
    public let fileErrors: [ConfigError]

    /// A report from its parts (`run` builds one from a folder).
    public init(tree: ConfigTree, environment: String?, problems: [ConfigProblem], fileErrors: [ConfigError]) {
        self.tree = tree
        self.environment = environment
        self.problems = problems
        self.fileErrors = fileErrors
    }

    /// Reads and lints the tree at `root`. Throws when `root` is not a config tree or has
    /// no environment `environment`.
    public static func run(root: String, environment: String? = nil) throws(ConfigError) -> ConfigCheckReport {
        let (tree, fileErrors) = try ConfigTree.loadCollectingErrors(root: root)
        if let environment, environment != ConfigTree.baseScope, !tree.environments().contains(environment) {
            let found = tree.environments().isEmpty ? "none" : tree.environments().joined(separator: ", ")
            throw ConfigError(path: tree.root, reason: "no environment '\(environment)' (found: \(found))")
        }
        let problems = ConfigLinter(environment: environment).lint(tree, fileErrors: fileErrors)
        return ConfigCheckReport(tree: tree, environment: environment, problems: problems, fileErrors: fileErrors)
    }

    /// True when a problem is an error: `check-config` exits 1.
    public var hasErrors: Bool { problems.contains { $0.severity == .error } }

    /// The channels shown: the runbook's six always, other catalog channels when the tree sets them.
    public var channels: [ChannelSpec] {
        let scopes = [ConfigTree.baseScope] + tree.environments()
        return ChannelCatalog.channels.enumerated().filter { index, channel in
            index < 6 || scopes.contains { tree.effectiveCapacity(channel: channel, environment: $0) != nil }
        }.map(\.element)
    }

    /// The whole report as text.
    public func render() -> String {
        var lines: [String] = []
        lines.append("Config tree: \(tree.root) (\(tree.layout.displayName))")
        let environments = tree.environments()
        lines.append("Environments: " + (environments.isEmpty ? "none (base only)" : environments.joined(separator: ", ")))
        lines.append("")
        if fileErrors.isEmpty {
            lines += environment.map(singleEnvironmentTable) ?? allEnvironmentsTable()
        } else {
            let count = fileErrors.count
            lines.append("Capacities not shown: \(count) file\(count == 1 ? " is" : "s are") not valid TOML "
                + "(tasker would not start with this tree).")
        }
        lines.append("")
        if problems.isEmpty {
            lines.append("No problems found.")
        } else {
            lines.append("Problems:")
            lines += problems.map(\.description)
            lines.append("")
            let errors = problems.filter { $0.severity == .error }.count
            let warnings = problems.count - errors
            lines.append("\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One row per channel, one column per scope (base, then each environment).
    private func allEnvironmentsTable() -> [String] {
        let scopes = [ConfigTree.baseScope] + tree.environments()
        var rows = [["channel"] + scopes]
        var unset = false
        var invalid = false
        for channel in channels {
            rows.append([channel.name] + scopes.map { scope in
                if let capacity = tree.effectiveCapacity(channel: channel, environment: scope) {
                    return String(capacity.value)
                }
                if invalidEntry(channel: channel, environment: scope) != nil {
                    invalid = true
                    return "invalid"
                }
                unset = true
                return "-"
            })
        }
        var lines = ["Effective capacities (base, then each environment's overrides):"]
        lines += Self.layoutTable(rows, rightAligned: Set(1..<(scopes.count + 1)))
        if unset { lines.append("(- = not set by the tree: tasker uses its built-in default)") }
        if invalid { lines.append("(invalid = not a positive integer: see the problems below)") }
        return lines
    }

    /// One row per channel with the file and line that set its value.
    private func singleEnvironmentTable(_ environment: String) -> [String] {
        var rows = [["channel", "capacity", "set by"]]
        for channel in channels {
            if let capacity = tree.effectiveCapacity(channel: channel, environment: environment) {
                rows.append([channel.name, String(capacity.value), "\(capacity.file):\(capacity.line)"])
            } else if let entry = invalidEntry(channel: channel, environment: environment) {
                rows.append([channel.name, "invalid", "\(entry.file):\(entry.line) (\(entry.value), not a positive integer)"])
            } else {
                rows.append([channel.name, "-", "not set (runbook default \(channel.defaultCapacity(environment: environment)))"])
            }
        }
        return ["Effective capacities in \(environment):"] + Self.layoutTable(rows, rightAligned: [1])
    }

    /// The value that wins for a channel when it is not a positive integer.
    private func invalidEntry(channel: ChannelSpec, environment: String) -> ConfigEntry? {
        guard let entry = tree.mergedEntries(environment: environment)[tree.keyPath(of: channel)],
              entry.value.positiveInteger == nil else { return nil }
        return entry
    }

    private static func layoutTable(_ rows: [[String]], rightAligned: Set<Int>) -> [String] {
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                if column == row.count - 1, !rightAligned.contains(column) { return cell }
                return rightAligned.contains(column) ? padding + cell : cell + padding
            }.joined(separator: "  ")
        }
    }
}
