import Testing
@testable import LogScan

/// `--format html` through the command line, as an operator runs it.
@Suite struct HTMLCommandLineTests {
    @Test func formatHTMLWritesThePage() throws {
        let r = try CLIRunner.run(["--format", "html", "fixtures/plain.log"])
        #expect(r.status == 0)
        #expect(r.stderr == "")
        #expect(r.stdout.hasPrefix("<!DOCTYPE html>\n"))
        #expect(r.stdout.contains("<code>fixtures/plain.log</code>: 393.8 KiB, 1970 lines"))
        #expect(r.stdout.hasSuffix("</html>\n"))
    }

    @Test func followCannotWriteAPage() throws {
        let r = try CLIRunner.run(["--follow", "--format", "html", "fixtures/plain.log"])
        #expect(r.status == 2)
        #expect(r.stdout == "")
        #expect(r.stderr.hasPrefix("tasker-logscan: --follow prints findings as they close: use --format text, json or markdown, not html"))
    }
}
