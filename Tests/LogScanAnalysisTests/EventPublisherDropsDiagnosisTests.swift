import Testing
@testable import LogScanAnalysis
import TestSupport

@Suite struct EventPublisherDropsDiagnosisTests {
    typealias S = ScenarioBuilder

    func drops(_ count: Int, over seconds: Int64) -> Finding? {
        var s = S()
        s.drops(count, from: S.at(0), over: seconds)
        return s.analyze(end: S.at(60)).findings(.eventPublisherDrops).first
    }

    @Test func ratesAtTheRunbookBoundaries() throws {
        let rare = try #require(drops(9, over: 600))
        #expect(rare.drops?.rate.perMinute == 0.9)
        #expect(rare.severity == .info)
        #expect(rare.recommendation == Recommendation(text: "Rare drops (< 1/min): acceptable for non-critical events; monitor, no action needed."))
        let frequent = try #require(drops(11, over: 600))
        #expect(frequent.drops?.rate.perMinute == 1.1)
        #expect(frequent.severity == .warning)
        #expect(frequent.recommendation == Recommendation(text: "Drops from 1 to 10/min: monitor rate(mpsc_channel_full_events_total{channel=\"event_publisher\"}[5m])."))
        let storm = try #require(drops(101, over: 600))
        #expect(storm.drops?.rate.perMinute == 10.1)
        #expect(storm.severity == .critical)
        #expect(storm.recommendation == Recommendation(
            text: "Frequent drops (> 10/min): increase the event publisher's buffer. Set event_queue_buffer_size = 20000 (now 10000; 2x 10000).",
            size: 20_000, configKey: "mpsc_channels.shared.event_publisher.event_queue_buffer_size",
            file: "config/tasker/environments/production/mpsc_channels.toml",
            toml: "# config/tasker/environments/production/mpsc_channels.toml\n[mpsc_channels.shared.event_publisher]\nevent_queue_buffer_size = 20000\n"))
        // Exactly 1/min and exactly 10/min are "monitor".
        #expect(drops(10, over: 600)?.severity == .warning)
        #expect(drops(100, over: 600)?.severity == .warning)
        // The span counts as five minutes at least: 4 drops in a minute are 0.8/min.
        #expect(drops(4, over: 60)?.drops?.rate.perMinute == 0.8)
    }

    @Test func continuousNeedsFifteenMinutesNinetyPercentFull() throws {
        func minutes(_ covered: Int, skipping: Set<Int>) -> DropEvidence? {
            var s = S()
            for m in 0..<covered where !skipping.contains(m) { s.dropped("step.completed", at: S.at(Int64(m), 30)) }
            return s.analyze(end: S.at(90)).findings(.eventPublisherDrops).first?.drops
        }
        let fifteen = minutes(15, skipping: [])
        #expect(fifteen?.continuous == true)
        #expect(fifteen?.minutesCovered == 15)
        #expect(minutes(14, skipping: [])?.continuous == false)
        let ninety = minutes(20, skipping: [5, 12])
        #expect(ninety?.minutesWithDrops == 18)
        #expect(ninety?.continuous == true)
        #expect(minutes(20, skipping: [5, 9, 12])?.continuous == false)
        var s = S()
        for m in 0..<15 { s.dropped("step.completed", at: S.at(Int64(m), 30)) }
        let finding = try #require(s.analyze(end: S.at(90)).findings.first)
        #expect(finding.severity == .warning)
        #expect(finding.summary == "event_publisher dropped 15 events in 14m (1.07/min, frequent, continuous), mostly step.completed (15); recovered.")
        #expect(finding.recommendation.text == "Drops from 1 to 10/min: monitor rate(mpsc_channel_full_events_total{channel=\"event_publisher\"}[5m]). Drops are continuous: investigate the event storm's cause, consider event sampling/filtering, review event subscriber performance.")
    }

    @Test func eventTypesMostFirstAndUntypedForActionDropped() throws {
        var s = S()
        s.dropped("workflow.transition", at: S.at(0))
        s.dropped("step.completed", at: S.at(1))
        s.full("event_publisher", action: "dropped", at: S.at(2))
        s.dropped("step.completed", at: S.at(3))
        s.dropped("step.failed", at: S.at(4))
        s.dropped("task.finalized", at: nil)
        let report = s.analyze(end: S.at(40))
        let evidence = try #require(report.findings(.eventPublisherDrops).first?.drops)
        // The overflow drop names no event: it counts in drops and untyped drops, never as `unknown`.
        #expect(evidence.eventTypes == [
            EventTypeCount(eventType: "step.completed", count: 2), EventTypeCount(eventType: "step.failed", count: 1),
            EventTypeCount(eventType: "workflow.transition", count: 1),
        ])
        #expect(evidence.untypedDrops == 1)
        #expect(evidence.drops == 5)
        // The report's list also counts the untimed drop.
        #expect(report.droppedEventTypes.map(\.eventType) == ["step.completed", "step.failed", "task.finalized", "workflow.transition"])
        #expect(report.untypedDrops == 1)
        #expect(report.channel("event_publisher")?.drops == 6)
        #expect(report.channel("event_publisher")?.untimedEvents == 1)
        #expect(report.findings(.channelFull).isEmpty)
    }

    @Test func anEpisodeStillDroppingAtTheEnd() throws {
        var s = S()
        s.drops(3, from: S.at(0), over: 120)
        let finding = try #require(s.analyze(end: S.at(6, 59)).findings.first)
        #expect(finding.drops?.recovered == false)
        #expect(finding.summary.hasSuffix("; ongoing at the end of the input."))
    }
}
