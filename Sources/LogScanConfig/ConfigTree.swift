import FoundationEssentials
import LogScanEngine

/// A tasker config tree (`base/*.toml` and `environments/<env>/*.toml`) read with a real
/// TOML parser: the capacities it gives each channel per environment, and the overrides
/// that change them, in the tree's own layout.
///
/// Files are merged the way tasker-core merges them: every `base/*.toml` in name order,
/// then every `environments/<env>/*.toml` in name order, later values winning key by key.
public struct ConfigTree: CapacityConfiguration {
    /// The folder holding `base/` and `environments/`, as given (without a trailing slash).
    public let root: String
    /// The layout the tree's channel tables use; capacities are read from it only, as
    /// tasker reads one layout (tables in the other layout are lint errors).
    public let layout: ConfigLayout
    /// Every readable, valid file: `base/` first, then each environment, each in name order.
    public let files: [ConfigFile]
    /// Tables without the `mpsc_channels` prefix that name a channel table.
    public let prefixProblems: [ConfigPrefixProblem]
    /// Notes for the report header; empty for a tree that loaded.
    public var warnings: [String]

    private let environmentNames: [String]
    /// The merged values of `base` and of each environment, by key path.
    private let merged: [String: [[String]: ConfigEntry]]

    /// The config root reports use when `--config` is not given and it exists.
    public static let defaultRoot = "config/tasker"
    /// The scope name of `base/` alone.
    public static let baseScope = "base"

    /// Builds a tree from parsed files (the layout is detected from them).
    public init(root: String, files: [ConfigFile], environments: [String], warnings: [String] = []) {
        self.root = root
        self.files = files
        self.environmentNames = environments
        self.warnings = warnings
        let layout = Self.detectLayout(files)
        self.layout = layout
        var merged: [String: [[String]: ConfigEntry]] = [:]
        let baseFiles = files.filter { $0.environment == nil }
        merged[Self.baseScope] = Self.merge(baseFiles)
        for environment in environments {
            merged[environment] = Self.merge(baseFiles + files.filter { $0.environment == environment })
        }
        self.merged = merged
        self.prefixProblems = ConfigLinter.prefixProblems(in: files, layout: layout)
    }

    /// Reads the tree at `root`; the first unreadable or invalid file is the error.
    public static func load(root: String) throws -> ConfigTree {
        let (tree, fileErrors) = try loadCollectingErrors(root: root)
        if let first = fileErrors.first { throw first }
        return tree
    }

    /// Reads the tree at `root`, keeping the files that parse and returning the errors of
    /// the others (for the linter, which reports them all). Throws only when `root`
    /// itself is not a readable config tree.
    public static func loadCollectingErrors(root: String) throws(ConfigError) -> (tree: ConfigTree, fileErrors: [ConfigError]) {
        let root = root.count > 1 && root.hasSuffix("/") ? String(root.dropLast()) : root
        let fileManager = FileManager.default
        guard directoryExists(root) else {
            var isDirectory = false
            let exists = fileManager.fileExists(atPath: root, isDirectory: &isDirectory)
            throw ConfigError(path: root, reason: exists ? "not a directory" : "no such directory")
        }
        let basePath = join(root, "base")
        let environmentsPath = join(root, "environments")
        guard directoryExists(basePath) || directoryExists(environmentsPath) else {
            var reason = "not a tasker config tree (no base/ or environments/ folder)"
            if directoryExists(join(root, "tasker/base")) || directoryExists(join(root, "tasker/environments")) {
                reason += "; did you mean \(join(root, "tasker"))?"
            }
            throw ConfigError(path: root, reason: reason)
        }

        var files: [ConfigFile] = []
        var fileErrors: [ConfigError] = []
        func readFolder(_ relativeFolder: String, environment: String?) throws(ConfigError) {
            let folder = join(root, relativeFolder)
            for name in try tomlFiles(in: folder) {
                do {
                    files.append(try ConfigFile.read(path: join(folder, name), relativePath: relativeFolder + "/" + name,
                                                     environment: environment))
                } catch {
                    fileErrors.append(error)
                }
            }
        }
        if directoryExists(basePath) {
            try readFolder("base", environment: nil)
        }
        var environments: [String] = []
        if directoryExists(environmentsPath) {
            let names: [String]
            do {
                names = try fileManager.contentsOfDirectory(atPath: environmentsPath)
            } catch {
                throw ConfigError(path: environmentsPath, reason: ConfigFile.readFailureReason(path: environmentsPath, error: error))
            }
            environments = orderEnvironments(names.filter { !$0.hasPrefix(".") && directoryExists(join(environmentsPath, $0)) })
            for environment in environments {
                try readFolder("environments/" + environment, environment: environment)
            }
        }
        return (ConfigTree(root: root, files: files, environments: environments), fileErrors)
    }

    /// The configuration a log report uses: the tree at `root` (or `config/tasker` when
    /// `root` is nil and that folder exists), runbook defaults when there is no tree, and
    /// runbook defaults with a warning naming the error when the tree cannot be read.
    public static func forReport(root: String?) -> any CapacityConfiguration {
        let path = root ?? (directoryExists(defaultRoot) ? defaultRoot : nil)
        guard let path else { return RunbookDefaults() }
        do {
            return try load(root: path)
        } catch {
            return RunbookDefaults(warnings: ["\(error); running on runbook defaults"])
        }
    }

    // MARK: - What the tree says

    /// Environments found under `environments/`: test, development, production first, then others by name.
    public func environments() -> [String] { environmentNames }

    /// The files of one scope: `base/` for nil or `base`, else that environment's folder.
    public func files(environment: String?) -> [ConfigFile] {
        let scope = environment == Self.baseScope ? nil : environment
        return files.filter { $0.environment == scope }
    }

    /// The merged values of `environment` (base, then its overrides), by key path.
    /// An environment the tree does not have gets base alone, as tasker would.
    public func mergedEntries(environment: String) -> [[String]: ConfigEntry] {
        merged[environmentNames.contains(environment) ? environment : Self.baseScope] ?? [:]
    }

    /// The full key path of a channel's size in this tree's layout.
    public func keyPath(of channel: ChannelSpec) -> [String] {
        layout.tablePath(seedTable: channel.configTable) + [channel.configKey]
    }

    /// The value the tree sets for `channel` in `environment`, if it is a positive integer.
    public func effectiveCapacity(channel: ChannelSpec, environment: String) -> EffectiveCapacity? {
        guard let entry = mergedEntries(environment: environment)[keyPath(of: channel)],
              let value = entry.value.positiveInteger else { return nil }
        return EffectiveCapacity(channel: channel, value: value, file: entry.file, line: entry.line)
    }

    /// Every catalog channel the tree sets in `environment`, in catalog order.
    public func effectiveCapacities(environment: String) -> [EffectiveCapacity] {
        ChannelCatalog.channels.compactMap { effectiveCapacity(channel: $0, environment: environment) }
    }

    // MARK: - CapacityConfiguration

    /// `config/tasker (seed layout)`, for the report header.
    public var description: String { "\(root) (\(layout.rawValue) layout)" }

    /// The capacity the merged tree gives `channel` in `environment`, with the file that set it.
    public func configuredCapacity(channel: ChannelSpec, environment: String) -> (value: Int, file: String)? {
        effectiveCapacity(channel: channel, environment: environment).map { ($0.value, $0.file) }
    }

    /// The override for the environment's file in the tree's layout. When a file of that
    /// environment already sets the key, the snippet names that file: a new value written
    /// elsewhere could be overridden by it.
    public func override(channel: ChannelSpec, size: Int, environment: String) -> ConfigOverride {
        let scope = environment == Self.baseScope ? nil : environment
        let folder = scope.map { "environments/" + $0 } ?? "base"
        let path = keyPath(of: channel)
        let existing = files.last { file in file.environment == scope && file.entries.contains { $0.keyPath == path } }
        let relative = existing?.relativePath ?? folder + "/" + layout.fileName(seedTable: channel.configTable)
        let file = Self.join(root, relative)
        let header = TOMLKeyPath.header(Array(path.dropLast()))
        return ConfigOverride(file: file, toml: "# \(file)\n\(header)\n\(TOMLKeyPath.renderKey(channel.configKey)) = \(size)\n")
    }

    // MARK: - Helpers

    private static func merge(_ files: [ConfigFile]) -> [[String]: ConfigEntry] {
        var merged: [[String]: ConfigEntry] = [:]
        for file in files {
            for entry in file.entries { merged[entry.keyPath] = entry }
        }
        return merged
    }

    /// The layout `base/` uses (the whole tree's when base has no channel tables); the one
    /// with more channel values when a folder mixes both; the seed layout when none.
    private static func detectLayout(_ files: [ConfigFile]) -> ConfigLayout {
        func count(_ layout: ConfigLayout, in files: [ConfigFile]) -> Int {
            files.reduce(0) { total, file in
                total + file.entries.filter { layout.seedTable(forTablePath: $0.tablePath) != nil }.count
                    + file.tables.filter { layout.seedTable(forTablePath: $0.path) != nil }.count
            }
        }
        for group in [files.filter { $0.environment == nil }, files] {
            let seed = count(.seed, in: group)
            let component = count(.component, in: group)
            if seed + component > 0 { return component > seed ? .component : .seed }
        }
        return .seed
    }

    private static func orderEnvironments(_ names: [String]) -> [String] {
        let known = ["test", "development", "production"]
        return known.filter(names.contains) + names.filter { !known.contains($0) }.sorted()
    }

    private static func tomlFiles(in folder: String) throws(ConfigError) -> [String] {
        do {
            return try FileManager.default.contentsOfDirectory(atPath: folder)
                .filter { $0.hasSuffix(".toml") && !$0.hasPrefix(".") }
                .sorted()
        } catch {
            throw ConfigError(path: folder, reason: ConfigFile.readFailureReason(path: folder, error: error))
        }
    }

    static func directoryExists(_ path: String) -> Bool {
        var isDirectory = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory
    }

    static func join(_ root: String, _ relative: String) -> String {
        root.hasSuffix("/") ? root + relative : root + "/" + relative
    }
}
