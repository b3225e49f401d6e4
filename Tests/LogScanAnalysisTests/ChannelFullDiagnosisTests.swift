import Testing
@testable import LogScanAnalysis
import TestSupport

@Suite struct ChannelFullDiagnosisTests {
    typealias S = ScenarioBuilder

    @Test func fullEventsNoOtherFindingCounts() throws {
        var s = S()
        s.full("orchestration_command_channel", action: "blocked", at: S.at(1, 10))
        s.full("orchestration_command_channel", action: "blocked", at: S.at(1, 40))
        s.full("orchestration_command_channel", action: "dropped", at: S.at(3))
        s.ffiBackpressure(at: S.at(2))
        s.full("ruby_ffi_event_handler", action: "blocked", at: S.at(2, 30))
        s.dropped("step.completed", at: S.at(4))
        s.full("event_publisher_queue", action: "blocked", at: S.at(4, 30))
        let report = s.analyze(end: S.at(30))
        let full = report.findings(.channelFull)
        #expect(full.map(\.channel) == ["orchestration_command", "ruby_ffi", "event_publisher"])
        #expect(full[0].full == ChannelFullEvidence(
            start: S.at(1, 10), end: S.at(3), events: 3, blocked: 2, dropped: 1, peakPerMinute: 2,
            firstLine: LineReference(input: "test.log", line: 1), lastLine: LineReference(input: "test.log", line: 3)))
        #expect(full[0].summary == "orchestration_command was full 3 times (2 blocked, 1 dropped) from 2025-10-14T00:01:10Z to 2025-10-14T00:03:00Z, at most 2 in one minute.")
        #expect(full[0].recommendation == Recommendation(text: "Review backpressure handling; consider a capacity increase if overflow events recur."))
        #expect(full[0].severity == .info)
        #expect(full[1].full?.events == 1)
        #expect(full[1].summary == "ruby_ffi was full once (1 blocked, 0 dropped) at 2025-10-14T00:02:30Z, at most 1 in one minute.")
        #expect(full[2].full?.events == 1)
        // Totals count every full line, whichever finding reports it.
        #expect(report.channel("ruby_ffi")?.fullEvents == 2)
        #expect(report.channel("event_publisher")?.fullEvents == 2)
        #expect(report.channel("event_publisher")?.drops == 1)
        #expect(report.channel("orchestration_command")?.drops == 1)
    }
}
