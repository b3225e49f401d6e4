import Testing
@testable import LogScanConfig
@testable import LogScanAnalysis
import TestSupport

@Suite struct SaturationDiagnosisTests {
    typealias S = ScenarioBuilder
    static let channel = "orchestration_command_channel"

    /// Events every 30s from 0:00 to 5:00 at `usage`; the input goes on to 30:00 (recovered).
    func fiveMinuteRun(_ usage: Double) -> Report {
        var s = S()
        s.saturations(Self.channel, usage, from: S.at(0), to: S.at(5), every: 30)
        return s.analyze(end: S.at(30))
    }

    @Test func ninetyIsNotAboveNinety() throws {
        let report = fiveMinuteRun(90.0)
        let finding = try #require(report.findings(.channelSaturation).first)
        #expect(finding.severity == .info)
        #expect(finding.saturation?.longestRunAbove90 == nil)
        #expect(finding.recommendation == Recommendation(text: "Recovered: don't increase the buffer; watch whether it recurs."))
        #expect(finding.summary == "orchestration_command saturated for 5m (11 events, peak 90%); recovered.")
    }

    @Test func ninetyPointOneForFiveMinutesIsCritical() throws {
        let report = fiveMinuteRun(90.1)
        let finding = try #require(report.findings(.channelSaturation).first)
        #expect(finding.severity == .critical)
        #expect(finding.saturation?.longestRunAbove90 == SaturationRun(start: S.at(0), end: S.at(5), events: 11))
        #expect(finding.summary == "orchestration_command saturated for 5m (11 events, peak 90.1%), above 90% for 5m in a row; recovered.")
        #expect(finding.recommendation == Recommendation(
            text: "Immediate capacity increase or identify the bottleneck. Set command_buffer_size = 20000 (now 5000; 5000 * 100 / (100 - 70) = 16667, rounded up to 20000).",
            size: 20_000,
            configKey: "mpsc_channels.orchestration.command_processor.command_buffer_size",
            file: "config/tasker/environments/production/mpsc_channels.toml",
            toml: "# config/tasker/environments/production/mpsc_channels.toml\n[mpsc_channels.orchestration.command_processor]\ncommand_buffer_size = 20000\n"))
    }

    @Test func aRunOfFourFiftyNineIsNotCritical() throws {
        for (last, expected) in [(S.at(4, 59), Severity.info), (S.at(5), .critical)] {
            var s = S()
            for t in [S.at(0), S.at(1), S.at(2), S.at(3), S.at(4), last] { s.saturation(Self.channel, 93, at: t) }
            let finding = try #require(s.analyze(end: S.at(30)).findings(.channelSaturation).first)
            #expect(finding.severity == expected)
        }
        var s = S()
        for t in [S.at(0), S.at(1), S.at(2), S.at(3), S.at(4), S.at(4, 59)] { s.saturation(Self.channel, 93, at: t) }
        let brief = try #require(s.analyze(end: S.at(30)).findings.first)
        #expect(brief.summary == "orchestration_command saturated for 4m59s (6 events, peak 93%); brief, recovered quickly.")
        #expect(brief.recommendation.text == "Brief, recovers quickly: don't increase the buffer.")
        #expect(brief.recommendation.toml == nil)
    }

    @Test func aReadingAtNinetyBreaksTheRun() throws {
        var s = S()
        s.saturations(Self.channel, 92, from: S.at(0), to: S.at(3), every: 60)
        s.saturation(Self.channel, 90, at: S.at(3, 30))
        s.saturations(Self.channel, 92, from: S.at(4), to: S.at(7), every: 60)
        let finding = try #require(s.analyze(end: S.at(30)).findings.first)
        #expect(finding.severity == .info)
        #expect(finding.saturation?.longestRunAbove90 == SaturationRun(start: S.at(0), end: S.at(3), events: 4))
    }

    @Test func fifteenMinutesIsAWarningWithADoubling() throws {
        for (last, expected) in [(S.at(14, 59), Severity.info), (S.at(15), .warning)] {
            var s = S()
            s.saturations(Self.channel, 85, from: S.at(0), to: S.at(14), every: 60)
            s.saturation(Self.channel, 85, at: last)
            let finding = try #require(s.analyze(end: S.at(40)).findings.first)
            #expect(finding.severity == expected)
        }
        var s = S()
        s.saturations(Self.channel, 85, from: S.at(0), to: S.at(15), every: 60)
        let finding = try #require(s.analyze(end: S.at(40)).findings.first)
        #expect(finding.recommendation.text == "Plan a capacity increase and investigate throughput; prefer 2x increases. Set command_buffer_size = 10000 (now 5000; 2x 5000).")
        #expect(finding.recommendation.size == 10_000)
    }

    @Test func anEpisodeStillOngoingAtTheEndOfTheInput() throws {
        var s = S()
        s.saturations(Self.channel, 96, from: S.at(0), to: S.at(2), every: 60)
        // Input end exactly one gap after the last event: not recovered, so critical (> 95%, ongoing).
        let ongoing = try #require(s.analyze(end: S.at(7)).findings.first)
        #expect(ongoing.severity == .critical)
        #expect(ongoing.saturation?.recovered == false)
        #expect(ongoing.summary == "orchestration_command saturated for 2m (3 events, peak 96%), above 95%; ongoing at the end of the input.")
        #expect(ongoing.recommendation.text.hasPrefix("Immediate capacity increase or identify the bottleneck. Critical saturation (>95%) still ongoing: deploy via rolling restart, page on-call if the service degrades. Set command_buffer_size = 20000"))
        // One nanosecond more and it recovered: brief, info.
        let recovered = try #require(s.analyze(end: S.at(7).adding(nanoseconds: 1)).findings.first)
        #expect(recovered.severity == .info)
        #expect(recovered.saturation?.recovered == true)
    }

    @Test func ongoingAtNinetyFiveIsOnlyInfo() throws {
        var s = S()
        s.saturations(Self.channel, 95, from: S.at(0), to: S.at(2), every: 60)
        let finding = try #require(s.analyze().findings.first)
        #expect(finding.severity == .info)
        #expect(finding.recommendation.text == "Ongoing at the end of the input: check again on later logs; increase only if it stays above 90% for 5m or above 80% for 15m.")
    }

    @Test func theEpisodeGapSplitsEpisodes() throws {
        var s = S()
        s.saturation(Self.channel, 85, at: S.at(0))
        s.saturation(Self.channel, 85, at: S.at(5))
        s.saturation(Self.channel, 85, at: S.at(10, 0, millis: 1))
        let findings = s.analyze(end: S.at(30)).findings(.channelSaturation)
        #expect(findings.map(\.start) == [S.at(0), S.at(10, 0, millis: 1)])
        #expect(findings.map { $0.saturation?.events } == [2, 1])
        var options = AnalysisOptions()
        options.episodeGap = 10 * 60_000_000_000
        #expect(s.analyze(options, end: S.at(30)).findings(.channelSaturation).count == 1)
    }

    @Test func capacityFromTheLogsDrivesTheFormula() throws {
        var s = S()
        s.channelInit(Self.channel, capacity: 2000, at: S.at(0))
        s.saturations(Self.channel, 97, from: S.at(1), to: S.at(7), every: 60, capacity: 1000)
        let report = s.analyze(end: S.at(30))
        #expect(report.channel("orchestration_command")?.capacity == 1000)
        #expect(report.channel("orchestration_command")?.capacitySource == .logs)
        let finding = try #require(report.findings(.channelSaturation).first)
        #expect(finding.recommendation.size == 4000)
        #expect(finding.recommendation.text.hasSuffix("Set command_buffer_size = 4000 (now 1000; 1000 * 100 / (100 - 70) = 3334, rounded up to 4000)."))
        #expect(finding.saturation?.capacity == 1000)
    }

    @Test func slowHandlersNearRubyFFIMeanTheConsumerIsTheBottleneck() throws {
        var s = S()
        s.saturations("ruby_ffi_event_handler", 97, from: S.at(10), to: S.at(16), every: 60)
        s.slowHandler(8.5, at: S.at(21))       // exactly one window after the last event: near
        s.slowHandler(9.0, at: S.at(21, 1))    // one second later: not near
        let finding = try #require(s.analyze(end: S.at(40)).findings(.channelSaturation).first)
        #expect(finding.severity == .critical)
        #expect(finding.saturation?.slowHandlersNearby == 1)
        #expect(finding.recommendation == Recommendation(text: "1 slow Ruby handler near this episode, slowest 8.5s: the consumer is the bottleneck. Optimise the Ruby handlers instead of growing the buffer."))
    }

    @Test func unknownChannelsHaveNoCapacityAndNoTOML() throws {
        var s = S()
        s.saturations("mystery_channel", 97, from: S.at(0), to: S.at(6), every: 60)
        let report = s.analyze(end: S.at(30))
        #expect(report.channel("mystery_channel") == ChannelReport(
            channel: "mystery_channel", saturationEvents: 7, maxUsagePercent: 97,
            windows: [WindowStats(start: S.at(0), saturationEvents: 5, maxUsagePercent: 97),
                      WindowStats(start: S.at(5), saturationEvents: 2, maxUsagePercent: 97)]))
        let finding = try #require(report.findings.first)
        #expect(finding.recommendation == Recommendation(text: "Immediate capacity increase or identify the bottleneck. The channel's capacity is unknown: size it with current * 100 / (100 - 70)."))
    }
}
