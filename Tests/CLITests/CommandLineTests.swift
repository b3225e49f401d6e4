import Foundation
import Testing
import TestSupport

/// The command line as operators use it: inputs, exit statuses, errors, pipes.
@Suite(.serialized) struct CommandLineTests {
    /// Events as JSON lines with the `input` field removed (it names the input).
    static func withoutInput(_ jsonLines: String) -> [String] {
        jsonLines.split(separator: "\n").map {
            $0.replacingOccurrences(of: #","input":"[^"]*""#, with: "", options: .regularExpression)
        }
    }

    @Test func stdinAndGzipFileGiveTheSameEvents() throws {
        let plain = try EngineFixtures.bytes("kubectl-prefixed.log")
        let piped = try CLIRunner.run(["events"], stdin: Data(plain))
        let gz = try CLIRunner.run(["events", "fixtures/kubectl-prefixed.log.gz"])
        #expect(piped.status == 0 && gz.status == 0)
        let a = Self.withoutInput(piped.stdout), b = Self.withoutInput(gz.stdout)
        #expect(a.count == 699)
        #expect(a == b)
        #expect(piped.stdout.contains(#""input":"-""#))
        #expect(gz.stdout.contains(#""input":"fixtures/kubectl-prefixed.log.gz""#))
    }

    @Test func eventsLineHasTheDocumentedShape() throws {
        let r = try CLIRunner.run(["events", "fixtures/runbook-forms.log"])
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 8)
        #expect(lines[3] == #"{"kind":"saturation","channel":"pgmq_notifications","raw_channel":"pgmq_notifications","timestamp":"2025-10-14T10:00:00Z","source":null,"input":"fixtures/runbook-forms.log","line":4,"level":"WARN","usage_percent":91,"capacity":null}"#)
        #expect(lines[5] == #"{"kind":"dropped_event","channel":"event_publisher","raw_channel":null,"timestamp":"2025-10-14T08:01:00Z","source":null,"input":"fixtures/runbook-forms.log","line":6,"level":"WARN","event_type":"step.completed"}"#)
    }

    @Test func missingFileIsReportedAndTheOthersAreStillRead() throws {
        let r = try CLIRunner.run(["events", "fixtures/no-such.log", "fixtures/runbook-forms.log"])
        #expect(r.status == 2)
        #expect(r.stderr == "tasker-logscan: fixtures/no-such.log: No such file or directory\n")
        #expect(r.stdout.split(separator: "\n").count == 8)
    }

    /// A directory is every regular file under it, in path order, hidden ones
    /// skipped (SPEC §1): here a plain and a gzip copy of the same log, and a
    /// hidden copy that is not read.
    @Test func aDirectoryIsReadAsItsFilesInPathOrder() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("logscan-dir-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("b"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent(".git"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let forms = try Data(EngineFixtures.bytes("runbook-forms.log"))
        try forms.write(to: dir.appendingPathComponent("a.log"))
        try Data(EngineFixtures.bytes("plain.log.gz")).write(to: dir.appendingPathComponent("b/plain.log.gz"))
        try forms.write(to: dir.appendingPathComponent(".hidden.log"))
        try forms.write(to: dir.appendingPathComponent(".git/c.log"))
        let r = try CLIRunner.run(["events", dir.path])
        #expect(r.status == 0)
        #expect(r.stderr.isEmpty)
        let inputs = r.stdout.split(separator: "\n").compactMap { line -> String? in
            guard let range = line.range(of: #""input":"[^"]*""#, options: .regularExpression) else { return nil }
            return String(line[range]).replacingOccurrences(of: dir.path + "/", with: "")
        }
        // 8 events of the runbook forms, then the 699 of the two-hour sample.
        #expect(inputs == Array(repeating: #""input":"a.log""#, count: 8) + Array(repeating: #""input":"b/plain.log.gz""#, count: 699))
    }

    /// An empty directory is an empty input: a warning, not an error.
    @Test func anEmptyDirectoryIsAnEmptyInput() throws {
        let dir = try TemporaryFiles.directory("logscan-empty")
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLIRunner.run(["--json", dir.path])
        #expect(r.status == 0)
        #expect(r.stdout.contains("\"\(dir.path): empty input\""))
    }

    @Test func truncatedGzipKeepsTheEventsBeforeTheDamage() throws {
        let gz = try EngineFixtures.bytes("plain.log.gz")
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("trunc-\(UUID().uuidString).log.gz")
        try Data(gz.prefix(gz.count / 2)).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let r = try CLIRunner.run(["events", url.path])
        #expect(r.status == 2)
        #expect(r.stderr == "tasker-logscan: \(url.path): unexpected end of gzip data (truncated file?)\n")
        let count = r.stdout.split(separator: "\n").count
        #expect(count > 100 && count < 699)
    }

    @Test func reportExitStatusFollowsFailOn() throws {
        let never = try CLIRunner.run(["fixtures/plain.log", "--json"])
        #expect(never.status == 0)
        #expect(never.stdout.contains(#""schema": "tasker-logscan/report/v1""#))
        let critical = try CLIRunner.run(["--json", "--fail-on", "critical", "fixtures/plain.log"])
        #expect(critical.status == 1)
        #expect(critical.stdout == never.stdout)
        let quiet = try CLIRunner.run(["--fail-on", "critical", "fixtures/decoys.log"])
        #expect(quiet.status == 0)
    }

    @Test func usageErrorsExitWithTwoAndOneLine() throws {
        let r = try CLIRunner.run(["--window", "five minutes", "fixtures/plain.log"])
        #expect(r.status == 2)
        #expect(r.stderr.hasPrefix("tasker-logscan: "))
        #expect(r.stdout.isEmpty)
        let bad = try CLIRunner.run(["--fail-on", "sometimes", "fixtures/plain.log"])
        #expect(bad.status == 2)
    }

    @Test func colourNeverGoesIntoAPipe() throws {
        let r = try CLIRunner.run(["fixtures/plain.log"])
        #expect(!r.stdout.contains("\u{1B}["))
        let forced = try CLIRunner.run(["--color", "always", "fixtures/plain.log"])
        #expect(forced.stdout.contains("\u{1B}["))
    }

    @Test func closedPipeEndsQuietlyWithStatusZero() throws {
        // `tasker-logscan events BIG | head -1`: the reader goes away early.
        let big = FileManager.default.temporaryDirectory.appendingPathComponent("big-\(UUID().uuidString).log")
        let sample = try EngineFixtures.bytes("plain.log")
        var data = Data()
        for _ in 0..<40 { data.append(contentsOf: sample) }
        try data.write(to: big)
        defer { try? FileManager.default.removeItem(at: big) }
        let dir = try TemporaryFiles.directory("pipe")
        defer { try? FileManager.default.removeItem(at: dir) }
        let bash = Process()
        bash.executableURL = URL(fileURLWithPath: "/bin/bash")
        bash.arguments = ["-c", "set -o pipefail; '\(CLIRunner.binary.path)' events '\(big.path)' 2>'\(dir.path)/err.txt' | head -1 >/dev/null; echo \"status=$?\"; cat '\(dir.path)/err.txt'"]
        let out = Pipe()
        bash.standardOutput = out
        try bash.run()
        bash.waitUntilExit()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(text == "status=0\n")
    }
}
