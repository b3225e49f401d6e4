/// Lints a tasker config tree: channel tables without the `mpsc_channels` prefix, tables
/// in the layout the tree does not use, unknown tables and keys, buffer sizes that are not
/// positive integers or lie outside the usual range, environment files that override
/// nothing, and files that are not valid TOML.
public struct ConfigLinter: Sendable {
    /// Restricts the lint to `base/` and this environment's folder; nil lints every folder.
    public var environment: String?

    /// A linter for every folder, or for `base/` and one environment.
    public init(environment: String? = nil) {
        self.environment = environment
    }

    /// Reads the tree at `root` and lints it, invalid files included.
    public func lint(root: String) throws(ConfigError) -> [ConfigProblem] {
        let (tree, fileErrors) = try ConfigTree.loadCollectingErrors(root: root)
        return lint(tree, fileErrors: fileErrors)
    }

    /// Lints a loaded tree; `fileErrors` are the files it could not read or parse.
    public func lint(_ tree: ConfigTree, fileErrors: [ConfigError] = []) -> [ConfigProblem] {
        let files = scopedFiles(tree)
        var problems = fileErrors.filter(isInScope).map(Self.problem(for:))
        problems += Self.prefixProblems(in: files, layout: tree.layout).map { problem in
            ConfigProblem(file: problem.file, line: problem.line, severity: .error, kind: .missingPrefix,
                          message: "\(problem.header) names a channel table without the mpsc_channels prefix: "
                              + "it creates a conflicting top-level key and tasker ignores the value",
                          correctedHeader: problem.correctedHeader)
        }
        for file in files {
            problems += otherLayoutProblems(in: file, layout: tree.layout)
            problems += unknownNameProblems(in: file, layout: tree.layout)
            problems += sizeProblems(in: file, layout: tree.layout)
        }
        problems += overridesNothingProblems(files.filter { $0.environment != nil }, tree: tree)
        return problems.sorted { ($0.file, $0.line, $0.message) < ($1.file, $1.line, $1.message) }
    }

    // MARK: - Scope

    private func scopedFiles(_ tree: ConfigTree) -> [ConfigFile] {
        guard let environment else { return tree.files }
        let scope = environment == ConfigTree.baseScope ? nil : environment
        return tree.files.filter { $0.environment == nil || $0.environment == scope }
    }

    private func isInScope(_ error: ConfigError) -> Bool {
        guard let environment, error.path.contains("/environments/") else { return true }
        return error.path.contains("/environments/\(environment)/")
    }

    private static func problem(for error: ConfigError) -> ConfigProblem {
        if let line = error.line {
            return ConfigProblem(file: error.path, line: line, column: error.column, severity: .error, kind: .invalidTOML,
                                 message: "invalid TOML: \(error.reason)")
        }
        return ConfigProblem(file: error.path, line: 1, severity: .error, kind: .unreadable, message: error.reason)
    }

    // MARK: - Missing prefix (runbook: "WRONG - creates conflicting top-level key")

    /// Channel tables written without `mpsc_channels`, in either layout's form
    /// (`[orchestration.command_processor]`, `[shared.ffi]`, `[common.ffi]`), that set a key
    /// of that channel table. The corrected header is in the tree's layout.
    static func prefixProblems(in files: [ConfigFile], layout: ConfigLayout) -> [ConfigPrefixProblem] {
        var problems: [ConfigPrefixProblem] = []
        for file in files {
            for (tablePath, entries) in groupedByTable(file.entries) {
                guard !tablePath.contains("mpsc_channels"),
                      let seedTable = bareChannelTables[tablePath],
                      let keys = ChannelTableSchema.keys(ofTable: seedTable),
                      entries.contains(where: { entry in keys.contains { $0.name == entry.key } })
                else { continue }
                problems.append(ConfigPrefixProblem(
                    file: file.path, line: headerLine(of: tablePath, in: file) ?? entries[0].line,
                    header: TOMLKeyPath.header(tablePath),
                    correctedHeader: TOMLKeyPath.header(layout.tablePath(seedTable: seedTable))))
            }
        }
        return problems
    }

    /// Each known channel table written without `mpsc_channels`, in both layouts' forms.
    private static let bareChannelTables: [[String]: [String]] = {
        var tables: [[String]: [String]] = [:]
        for (seedTable, _) in ChannelTableSchema.tables {
            tables[seedTable] = seedTable
            tables[ConfigLayout.component.tablePath(seedTable: seedTable).filter { $0 != "mpsc_channels" }] = seedTable
        }
        return tables
    }()

    // MARK: - Layout

    private func otherLayoutProblems(in file: ConfigFile, layout: ConfigLayout) -> [ConfigProblem] {
        Self.groupedByTable(channelEntries(file, layout: layout.other)).compactMap { tablePath, entries in
            guard let seedTable = layout.other.seedTable(forTablePath: tablePath) else { return nil }
            return ConfigProblem(
                file: file.path, line: Self.headerLine(of: tablePath, in: file) ?? entries[0].line,
                severity: .error, kind: .otherLayout,
                message: "\(TOMLKeyPath.header(tablePath)) is a \(layout.other.rawValue)-layout table but this tree "
                    + "uses the \(layout.rawValue) layout: tasker does not read it",
                correctedHeader: TOMLKeyPath.header(layout.tablePath(seedTable: seedTable)))
        }
    }

    // MARK: - Unknown tables and keys

    private func unknownNameProblems(in file: ConfigFile, layout: ConfigLayout) -> [ConfigProblem] {
        var problems: [ConfigProblem] = []
        for (tablePath, entries) in Self.groupedByTable(channelEntries(file, layout: layout)) {
            guard let seedTable = layout.seedTable(forTablePath: tablePath) else { continue }
            let header = TOMLKeyPath.header(tablePath)
            if let keys = ChannelTableSchema.keys(ofTable: seedTable) {
                for entry in entries where !keys.contains(where: { $0.name == entry.key }) {
                    var message = "unknown key `\(entry.key)` in \(header)"
                    if let guess = Self.closest(entry.key, among: keys.map(\.name)) {
                        message += "; did you mean `\(guess)`?"
                    }
                    problems.append(ConfigProblem(file: file.path, line: entry.line, severity: .warning,
                                                  kind: .unknownKey, message: message))
                }
            } else if ChannelTableSchema.isKnownTableOrGroup(seedTable) {
                // A key set on a group (`[mpsc_channels.orchestration] command_buffer_size`) rather
                // than on the channel table below it.
                for entry in entries {
                    let home = ChannelTableSchema.tables(holding: entry.key).first { $0.starts(with: seedTable) }
                    if let home {
                        let corrected = TOMLKeyPath.header(layout.tablePath(seedTable: home))
                        problems.append(ConfigProblem(
                            file: file.path, line: entry.line, severity: .warning, kind: .unknownKey,
                            message: "tasker does not read `\(entry.key)` in \(header): it belongs in \(corrected)",
                            correctedHeader: corrected))
                    } else {
                        problems.append(ConfigProblem(file: file.path, line: entry.line, severity: .warning,
                                                      kind: .unknownKey, message: "unknown key `\(entry.key)` in \(header)"))
                    }
                }
            } else {
                let known = ChannelTableSchema.tables.map { TOMLKeyPath.header(layout.tablePath(seedTable: $0.table)) }
                let guess = Self.closest(header, among: known)
                problems.append(ConfigProblem(
                    file: file.path, line: Self.headerLine(of: tablePath, in: file) ?? entries[0].line,
                    severity: .warning, kind: .unknownTable,
                    message: "unknown channel table \(header)" + (guess.map { "; did you mean \($0)?" } ?? ""),
                    correctedHeader: guess))
            }
        }
        return problems
    }

    // MARK: - Sizes

    private func sizeProblems(in file: ConfigFile, layout: ConfigLayout) -> [ConfigProblem] {
        var problems: [ConfigProblem] = []
        for entry in channelEntries(file, layout: layout) {
            guard let seedTable = layout.seedTable(forTablePath: entry.tablePath),
                  let key = ChannelTableSchema.key(entry.key, inTable: seedTable),
                  let range = key.usualRange else { continue }
            let header = TOMLKeyPath.header(entry.tablePath)
            switch entry.value {
            case .integer(let value) where value <= 0:
                problems.append(ConfigProblem(file: file.path, line: entry.line, severity: .error, kind: .invalidSize,
                                              message: "`\(key.name)` in \(header) must be a positive integer, got \(value)"))
            case .integer(let value) where !range.contains(value):
                problems.append(ConfigProblem(
                    file: file.path, line: entry.line, severity: .warning, kind: .unusualSize,
                    message: "`\(key.name) = \(value)` in \(header) is outside the usual range "
                        + "\(range.lowerBound)-\(range.upperBound)"))
            case .integer:
                break
            default:
                problems.append(ConfigProblem(
                    file: file.path, line: entry.line, severity: .error, kind: .invalidSize,
                    message: "`\(key.name)` in \(header) must be a positive integer, got \(entry.value) "
                        + "(a \(entry.value.typeName))"))
            }
        }
        return problems
    }

    // MARK: - Environment files that override nothing

    private func overridesNothingProblems(_ files: [ConfigFile], tree: ConfigTree) -> [ConfigProblem] {
        let base = tree.mergedEntries(environment: ConfigTree.baseScope)
        return files.compactMap { file in
            let line = [file.entries.first?.line, file.tables.first?.line].compactMap { $0 }.min() ?? 1
            if file.entries.isEmpty {
                return ConfigProblem(file: file.path, line: line, severity: .warning, kind: .overridesNothing,
                                     message: "environment file overrides nothing: it sets no values")
            }
            guard file.entries.allSatisfy({ base[$0.keyPath]?.value == $0.value }) else { return nil }
            let count = file.entries.count
            return ConfigProblem(file: file.path, line: line, severity: .warning, kind: .overridesNothing,
                                 message: "environment file overrides nothing: "
                                     + (count == 1 ? "its value equals base" : "each of its \(count) values equals base"))
        }
    }

    // MARK: - Helpers

    /// Entries below a layout's `mpsc_channels` tables, without tasker-core's `_docs` tables.
    private func channelEntries(_ file: ConfigFile, layout: ConfigLayout) -> [ConfigEntry] {
        file.entries.filter { entry in
            !entry.keyPath.contains("_docs") && layout.seedTable(forTablePath: entry.tablePath) != nil
        }
    }

    /// Entries grouped by the table that holds them, in order of first appearance.
    private static func groupedByTable(_ entries: [ConfigEntry]) -> [(tablePath: [String], entries: [ConfigEntry])] {
        var order: [[String]] = []
        var groups: [[String]: [ConfigEntry]] = [:]
        for entry in entries {
            if groups[entry.tablePath] == nil { order.append(entry.tablePath) }
            groups[entry.tablePath, default: []].append(entry)
        }
        return order.map { ($0, groups[$0]!) }
    }

    private static func headerLine(of tablePath: [String], in file: ConfigFile) -> Int? {
        file.tables.first { $0.path == tablePath && !$0.isArrayTable }?.line
    }

    /// The candidate nearest to `name` by edit distance, when it is near enough to be a typo.
    private static func closest(_ name: String, among candidates: [String]) -> String? {
        let scored = candidates.map { ($0, editDistance(name, $0)) }.filter { $0.1 <= 3 && $0.1 > 0 }
        return scored.min { ($0.1, $0.0) < ($1.1, $1.0) }?.0
    }

    /// Levenshtein distance between two names, over bytes (names are ASCII keys).
    private static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.utf8), b = Array(b.utf8)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            previous = current
        }
        return previous[b.count]
    }
}
