import Testing
@testable import LogScanEngine
@testable import LogScanAnalysis

/// Issue 16: a flood of made-up channel names or event types is cut at a limit, counted in
/// one "other" row, and said in a warning; never a crash or a silent cut.
@Suite struct NameLimitTests {
    static func report(channels: Int, eventTypes: Int, limit: Int) -> Report {
        var options = AnalysisOptions()
        options.nameLimit = limit
        var analyzer = Analyzer(options: options)
        var line = 0
        for c in 0..<channels {
            line += 1
            var e = Event(kind: .full, input: "flood.log", line: line)
            e.channel = "made_up_\(c)"
            e.rawChannel = e.channel
            e.action = "blocked"
            e.timestamp = Timestamp(seconds: 1_760_400_000 + Int64(line))
            analyzer.add(e)
        }
        for t in 0..<eventTypes {
            line += 1
            var e = Event(kind: .droppedEvent, input: "flood.log", line: line)
            e.channel = "event_publisher"
            e.eventType = "type.\(t)"
            e.timestamp = Timestamp(seconds: 1_760_400_000 + Int64(line))
            analyzer.add(e)
        }
        return analyzer.finish(scan: ScanSummary(inputs: [InputSummary(name: "flood.log", lines: Int64(line))]))
    }

    @Test func channelsPastTheLimitShareOneRow() {
        let report = Self.report(channels: 8, eventTypes: 0, limit: 5)
        #expect(Set(report.channels.map(\.channel)) == Set((0..<5).map { "made_up_\($0)" } + ["(other channels)"]))
        #expect(report.channels.first { $0.channel == "(other channels)" }?.fullEvents == 3)
        #expect(report.warnings == ["more than 5 distinct channel names: 3 more are counted together as (other channels)"])
    }

    @Test func eventTypesPastTheLimitShareOneRow() {
        let report = Self.report(channels: 0, eventTypes: 9, limit: 4)
        #expect(report.droppedEventTypes.map(\.count).reduce(0, +) == 9)
        #expect(report.droppedEventTypes.first { $0.eventType == "(other event types)" }?.count == 5)
        #expect(report.warnings == ["more than 4 distinct dropped event types: 5 more are counted together as (other event types)"])
    }

    @Test func underTheLimitNothingIsSaid() {
        // Four made-up channels and event_publisher (the drops' channel): five names.
        let report = Self.report(channels: 4, eventTypes: 4, limit: 5)
        #expect(report.warnings.isEmpty)
        #expect(!report.channels.contains { $0.channel == "(other channels)" })
    }
}
