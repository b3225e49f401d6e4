import Foundation
import Testing
@testable import LogScanEngine
@testable import LogScanConfig
@testable import LogScanAnalysis
@testable import LogScanOutput

/// The largest values the recogniser accepts, carried through the analysis and
/// every report format: nothing overflows (a trap would end the test process).
@Suite struct ExtremeValuesReportTests {
    static let log: String = {
        var lines = [
            // The first and last instants a timestamp may name (TimestampParser.years).
            "1900-01-01T00:00:00Z WARN Slow handler: " + String(repeating: "9", count: 60) + "s",
            // The largest capacity (EventRecognizer.capacities) for a runbook channel.
            "2025-10-14T05:00:00Z INFO Channel monitor initialized channel=orchestration_command_channel component=orchestration buffer_size=1000000000",
            "2025-10-14T05:00:00Z INFO Bulk task creation count=9223372036854775807",
            "2025-10-14T05:00:00Z WARN Channel overflow - message DROPPED (consider increasing buffer_size) channel=event_publisher_queue messages_dropped=9223372036854775807",
        ]
        // Ten minutes at 100%: a critical episode, resized with the target-usage formula.
        for minute in 0...10 {
            let mm = minute < 10 ? "0\(minute)" : "\(minute)"
            lines.append("2025-10-14T05:\(mm):30Z WARN mpsc_channel_saturation channel=orchestration_command usage_percent=100")
            lines.append("2025-10-14T05:\(mm):31Z WARN Event channel full, dropping event step.completed")
        }
        lines.append("2100-12-31T23:59:59.999999999Z WARN mpsc_channel_saturation channel=worker_command usage_percent=0")
        return lines.joined(separator: "\n") + "\n"
    }()

    @Test func theLargestAcceptedValuesGoThroughTheReport() throws {
        var analyzer = Analyzer()
        var events = 0
        let summary = LogScanner().scan([.bytes(name: "extreme.log", Array(Self.log.utf8))]) {
            analyzer.add($0)
            events += 1
        }
        #expect(events == 27)
        let report = analyzer.finish(scan: summary)
        #expect(report.timeRange.first == Timestamp(seconds: -2_208_988_800))
        #expect(report.timeRange.last == Timestamp(seconds: 4_133_980_799, nanos: 999_999_999))

        let saturation = try #require(report.findings.first { $0.id == .channelSaturation && $0.channel == "orchestration_command" })
        #expect(saturation.severity == .critical)
        // 1,000,000,000 × 100 / (100 − 70) = 3,333,333,334, rounded up to one significant digit.
        #expect(saturation.recommendation.size == 4_000_000_000)

        for formatter in [JSONReportFormatter(), TextReportFormatter(color: false), MarkdownReportFormatter(),
                          PrometheusReportFormatter()] as [any ReportFormatter] {
            #expect(formatter.format(report).hasSuffix("\n"))
        }
    }
}

extension ExtremeValuesReportTests {
    /// A config tree may set any positive integer (`command_buffer_size =
    /// 9223372036854775807`): the recogniser's ceiling does not apply there, and
    /// the resize formula converts a Double above Int.max to Int and traps
    /// ("Double value cannot be converted to Int"), ending the report.
    @Test
    func aHugeConfiguredCapacityDoesNotTrapTheReport() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("logscan-huge-\(UUID().uuidString)")
        let production = root.appendingPathComponent("environments/production")
        try FileManager.default.createDirectory(at: production, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("base"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("[mpsc_channels.orchestration.command_processor]\ncommand_buffer_size = 9223372036854775807\n".utf8)
            .write(to: production.appendingPathComponent("mpsc_channels.toml"))
        var analyzer = Analyzer(options: AnalysisOptions(configuration: ConfigTree.forReport(root: root.path)))
        for minute in 0...10 {
            analyzer.add(Event(kind: .saturation, channel: "orchestration_command",
                               timestamp: Timestamp(seconds: 1_760_418_000 + Int64(minute) * 60), usagePercent: 100))
        }
        let report = analyzer.finish(scan: ScanSummary())
        let saturation = try #require(report.findings.first { $0.id == .channelSaturation })
        #expect(saturation.severity == .critical)
        // No size can be recommended above Int.max: none at all, rather than a trap.
        #expect(saturation.recommendation.size == nil)
    }
}
