import Testing
@testable import LogScanAnalysis
import TestSupport

@Suite struct AllChannelsSaturatedDiagnosisTests {
    typealias S = ScenarioBuilder

    @Test func everyActiveChannelAboveNinetyFive() throws {
        var s = S()
        s.saturation("orchestration_command", 96, at: S.at(1))
        s.saturation("pgmq_notifications", 97.5, at: S.at(2))
        s.full("pgmq_notifications", action: "blocked", at: S.at(2, 10))
        s.saturation("orchestration_command", 95.1, at: S.at(4, 59))
        let finding = try #require(s.analyze(end: S.at(30)).findings(.allChannelsSaturated).first)
        #expect(finding.channel == nil)
        #expect(finding.start == S.at(0))
        #expect(finding.end == S.at(5))
        #expect(finding.allChannels == AllChannelsSaturatedEvidence(
            start: S.at(0), end: S.at(5),
            channels: [SaturatedChannel(channel: "orchestration_command", maxUsagePercent: 96, saturationEvents: 2, fullEvents: 0, drops: 0),
                       SaturatedChannel(channel: "pgmq_notifications", maxUsagePercent: 97.5, saturationEvents: 1, fullEvents: 1, drops: 0)],
            events: 4, peakPerMinute: 2))
        #expect(finding.summary == "Every channel with problems was above 95% from 2025-10-14T00:00:00Z to 2025-10-14T00:05:00Z: orchestration_command (96%), pgmq_notifications (97.5%).")
        #expect(finding.recommendation.text == "Check for a downstream bottleneck (database, queue service) and scale out consumer services; temporarily increasing all buffer sizes only buys time.")
    }

    @Test func oneChannelAtNinetyFiveOrOneWithoutSaturationIsNotAll() {
        var atNinetyFive = S()
        atNinetyFive.saturation("orchestration_command", 96, at: S.at(1))
        atNinetyFive.saturation("pgmq_notifications", 95, at: S.at(2))
        #expect(atNinetyFive.analyze(end: S.at(30)).findings(.allChannelsSaturated).isEmpty)
        var fullOnly = S()
        fullOnly.saturation("orchestration_command", 96, at: S.at(1))
        fullOnly.saturation("pgmq_notifications", 97, at: S.at(2))
        fullOnly.full("worker_command_channel", action: "blocked", at: S.at(3))
        #expect(fullOnly.analyze(end: S.at(30)).findings(.allChannelsSaturated).isEmpty)
        var single = S()
        single.saturation("orchestration_command", 99, at: S.at(1))
        #expect(single.analyze(end: S.at(30)).findings(.allChannelsSaturated).isEmpty)
        var otherWindows = S()
        otherWindows.saturation("orchestration_command", 99, at: S.at(4, 59))
        otherWindows.saturation("pgmq_notifications", 99, at: S.at(5))
        #expect(otherWindows.analyze(end: S.at(30)).findings(.allChannelsSaturated).isEmpty)
    }
}
