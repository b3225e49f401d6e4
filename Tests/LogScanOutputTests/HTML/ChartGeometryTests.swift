import Testing
@testable import LogScanEngine
@testable import LogScanAnalysis
@testable import LogScanOutput

/// The SVG geometry on a small hand-written report: 30 minutes of 5m windows from the epoch
/// origin 2025-10-14T00:00:00Z, so every coordinate below is worked out by hand.
@Suite struct ChartGeometryTests {
    static let minute: Int64 = 60_000_000_000
    /// 2025-10-14T00:00:00Z.
    static let origin = Timestamp(seconds: 1_760_400_000)

    static func at(_ minutes: Int64, _ seconds: Int64 = 0) -> Timestamp {
        origin.adding(nanoseconds: minutes * minute + seconds * 1_000_000_000)
    }

    /// Windows at 00:05 (85%), 00:10 (95%, 3 full of which 1 dropped), 00:15 (no reading, 8 full).
    static func report() -> Report {
        Report(timeRange: TimeRange(first: at(0, 12), last: at(29, 59)), channels: [
            ChannelReport(channel: "orchestration_command", capacity: 5000, capacitySource: .logs,
                          saturationEvents: 5, maxUsagePercent: 95, fullEvents: 11, drops: 1, windows: [
                              WindowStats(start: at(5), saturationEvents: 2, maxUsagePercent: 85),
                              WindowStats(start: at(10), saturationEvents: 3, maxUsagePercent: 95, fullEvents: 3, drops: 1),
                              WindowStats(start: at(15), fullEvents: 8),
                          ]),
        ])
    }

    static func chart() throws -> TimeChart {
        let axis = try #require(ChartTimeAxis(report(), maxColumns: TimeChart.maxColumns()))
        return TimeChart(axis: axis, columns: axis.columns(report().channels[0].windows))
    }

    @Test func linearScale() {
        let x = ChartScale(domain: (0, 100), range: (44, 912))
        #expect(x(0) == 44)
        #expect(x(50) == 478)
        #expect(x(100) == 912)
        let y = ChartScale(domain: (70, 100), range: (180, 30))
        #expect(y(70) == 180)
        #expect(y(100) == 30)
        #expect(y(110) == -20)
        #expect(y.clamped(110) == 30)
        #expect(y.clamped(0) == 180)
        // An empty domain or a NaN never yields NaN coordinates.
        #expect(ChartScale(domain: (5, 5), range: (10, 20))(7) == 10)
        #expect(ChartScale(domain: (0, 1), range: (10, 20))(.nan) == 10)
    }

    @Test func axisCoversWholeWindows() throws {
        let axis = try #require(ChartTimeAxis(Self.report(), maxColumns: 289))
        #expect(axis.start == Self.origin.nanoseconds)
        #expect(axis.windowCount == 6)
        #expect(axis.windowsPerColumn == 1)
        #expect(axis.end == Self.at(30).nanoseconds)
        #expect(ChartTimeAxis(Report(), maxColumns: 289) == nil)
    }

    @Test func scalesOfAKnownReport() throws {
        let chart = try Self.chart()
        #expect(chart.x(Double(Self.at(0).nanoseconds)) == 44)
        #expect(chart.x(Double(Self.at(30).nanoseconds)) == 912)
        // Lowest reading 85% → the usage axis starts at 70%.
        #expect(chart.usage.domain == (70, 100))
        #expect(chart.usage(95) == 55)
        // Busiest column 8 full events → count axis 0…10 over the lower panel (242 → 192).
        #expect(chart.countTopValue == 10)
        #expect(chart.counts(8) == 202)
    }

    @Test func theStepOfAKnownWindow() throws {
        let paths = try Self.chart().usagePaths()
        // 00:05–00:10 at 85% (y 105), 00:10–00:15 at 95% (y 55); x per minute = 868/30.
        #expect(paths.line == "M188.67,105 L333.33,105 L333.33,55 L478,55")
        #expect(paths.area == "M188.67,180 L188.67,105 L333.33,105 L333.33,55 L478,55 L478,180 Z")
    }

    @Test func thresholdLinesAndBars() throws {
        let svg = try Self.chart().svg(title: "t", episodes: [], bulk: [], capacityChanges: [])
        #expect(svg.contains(#"<line class="threshold t80" x1="44" y1="130" x2="912" y2="130"/>"#))
        #expect(svg.contains(#"<line class="threshold t90" x1="44" y1="80" x2="912" y2="80"/>"#))
        #expect(svg.contains(#"<line class="threshold t95" x1="44" y1="55" x2="912" y2="55"/>"#))
        #expect(svg.contains(#">95%</text>"#))
        // 00:15 column: 8 full events up to y 202, no drop bar; 00:10: 3 full (y 227), 1 drop (y 237).
        #expect(svg.contains(#"<rect class="bar-full" x="478.5" y="202" width="143.67" height="40">"#))
        #expect(svg.contains(#"<rect class="bar-full" x="333.83" y="227" width="143.67" height="15">"#))
        #expect(svg.contains(#"<rect class="bar-drops" x="333.83" y="237" width="143.67" height="5">"#))
        #expect(svg.components(separatedBy: "bar-drops").count == 2)
    }

    @Test func episodesBulkMarksAndCapacityChanges() throws {
        let chart = try Self.chart()
        let svg = chart.svg(title: "t",
                            episodes: [.init(start: Self.at(6).nanoseconds, end: Self.at(12).nanoseconds, severity: .critical, label: "c")],
                            bulk: [.init(at: Self.at(3).nanoseconds, count: 1200, countsForCorrelation: true),
                                   .init(at: Self.at(3, 30).nanoseconds, count: 250, countsForCorrelation: false)],
                            capacityChanges: [.init(at: Self.at(20).nanoseconds, from: 5000, to: 8000)])
        // 00:06 → x 217.6, 00:12 → 391.2, over both panels (30 → 242).
        #expect(svg.contains(#"<rect class="episode sev-critical" x="217.6" y="30" width="173.6" height="212">"#))
        // The 1200 creation is labelled; the 250 one 14.5 px later keeps only its tooltip.
        #expect(svg.contains(#"<text class="bulk-label" x="130.8" y="21" text-anchor="middle">1200</text>"#))
        #expect(!svg.contains(">250</text>"))
        #expect(svg.contains(#"<path class="bulk small" d="M141.27,24"#))
        #expect(svg.contains("bulk task creation: 250 tasks at 2025-10-14T00:03:30Z"))
        #expect(svg.contains(#"<line class="capacity-change" x1="622.67""#))
        #expect(svg.contains(">capacity 5000 → 8000</text>"))
    }

    @Test func crowdedBulkCreationsBecomeTicks() throws {
        let chart = try Self.chart()
        // 40 creations in 30 minutes: more than 30, so no lines across the chart, only a tick per
        // creation of 1000+ tasks (the 250-task ones are left out), labelled where there is room.
        var marks: [TimeChart.BulkMark] = []
        for i in Int64(0)..<40 {
            let big = i % 2 == 0
            marks.append(TimeChart.BulkMark(at: Self.at(0, i * 45).nanoseconds, count: big ? 1200 : 250,
                                            countsForCorrelation: big))
        }
        let svg = chart.svg(title: "t", episodes: [], bulk: marks, capacityChanges: [])
        #expect(!svg.contains("bulk-line") && !svg.contains("bulk small"))
        #expect(svg.components(separatedBy: "<line class=\"bulk-tick\"").count == 21)
        #expect(svg.contains(#"<line class="bulk-tick" x1="44" y1="23" x2="44" y2="30"><title>bulk task creation: 1200 tasks at 2025-10-14T00:00:00Z</title></line>"#))
        // Ticks 43.4 px apart: every one is labelled.
        #expect(svg.components(separatedBy: ">1200</text>").count == 21)
        #expect(!svg.contains(">250</text>"))
    }

    /// Issue 16: creations closer than 3 px share one tick whose tooltip counts them, so a
    /// chart holds a bounded number of marks however many creations a log holds.
    @Test func crowdedCreationsCloserThanThreePixelsShareATick() throws {
        let chart = try Self.chart()
        // 40 creations of 1200 tasks within 4 seconds (under 3 px), then one alone 10 minutes later.
        var marks = (0..<40).map { i in
            TimeChart.BulkMark(at: Self.at(0).nanoseconds + Int64(i) * 100_000_000, count: 1200, countsForCorrelation: true)
        }
        marks.append(TimeChart.BulkMark(at: Self.at(10).nanoseconds, count: 1500, countsForCorrelation: true))
        let layer = chart.bulkLayer(marks)
        #expect(layer.filter { $0.hasPrefix("<line class=\"bulk-tick\"") }.count == 2)
        #expect(layer[0].contains("<title>40 bulk task creations (48000 tasks) from 2025-10-14T00:00:00Z to 2025-10-14T00:00:03Z</title>"))
        #expect(layer.contains { $0.contains(">48000</text>") })
        #expect(layer.contains { $0.contains("<title>bulk task creation: 1500 tasks at 2025-10-14T00:10:00Z</title>") })
        // The page draws the same layer on every chart.
        #expect(chart.svg(title: "t", episodes: [], bulk: marks, capacityChanges: [])
                == chart.svg(title: "t", episodes: [], bulkLayer: layer, capacityChanges: []))
    }

    @Test func timeTicksAtNiceSteps() {
        let start = Self.origin.nanoseconds
        // Two hours, at most 9 ticks: every 15 minutes, on the quarter hour.
        let twoHours = ChartTicks.time(start: start, end: start + 120 * Self.minute, maxTicks: 9)
        #expect(twoHours.step == 15 * Self.minute)
        #expect(twoHours.ticks.count == 9)
        #expect(twoHours.ticks.map { ChartTicks.label($0, step: twoHours.step) }
                == ["14 Oct", "00:15", "00:30", "00:45", "01:00", "01:15", "01:30", "01:45", "02:00"])
        // Ticks are round UTC times even when the range is not.
        let odd = ChartTicks.time(start: start + 7 * Self.minute, end: start + 52 * Self.minute, maxTicks: 4)
        #expect(odd.step == 15 * Self.minute)
        #expect(odd.ticks.map { ChartTicks.label($0, step: odd.step) } == ["00:15", "00:30", "00:45"])
        // Ten minutes: every minute.
        #expect(ChartTicks.time(start: start, end: start + 10 * Self.minute, maxTicks: 11).step == Self.minute)
        // A day: every 3 hours; a week: every day, labelled by the day.
        #expect(ChartTicks.time(start: start, end: start + 1440 * Self.minute, maxTicks: 9).step == 3 * ChartTicks.hour)
        let week = ChartTicks.time(start: start, end: start + 7 * ChartTicks.day, maxTicks: 9)
        #expect(week.step == ChartTicks.day)
        #expect(week.ticks.map { ChartTicks.label($0, step: week.step) }
                == ["14 Oct", "15 Oct", "16 Oct", "17 Oct", "18 Oct", "19 Oct", "20 Oct", "21 Oct"])
        #expect(ChartTicks.label(start + 90 * 1_000_000_000, step: 30 * 1_000_000_000) == "00:01:30")
        // Months of logs: 28-day steps, labelled with the year.
        let months = ChartTicks.time(start: start, end: start + 200 * ChartTicks.day, maxTicks: 9)
        #expect(months.step == 28 * ChartTicks.day)
        #expect(ChartTicks.label(months.ticks[0], step: months.step) == "23 Oct 2025")
        // Beyond 28 days × 9 ticks, the step grows by whole multiples of 28 days and stays within the limit.
        let decades = ChartTicks.time(start: start, end: start + 20 * 365 * ChartTicks.day, maxTicks: 9)
        #expect(decades.ticks.count <= 9 && decades.ticks.count >= 8)
        #expect(decades.step % (28 * ChartTicks.day) == 0)
    }

    @Test func niceCeilings() {
        #expect([0, 1, 2, 3, 8, 10, 11, 21, 341, 5001].map(ChartTicks.niceCeiling) == [1, 1, 2, 5, 10, 10, 20, 50, 500, 10000])
        #expect(ChartTicks.niceCeiling(Int.max) == Int.max)
    }

    @Test func aWeekOfWindowsIsMergedAndSaidSo() throws {
        // 7 days of 5m windows = 2016 windows > 289 columns: 7 windows (35m) per column.
        let last = Self.origin.adding(nanoseconds: 7 * ChartTicks.day - 1)
        var windows: [WindowStats] = []
        for i in Int64(0)..<2016 where i % 3 == 0 {
            windows.append(WindowStats(start: Self.origin.adding(nanoseconds: i * 5 * Self.minute), saturationEvents: 1,
                                       maxUsagePercent: 80 + Double(i % 7), fullEvents: 1, drops: i % 2 == 0 ? 1 : 0))
        }
        let report = Report(timeRange: TimeRange(first: Self.origin, last: last),
                            channels: [ChannelReport(channel: "event_publisher", windows: windows)])
        let axis = try #require(ChartTimeAxis(report, maxColumns: TimeChart.maxColumns()))
        #expect(TimeChart.maxColumns() == 289)
        #expect(axis.windowCount == 2016)
        #expect(axis.windowsPerColumn == 7)
        #expect(axis.columnCount == 288)
        let columns = axis.columns(windows)
        #expect(columns.count == 288)
        // Column 0 holds windows 0, 3 and 6: peak by maximum (86), counts summed.
        #expect(columns[0] == ChartColumn(index: 0, start: Self.origin.nanoseconds, end: Self.at(35).nanoseconds,
                                          saturationEvents: 3, maxUsagePercent: 86, fullEvents: 3, drops: 2))
        let html = HTMLReportFormatter().format(report)
        #expect(html.contains("One column per 35m from 2025-10-14T00:00:00Z (UTC): 2016 windows of 5m are more than the chart can show, so every 7 are merged"))
        #expect(html.components(separatedBy: "<rect class=\"bar-full\"").count == 289)
    }
}
