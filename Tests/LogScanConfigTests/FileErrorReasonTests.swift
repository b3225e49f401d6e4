import Foundation
import Testing
@testable import LogScanConfig
import TestSupport

/// The one-line reasons of file errors (config files read, overrides written): the system's
/// words, lower case, never a bare error number.
@Suite struct FileErrorReasonTests {
    @Test func aMissingFile() throws {
        let error = try #require(throwsError { _ = try Data(contentsOf: URL(fileURLWithPath: "/nonexistent/tasker.toml")) })
        #expect(FileErrorReason.of(error) == "no such file or directory")
    }

    @Test func aFolderUnderAFile() throws {
        let dir = try TemporaryFiles.directory("file-error")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("plain")
        try Data("x".utf8).write(to: file)
        let error = try #require(throwsError { try Data("y".utf8).write(to: file.appendingPathComponent("inside.toml")) })
        #expect(FileErrorReason.of(error) == "not a directory")
    }

    @Test func textThatIsNotUTF8() throws {
        let dir = try TemporaryFiles.directory("file-error")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("bad.toml")
        try Data([0x78, 0x20, 0x3D, 0x20, 0xFF, 0xFE, 0x0A]).write(to: file)
        let error = try #require(throwsError { _ = try String(contentsOf: file, encoding: .utf8) })
        #expect(FileErrorReason.of(error) == "not valid UTF-8")
    }

    @Test func systemNumbersReadAsTheirText() {
        #expect(FileErrorReason.describe(ENOENT) == "no such file or directory")
        #expect(FileErrorReason.describe(EACCES) == "permission denied")
        #expect(FileErrorReason.describe(EROFS) == "read-only file system")
        #expect(FileErrorReason.of(POSIXError(.ENOSPC)) == "no space left on device")
    }

    private func throwsError(_ body: () throws -> Void) -> Error? {
        do { try body() } catch { return error }
        return nil
    }
}
