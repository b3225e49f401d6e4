import Foundation
import Testing
@testable import LogScanEngine
import TestSupport

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

    /// Channel names and event types come from log lines: a hostile line reaches the page only escaped.
    @Test func hostileLogLinesAreEscaped() throws {
        let log = """
            2025-10-14T00:00:01.000000Z  WARN tasker_shared::monitoring::channel_metrics: Channel approaching capacity (>80%) channel="<img src=x onerror=alert(1)>\u{202E}" saturation_percent=85.5 available=10 buffer_size=100
            2025-10-14T00:00:02.000000Z  WARN tasker_shared::events::publisher: Event channel full, dropping event <script>x</script>\u{2066}

            """
        let r = try CLIRunner.run(["--format", "html"], stdin: Data(log.utf8))
        #expect(r.status == 0)
        for raw in ["<img", "<script", "\u{202E}", "\u{2066}"] { #expect(!r.stdout.contains(raw)) }
        #expect(r.stdout.contains("<figcaption><code>&lt;img src=x onerror=alert(1)&gt;\\u{202E}</code>"))
        #expect(r.stdout.contains("<li>event types: &lt;script&gt;x&lt;/script&gt;\\u{2066} 1</li>"))
    }
}
