import Testing
@testable import LogScanEngine
@testable import LogScanAnalysis
import TestSupport

/// `--follow`'s analysis: a critical finding when it opens, each finding once when its window
/// has closed; memory held for open findings and recent windows only.
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
            looks.append(analyzer.look(scan: scan(at: event.timestamp)).closed)
        }
        looks.append(analyzer.look(scan: scan(at: end)).closed)
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
        #expect(analyzer.look(scan: Self.scan(at: S.at(59, 59))).closed.isEmpty)
    }

    @Test func anOngoingEpisodeStaysOpen() {
        var s = S()
        s.saturations("orchestration_command", 92, from: S.at(0), to: S.at(6), every: 60)
        var analyzer = FollowAnalyzer()
        for event in s.events { analyzer.add(event) }
        let during = analyzer.look(scan: Self.scan(at: S.at(11)))
        #expect(during.closed.isEmpty)
        #expect(during.open.map(\.id) == [.channelSaturation])
        // Critical while open: announced once, with its evidence so far.
        #expect(during.opened.map(\.severity) == [.critical])
        #expect(during.opened.first?.end == S.at(6))
        #expect(analyzer.look(scan: Self.scan(at: S.at(11))).opened.isEmpty)
        // Any line later than the gap (no event needed) closes it.
        let after = analyzer.look(scan: Self.scan(at: S.at(11, 1)))
        #expect(after.closed.map(\.id) == [.channelSaturation])
        #expect(after.closedWereOpen == [true])
        #expect(after.closed[0].severity == .critical)
        #expect(after.open.isEmpty)
        #expect(after.opened.isEmpty)
    }

    @Test func allChannelsSaturatedClosesWithItsWindow() {
        var s = S()
        s.saturation("orchestration_command", 97, at: S.at(10, 30))
        s.saturation("pgmq_notifications", 98, at: S.at(11))
        var analyzer = FollowAnalyzer()
        for event in s.events { analyzer.add(event) }
        #expect(!analyzer.look(scan: Self.scan(at: S.at(14, 59))).closed.contains { $0.id == .allChannelsSaturated })
        let closed = analyzer.look(scan: Self.scan(at: S.at(15))).closed
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

    /// Sixty short episodes, ten minutes apart, over ten hours: the analysis holds the events
    /// of the last windows only, never all of them, and reports each episode once.
    @Test func memoryStaysFlatAndNothingIsReportedTwice() {
        var s = S()
        for k in Int64(0)..<60 {
            s.saturations("worker_command", 85, from: S.at(10 * k), to: S.at(10 * k, 40), every: 20)
        }
        var analyzer = FollowAnalyzer(pruneMinimum: 6)
        var reported: [Finding] = []
        var mostHeld = 0
        for event in s.events {
            analyzer.add(event)
            reported += analyzer.look(scan: Self.scan(at: event.timestamp)).closed
            mostHeld = max(mostHeld, analyzer.eventsHeld)
        }
        reported += analyzer.look(scan: Self.scan(at: S.at(600))).closed
        #expect(reported.count == 60)
        #expect(Set(reported.map { $0.start! }).count == 60)
        #expect(reported.allSatisfy { $0.id == .channelSaturation && $0.severity == .info })
        #expect(analyzer.eventsAdded == 180)
        // Three episodes (9 events) at most: the one going on and the two before, within 10m.
        #expect(mostHeld == 9)
        #expect(analyzer.prunes == 29)
        #expect(analyzer.restarts == 0)
        #expect(analyzer.summary(scan: Self.scan(at: S.at(600))).warnings.isEmpty)
    }

    /// An episode that never ends holds its events up to the safety bound; past it the analysis
    /// starts afresh from the most recent ones and still reports the episode once.
    @Test func theSafetyBoundKeepsTheBufferSizesAndDoesNotRepeatAnEpisodeItCut() {
        var s = S()
        s.channelInit("orchestration_command_channel", capacity: 3000, at: S.at(0))
        // One long episode of 30 events (a run above 90% for 29 minutes), then quiet.
        s.saturations("orchestration_command", 93, from: S.at(1), to: S.at(30), every: 60)
        var analyzer = FollowAnalyzer(maxEvents: 24, carriedEvents: 8, maxCapacities: 4)
        var reported: [Finding] = []
        var opened: [Finding] = []
        var closedWereOpen: [Bool] = []
        for event in s.events {
            analyzer.add(event)
            let look = analyzer.look(scan: Self.scan(at: event.timestamp))
            reported += look.closed
            opened += look.opened
            closedWereOpen += look.closedWereOpen
        }
        // The episode was cut by the fresh start: it is still reported once, when it closes,
        // as the one printed OPEN before the cut.
        let last = analyzer.look(scan: Self.scan(at: S.at(40)))
        reported += last.closed
        closedWereOpen += last.closedWereOpen
        #expect(reported.map(\.id) == [.configDrift, .channelSaturation])
        #expect(opened.map(\.id) == [.channelSaturation])
        #expect(closedWereOpen == [false, true])
        #expect(analyzer.restarts == 1)
        let summary = analyzer.summary(scan: Self.scan(at: S.at(40)))
        let channel = summary.channels.first { $0.channel == "orchestration_command" }
        #expect(channel?.capacity == 3000)
        #expect(channel?.capacitySource == .logs)
        #expect(summary.warnings == ["--follow keeps memory bounded: open findings cover the events from 2025-10-14T00:12:00Z on"])
        // Reported again after the fresh start: no.
        #expect(analyzer.look(scan: Self.scan(at: S.at(41))).closed.isEmpty)
    }

    /// Issue 16: more distinct buffer-size announcements than the analysis may hold must not
    /// make every event start it afresh (it did past 250k channels).
    @Test func manyDistinctBufferSizesDoNotRestartPerEvent() {
        var s = S()
        for k in Int64(0)..<1000 {
            s.channelInit("channel_\(k)", capacity: 100 + Int(k), at: S.at(0, k))
        }
        var analyzer = FollowAnalyzer(maxEvents: 100, carriedEvents: 10, maxCapacities: 25)
        for event in s.events { analyzer.add(event) }
        // A fresh start at 100 - 25 events held, then one per 65 more (10 carried), not one per event.
        #expect(analyzer.restarts == 15)
        #expect(analyzer.eventsHeld <= 100)
        #expect(analyzer.capacitiesForgotten == 960)
        let summary = analyzer.summary(scan: Self.scan(at: S.at(20)))
        #expect(summary.warnings.contains("--follow keeps memory bounded: the buffer sizes of 960 channels not announced lately were forgotten (more than 25 channels)"))
    }

    /// Letting go of old events must not cut through a finding: the tail of a long pgmq episode
    /// would read as a short burst of its own and be printed again (the week-long replay did).
    @Test func lettingGoOfOldEventsNeverCutsAFindingInTwo() {
        var s = S()
        s.saturations("pgmq_notify_listener", 85, from: S.at(0), to: S.at(2), every: 20)
        s.bulk(1500, at: S.at(5))
        s.saturations("pgmq_notify_listener", 95.5, from: S.at(5, 20), to: S.at(5, 40), every: 10)
        var analyzer = FollowAnalyzer(pruneMinimum: 4)
        var reported: [Finding] = []
        for event in s.events {
            analyzer.add(event)
            reported += analyzer.look(scan: Self.scan(at: event.timestamp)).closed
        }
        // Heartbeats for the next half hour, one look a minute.
        for minute in Int64(6)...36 {
            reported += analyzer.look(scan: Self.scan(at: S.at(minute))).closed
        }
        #expect(reported.filter { $0.channel == "pgmq_notifications" }.map(\.start) == [S.at(0)])
        #expect(analyzer.prunes > 0)
        #expect(analyzer.eventsHeld == 0)
    }
}
