import Testing
@testable import LogScanEngine
@testable import LogScanConfig
@testable import LogScanAnalysis
@testable import LogScanOutput
import TestSupport

@Suite struct TextReportFormatterTests {
    @Test func sparklineBands() {
        let cases: [(Double, Character)] = [(50, "▁"), (80, "▁"), (82.5, "▁"), (82.6, "▂"), (90, "▄"), (90.1, "▅"),
                                            (95, "▆"), (95.1, "▇"), (97.5, "▇"), (97.6, "█"), (100, "█")]
        for (usage, block) in cases { #expect(Sparkline.block(usage) == block) }
    }

    @Test func sparklineResamplesByMaximum() {
        let minute: Int64 = 60_000_000_000
        func window(_ i: Int64, _ usage: Double?, full: Int = 0) -> WindowStats {
            WindowStats(start: Timestamp(nanoseconds: i * minute), saturationEvents: usage == nil ? 0 : 1,
                        maxUsagePercent: usage, fullEvents: full)
        }
        let windows = [window(0, 81), window(1, 99), window(2, 90.1), window(5, nil, full: 1), window(99, 96)]
        // 100 windows: 3 per column, 34 columns; trailing quiet columns are trimmed.
        #expect(Sparkline.windowsPerColumn(100) == 3)
        let line = Sparkline.render(windows, firstWindow: 0, width: minute, windowCount: 100)
        #expect(line == "█·" + String(repeating: " ", count: 31) + "▇")
        #expect(Sparkline.render(windows, firstWindow: 0, width: minute, windowCount: 6) == "▁█▅  ·")
        #expect(Sparkline.windowsPerColumn(40) == 1)
        #expect(Sparkline.windowsPerColumn(41) == 2)
    }

    @Test func anEmptyReport() {
        let report = Report(inputs: [InputSummary(name: "-", bytes: 0, lines: 0)], configSource: "none (runbook defaults)")
        #expect(TextReportFormatter(color: false).format(report) == """
            tasker-logscan report
              Inputs       -: 0 B, 0 lines
              Time range   unknown: no line had a timestamp
              Read         0 lines, 0 events
              Environment  production; config: none (runbook defaults)
              Settings     window 5m, episode gap 5m, target usage 70%

            Actions
              None.

            Channels
              No channel events.

            Findings: none

            """)
    }

    @Test func headerShowsFiltersWarningsAndInputErrors() {
        var options = AnalysisOptions(since: .instant(ScenarioBuilder.at(10)), channels: ["pgmq_notify_listener"])
        options.configuration = RunbookDefaults(warnings: ["config/tasker/base/mpsc_channels.toml: invalid TOML at line 3: running on defaults"])
        var s = ScenarioBuilder()
        s.saturation("pgmq_notifications", 85, at: nil)
        var analyzer = Analyzer(options: options)
        for event in s.events { analyzer.add(event) }
        let report = analyzer.finish(scan: ScanSummary(inputs: [
            InputSummary(name: "a.log.gz", bytes: 3_500_000, lines: 10, compressed: true, overlongLines: 1,
                         firstTimestamp: ScenarioBuilder.at(0), lastTimestamp: ScenarioBuilder.at(30)),
            InputSummary(name: "gone.log", error: "No such file or directory"),
        ]))
        let header = TextReportFormatter(color: false).format(report).split(separator: "\n", omittingEmptySubsequences: false).prefix(13).joined(separator: "\n")
        #expect(header == """
            tasker-logscan report
              Inputs       a.log.gz: 3.3 MiB, 10 lines, gzip, 1 overlong lines skipped
                           gone.log: 0 B, 0 lines (error: No such file or directory)
              Time range   2025-10-14T00:10:00Z to 2025-10-14T00:30:00Z (20m)
              Read         10 lines, 0 events, 1 without timestamp (left out by
                           --since/--until)
              Environment  production; config: none (runbook defaults)
              Settings     window 5m, episode gap 5m, target usage 70%
              Filters      since 2025-10-14T00:10:00Z; channels pgmq_notifications
              Warning      config/tasker/base/mpsc_channels.toml: invalid TOML at line 3:
                           running on defaults

            Actions
            """)
    }

    @Test func colourOnlyWhenAsked() {
        let report = SampleScenario.report()
        let plain = TextReportFormatter(color: false).format(report)
        #expect(!plain.contains("\u{1B}"))
        let coloured = TextReportFormatter(color: true).format(report)
        #expect(coloured.contains("\u{1B}[1;31mCRITICAL (2)\u{1B}[0m"))
        #expect(coloured.contains("\u{1B}[1;33mpgmq_notification_burst\u{1B}[0m: pgmq_notifications"))
        #expect(coloured.contains("\u{1B}[1mChannels\u{1B}[0m"))
        // Without the escapes, the coloured report is the plain one.
        #expect(coloured.replacing(/\u{1B}\[[0-9;]*m/, with: "") == plain)
    }

    @Test func fitsTheWidthExceptTOML() {
        let report = SampleScenario.report()
        for width in [80, 100] {
            let lines = TextReportFormatter(color: false, width: width).format(report).split(separator: "\n")
            let long = lines.filter { $0.count > width && !$0.hasPrefix("      [") && !$0.hasPrefix("      #") && !$0.contains(" = ") }
            #expect(long == [])
        }
    }

    @Test func bytes() {
        #expect(TextReportFormatter.bytes(1023) == "1023 B")
        #expect(TextReportFormatter.bytes(412_877) == "403.2 KiB")
        #expect(TextReportFormatter.bytes(5 * 1024 * 1024 * 1024) == "5 GiB")
    }
}
