import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The built `tasker-logscan` running while the test talks to it: output is collected as it
/// comes, so a test can wait for a finding, then write more, interrupt it or close its input.
package final class LiveProcess: @unchecked Sendable {
    package let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private let errors = Pipe()
    private let lock = NSLock()
    private var out = Data()
    private var err = Data()
    private let readers = DispatchGroup()

    /// Starts the tool with `arguments` in `directory` (default: the package root).
    package init(_ arguments: [String], directory: URL = EngineFixtures.packageRoot) throws {
        process.executableURL = CLIRunner.binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "TASKER_ENV")
        process.environment = env
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        collect(output.fileHandleForReading, isError: false)
        collect(errors.fileHandleForReading, isError: true)
    }

    private func collect(_ handle: FileHandle, isError: Bool) {
        readers.enter()
        Thread { [self] in
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                lock.withLock {
                    if isError { err.append(chunk) } else { out.append(chunk) }
                }
            }
            readers.leave()
        }.start()
    }

    package var stdout: String { lock.withLock { String(decoding: out, as: UTF8.self) } }
    package var stderr: String { lock.withLock { String(decoding: err, as: UTF8.self) } }

    /// Writes to the process's standard input.
    package func write(_ text: String) throws {
        try input.fileHandleForWriting.write(contentsOf: Data(text.utf8))
    }

    /// Closes its standard input (the end of a piped stream).
    package func closeInput() throws {
        try input.fileHandleForWriting.close()
    }

    /// Waits up to `timeout` seconds for standard output to contain `text`.
    package func waitForOutput(_ text: String, timeout: Double = 10) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if stdout.contains(text) { return true }
            usleep(20_000)
        }
        return false
    }

    /// Ctrl-C.
    package func interrupt() { process.interrupt() }

    /// Waits up to `timeout` seconds for the exit; kills it after that. Returns the status.
    package func wait(timeout: Double = 10) -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { usleep(20_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        readers.wait()
        return process.terminationStatus
    }
}
