import Foundation
import Testing
@testable import LogScanOutput
import TestSupport

/// The report command's operator options through the built binary: `--format markdown` and
/// `prometheus`, `--progress`, and the shell completions committed in docs/.
@Suite(.serialized) struct OperatorCommandLineTests {
    @Test func markdownOfASampleIsTheFormattersOutput() throws {
        let r = try CLIRunner.run(["--format", "markdown", "fixtures/plain.log"])
        #expect(r.status == 0)
        #expect(r.stderr.isEmpty)
        #expect(r.stdout == MarkdownReportFormatter().format(try FixtureReport.of("plain.log")))
        #expect(r.stdout.hasPrefix("# tasker-logscan report\n\n- **Inputs:** `fixtures/plain.log` (393.8 KiB, 1970 lines, 100% recognised: tracing full)\n"))
        #expect(!r.stdout.contains("\u{1B}"))
    }

    @Test func prometheusOfASampleIsTheFormattersOutput() throws {
        let r = try CLIRunner.run(["--format", "prometheus", "--fail-on", "critical", "fixtures/plain.log"])
        // --fail-on still decides the exit status: a textfile job can alert on both.
        #expect(r.status == 1)
        #expect(r.stdout == PrometheusReportFormatter().format(try FixtureReport.of("plain.log")))
        #expect(r.stdout.contains("tasker_logscan_findings{severity=\"critical\"} 4\n"))
        #expect(r.stdout.contains("tasker_logscan_lines_read 1970\n"))
    }

    @Test func progressAlwaysWithoutATerminalIsOnePlainLine() throws {
        let file = try CLIRunner.run(["--progress", "always", "fixtures/plain.log"])
        #expect(file.status == 0)
        let line = try #require(file.stderr.split(separator: "\n", omittingEmptySubsequences: false).first)
        #expect(file.stderr == line + "\n")
        #expect(line.hasPrefix("[" + String(repeating: "#", count: 16) + "] 100%   393.8 KiB of 393.8 KiB  "))
        #expect(line.hasSuffix("/s"))
        #expect(!file.stderr.contains("\u{1B}") && !file.stderr.contains("\r"))
        // The report itself is untouched.
        #expect(file.stdout == (try CLIRunner.run(["fixtures/plain.log"])).stdout)

        let piped = try CLIRunner.run(["--progress", "always"], stdin: Data(try EngineFixtures.bytes("plain.log")))
        #expect(piped.stderr.hasPrefix("393.8 KiB read  "))
        #expect(piped.stderr.hasSuffix("/s\n"))
    }

    /// The display's thread is woken to stop, not waited for until its next tick: every run
    /// on a terminal (`--progress auto` starts the display there) took up to 100 ms longer.
    /// Not a speed measurement: the fastest of five runs with and without the display, and a
    /// margin of half the tick the bug cost.
    @Test func stoppingTheProgressDisplayDoesNotWaitForItsTick() throws {
        func fastest(_ progress: String) throws -> Double {
            var best = Double.infinity
            for _ in 0..<5 {
                let start = DispatchTime.now().uptimeNanoseconds
                let r = try CLIRunner.run(["--progress", progress, "fixtures/runbook-forms.log"])
                let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
                #expect(r.status == 0)
                best = min(best, elapsed)
            }
            return best
        }
        let without = try fastest("never")
        let with = try fastest("always")
        #expect(with < without + 50, "with the display \(with) ms, without \(without) ms")
    }

    @Test func progressAutoAndNeverStayQuietWithoutATerminal() throws {
        for choice in ["auto", "never"] {
            let r = try CLIRunner.run(["--progress", choice, "fixtures/plain.log"])
            #expect(r.status == 0)
            #expect(r.stderr.isEmpty)
        }
        let bad = try CLIRunner.run(["--progress", "sometimes", "fixtures/plain.log"])
        #expect(bad.status == 2)
    }

    @Test func inputErrorsStillReadWithProgress() throws {
        let r = try CLIRunner.run(["--progress", "always", "fixtures/no-such.log", "fixtures/runbook-forms.log"])
        #expect(r.status == 2)
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.first == "tasker-logscan: fixtures/no-such.log: No such file or directory")
        #expect(lines.count == 2)
    }

    /// docs/completions holds what `scripts/gen-completions` writes (the generated scripts;
    /// bash also completes report's options and FILEs at the top level); regenerate with it.
    @Test(arguments: [("bash", "tasker-logscan.bash"), ("zsh", "_tasker-logscan"), ("fish", "tasker-logscan.fish")])
    func committedCompletionsAreCurrent(shell: String, file: String) throws {
        let process = Process()
        process.executableURL = EngineFixtures.packageRoot.appendingPathComponent("scripts/gen-completions")
        process.arguments = ["--print", shell, CLIRunner.binary.path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let generated = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let committed = try String(contentsOf: EngineFixtures.packageRoot.appendingPathComponent("docs/completions/\(file)"),
                                   encoding: .utf8)
        #expect(generated == committed)
        #expect(committed.contains("follow") && committed.contains("prometheus") && committed.contains("baseline"))
        if shell == "bash" { #expect(committed.contains("\"_tasker-logscan_report\"\n        COMPREPLY+=")) }
    }

    @Test func helpShowsTheThreeWaysWithExamples() throws {
        let r = try CLIRunner.run(["report", "--help"])
        #expect(r.status == 0)
        for example in ["tasker-logscan logs/tasker.log",
                        "kubectl logs -f deploy/tasker-orchestration \\\n      | tasker-logscan --follow",
                        "tasker-logscan --since 24h --json --baseline last.json \\\n      --fail-on critical logs/*.gz > tonight.json",
                        "tasker-logscan --since 24h --format prometheus --label cluster=eu1 \\\n      logs/*.gz"] {
            #expect(r.stdout.contains(example))
        }
        #expect(r.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 })
    }
}
