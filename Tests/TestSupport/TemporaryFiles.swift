import Foundation

/// Folders and files under the temporary directory for tests, and a log that grows.
package enum TemporaryFiles {
    /// A new empty folder named `prefix-<UUID>`; the caller removes it.
    package static func directory(_ prefix: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Appends `text` to the file at `path`, as a process writing its log does.
    package static func append(_ text: String, to path: String) throws {
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text.utf8))
        try handle.close()
    }
}
