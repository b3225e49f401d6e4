import Foundation
import Testing
@testable import LogScanEngine
@testable import LogScanAnalysis
@testable import LogScanOutput
import TestSupport

/// `--format prometheus`: text exposition for node_exporter's textfile collector.
@Suite struct PrometheusReportFormatterTests {
    @Test func scenarioMetricsAreExactly() {
        #expect(PrometheusReportFormatter().format(OperatorScenario.report()) == """
            # HELP tasker_logscan_lines_read Physical lines read from the inputs.
            # TYPE tasker_logscan_lines_read gauge
            tasker_logscan_lines_read 600
            # HELP tasker_logscan_read_bytes Bytes of log text read from the inputs (after decompression).
            # TYPE tasker_logscan_read_bytes gauge
            tasker_logscan_read_bytes 61440
            # HELP tasker_logscan_input_errors Inputs that could not be read to their end (missing, unreadable, corrupt gzip).
            # TYPE tasker_logscan_input_errors gauge
            tasker_logscan_input_errors 0
            # HELP tasker_logscan_events Channel events found in the analysed range.
            # TYPE tasker_logscan_events gauge
            tasker_logscan_events 18
            # HELP tasker_logscan_events_untimed Channel events without a timestamp (in totals, in no window or finding).
            # TYPE tasker_logscan_events_untimed gauge
            tasker_logscan_events_untimed 1
            # HELP tasker_logscan_first_event_timestamp_seconds Oldest timestamp read from the logs (start of the analysed range), Unix time.
            # TYPE tasker_logscan_first_event_timestamp_seconds gauge
            tasker_logscan_first_event_timestamp_seconds 1760400000
            # HELP tasker_logscan_last_event_timestamp_seconds Newest timestamp read from the logs (end of the analysed range), Unix time.
            # TYPE tasker_logscan_last_event_timestamp_seconds gauge
            tasker_logscan_last_event_timestamp_seconds 1760403599
            # HELP tasker_logscan_channel_capacity Channel capacity the diagnoses used; source is config, logs or default.
            # TYPE tasker_logscan_channel_capacity gauge
            tasker_logscan_channel_capacity{channel="orchestration_command",source="logs"} 5000
            tasker_logscan_channel_capacity{channel="pgmq_notifications",source="logs"} 10000
            tasker_logscan_channel_capacity{channel="event_publisher",source="default"} 10000
            # HELP tasker_logscan_saturation_events Saturation warnings logged per channel (usage above 80%).
            # TYPE tasker_logscan_saturation_events gauge
            tasker_logscan_saturation_events{channel="orchestration_command"} 8
            tasker_logscan_saturation_events{channel="pgmq_notifications"} 3
            tasker_logscan_saturation_events{channel="event_publisher"} 0
            # HELP tasker_logscan_peak_usage_ratio Highest channel usage logged, as a ratio of capacity (0.97 = 97%).
            # TYPE tasker_logscan_peak_usage_ratio gauge
            tasker_logscan_peak_usage_ratio{channel="orchestration_command"} 0.9618
            tasker_logscan_peak_usage_ratio{channel="pgmq_notifications"} 0.955
            # HELP tasker_logscan_full_events Lines saying the channel was full: overflow, FFI backpressure and dropped events (the runbook's mpsc_channel_full_events_total).
            # TYPE tasker_logscan_full_events gauge
            tasker_logscan_full_events{channel="orchestration_command"} 1
            tasker_logscan_full_events{channel="pgmq_notifications"} 0
            tasker_logscan_full_events{channel="event_publisher"} 3
            # HELP tasker_logscan_drops Messages lost per channel: full events with action dropped plus dropped events.
            # TYPE tasker_logscan_drops gauge
            tasker_logscan_drops{channel="orchestration_command"} 0
            tasker_logscan_drops{channel="pgmq_notifications"} 0
            tasker_logscan_drops{channel="event_publisher"} 3
            # HELP tasker_logscan_findings Findings of the runbook's diagnoses per severity.
            # TYPE tasker_logscan_findings gauge
            tasker_logscan_findings{severity="critical"} 1
            tasker_logscan_findings{severity="warning"} 1
            tasker_logscan_findings{severity="info"} 2
            # HELP tasker_logscan_counted_findings Findings past the report's limit of findings listed (0 when every finding is listed); they count in tasker_logscan_findings, not in tasker_logscan_channel_findings.
            # TYPE tasker_logscan_counted_findings gauge
            tasker_logscan_counted_findings{severity="critical"} 0
            tasker_logscan_counted_findings{severity="warning"} 0
            tasker_logscan_counted_findings{severity="info"} 0
            # HELP tasker_logscan_channel_findings Findings per channel and severity (findings about several channels or a config table, and those past the report's limit, are only in tasker_logscan_findings).
            # TYPE tasker_logscan_channel_findings gauge
            tasker_logscan_channel_findings{channel="orchestration_command",severity="critical"} 1
            tasker_logscan_channel_findings{channel="orchestration_command",severity="warning"} 0
            tasker_logscan_channel_findings{channel="orchestration_command",severity="info"} 0
            tasker_logscan_channel_findings{channel="pgmq_notifications",severity="critical"} 0
            tasker_logscan_channel_findings{channel="pgmq_notifications",severity="warning"} 1
            tasker_logscan_channel_findings{channel="pgmq_notifications",severity="info"} 1
            tasker_logscan_channel_findings{channel="event_publisher",severity="critical"} 0
            tasker_logscan_channel_findings{channel="event_publisher",severity="warning"} 0
            tasker_logscan_channel_findings{channel="event_publisher",severity="info"} 1
            # HELP tasker_logscan_known_findings Findings the --baseline report already held (0 without one); they count in tasker_logscan_findings too.
            # TYPE tasker_logscan_known_findings gauge
            tasker_logscan_known_findings 0
            # HELP tasker_logscan_actions Actions to take (config changes and advice) from the findings not known, per severity.
            # TYPE tasker_logscan_actions gauge
            tasker_logscan_actions{severity="critical"} 1
            tasker_logscan_actions{severity="warning"} 1
            tasker_logscan_actions{severity="info"} 1

            """)
    }

    @Test func valuesAreWrittenWithoutFloatingPointNoise() {
        typealias V = PrometheusReportFormatter.Value
        #expect(V.ratio(percent: 96.17999999999999).text == "0.9618")
        #expect(V.ratio(percent: 100).text == "1")
        #expect(V.ratio(percent: 80.5).text == "0.805")
        #expect(V.ratio(percent: .nan).text == "NaN")
        #expect(V.time(Timestamp(seconds: 1_760_400_000, nanos: 12_345_000)).text == "1760400000.012345")
        #expect(V.time(Timestamp(seconds: 1_760_400_000)).text == "1760400000")
        #expect(V.time(Timestamp(nanoseconds: -1_500_000_000)).text == "-1.5")
        #expect(V.integer(-3).text == "-3")
    }

    @Test func labelValuesAreEscaped() {
        #expect(PrometheusReportFormatter.escapedLabel(#"odd"name\x"#) == #"odd\"name\\x"#)
        #expect(PrometheusReportFormatter.escapedLabel("two\nlines") == #"two\nlines"#)
        let report = Report(channels: [ChannelReport(channel: "q\"1", saturationEvents: 2)])
        #expect(PrometheusReportFormatter().format(report).contains(#"tasker_logscan_saturation_events{channel="q\"1"} 2"#))
    }

    @Test func anEmptyReportHasTheTotalsButNoChannelFamilies() {
        let text = PrometheusReportFormatter().format(Report())
        let samples = text.split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(samples == [
            "tasker_logscan_lines_read 0", "tasker_logscan_read_bytes 0", "tasker_logscan_input_errors 0",
            "tasker_logscan_events 0", "tasker_logscan_events_untimed 0",
            #"tasker_logscan_findings{severity="critical"} 0"#, #"tasker_logscan_findings{severity="warning"} 0"#,
            #"tasker_logscan_findings{severity="info"} 0"#,
            #"tasker_logscan_counted_findings{severity="critical"} 0"#, #"tasker_logscan_counted_findings{severity="warning"} 0"#,
            #"tasker_logscan_counted_findings{severity="info"} 0"#, "tasker_logscan_known_findings 0",
            #"tasker_logscan_actions{severity="critical"} 0"#, #"tasker_logscan_actions{severity="warning"} 0"#,
            #"tasker_logscan_actions{severity="info"} 0"#,
        ])
    }

    /// promtool (Debian package `prometheus`) parses and lints the exposition as Prometheus
    /// would. CI installs it; elsewhere the test runs when promtool is there.
    @Test(.enabled(if: Promtool.path != nil || ProcessInfo.processInfo.environment["CI"] != nil,
                   "promtool is not installed (apt-get install prometheus)"))
    func promtoolAcceptsTheMetrics() throws {
        let scenario = try Promtool.check(PrometheusReportFormatter().format(OperatorScenario.report()))
        #expect(scenario.status == 0, "\(scenario.output)")
        #expect(scenario.output.isEmpty)
        let sample = try CLIRunner.run(["--format", "prometheus", "fixtures/plain.log"])
        #expect(sample.status == 0)
        let checked = try Promtool.check(sample.stdout)
        #expect(checked.status == 0, "\(checked.output)")
        #expect(checked.output.isEmpty)
        // A broken exposition fails: the check is not a formality.
        let broken = try Promtool.check("tasker_logscan_drops{channel=\"a\"} many\n")
        #expect(broken.status != 0)
    }
}

/// Runs `promtool check metrics` on a text.
enum Promtool {
    static let path: String? = ["/usr/bin/promtool", "/usr/local/bin/promtool", "/bin/promtool"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    static func check(_ exposition: String) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path ?? "/usr/bin/promtool")
        process.arguments = ["check", "metrics"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        try process.run()
        try input.fileHandleForWriting.write(contentsOf: Data(exposition.utf8))
        try input.fileHandleForWriting.close()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }
}
