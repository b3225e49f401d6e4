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

    /// Only lines whose size differs from their channel's previous one keep an entry; the
    /// others are read back from it. Two channels past the name limit share one row, so
    /// their alternating sizes are changes of that row, whether added here or in a part.
    @Test(arguments: [false, true]) func channelsSharingARowKeepEveryChange(inAPart: Bool) {
        let t0: Int64 = 1_760_400_000
        var options = AnalysisOptions()
        options.nameLimit = 1
        var events = [Event(kind: .saturation, channel: "first_channel", timestamp: Timestamp(seconds: t0),
                            input: "a.log", line: 1, usagePercent: 85, capacity: 100)]
        // a, b, a, b stating 5000, 1000, 5000, 1000: each line changes the shared row's size.
        for i in 0..<4 {
            events.append(Event(kind: .saturation, channel: i % 2 == 0 ? "a_channel" : "b_channel",
                                timestamp: Timestamp(seconds: t0 + 10 + Int64(i)), input: "a.log", line: i + 2,
                                usagePercent: 85, capacity: i % 2 == 0 ? 5000 : 1000))
        }
        var analyzer = Analyzer(options: options)
        if inAPart {
            var part = analyzer.emptyPart()
            for event in events { part.add(event) }
            analyzer.append(part, lineOffset: 0)
        } else {
            for event in events { analyzer.add(event) }
        }
        let report = analyzer.finish(scan: ScanSummary(inputs: [InputSummary(name: "a.log", lines: 5)]))
        let other = report.channels.first { $0.channel == Analyzer.otherChannels }
        #expect(other?.capacityChanges == [
            CapacityChange(at: Timestamp(seconds: t0 + 11), from: 5000, to: 1000, line: LineReference(input: "a.log", line: 3)),
            CapacityChange(at: Timestamp(seconds: t0 + 12), from: 1000, to: 5000, line: LineReference(input: "a.log", line: 4)),
            CapacityChange(at: Timestamp(seconds: t0 + 13), from: 5000, to: 1000, line: LineReference(input: "a.log", line: 5)),
        ])
        #expect(report.channels.first { $0.channel == "first_channel" }?.capacity == 100)
    }
}
