import Foundation
import Testing
@testable import LogScanConfig
@testable import LogScanAnalysis
@testable import LogScanOutput
import TestSupport

/// `--format summary` for chat and cron mail, `--label` for Prometheus, and colour manners.
@Suite struct SummaryAndLabelsTests {
    @Test func theSummaryOfTheSampleIsTwelveLines() throws {
        let r = try CLIRunner.run(["--format", "summary", "fixtures/plain.log"])
        #expect(r.status == 0)
        #expect(r.stdout == """
            tasker-logscan: 4 critical, 6 warning, 9 info
            Time range: 2025-10-14T00:00:00Z to 2025-10-14T01:59:47Z (1h59m47s)
            Worst (critical channel_saturation): orchestration_command saturated for 25m23s…
            Actions (7):
              critical orchestration_command: command_buffer_size = 20000 (now 5000)
              critical event_publisher: event_queue_buffer_size = 20000 (now 5000)
              critical ruby_ffi: the consumer is the bottleneck (slow Ruby handlers near 2 …
              critical event_publisher: drops are continuous (2 episodes): investigate the …
              warning  pgmq_notifications: pgmq_event_buffer_size = 50000 (now 10000)
              warning  pgmq_notifications: 1 burst with no bulk task creation of 1000+ task…
              info     The logs' capacities are not the runbook's for production (ruby_ffi,…
            TOML for config/tasker/environments/production/mpsc_channels.toml: see the full…

            """)
    }

    @Test func manyActionsStayWithinTwelveLines() {
        var actions: [Action] = []
        for k in 0..<20 { actions.append(Action(kind: .checkDeployment, severity: .info, text: "action \(k)", findings: [])) }
        var report = Report()
        report.actions = actions
        let lines = SummaryReportFormatter().format(report).split(separator: "\n")
        #expect(lines.count == 12)
        #expect(lines.last == "  and 12 more: see the full report")
        #expect(SummaryReportFormatter().format(Report()) == "tasker-logscan: no findings\nTime range: unknown: no line had a timestamp\nActions: none\n")
    }

    @Test func constantLabelsComeFirstOnEverySample() throws {
        let r = try CLIRunner.run(["--format", "prometheus", "--label", "cluster=eu1", "--label", #"deployment=a"b"#,
                                   "fixtures/restart.log"])
        #expect(r.status == 0)
        let samples = r.stdout.split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(!samples.isEmpty)
        #expect(samples.allSatisfy { $0.hasPrefix("tasker_logscan_") && $0.contains(#"{cluster="eu1",deployment="a\"b""#) })
        #expect(samples.contains(#"tasker_logscan_lines_read{cluster="eu1",deployment="a\"b"} 23"#))
        #expect(samples.contains(#"tasker_logscan_channel_findings{cluster="eu1",deployment="a\"b",channel="orchestration_command",severity="critical"} 1"#))
    }

    @Test func channelFindingsAreCountedPerChannelAndSeverity() {
        let report = SampleScenario.report()
        let text = PrometheusReportFormatter().format(report)
        for c in report.channels {
            for s in Severity.allCases {
                let n = report.findings.filter { $0.channel == c.channel && $0.severity == s }.count
                #expect(text.contains("tasker_logscan_channel_findings{channel=\"\(c.channel)\",severity=\"\(s.rawValue)\"} \(n)\n"))
            }
        }
    }

    /// no-color.org: NO_COLOR set to an empty string does not turn colour off; set to anything else it does.
    @Test func anEmptyNO_COLORKeepsColourOnATerminal() throws {
        func onATerminal(_ noColor: String) throws -> String {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
            process.arguments = ["-qc", "\(CLIRunner.binary.path) fixtures/restart.log", "/dev/null"]
            process.currentDirectoryURL = EngineFixtures.packageRoot
            var env = ProcessInfo.processInfo.environment
            env["NO_COLOR"] = noColor
            env["TERM"] = "xterm"
            process.environment = env
            let out = Pipe()
            process.standardOutput = out
            process.standardInput = FileHandle.nullDevice
            try process.run()
            let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return text
        }
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { return }
        #expect(try onATerminal("").hasPrefix("\u{1B}[1mtasker-logscan report\u{1B}[0m"))
        #expect(try onATerminal("1").hasPrefix("tasker-logscan report\r\n"))
    }
}
