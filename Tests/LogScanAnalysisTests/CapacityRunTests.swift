import Testing
@testable import LogScanEngine
@testable import LogScanAnalysis
import TestSupport

/// A storm of saturation lines each stating `buffer_size` keeps only the ends of each run of
/// equal sizes: the timeline's changes, the size in force and the latest line are unchanged.
@Suite struct CapacityRunTests {
    typealias Entry = CapacityObservations.Entry

    @Test func runsKeepTheirFirstAndLastEntry() {
        let capacities = [5, 5, 5, 5, 7, 5, 5, 9, 9]
        let entries = capacities.enumerated().map { Entry(record: $0.offset, capacity: $0.element) }
        #expect(CapacityObservations.runEnds(entries).map(\.record) == [0, 3, 4, 5, 6, 7, 8])
        #expect(CapacityObservations.runEnds([]).isEmpty)
        #expect(CapacityObservations.runEnds([Entry(record: 4, capacity: 1)]).map(\.record) == [4])
    }

    @Test func aStormOfCapacityLinesGivesTheSameTimeline() {
        let t0: Int64 = 1_760_400_000
        var analyzer = Analyzer()
        // 1000 for 200 lines, 2000 for 200 (a restart), 1000 again for 3; read newest first.
        var events: [Event] = []
        for i in 0..<403 {
            let size = i < 200 || i >= 400 ? 1000 : 2000
            events.append(Event(kind: .saturation, channel: "orchestration_command", timestamp: Timestamp(seconds: t0 + Int64(i)),
                                input: "storm.log", line: i + 1, usagePercent: 85, capacity: size))
        }
        for event in events.reversed() { analyzer.add(event) }
        let report = analyzer.finish(scan: ScanSummary(inputs: [InputSummary(name: "storm.log", lines: 403)]))
        let channel = report.channels.first { $0.channel == "orchestration_command" }
        #expect(channel?.capacityChanges == [
            CapacityChange(at: Timestamp(seconds: t0 + 200), from: 1000, to: 2000, line: LineReference(input: "storm.log", line: 201)),
            CapacityChange(at: Timestamp(seconds: t0 + 400), from: 2000, to: 1000, line: LineReference(input: "storm.log", line: 401)),
        ])
        #expect(channel?.capacity == 1000)
        #expect(channel?.saturationEvents == 403)
        // The drift finding names the last line of the input, as before.
        let drift = report.findings.first { $0.id == .configDrift }
        guard case .drift(let evidence)? = drift?.evidence else {
            Issue.record("no config_drift finding")
            return
        }
        #expect(evidence.line == LineReference(input: "storm.log", line: 403))
    }
}
