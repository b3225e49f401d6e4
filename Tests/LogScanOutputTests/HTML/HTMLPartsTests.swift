import Testing
@testable import LogScanEngine
@testable import LogScanConfig
@testable import LogScanAnalysis
@testable import LogScanOutput
import TestSupport

/// The page's smaller parts: the actions section and the event type bars.
@Suite struct HTMLPartsTests {
    static let start = Timestamp(seconds: 1_760_400_000)

    static func finding(_ id: FindingID, _ severity: Severity, _ channel: String, _ recommendation: Recommendation) -> Finding {
        let line = LineReference(input: "a.log", line: 1)
        return Finding(id: id, severity: severity, channel: channel, summary: "s", start: start, end: start,
                       evidence: .full(ChannelFullEvidence(start: start, end: start, events: 1, blocked: 1, dropped: 0,
                                                           peakPerMinute: 1, firstLine: line, lastLine: line)),
                       recommendation: recommendation)
    }

    static func resize(_ size: Int) -> Recommendation {
        Recommendation(text: "Set event_queue_buffer_size = \(size).", size: size,
                       configKey: "mpsc_channels.shared.event_publisher.event_queue_buffer_size",
                       file: "config/tasker/environments/production/mpsc_channels.toml",
                       toml: "# config/tasker/environments/production/mpsc_channels.toml\n[mpsc_channels.shared.event_publisher]\nevent_queue_buffer_size = \(size)\n")
    }

    /// The actions come from the report (`Report.actions`, `configChanges`): each one
    /// line with what it serves, then one TOML block per config file.
    @Test func theActionsSectionShowsTheReportsActionsAndTOML() throws {
        let report = try FixtureReport.of("plain.log")
        #expect(!report.actions.isEmpty)
        var out: [String] = []
        HTMLReportFormatter().actionsSection(report, &out)
        let html = out.joined(separator: "\n")
        for action in report.actions {
            #expect(html.contains(HTMLReportFormatter.text(action.text)))
        }
        #expect(out.filter { $0.hasPrefix("<pre class=\"toml\">") }.count == report.configChanges.count)
        #expect(html.contains("event_queue_buffer_size"))
    }

    @Test func eventTypeBars() {
        let long = String(repeating: "x", count: 50)
        let chart = EventTypeBarChart(types: [EventTypeCount(eventType: "step.completed", count: 172),
                                              EventTypeCount(eventType: long, count: 43),
                                              EventTypeCount(eventType: "rare", count: 0)])
        // 630 units for the most frequent type, proportional below it, at least 1.
        #expect(chart.barWidth(172) == 630)
        #expect(chart.barWidth(43) == 157.5)
        #expect(chart.barWidth(0) == 1)
        let svg = chart.svg()
        #expect(svg.contains(#"viewBox="0 0 960 64""#))
        #expect(svg.contains(">" + String(repeating: "x", count: 39) + "…</text>"))
        #expect(svg.contains("<title>\(long): 43</title>"))
        #expect(svg.contains(#"<rect class="type-bar" x="260" y="5" width="630" height="14"/>"#))
    }

    @Test func manyEventTypesAreCut() {
        let types = (1...30).map { EventTypeCount(eventType: "type.\($0)", count: 100 - $0) }
        let html = HTMLReportFormatter().format(Report(droppedEventTypes: types))
        #expect(html.components(separatedBy: "<rect class=\"type-bar\"").count == 26)
        // Types 26 to 30: 74 + 73 + 72 + 71 + 70 drops.
        #expect(html.contains("and 5 more types with 360 drops (every type is in the JSON report)"))
    }

    @Test func usageAxisFollowsTheData() {
        let axis = ChartTimeAxis(start: 0, window: 300_000_000_000, windowCount: 3, maxColumns: 289)
        func chart(_ usages: [Double]) -> TimeChart {
            TimeChart(axis: axis, columns: axis.columns(usages.enumerated().map { i, u in
                WindowStats(start: Timestamp(nanoseconds: Int64(i) * 300_000_000_000), saturationEvents: 1, maxUsagePercent: u)
            }))
        }
        #expect(chart([85, 99]).usage.domain == (70, 100))
        #expect(chart([55, 99]).usage.domain == (50, 100))
        #expect(chart([-3]).usage.domain == (0, 100))
        // A reading above 100% (a log's own number) is drawn at the top, never above the panel.
        #expect(chart([120]).usagePaths().line == "M44,30 L333.33,30")
        // NaN and infinite readings are no readings.
        #expect(chart([.nan, .infinity]).usagePaths().line == "")
    }
}
