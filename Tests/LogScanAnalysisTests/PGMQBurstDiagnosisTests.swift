import Testing
@testable import LogScanEngine
@testable import LogScanAnalysis
import TestSupport

@Suite struct PGMQBurstDiagnosisTests {
    typealias S = ScenarioBuilder

    /// A bulk creation of `tasks` at `bulkAt`, then a 1m burst from `burstAt` (capacity 10000 in the logs).
    func burst(tasks: Int?, bulkAt: Timestamp, burstAt: Timestamp = S.at(5), environment: String = "production",
               capacity: Int? = 10_000) -> Report {
        var s = S()
        s.bulk(tasks, at: bulkAt)
        for (i, usage) in [88.86, 92.94, 96.22, 97.64, 96.03, 89.1, 81.47].enumerated() {
            s.saturation("pgmq_notify_listener", usage, at: burstAt.adding(nanoseconds: Int64(i) * 10_000_000_000),
                         capacity: capacity)
        }
        return s.analyze(AnalysisOptions(environment: environment), end: S.at(40))
    }

    @Test func aBulkCreationFiveMinutesBeforeCorrelates() throws {
        let report = burst(tasks: 1200, bulkAt: S.at(0))
        #expect(report.findings(.channelSaturation).isEmpty)
        let finding = try #require(report.findings(.pgmqNotificationBurst).first)
        #expect(finding.severity == .warning)
        #expect(finding.burst == BurstEvidence(
            start: S.at(5), end: S.at(6), maxUsagePercent: 97.64, events: 7, peakPerMinute: 6, correlated: true,
            bulkTaskCreation: BulkTaskCreation(at: S.at(0), count: 1200, line: LineReference(input: "test.log", line: 1)),
            capacity: 10_000, firstLine: LineReference(input: "test.log", line: 2),
            lastLine: LineReference(input: "test.log", line: 8)))
        #expect(finding.summary == "pgmq_notifications burst for 1m (7 events, peak 97.64%) 5m after a bulk task creation of 1200 tasks at 2025-10-14T00:00:00Z; recovered.")
        #expect(finding.recommendation == Recommendation(
            text: "Bulk task creation fills the PGMQ notification channel. Set pgmq_event_buffer_size = 50000 (now 10000; the runbook's size for production).",
            size: 50_000, configKey: "mpsc_channels.orchestration.event_listeners.pgmq_event_buffer_size",
            file: "config/tasker/environments/production/mpsc_channels.toml",
            toml: "# config/tasker/environments/production/mpsc_channels.toml\n[mpsc_channels.orchestration.event_listeners]\npgmq_event_buffer_size = 50000\n"))
    }

    @Test func aBulkCreationFiveMinutesAndOneSecondBeforeDoesNot() throws {
        let finding = try #require(burst(tasks: 1200, bulkAt: S.at(0), burstAt: S.at(5, 1)).findings.first { $0.id == .pgmqNotificationBurst })
        #expect(finding.severity == .warning)
        #expect(finding.burst?.correlated == false)
        #expect(finding.burst?.bulkTaskCreation == nil)
        #expect(finding.summary == "pgmq_notifications burst for 1m (7 events, peak 97.64%) with no bulk task creation of 1000+ tasks from 5m before it; recovered.")
        #expect(finding.recommendation.text == "No bulk task creation of 1000+ tasks from 5m before the burst to its end: look for another producer of PGMQ notifications. Set pgmq_event_buffer_size = 50000 (now 10000; the runbook's size for production).")
    }

    @Test func nineHundredNinetyNineTasksAreNotABulkCreation() throws {
        #expect(burst(tasks: 999, bulkAt: S.at(1)).findings(.pgmqNotificationBurst).first?.burst?.correlated == false)
        #expect(burst(tasks: 1000, bulkAt: S.at(1)).findings(.pgmqNotificationBurst).first?.burst?.correlated == true)
        // No count on the line: the runbook's grep would have found it, so it counts.
        #expect(burst(tasks: nil, bulkAt: S.at(1)).findings(.pgmqNotificationBurst).first?.burst?.correlated == true)
    }

    @Test func aBulkCreationDuringTheBurstCorrelates() throws {
        let finding = try #require(burst(tasks: 3000, bulkAt: S.at(5, 30)).findings(.pgmqNotificationBurst).first)
        #expect(finding.burst?.bulkTaskCreation?.at == S.at(5, 30))
        #expect(finding.summary == "pgmq_notifications burst for 1m (7 events, peak 97.64%) during a bulk task creation of 3000 tasks at 2025-10-14T00:05:30Z; recovered.")
    }

    @Test func theLatestBulkCreationBeforeTheStartIsNamed() throws {
        var s = S()
        s.bulk(1500, at: S.at(1))
        s.bulk(500, at: S.at(3))
        s.bulk(2000, at: S.at(4))
        s.bulk(4000, at: S.at(5, 30))
        s.saturations("pgmq_notifications", 92, from: S.at(5), to: S.at(6), every: 20)
        let finding = try #require(s.analyze(end: S.at(30)).findings.first)
        #expect(finding.burst?.bulkTaskCreation == BulkTaskCreation(at: S.at(4), count: 2000, line: LineReference(input: "test.log", line: 3)))
    }

    /// A creation at the burst's first instant that comes after its first line in report
    /// order is still "at or before the start", and the latest such: it is named.
    @Test func aBulkCreationAtTheStartInstantAfterItsFirstLineIsNamed() throws {
        var s = S()
        s.bulk(2000, at: S.at(4))
        s.saturation("pgmq_notifications", 92, at: S.at(5))
        s.bulk(1500, at: S.at(5))
        s.saturations("pgmq_notifications", 92, from: S.at(5, 20), to: S.at(6), every: 20)
        let finding = try #require(s.analyze(end: S.at(30)).findings(.pgmqNotificationBurst).first)
        #expect(finding.burst?.bulkTaskCreation == BulkTaskCreation(at: S.at(5), count: 1500, line: LineReference(input: "test.log", line: 3)))
    }

    /// A creation after a burst's end explains the next burst, not that one; one during the
    /// first burst names the first of them.
    @Test func aBulkCreationAfterTheEndExplainsOnlyTheNextBurst() throws {
        var s = S()
        s.saturations("pgmq_notifications", 92, from: S.at(5), to: S.at(6), every: 20)
        s.bulk(3000, at: S.at(6, 30))
        s.bulk(4000, at: S.at(10))
        s.saturations("pgmq_notifications", 92, from: S.at(12), to: S.at(13), every: 20)
        s.bulk(5000, at: S.at(12, 40))
        s.bulk(6000, at: S.at(12, 50))
        let bursts = s.analyze(end: S.at(30)).findings(.pgmqNotificationBurst)
        #expect(bursts.count == 2)
        #expect(bursts.first { $0.start == S.at(5) }?.burst?.correlated == false)
        // 4000 at 0:10 is the latest from 5m before 0:12; the two during it come later.
        #expect(bursts.first { $0.start == S.at(12) }?.burst?.bulkTaskCreation?.count == 4000)
        var during = S()
        during.saturations("pgmq_notifications", 92, from: S.at(5), to: S.at(6), every: 20)
        during.bulk(900, at: S.at(5, 10))
        during.bulk(5000, at: S.at(5, 40))
        during.bulk(6000, at: S.at(5, 50))
        #expect(during.analyze(end: S.at(30)).findings(.pgmqNotificationBurst).first?.burst?.bulkTaskCreation?.count == 5000)
    }

    /// Past the report's limit, creations are counted, not listed, and bursts are still
    /// correlated with the creations that were not listed.
    @Test func bulkCreationsPastTheLimitAreCountedAndStillCorrelate() throws {
        var s = S()
        for minute in 0..<5 { s.bulk(1000 + minute, at: S.at(Int64(minute))) }
        s.saturations("pgmq_notifications", 92, from: S.at(5), to: S.at(6), every: 20)
        var options = AnalysisOptions()
        options.reportLimits = ReportLimits(bulkTaskCreations: 2)
        let report = s.analyze(options, end: S.at(30))
        #expect(report.bulkTaskCreations.map(\.count) == [1000, 1001])
        #expect(report.countedBulkTaskCreations == 3)
        #expect(report.warnings.contains("more than 2 bulk task creations: the first 2 are listed, 3 more counted"))
        let burst = try #require(report.findings(.pgmqNotificationBurst).first?.burst)
        #expect(burst.bulkTaskCreation == BulkTaskCreation(at: S.at(4), count: 1004, line: LineReference(input: "test.log", line: 5)))
        #expect(s.analyze(end: S.at(30)).countedBulkTaskCreations == 0)
    }

    @Test func atProductionSizeACorrelatedBurstIsInfo() throws {
        let finding = try #require(burst(tasks: 1200, bulkAt: S.at(0), capacity: 50_000).findings.first)
        #expect(finding.severity == .info)
        #expect(finding.recommendation == Recommendation(text: "Bulk task creation fills the PGMQ notification channel. Already at 50000: consider notification coalescing, batch notification processing, or scaling orchestration horizontally."))
        let uncorrelated = try #require(burst(tasks: 999, bulkAt: S.at(0), capacity: 50_000).findings.first)
        #expect(uncorrelated.severity == .warning)
        #expect(uncorrelated.recommendation.toml == nil)
    }

    @Test func theTestEnvironmentWritesItsOwnFile() throws {
        let finding = try #require(burst(tasks: 1200, bulkAt: S.at(0), environment: "test", capacity: nil).findings.first)
        #expect(finding.burst?.capacity == 10_000)
        #expect(finding.recommendation.file == "config/tasker/environments/test/mpsc_channels.toml")
    }

    @Test func longOrOngoingPGMQEpisodesAreSaturation() throws {
        var long = S()
        long.saturations("pgmq_notifications", 85, from: S.at(0), to: S.at(5), every: 30)
        #expect(long.analyze(end: S.at(30)).findings.map(\.id) == [.channelSaturation])
        var ongoing = S()
        ongoing.saturations("pgmq_notifications", 85, from: S.at(0), to: S.at(1), every: 30)
        #expect(ongoing.analyze(end: S.at(6)).findings.map(\.id) == [.channelSaturation])
    }

    @Test func everyResizeOfOneKeyCarriesTheLargestSize() throws {
        var s = S()
        // A critical episode (formula: 10000 → 33334 → 40000), then a recovered burst (50000).
        s.saturations("pgmq_notifications", 93, from: S.at(0), to: S.at(6), every: 30, capacity: 10_000)
        s.bulk(2000, at: S.at(20))
        s.saturations("pgmq_notifications", 96, from: S.at(21), to: S.at(22), every: 30, capacity: 10_000)
        let report = s.analyze(end: S.at(40))
        let critical = try #require(report.findings(.channelSaturation).first)
        #expect(critical.severity == .critical)
        #expect(critical.recommendation.size == 50_000)
        #expect(critical.recommendation.text == "Immediate capacity increase or identify the bottleneck. Set pgmq_event_buffer_size = 50000 (now 10000; this finding alone needs 40000: 10000 * 100 / (100 - 70) = 33334, rounded up to 40000; another finding for the same key needs 50000).")
        #expect(report.findings(.pgmqNotificationBurst).first?.recommendation.size == 50_000)
    }
}
