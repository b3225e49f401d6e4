import Foundation
@testable import LogScanEngine
import TestSupport

/// Paths of the config fixtures (`fixtures/config/` at the repository root) and temporary
/// copies of them for tests that write.
enum ConfigFixtures {
    /// The repository root.
    static let repositoryRoot = EngineFixtures.packageRoot.path

    /// The root of one fixture tree, e.g. `root("seed")`.
    static func root(_ name: String) -> String { repositoryRoot + "/fixtures/config/" + name }

    /// A fresh temporary copy of a fixture tree; the caller removes it with `remove`.
    static func temporaryCopy(of name: String) throws -> String {
        let folder = try TemporaryFiles.directory("logscan-config")
        let copy = folder.appendingPathComponent(name)
        try FileManager.default.copyItem(atPath: root(name), toPath: copy.path)
        return copy.path
    }

    /// Removes a temporary copy made by `temporaryCopy`.
    static func remove(_ copy: String) {
        try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: copy).deletingLastPathComponent().path)
    }

    /// The catalog channel with runbook name `name`.
    static func channel(_ name: String) -> ChannelSpec { ChannelCatalog.spec(for: name)! }

    /// The runbook's "Default Buffer Sizes" table: channel → (base, test, development, production).
    static let runbookTable: [(channel: String, sizes: [String: Int])] = [
        ("orchestration_command", ["base": 1000, "test": 100, "development": 1000, "production": 5000]),
        ("pgmq_notifications", ["base": 10000, "test": 10000, "development": 10000, "production": 50000]),
        ("task_readiness", ["base": 1000, "test": 100, "development": 500, "production": 5000]),
        ("worker_command", ["base": 1000, "test": 1000, "development": 1000, "production": 2000]),
        ("event_publisher", ["base": 5000, "test": 5000, "development": 5000, "production": 10000]),
        ("ruby_ffi", ["base": 1000, "test": 1000, "development": 500, "production": 2000]),
    ]
}
