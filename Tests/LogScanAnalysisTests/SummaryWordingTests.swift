import Testing
@testable import LogScanAnalysis
import TestSupport

/// Summaries read as sentences: one event is "1 event", not "1 events".
@Suite struct SummaryWordingTests {
    typealias S = ScenarioBuilder

    @Test func aOneEventBurstSaysOneEvent() throws {
        var s = S()
        s.saturation("pgmq_notify_listener", 91.5, at: S.at(5), capacity: 10_000)
        let report = s.analyze(AnalysisOptions(), end: S.at(40))
        let finding = try #require(report.findings(.pgmqNotificationBurst).first)
        #expect(finding.summary.hasPrefix("pgmq_notifications burst for 0s (1 event, peak 91.5%)"))
    }

    @Test func aOneEventSaturationSaysOneEvent() throws {
        var s = S()
        s.saturation("orchestration_command_channel", 85, at: S.at(5), capacity: 5000)
        let report = s.analyze(AnalysisOptions(), end: S.at(40))
        let finding = try #require(report.findings(.channelSaturation).first)
        #expect(finding.summary.hasPrefix("orchestration_command saturated for 0s (1 event, peak 85%)"))
    }
}
