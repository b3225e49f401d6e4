import Testing
@testable import LogScanEngine
@testable import LogScanAnalysis
import TestSupport

/// A large file is scanned in ranges, each into a part of the analyzer on its own thread,
/// and the parts are appended in file order: the report must be the one of adding every
/// event to one analyzer, names, limits, sources, capacities and line numbers included.
@Suite struct AnalyzerPartTests {
    static let t0: Int64 = 1_760_400_000

    /// Events using every table: channels past a small name limit, event types past it,
    /// sources, inputs, capacity lines, untimed events, bulk creations and slow handlers.
    static func events() -> [Event] {
        var events: [Event] = []
        for i in 0..<400 {
            var e: Event
            switch i % 6 {
            case 0:
                e = Event(kind: .saturation, channel: ["pgmq_notifications", "orchestration_command", "made_up_\(i % 7)"][i % 3],
                          usagePercent: Double(80 + i % 20), capacity: i % 12 == 0 ? 1000 + i : nil)
            case 1:
                e = Event(kind: .droppedEvent, channel: "event_publisher", eventType: "type.\(i % 9)")
            case 2:
                e = Event(kind: .full, channel: "made_up_\(i % 11)", action: i % 4 == 0 ? "dropped" : "blocked")
            case 3:
                e = Event(kind: .ffiBackpressure, channel: "ruby_ffi")
            case 4:
                e = Event(kind: .slowHandler, seconds: Double(i % 5))
            default:
                e = Event(kind: i % 2 == 0 ? .bulkTaskCreation : .channelInit, channel: i % 2 == 0 ? nil : "made_up_\(i % 13)",
                          capacity: i % 2 == 0 ? nil : 500 + i, count: 1000 + i)
            }
            e.input = i < 250 ? "a.log" : "b.log"
            e.line = i < 250 ? i + 1 : i - 249
            e.source = i % 5 == 0 ? nil : "pod-\(i % 4)"
            // Out of time order, some untimed.
            e.timestamp = i % 17 == 0 ? nil : Timestamp(seconds: t0 + Int64((i * 37) % 400) * 20)
            events.append(e)
        }
        return events
    }

    static func options(limit: Int) -> AnalysisOptions {
        var options = AnalysisOptions()
        options.nameLimit = limit
        return options
    }

    static let scan = ScanSummary(inputs: [InputSummary(name: "a.log", lines: 250), InputSummary(name: "b.log", lines: 150)])

    static func whole(_ events: [Event], _ options: AnalysisOptions) -> Report {
        var analyzer = Analyzer(options: options)
        for event in events { analyzer.add(event) }
        return analyzer.finish(scan: scan)
    }

    /// The events cut at `cuts`, each piece added to a part with lines counted from the
    /// piece's start (as a range of a file is), and the parts appended in order.
    static func inParts(_ events: [Event], cuts: [Int], _ options: AnalysisOptions) -> Report {
        var analyzer = Analyzer(options: options)
        // A piece never spans two inputs: each input's lines count from its own start.
        let bounds = [0] + Set(cuts + [250]).sorted() + [events.count]
        for (start, end) in zip(bounds, bounds.dropFirst()) {
            var part = analyzer.emptyPart()
            // Lines of one piece are counted from the line before its first event.
            let offset = events[start].line - 1
            for var event in events[start..<end] {
                event.line -= offset
                part.add(event)
            }
            analyzer.append(part, lineOffset: offset)
        }
        return analyzer.finish(scan: scan)
    }

    @Test(arguments: [1000, 8, 3])
    func partsGiveTheReportOfOneAnalyzer(limit: Int) {
        let events = Self.events()
        let reference = Self.whole(events, Self.options(limit: limit))
        #expect(!reference.findings.isEmpty)
        for cuts in [[1], [7, 100, 249], [3, 251, 399], Array(stride(from: 10, to: 400, by: 10))] {
            #expect(Self.inParts(events, cuts: cuts, Self.options(limit: limit)) == reference, "cuts \(cuts), limit \(limit)")
        }
    }

    @Test func anEmptyPartChangesNothing() {
        let events = Self.events()
        var analyzer = Analyzer(options: Self.options(limit: 8))
        for event in events { analyzer.add(event) }
        analyzer.append(analyzer.emptyPart(), lineOffset: 1000)
        #expect(analyzer.finish(scan: Self.scan) == Self.whole(events, Self.options(limit: 8)))
    }

    @Test(arguments: ["plain.log", "cri.log", "json.log", "mixed.log", "restart.log"])
    func aFileScannedInRangesGivesTheSameReport(fixture: String) {
        let path = EngineFixtures.path(fixture)
        func report(_ scanOptions: ScanOptions) -> Report {
            var analyzer = Analyzer(options: Self.options(limit: 3))
            let summary = LogScanner(options: scanOptions).scan([.path(path)], into: &analyzer)
            return analyzer.finish(scan: summary)
        }
        let reference = report(ScanOptions())
        #expect(reference.eventsFound > 0)
        for options in [ScanOptions(threads: 2, parallelChunkBytes: 1000), ScanOptions(threads: 3, parallelChunkBytes: 1)] {
            #expect(report(options) == reference, "options \(options)")
        }
    }

    @Test func severalInputsReadAtOnceGiveTheReportOfReadingThemInOrder() {
        let paths = ["plain.log", "restart.log", "cri.log"].map { InputSpec.path(EngineFixtures.path($0)) }
        func report(_ scanOptions: ScanOptions) -> Report {
            var analyzer = Analyzer(options: Self.options(limit: 4))
            let summary = LogScanner(options: scanOptions).scan(paths, into: &analyzer)
            return analyzer.finish(scan: summary)
        }
        #expect(report(ScanOptions(threads: 3)) == report(ScanOptions()))
    }
}
