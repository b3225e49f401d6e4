import Testing
@testable import LogScanEngine
@testable import LogScanAnalysis
@testable import LogScanOutput
import TestSupport

@Suite struct HTMLReportFormatterTests {
    static let hostileChannel = "<script>alert('x')</script>&\"\u{202E}gnp.exe\u{1B}[31m"
    static let hostileType = "\"><img src=x onerror=alert(1)>\u{2066}step\u{200B}.failed\u{0}"

    @Test func escaperEntitiesAndInvisibleCharacters() {
        #expect(HTMLEscaper.escape(#"a<b>&"c"'d'"#) == "a&lt;b&gt;&amp;&quot;c&quot;&#39;d&#39;")
        // Bidi overrides and isolates, zero-width characters, terminal escapes and NUL act
        // invisibly in a page: they are shown by their code point instead.
        #expect(HTMLEscaper.escape("\u{202E}txt\u{2066}\u{200B}\u{1B}[0m\u{0}\u{7F}\u{85}\u{2028}\u{FEFF}")
                == "\\u{202E}txt\\u{2066}\\u{200B}\\u{001B}[0m\\u{0000}\\u{007F}\\u{0085}\\u{2028}\\u{FEFF}")
        #expect(HTMLEscaper.escape("a\nb") == "a\\u{000A}b")
        #expect(HTMLEscaper.escape("a\nb", keepNewlines: true) == "a\nb")
        // Everything else passes as it is, including non-ASCII text.
        #expect(HTMLEscaper.escape("größe 🚀 event_publisher") == "größe 🚀 event_publisher")
    }

    /// A report whose channel, event type, input name and finding texts come from hostile log lines.
    static func hostileReport() -> Report {
        let start = Timestamp(seconds: 1_760_400_000)
        let end = start.adding(nanoseconds: 600_000_000_000)
        let line = LineReference(input: "<b>in.log", line: 3)
        let finding = Finding(
            id: .channelFull, severity: .info, channel: hostileChannel,
            summary: "\(hostileChannel) was full 2 times", start: start, end: end,
            evidence: .full(ChannelFullEvidence(start: start, end: end, events: 2, blocked: 2, dropped: 0,
                                                peakPerMinute: 1, firstLine: line, lastLine: line)),
            recommendation: Recommendation(text: "Review \(hostileChannel)"))
        return Report(
            inputs: [InputSummary(name: "<b>in.log\u{202E}", bytes: 10, lines: 2, error: "<i>gone")],
            timeRange: TimeRange(first: start, last: end),
            warnings: ["<u>warning</u>"],
            channels: [ChannelReport(channel: hostileChannel, saturationEvents: 1, maxUsagePercent: 91, fullEvents: 2,
                                     windows: [WindowStats(start: start, saturationEvents: 1, maxUsagePercent: 91, fullEvents: 2)])],
            droppedEventTypes: [EventTypeCount(eventType: hostileType, count: 3)],
            findings: [finding])
    }

    @Test func hostileNamesAreEscapedEverywhere() {
        let html = HTMLReportFormatter().format(Self.hostileReport())
        for raw in ["<script", "<img", "<b>", "<i>", "<u>", "onerror=alert(1)>", "\u{202E}", "\u{2066}", "\u{200B}", "\u{1B}", "\u{0}"] {
            #expect(!html.contains(raw), "unescaped \(raw.debugDescription)")
        }
        let channel = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;&quot;\\u{202E}gnp.exe\\u{001B}[31m"
        #expect(html.contains("<td><code>\(channel)</code></td>"))
        #expect(html.contains("<figcaption><code>\(channel)</code></figcaption>"))
        #expect(html.contains("aria-label=\"\(channel): peak usage, full events and drops over time\""))
        #expect(html.contains("<p>\(channel) was full 2 times</p>"))
        #expect(html.contains("<code>channel_full</code>: \(channel)</h4>"))
        let type = "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;\\u{2066}step\\u{200B}.failed\\u{0000}"
        #expect(html.contains("<title>\(type): 3</title>"))
        #expect(html.contains("<code>&lt;b&gt;in.log\\u{202E}</code>"))
        #expect(html.contains("(error: &lt;i&gt;gone)"))
        #expect(html.contains("&lt;u&gt;warning&lt;/u&gt;"))
    }

    /// Nothing the page could fetch: no script, no URL, no `//` reference, no `@import`.
    static func expectSelfContained(_ html: String) {
        for reference in ["http", "//", "@import", "url(", "src=", "href=", "<script", "<link", "<img", "<iframe", "<object"] {
            #expect(!html.lowercased().contains(reference), "the page holds \(reference)")
        }
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(html.hasSuffix("</body>\n</html>\n"))
        #expect(html.contains("<style>"))
        #expect(html.contains("@media screen and (prefers-color-scheme: dark)"))
        #expect(html.contains("@page { size: A4;"))
        #expect(html.contains("@media print"))
    }

    /// The report of fixtures/plain.log, as `tasker-logscan --format html fixtures/plain.log` makes it.
    static let plainLog: String = {
        let (events, summary) = EngineFixtures.scan("plain.log")
        var analyzer = Analyzer(options: AnalysisOptions())
        for event in events { analyzer.add(event) }
        return HTMLReportFormatter().format(analyzer.finish(scan: ScanSummary(inputs: [summary])))
    }()

    @Test func selfContainedOnPlainLog() {
        let html = Self.plainLog
        Self.expectSelfContained(html)
        #expect(html.contains("<h2>Findings: 4 critical, 6 warning, 9 info</h2>"))
        // One chart per channel with windows (worker_event_channel has none), each with the runbook's lines.
        #expect(html.components(separatedBy: "<svg class=\"chart\"").count == 6)
        #expect(html.components(separatedBy: "<line class=\"threshold t95\"").count == 6)
        #expect(!html.contains("<figcaption><code>worker_event_channel</code>"))
    }

    @Test func selfContainedOnTheSample() {
        Self.expectSelfContained(HTMLReportFormatter().format(SampleScenario.report()))
    }

    @Test func actionsComeFirstAndNameEveryResize() throws {
        let html = Self.plainLog
        let actions = try #require(html.range(of: "<h2>Actions</h2>"))
        let charts = try #require(html.range(of: "<h2>Channels over time</h2>"))
        let findings = try #require(html.range(of: "<h2>Findings: "))
        #expect(actions.lowerBound < charts.lowerBound && charts.lowerBound < findings.lowerBound)
        let section = String(html[actions.upperBound..<charts.lowerBound])
        #expect(section.contains("orchestration_command: set command_buffer_size = 20000 (now 5000) in config/tasker/environments/production/mpsc_channels.toml"))
        #expect(section.contains("event_publisher: set event_queue_buffer_size = 20000 (now 5000)"))
        #expect(section.contains("[mpsc_channels.shared.event_publisher]\nevent_queue_buffer_size = 20000\n"))
        // One action per config key, whatever the number of findings asking for it.
        #expect(section.components(separatedBy: "set event_queue_buffer_size").count == 2)
    }

    @Test func episodesAreShadedFromTheFindings() {
        let html = Self.plainLog
        #expect(html.contains("<title>critical channel_saturation: 2025-10-14T00:36:08Z to 2025-10-14T01:01:31Z</title>"))
        #expect(html.contains("<text class=\"bulk-label\""))
        #expect(html.contains(">1200</text>"))
    }

    @Test func aLargeGroupShowsTheWorstInFull() {
        let start = Timestamp(seconds: 1_760_400_000)
        let line = LineReference(input: "a.log", line: 1)
        func full(_ minute: Int64, _ minutes: Int64) -> Finding {
            let s = start.adding(nanoseconds: minute * 60_000_000_000), e = s.adding(nanoseconds: minutes * 60_000_000_000)
            return Finding(id: .channelFull, severity: .info, channel: "worker_command", summary: "full from minute \(minute)",
                           start: s, end: e,
                           evidence: .full(ChannelFullEvidence(start: s, end: e, events: 2, blocked: 2, dropped: 0,
                                                               peakPerMinute: 1, firstLine: line, lastLine: line)),
                           recommendation: Recommendation(text: "Review backpressure handling."))
        }
        let report = Report(findings: [full(0, 1), full(10, 7), full(20, 2), full(30, 1)])
        let html = HTMLReportFormatter().format(report)
        #expect(html.components(separatedBy: "<article class=\"finding").count == 2)
        #expect(html.contains("<p>full from minute 10</p>"))
        #expect(html.contains("3 more of the same id and channel:"))
        #expect(html.contains("<tr><td class=\"mono\">2025-10-14T00:20:00Z</td><td class=\"num\">2m</td><td class=\"num\">1/min</td><td>info</td></tr>"))
    }

    @Test func withoutTimestampsThereIsNoChartAndItSaysSo() {
        let report = Report(channels: [ChannelReport(channel: "worker_command", fullEvents: 1, untimedEvents: 1)])
        let html = HTMLReportFormatter().format(report)
        #expect(!html.contains("<svg class=\"chart\""))
        #expect(html.contains("unknown: no line had a timestamp"))
        #expect(html.contains("No findings: nothing to do."))
    }

    @Test func aWindowOfSeveralChannelsIsShadedOnEachAndUntimedEventsAreSaid() {
        let start = Timestamp(seconds: 1_760_400_000)
        let end = start.adding(nanoseconds: 300_000_000_000)
        let window = [WindowStats(start: start, saturationEvents: 1, maxUsagePercent: 97)]
        let all = Finding(id: .allChannelsSaturated, severity: .critical, channel: nil, summary: "all",
                          start: start, end: end,
                          evidence: .allChannelsSaturated(AllChannelsSaturatedEvidence(
                              start: start, end: end,
                              channels: [SaturatedChannel(channel: "worker_command", maxUsagePercent: 97, saturationEvents: 1, fullEvents: 0, drops: 0),
                                         SaturatedChannel(channel: "ruby_ffi", maxUsagePercent: 96, saturationEvents: 1, fullEvents: 0, drops: 0)],
                              events: 2, peakPerMinute: 1)),
                          recommendation: Recommendation(text: "scale out consumers"))
        let report = Report(timeRange: TimeRange(first: start, last: end), channels: [
            ChannelReport(channel: "worker_command", saturationEvents: 1, windows: window),
            ChannelReport(channel: "ruby_ffi", saturationEvents: 2, untimedEvents: 1, windows: window),
            ChannelReport(channel: "event_publisher", saturationEvents: 1, windows: window),
        ], findings: [all])
        let html = HTMLReportFormatter().format(report)
        let shade = "<title>critical all_channels_saturated: 2025-10-14T00:00:00Z to 2025-10-14T00:05:00Z</title>"
        #expect(html.components(separatedBy: shade).count == 3)
        #expect(html.contains("<code>ruby_ffi</code> <span class=\"muted\">(1 event without timestamp: in the totals, not drawn)</span>"))
    }
}
