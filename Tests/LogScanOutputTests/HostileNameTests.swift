import Foundation
import Testing
@testable import LogScanEngine
@testable import LogScanAnalysis
@testable import LogScanOutput
import TestSupport

/// Strings from log lines reach no terminal or page unescaped (issue 15) and no table row
/// breaks (issue 16): channel names, event types and sources with newlines, ANSI escapes,
/// bidi overrides, `|`, backticks, invalid UTF-8 and 10 KB names, in every format.
@Suite struct HostileNameTests {
    static let hostile = "evil\n\u{1B}[31mred\u{202E}txt|`x`\u{2066}"
    static let long = String(repeating: "n", count: 10_000)

    static func report() -> Report {
        var s = ScenarioBuilder()
        for name in [hostile, long] {
            s.saturations(name, 96, from: ScenarioBuilder.at(0), to: ScenarioBuilder.at(6), every: 20)
        }
        for k in 0..<3 {
            var drop = Event(kind: .droppedEvent, channel: "event_publisher", timestamp: ScenarioBuilder.at(10, Int64(k)),
                             source: "pod\u{1B}]0;owned\u{7}\r", eventType: hostile + "\u{0}")
            drop.level = "WARN"
            s.append(drop)
        }
        return s.analyze(end: ScenarioBuilder.at(60))
    }

    /// No control character but the line feed, no bidi control, no line longer than `limit`.
    static func isClean(_ text: String, limit: Int? = nil) -> Bool {
        let clean = !text.unicodeScalars.contains { $0 != "\n" && DisplayText.needsEscape($0) }
        let fits = limit.map { l in text.split(separator: "\n").allSatisfy { $0.count <= l } } ?? true
        return clean && fits
    }

    @Test func escapesShowWhatWasThere() {
        #expect(DisplayText.escaped("a\nb\u{1B}[1m\u{202E}c\td\u{7F}\u{85}") == #"a\nb\x1b[1m\u{202e}c\td\x7f\u{85}"#)
        #expect(DisplayText.escaped("plain_name") == "plain_name")
        #expect(DisplayText.name(Self.long).count == DisplayText.nameLimit)
        #expect(DisplayText.name(Self.long).hasSuffix("…"))
    }

    @Test func textIsEscapedAndFits() {
        let report = Self.report()
        let text = TextReportFormatter(color: false).format(report)
        #expect(Self.isClean(text, limit: 80))
        #expect(text.contains(#"evil\n\x1b[31mred\u{202e}txt|`x`\u{2066}"#))
        #expect(text.contains(#"pod\x1b]0;owned\x07\r (3)"#))
        // The table row of the 10 KB name is cut, not padded to 10 KB.
        #expect(text.utf8.count < 30_000)
        let coloured = TextReportFormatter(color: true).format(report)
        #expect(!coloured.contains("\u{1B}[31m") && !coloured.contains("\u{202E}"))
    }

    @Test func markdownIsEscapedAndKeepsItsRows() {
        let markdown = MarkdownReportFormatter().format(Self.report())
        #expect(Self.isClean(markdown))
        let rows = markdown.split(separator: "\n").filter { $0.hasPrefix("| `") }
        // Three channels and one event type: each one row, with every cell.
        #expect(rows.count == 4)
        #expect(rows.allSatisfy { $0.hasSuffix(" |") })
        #expect(markdown.contains(#"| ``evil\n\x1b[31mred\u{202e}txt\|`x`\u{2066}`` |"#))
        #expect(markdown.utf8.count < 30_000)
    }

    /// Issue 16: the page shows names cut as the text report does; the 10 KB name is not
    /// copied into the table, the chart's caption and title, and the finding's heading.
    @Test func htmlCutsLongNames() {
        let html = HTMLReportFormatter().format(Self.report())
        #expect(!html.contains(String(repeating: "n", count: DisplayText.nameLimit)))
        let cut = String(repeating: "n", count: DisplayText.nameLimit - 1) + "…"
        #expect(html.contains("<tr><td><code>\(cut)</code></td>"))
        #expect(html.contains("<figcaption><code>\(cut)</code></figcaption>"))
        #expect(html.contains("aria-label=\"\(cut): peak usage, full events and drops over time\""))
        #expect(html.contains("<code>channel_saturation</code>: \(cut)</h4>"))
        #expect(html.utf8.count < 100_000)
    }

    @Test func summaryIsEscaped() {
        let summary = SummaryReportFormatter().format(Self.report())
        #expect(Self.isClean(summary, limit: 80))
        #expect(summary.split(separator: "\n").count <= SummaryReportFormatter.maxLines)
    }

    @Test func jsonKeepsTheNamesWhole() throws {
        let json = JSONReportFormatter().format(Self.report())
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let channels = (object["channels"] as? [[String: Any]] ?? []).compactMap { $0["channel"] as? String }
        #expect(channels.contains(Self.hostile))
        #expect(channels.contains(Self.long))
        #expect(!json.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    }

    @Test func prometheusLabelsStayOnOneLine() {
        let text = PrometheusReportFormatter().format(Self.report())
        let samples = text.split(separator: "\n").filter { $0.hasPrefix("tasker_logscan_saturation_events{") }
        #expect(samples.count == 3)
        #expect(samples.contains { $0.contains(#"channel="evil\n"#) })
    }

    /// promtool parses and lints the exposition of hostile names (quotes, newlines, escapes,
    /// invalid UTF-8 read as U+FFFD, 10 KB) and a hostile constant label as Prometheus would.
    /// CI installs it (Debian package `prometheus`); elsewhere the test runs when it is there.
    @Test(.enabled(if: Promtool.path != nil || ProcessInfo.processInfo.environment["CI"] != nil,
                   "promtool is not installed (apt-get install prometheus)"))
    func promtoolAcceptsHostileNames() throws {
        let text = PrometheusReportFormatter(labels: [(name: "cluster", value: "eu\n\"1\\\u{FFFD}")]).format(Self.report())
        #expect(text.contains(#"channel="evil\n"#))
        let checked = try Promtool.check(text)
        #expect(checked.status == 0, "\(checked.output)")
        #expect(checked.output.isEmpty)
    }

    /// Through the command line: a bidi override and invalid UTF-8 in a log line (the engine
    /// drops ANSI sequences itself, SPEC §2).
    @Test func aHostileLogLineThroughTheCommandLine() throws {
        var bytes = Array("2025-10-14T00:00:00Z  INFO tasker_shared::monitoring::channel_metrics: Channel monitor initialized channel=x\u{1B}[2J\u{202E}".utf8)
        bytes += [0xFF, 0xFE]
        bytes += Array(" component=shared buffer_size=77\n".utf8)
        let url = try ReportCLI.temporaryFile("hostile.log", "")
        try Data(bytes).write(to: url)
        for format in ["text", "markdown", "summary"] {
            let r = try CLIRunner.run(["--format", format, url.path])
            #expect(r.status == 0)
            #expect(Self.isClean(r.stdout))
            if format != "summary" { #expect(r.stdout.contains("x\\u{202e}\u{FFFD}\u{FFFD}")) }
        }
    }
}
