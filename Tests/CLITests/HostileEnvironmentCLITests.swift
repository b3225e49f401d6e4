import Foundation
import Testing
import TestSupport

/// The built `tasker-logscan` in a hostile process environment: standard output
/// closed or gone, standard input a directory or closed, a directory among the
/// inputs. No crash, one clear line on stderr, the documented exit status.
@Suite struct HostileEnvironmentCLITests {
    struct Outcome: Equatable {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// `tasker-logscan` of this build: next to the test bundle (the build
    /// products folder `swift test` builds every product into), or the one CLIRunner
    /// was pointed at (`TASKER_LOGSCAN_TEST_BINARY`).
    static let binary: String? = {
        if let path = ProcessInfo.processInfo.environment["TASKER_LOGSCAN_TEST_BINARY"], !path.isEmpty { return path }
        var candidates: [URL] = []
        let test = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var dir = test.deletingLastPathComponent()
        for _ in 0..<4 {
            candidates.append(dir.appendingPathComponent("tasker-logscan"))
            dir = dir.deletingLastPathComponent()
        }
        let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        candidates.append(exe.deletingLastPathComponent().appendingPathComponent("tasker-logscan"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }?.path
    }()

    /// Runs `sh -c script` with `$0` the binary and `$1...` the arguments, from the package root.
    static func run(_ script: String, _ arguments: [String] = []) throws -> Outcome {
        let binary = try #require(Self.binary, "tasker-logscan not found next to the test bundle")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script, binary] + arguments
        process.currentDirectoryURL = EngineFixtures.packageRoot
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "TASKER_ENV")
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Drain both pipes while the child runs, so a large output cannot block it.
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data(), errData = Data()
        DispatchQueue.global().async(group: group) { outData = out.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: group) { errData = err.fileHandleForReading.readDataToEndOfFile() }
        process.waitUntilExit()
        group.wait()
        return Outcome(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                       stderr: String(decoding: errData, as: UTF8.self))
    }

    @Test(arguments: ["events", "report"])
    func aClosedStandardOutputIsOneErrorAndStatus2(command: String) throws {
        let r = try Self.run(#"exec "$0" "$1" fixtures/runbook-forms.log >&-"#, [command])
        #expect(r == Outcome(status: 2, stdout: "", stderr: "tasker-logscan: standard output: Bad file descriptor\n"))
    }

    /// Inputs read on several threads start the thread pool, whose event loop took the free
    /// descriptor 1 (the error then read `Invalid argument`): the same message as with one.
    @Test(arguments: ["events", "report"])
    func aClosedStandardOutputIsTheSameErrorWithThreads(command: String) throws {
        let r = try Self.run(#"exec "$0" "$1" --threads 2 fixtures/runbook-forms.log fixtures/plain.log >&-"#, [command])
        #expect(r == Outcome(status: 2, stdout: "", stderr: "tasker-logscan: standard output: Bad file descriptor\n"))
    }

    /// `tasker-logscan events big.log | head -c 10`: the reader goes away; that
    /// ends the program quietly with status 0 (SPEC §1). plain.log's events are
    /// ~200 KB, more than a pipe holds, so a write after `head` exits is certain.
    @Test func aReaderThatGoesAwayEndsQuietlyWithStatus0() throws {
        // The shell reports the first command's status through a file (sh has no PIPESTATUS).
        let status = FileManager.default.temporaryDirectory.appendingPathComponent("logscan-status-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: status) }
        let r = try Self.run(#"{ "$0" events fixtures/plain.log; echo $? > "$1"; } | head -c 10 >/dev/null"#, [status.path])
        #expect(r.stderr == "")
        #expect(r.status == 0)
        #expect(try String(contentsOf: status, encoding: .utf8) == "0\n")
    }

    @Test(arguments: [
        (#"exec "$0" events < /"#, "-"),
        (#"exec "$0" events - < /"#, "-"),
        (#"exec "$0" report - < /"#, "-"),
    ])
    func aDirectoryOnStandardInputIsOneErrorAndStatus2(script: String, name: String) throws {
        let r = try Self.run(script)
        #expect(r.status == 2)
        #expect(r.stderr == "tasker-logscan: \(name): Is a directory\n")
    }

    @Test func aClosedStandardInputIsOneErrorAndStatus2() throws {
        let r = try Self.run(#"exec "$0" events <&-"#)
        #expect(r == Outcome(status: 2, stdout: "", stderr: "tasker-logscan: -: Bad file descriptor\n"))
    }

    /// An input that is not a log among the inputs: reported, exit 2, and the
    /// other inputs still read (SPEC §1: never a silent all-clear).
    @Test func aFileThatIsNoLogAmongTheInputsDoesNotStopTheOthers() throws {
        let r = try Self.run(#"exec "$0" events fixtures/envelopes/not-tasker.log fixtures/runbook-forms.log"#)
        #expect(r.status == 2)
        #expect(r.stderr == "tasker-logscan: fixtures/envelopes/not-tasker.log: no tasker log lines recognised (first line: 10.0.0.7 - - [14/Oct/2025:00:00:01 +0000] \"GET /healthz HTTP)\n")
        #expect(r.stdout.split(separator: "\n").count == 8)
    }

    /// Both standard output and standard error closed: nothing to say it on, but no crash.
    @Test func everythingClosedStillExitsWithStatus2() throws {
        let r = try Self.run(#"exec "$0" events fixtures/runbook-forms.log >&- 2>&-"#)
        #expect(r == Outcome(status: 2, stdout: "", stderr: ""))
    }
}
