import Testing
@testable import LogScanEngine
@testable import LogScanAnalysis
import TestSupport

@Suite struct AnalyzerFilterTests {
    typealias S = ScenarioBuilder

    func mixed() -> S {
        var s = S()
        s.saturation("orchestration_command_channel", 85, at: S.at(0))
        s.saturation("pgmq_notify_listener", 85, at: S.at(1))
        s.bulk(1200, at: S.at(2))
        s.saturation("orchestration_command", 86, at: S.at(20))
        s.full("orchestration_command", action: "blocked", at: nil)
        s.saturation("orchestration_command", 87, at: S.at(30))
        return s
    }

    @Test func channelFilterTakesAliases() {
        let report = mixed().analyze(AnalysisOptions(channels: ["orchestration_command_channel"]))
        #expect(report.channels.map(\.channel) == ["orchestration_command"])
        #expect(report.channelFilter == ["orchestration_command"])
        #expect(report.eventsFound == 5)
        #expect(report.bulkTaskCreations.count == 1)
        #expect(report.channel("orchestration_command")?.saturationEvents == 3)
        #expect(report.channel("orchestration_command")?.fullEvents == 1)
        // A requested channel without events still gets its row.
        let quiet = mixed().analyze(AnalysisOptions(channels: ["ruby_ffi"]))
        #expect(quiet.channels == [ChannelReport(channel: "ruby_ffi", aliases: ["ruby_ffi_event_handler"],
                                                 configKey: "mpsc_channels.shared.ffi.ruby_event_buffer_size",
                                                 capacity: 2000, capacitySource: .runbookDefault)])
    }

    @Test func sinceAndUntilClipTheRangeAndLeaveUntimedEventsOut() {
        let all = mixed().analyze()
        #expect(all.eventsFound == 6)
        #expect(all.eventsUntimed == 1)
        #expect(all.timeRange == TimeRange(first: S.at(0), last: S.at(30)))
        #expect(all.channel("orchestration_command")?.untimedEvents == 1)

        let recent = mixed().analyze(AnalysisOptions(since: .beforeNewest(15 * 60_000_000_000)))
        #expect(recent.since == S.at(15))
        #expect(recent.timeRange == TimeRange(first: S.at(15), last: S.at(30)))
        #expect(recent.eventsFound == 2)
        #expect(recent.eventsUntimed == 1)
        #expect(recent.channels.map(\.channel) == ["orchestration_command"])
        #expect(recent.channel("orchestration_command")?.fullEvents == 0)
        #expect(recent.bulkTaskCreations.isEmpty)

        let early = mixed().analyze(AnalysisOptions(until: .instant(S.at(1))))
        #expect(early.timeRange == TimeRange(first: S.at(0), last: S.at(1)))
        #expect(early.eventsFound == 2)
        // The until bound is the end of the input for recovery: the episode at 0:00–0:01 is ongoing there.
        #expect(early.findings(.channelSaturation).map { $0.saturation?.recovered } == [false, false])
    }

    @Test func noTimestampsAtAll() {
        var s = S()
        s.saturation("orchestration_command", 99, at: nil)
        s.full("event_publisher", action: "dropped", at: nil)
        var analyzer = Analyzer()
        for event in s.events { analyzer.add(event) }
        let report = analyzer.finish(scan: ScanSummary(inputs: [InputSummary(name: "-", bytes: 120, lines: 2)]))
        #expect(report.timeRange == TimeRange())
        #expect(report.findings.isEmpty)
        #expect(report.eventsUntimed == 2)
        #expect(report.channels.map(\.saturationEvents) == [1, 0])
        #expect(report.channels.map(\.drops) == [0, 1])
        // An overflow drop names no event: untyped, never the type `unknown`.
        #expect(report.droppedEventTypes == [])
        #expect(report.untypedDrops == 1)
    }
}
