import Testing
@testable import LogScanEngine
@testable import LogScanAnalysis
@testable import LogScanOutput
import TestSupport

/// What the session writes as events and time come in: OPEN, CLOSED, the summary.
@Suite struct FollowSessionTests {
    typealias S = ScenarioBuilder

    final class Output {
        var pieces: [String] = []
    }

    static func session(_ out: Output, format: FollowOutputFormatter.Format = .json) -> FollowSession {
        // interval 0: a look at every event, the worst case for closing too early.
        FollowSession(analyzer: FollowAnalyzer(), formatter: FollowOutputFormatter(format: format), interval: 0) {
            out.pieces.append($0)
        }
    }

    /// A batch read at once carries the newest time of all its lines; an episode must not close
    /// on that time before the batch's later events of it are in (a live test caught this).
    @Test func anEpisodeDoesNotCloseOnTheTimeOfLinesNotYetAdded() {
        var s = S()
        s.saturations("orchestration_command", 85, from: S.at(0), to: S.at(1), every: 60)
        let out = Output()
        let session = Self.session(out, format: .text)
        for event in s.events { session.add(event, now: S.at(7)) }
        #expect(out.pieces.isEmpty)
        session.advance(now: S.at(7), quiet: true)
        #expect(out.pieces.count == 1)
        #expect(out.pieces.first?.contains("2 events from 2025-10-14T00:00:00Z to 2025-10-14T00:01:00Z (1m), recovered") == true)
    }

    @Test func aCriticalEpisodeIsOpenThenClosedAndCountedOnce() throws {
        var s = S()
        s.saturations("orchestration_command", 97, from: S.at(0), to: S.at(20), every: 60)
        let out = Output()
        let session = Self.session(out)
        for event in s.events { session.add(event, now: event.timestamp) }
        session.advance(now: S.at(20), quiet: true)
        #expect(out.pieces.count == 1)
        #expect(out.pieces[0].hasPrefix(#"{"state":"open","finding":{"id":"channel_saturation","severity":"critical""#))
        // Nothing new: no second OPEN.
        session.advance(now: S.at(21), quiet: true)
        #expect(out.pieces.count == 1)
        session.advance(now: S.at(26), quiet: true)
        #expect(out.pieces.count == 2)
        #expect(out.pieces[1].hasPrefix(#"{"state":"closed","finding":{"id":"channel_saturation","severity":"critical""#))
        let summary = session.finish(scan: ScanSummary(inputs: [InputSummary(name: "tasker.log", lastTimestamp: S.at(26))]))
        #expect(out.pieces.count == 3)
        #expect(summary.open.isEmpty)
        #expect(summary.closed == [.critical: 1])
        #expect(summary.opened == 1)
        #expect(summary.exitStatus(failOn: .critical) == 1)
        #expect(summary.exitStatus(failOn: .never) == 0)
    }

    @Test func aFindingPrintedOpenTripsFailOnEvenIfItClosesLower() {
        let report = Report(inputs: [InputSummary(name: "-")])
        let summary = FollowSummary(report: report, closed: [.info: 1], eventsRead: 4, opened: 1)
        #expect(summary.exitStatus(failOn: .critical) == 1)
        #expect(FollowSummary(report: report, closed: [.info: 1], eventsRead: 4).exitStatus(failOn: .warning) == 0)
        #expect(FollowSummary(report: report, closed: [.info: 1], eventsRead: 4).exitStatus(failOn: .info) == 1)
        let failed = Report(inputs: [InputSummary(name: "a.log", error: "Permission denied")])
        #expect(FollowSummary(report: failed, closed: [:], eventsRead: 0).exitStatus(failOn: .never) == 2)
    }

    /// A long input caught up on in less than a look interval: the session still looks as the
    /// events held double, so old events go and no finding is lost to the safety bound.
    @Test func aFastCatchUpStillLetsGoOfOldEvents() {
        var s = S()
        for k in Int64(0)..<60 {
            s.saturations("worker_command", 85, from: S.at(10 * k), to: S.at(10 * k, 40), every: 20)
        }
        let out = Output()
        let session = FollowSession(analyzer: FollowAnalyzer(maxEvents: 40, carriedEvents: 10, pruneMinimum: 4),
                                    formatter: FollowOutputFormatter(format: .json), interval: 3600) { out.pieces.append($0) }
        for event in s.events { session.add(event, now: event.timestamp) }
        let summary = session.finish(scan: ScanSummary(inputs: [InputSummary(name: "tasker.log", lastTimestamp: S.at(600))]))
        #expect(summary.closed == [.info: 60])
        #expect(summary.report.warnings.isEmpty)
    }
}
