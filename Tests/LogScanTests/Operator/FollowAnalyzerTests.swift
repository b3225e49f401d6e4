import Testing
@testable import LogScan

/// `--follow`'s analysis: each finding once, when its window has closed; bounded memory.
@Suite struct FollowAnalyzerTests {
    typealias S = ScenarioBuilder

    static func scan(at t: Timestamp?) -> ScanSummary {
        ScanSummary(inputs: [InputSummary(name: "tasker.log", lastTimestamp: t)])
    }

    /// Feeds `events` one by one, looking for closed findings after each, as a live input would.
    static func follow(_ events: [Event], _ analyzer: inout FollowAnalyzer, end: Timestamp) -> [[Finding]] {
        var looks: [[Finding]] = []
        for event in events {
            analyzer.add(event)
            looks.append(analyzer.closedFindings(scan: scan(at: event.timestamp)).closed)
        }
        looks.append(analyzer.closedFindings(scan: scan(at: end)).closed)
        return looks
    }

    @Test func eachFindingOnceWhenItsWindowCloses() {
        var analyzer = FollowAnalyzer()
        let events = OperatorScenario.builder().events
        let looks = Self.follow(events, &analyzer, end: S.at(59, 59))
        let reported = looks.flatMap { $0 }
        // The drift at the first look after the start-up line; the saturation and the burst once
        // the drop at 00:30 shows more than 5m passed; the rare drops only at the end.
        #expect(looks.map { $0.map(\.id.rawValue) } == [
            [], ["config_drift"], [], [], [], [], [], [], [], [], [], [], [], [],
            ["channel_saturation", "pgmq_notification_burst"], [], [], [], ["event_publisher_drops"],
        ])
        #expect(reported.count == 4)
        // What was written live is what the report over the whole input says.
        let final = OperatorScenario.report()
        #expect(Set(reported.map { "\($0)" }) == Set(final.findings.map { "\($0)" }))
        #expect(analyzer.closedFindings(scan: Self.scan(at: S.at(59, 59))).closed.isEmpty)
    }

    @Test func anOngoingEpisodeStaysOpen() {
        var s = S()
        s.saturations("orchestration_command", 92, from: S.at(0), to: S.at(6), every: 60)
        var analyzer = FollowAnalyzer()
        for event in s.events { analyzer.add(event) }
        let during = analyzer.closedFindings(scan: Self.scan(at: S.at(11)))
        #expect(during.closed.isEmpty)
        #expect(during.open == 1)
        // Any line later than the gap (no event needed) closes it.
        let after = analyzer.closedFindings(scan: Self.scan(at: S.at(11, 1)))
        #expect(after.closed.map(\.id) == [.channelSaturation])
        #expect(after.closed[0].severity == .critical)
        #expect(after.open == 0)
    }

    @Test func allChannelsSaturatedClosesWithItsWindow() {
        var s = S()
        s.saturation("orchestration_command", 97, at: S.at(10, 30))
        s.saturation("pgmq_notifications", 98, at: S.at(11))
        var analyzer = FollowAnalyzer()
        for event in s.events { analyzer.add(event) }
        #expect(!analyzer.closedFindings(scan: Self.scan(at: S.at(14, 59))).closed.contains { $0.id == .allChannelsSaturated })
        let closed = analyzer.closedFindings(scan: Self.scan(at: S.at(15))).closed
        #expect(closed.map(\.id) == [.allChannelsSaturated])
        #expect(closed[0].start == S.at(10))
    }

    @Test func configDriftOncePerBufferSize() {
        var s = S()
        s.channelInit("event_publisher_queue", capacity: 5000, at: S.at(0))
        s.channelInit("event_publisher_queue", capacity: 5000, at: S.at(30))
        s.channelInit("event_publisher_queue", capacity: 2000, at: S.at(40))
        var analyzer = FollowAnalyzer()
        let looks = Self.follow(s.events, &analyzer, end: S.at(50))
        #expect(looks.map(\.count) == [1, 0, 1, 0])
        guard case .drift(let first)? = looks[0].first?.evidence, case .drift(let second)? = looks[2].first?.evidence else {
            Issue.record("expected two config_drift findings")
            return
        }
        #expect((first.logsCapacity, second.logsCapacity) == (5000, 2000))
    }

    /// Sixty short episodes, ten minutes apart: 180 events through an analysis holding 40.
    @Test func memoryStaysBoundedAndNothingIsReportedTwice() {
        var s = S()
        for k in Int64(0)..<60 {
            s.saturations("worker_command", 85, from: S.at(10 * k), to: S.at(10 * k, 40), every: 20)
        }
        var analyzer = FollowAnalyzer(maxEvents: 40, carriedEvents: 10)
        let end = S.at(600)
        let reported = Self.follow(s.events, &analyzer, end: end).flatMap { $0 }
        #expect(reported.count == 60)
        #expect(Set(reported.map { $0.start! }).count == 60)
        #expect(reported.allSatisfy { $0.id == .channelSaturation && $0.severity == .info })
        #expect(analyzer.restarts == 5)
        #expect(analyzer.eventsAdded == 180)
        let summary = analyzer.summary(scan: Self.scan(at: end))
        #expect(summary.eventsFound <= 40)
        #expect(summary.warnings == ["--follow keeps memory bounded: this summary covers the events from 2025-10-14T08:20:00Z on (30 of 180 events read)"])
    }

    @Test func aFreshStartKeepsTheBufferSizesAndDoesNotRepeatAnEpisodeItCut() {
        var s = S()
        s.channelInit("orchestration_command_channel", capacity: 3000, at: S.at(0))
        // One long episode of 30 events (a run above 90% for 29 minutes), then quiet.
        s.saturations("orchestration_command", 93, from: S.at(1), to: S.at(30), every: 60)
        var analyzer = FollowAnalyzer(maxEvents: 20, carriedEvents: 8)
        var reported: [Finding] = []
        for event in s.events {
            analyzer.add(event)
            reported += analyzer.closedFindings(scan: Self.scan(at: event.timestamp)).closed
        }
        // The episode was cut by the fresh start: it is still reported once, when it closes.
        reported += analyzer.closedFindings(scan: Self.scan(at: S.at(40))).closed
        #expect(reported.map(\.id) == [.configDrift, .channelSaturation])
        #expect(analyzer.restarts == 1)
        let summary = analyzer.summary(scan: Self.scan(at: S.at(40)))
        let channel = summary.channels.first { $0.channel == "orchestration_command" }
        #expect(channel?.capacity == 3000)
        #expect(channel?.capacitySource == .logs)
        // Reported again after the fresh start: no.
        #expect(analyzer.closedFindings(scan: Self.scan(at: S.at(41))).closed.isEmpty)
    }
}
