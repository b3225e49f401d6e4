import Testing
@testable import LogScanEngine
@testable import LogScanAnalysis
import TestSupport

/// The analyzer's flat memory: 32-byte records in fixed blocks, sorted as positions (in one
/// pass when nearly in order), and the capacity lines that changed a channel's size.
@Suite struct RecordStorageTests {
    typealias S = ScenarioBuilder

    static func record(_ kind: EventKind, time: Int64 = 7, line: Int = 3, input: Int32 = 0, channel: Int32 = 2,
                       eventType: Int32 = EventRecord.none, value: Double = .nan, count: Int = -1,
                       isDrop: Bool = false, isBlocked: Bool = false, source: Int32 = EventRecord.none) -> EventRecord {
        EventRecord(time: time, kind: kind, isDrop: isDrop, isBlocked: isBlocked, channel: channel,
                    eventType: eventType, input: input, line: line, value: value, count: count, source: source)
    }

    @Test func aRecordIs32Bytes() {
        #expect(MemoryLayout<EventRecord>.size == 32)
        #expect(MemoryLayout<EventRecord>.stride == 32)
    }

    @Test func everyFieldComesBackExactly() {
        // Lines past 4G, the last input number, a usage that prints with 14 decimals.
        let saturation = Self.record(.saturation, time: EventRecord.untimed, line: 5_000_000_007,
                                     input: Int32(EventRecord.maxInputs - 1), value: 96.17999999999999)
        #expect(saturation.kind == .saturation)
        #expect(saturation.time == Int64.min)
        #expect(!saturation.isTimed)
        #expect(saturation.line == 5_000_000_007)
        #expect(saturation.input == 16_777_215)
        #expect(saturation.channel == 2)
        #expect(saturation.value.bitPattern == (96.17999999999999).bitPattern)
        #expect(saturation.count == -1)
        #expect(saturation.eventType == EventRecord.none)
        #expect(!saturation.isDrop && !saturation.isBlocked)

        let noUsage = Self.record(.saturation)
        #expect(noUsage.value.isNaN)

        let bulk = Self.record(.bulkTaskCreation, channel: EventRecord.none, value: 3, count: Int.max)
        #expect(bulk.count == Int.max)
        #expect(bulk.value.isNaN)
        #expect(bulk.channel == -1)
        #expect(Self.record(.bulkTaskCreation, count: -1).count == -1)

        let drop = Self.record(.full, line: 123_456_789_012, eventType: 70_000, value: 50, count: 12, isDrop: true, source: 9)
        #expect(drop.kind == .full)
        #expect(drop.line == 123_456_789_012)
        #expect(drop.source == 9)
        #expect(Self.record(.full).source == EventRecord.none)
        // Past the limits: the line saturates, sources share the "other" index; never a trap.
        #expect(Self.record(.full, line: Int.max).line == EventRecord.maxLine)
        #expect(Self.record(.full, line: -4).line == 0)
        #expect(Self.record(.full, source: Int32.max).source == EventRecord.otherSources)
        #expect(drop.eventType == 70_000)
        #expect(drop.value.isNaN)
        #expect(drop.count == -1)
        #expect(drop.isDrop && !drop.isBlocked)

        let blocked = Self.record(.full, isBlocked: true)
        #expect(blocked.isBlocked && !blocked.isDrop)
        #expect(blocked.eventType == EventRecord.none)

        let slow = Self.record(.slowHandler, channel: EventRecord.none, value: 2.5)
        #expect(slow.value == 2.5)
        #expect(slow.kind == .slowHandler)
        for kind in EventKind.allCases {
            #expect(Self.record(kind, input: 300).kind == kind)
            #expect(Self.record(kind, input: 300).input == 300)
        }
    }

    @Test func blocksHoldTheirPlaceAcrossBoundaries() {
        var store = RecordStore()
        let total = 2 * RecordStore.blockSize + 3
        for i in 0..<total { store.append(Self.record(.full, time: Int64(i) * 10, line: i + 1)) }
        #expect(store.count == 131_075)
        for i in [0, 65_535, 65_536, 65_537, 131_071, 131_072, 131_074] {
            #expect(store[i].line == i + 1)
            #expect(store[i].time == Int64(i) * 10)
        }
        var lines: [Int] = []
        store.forEachInArrivalOrder { record, position in
            #expect(position == lines.count)
            lines.append(record.line)
        }
        #expect(lines == Array(1...total))
        #expect(store.spilledCount == 0)
    }

    /// A storm long enough to fill more than one block: saturation on two channels, drops,
    /// FFI backpressure with slow handlers, bulk creations and buffer sizes, over ~20 hours.
    static func storm() -> [Event] {
        var events: [Event] = []
        for i in 0..<70_000 {
            let second = Int64(i)
            // A quiet hour in the middle splits the episodes.
            let t = S.at(0, second + (i >= 35_000 ? 3600 : 0), millis: Int64(i % 7) * 100)
            let input = i % 3 == 0 ? "b.log" : "a.log"
            let line = i + 1
            var event: Event
            switch i % 10 {
            case 0, 1, 2:
                event = Event(kind: .saturation, channel: "orchestration_command", timestamp: t,
                              usagePercent: 80 + Double(i % 19) + 0.18, capacity: i % 500 == 0 ? 5000 + i : nil)
            case 3, 4:
                event = Event(kind: .saturation, channel: "pgmq_notifications", timestamp: t,
                              usagePercent: 96.17999999999999 - Double(i % 23))
            case 5, 6:
                event = Event(kind: .droppedEvent, channel: "event_publisher", timestamp: t,
                              eventType: ["step.completed", "task.finalized", "step.failed"][i % 3])
            case 7:
                event = Event(kind: .full, channel: "worker_command", timestamp: i % 10_000 == 7 ? nil : t,
                              action: i % 20 == 7 ? "blocked" : "dropped")
            case 8:
                event = i % 40 == 8 ? Event(kind: .slowHandler, timestamp: t, seconds: 2.5 + Double(i % 5))
                    : Event(kind: .ffiBackpressure, channel: "ruby_ffi", timestamp: t)
            default:
                event = i % 100 == 9 ? Event(kind: .bulkTaskCreation, timestamp: t, count: 900 + i % 300)
                    : Event(kind: .channelInit, channel: "event_publisher", timestamp: t, capacity: 4000 + i % 7000)
            }
            event.input = input
            event.line = line
            events.append(event)
        }
        return events
    }

    static func report(_ events: [Event], _ options: AnalysisOptions = AnalysisOptions()) -> Report {
        var analyzer = Analyzer(options: options)
        for event in events { analyzer.add(event) }
        let scan = ScanSummary(inputs: ["a.log", "b.log"].map { name in
            InputSummary(name: name, bytes: 1000, lines: 70_000, firstTimestamp: S.at(0), lastTimestamp: S.at(1300))
        })
        return analyzer.finish(scan: scan)
    }

    /// The same events in another order, from a fixed seed (a linear congruential shuffle).
    static func shuffled(_ events: [Event]) -> [Event] {
        var result = events
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for i in stride(from: result.count - 1, to: 0, by: -1) {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            result.swapAt(i, Int(state >> 33) % (i + 1))
        }
        return result
    }

    @Test(arguments: [
        AnalysisOptions(),
        AnalysisOptions(since: .beforeNewest(15 * 3600 * 1_000_000_000), until: .beforeNewest(3600 * 1_000_000_000)),
        AnalysisOptions(window: 60_000_000_000, until: .instant(S.at(400))),
    ])
    func theReportDoesNotDependOnArrivalOrder(options: AnalysisOptions) {
        let events = Self.storm()
        let inOrder = Self.report(events, options)
        #expect(Self.report(Self.shuffled(events), options) == inOrder)
        #expect(Self.report(events.reversed(), options) == inOrder)
        #expect(inOrder.findings.isEmpty == false)
    }

    @Test func aStormAcrossBlocksIsCountedExactly() throws {
        let report = Self.report(Self.shuffled(Self.storm()))
        #expect(report.eventsFound == 70_000)
        #expect(report.eventsUntimed == 7)
        #expect(report.channels.map(\.channel) == ["orchestration_command", "pgmq_notifications", "worker_command",
                                                   "event_publisher", "ruby_ffi"])
        #expect(report.channels.map(\.saturationEvents) == [21_000, 14_000, 0, 0, 0])
        #expect(report.channels.map(\.fullEvents) == [0, 0, 7000, 14_000, 5250])
        #expect(report.channels.map(\.drops) == [0, 0, 3500, 14_000, 0])
        #expect(report.channel("worker_command")?.untimedEvents == 7)
        #expect(report.bulkTaskCreations.count == 700)
        // The latest buffer size in time order: the last channel_init line (i = 69_999).
        #expect(report.channel("event_publisher")?.capacity == 10_999)
        #expect(report.channel("event_publisher")?.capacitySource == .logs)
        // The latest orchestration_command size: i = 69_500 at 0:00 + 69_500 s + 1h.
        let drift = try #require(report.findings(.configDrift).first { $0.channel == "orchestration_command" })
        #expect(drift.drift?.logsCapacity == 74_500)
        #expect(drift.drift?.line == LineReference(input: "a.log", line: 69_501))
        #expect(drift.drift?.seenAt == S.at(0, 69_500 + 3600, millis: 400))
        #expect(report.droppedEventTypes == [EventTypeCount(eventType: "step.completed", count: 4667),
                                             EventTypeCount(eventType: "step.failed", count: 4667),
                                             EventTypeCount(eventType: "task.finalized", count: 4666)])
    }

    /// Two buffer sizes for one channel: the latest in report order wins, not the last to arrive.
    static func sizes() -> [Event] {
        [
            Event(kind: .channelInit, channel: "event_publisher", timestamp: S.at(10), input: "b.log", line: 1, capacity: 5000),
            Event(kind: .channelInit, channel: "event_publisher", timestamp: S.at(5), input: "b.log", line: 2, capacity: 7000),
            // Same instant as b.log:1, in an input whose name sorts first: before it.
            Event(kind: .channelInit, channel: "event_publisher", timestamp: S.at(10), input: "a.log", line: 9, capacity: 6000),
            Event(kind: .channelInit, channel: "event_publisher", timestamp: nil, input: "a.log", line: 3, capacity: 8000),
        ]
    }

    static func observed(_ events: [Event], _ options: AnalysisOptions = AnalysisOptions()) -> ConfigDriftEvidence? {
        var analyzer = Analyzer(options: options)
        for event in events { analyzer.add(event) }
        let scan = ScanSummary(inputs: [InputSummary(name: "a.log", bytes: 1, lines: 10, firstTimestamp: S.at(0),
                                                     lastTimestamp: S.at(20))])
        return analyzer.finish(scan: scan).findings(.configDrift).first?.drift
    }

    @Test(arguments: [[0, 1, 2, 3], [3, 2, 1, 0], [2, 0, 3, 1]])
    func theLatestBufferSizeIsTheLastInReportOrder(arrival: [Int]) {
        let events = arrival.map { Self.sizes()[$0] }
        let latest = Self.observed(events)
        #expect(latest?.logsCapacity == 5000)
        #expect(latest?.line == LineReference(input: "b.log", line: 1))
        #expect(latest?.seenAt == S.at(10))
        // An --until instant leaves the later lines out as they arrive.
        let early = Self.observed(events, AnalysisOptions(until: .instant(S.at(7))))
        #expect(early?.logsCapacity == 7000)
        #expect(early?.line == LineReference(input: "b.log", line: 2))
        // Relative to the newest line (0:20), known at the end only: 0:20 - 11m = 0:09.
        let relative = Self.observed(events, AnalysisOptions(until: .beforeNewest(11 * 60_000_000_000)))
        #expect(relative?.logsCapacity == 7000)
        #expect(relative?.line == LineReference(input: "b.log", line: 2))
        // Before every timed line, only the untimed one is left.
        let untimed = Self.observed(events, AnalysisOptions(until: .instant(S.at(1))))
        #expect(untimed?.logsCapacity == 8000)
        #expect(untimed?.seenAt == nil)
        #expect(untimed?.line == LineReference(input: "a.log", line: 3))
    }

    /// The one-pass sort of nearly ordered records gives what a full sort by the same order
    /// gives, for any amount of disorder: none, a few late lines, newest first, one line far
    /// ahead of all others, equal times across inputs (ordered by name) and shuffled.
    @Test(arguments: ["sorted", "few late", "reversed", "one far ahead", "equal times", "shuffled"])
    func theOnePassSortEqualsAFullSort(shape: String) {
        var generator = SplitMix(seed: 42)
        let n = 3_000
        var times: [Int64] = (0..<n).map { Int64($0) * 1_000 }
        switch shape {
        case "few late":
            for _ in 0..<40 { let i = Int(generator.next() % UInt64(n)); times[i] -= 50_000 }
        case "reversed": times.reverse()
        case "one far ahead": times[0] = Int64(n) * 10_000
        case "equal times": times = times.map { $0 / 100_000 * 100_000 }
        case "shuffled": times.shuffle(using: &generator)
        default: break
        }
        var inputs = NameTable()
        _ = inputs.intern("b.log")
        _ = inputs.intern("a.log")
        var store = RecordStore()
        for (i, time) in times.enumerated() {
            let kind: EventKind = generator.next() % 3 == 0 ? .full : .saturation
            store.append(Self.record(kind, time: time, line: i / 2 + 1, input: Int32(generator.next() % 2)))
        }
        let order = RecordOrder(ranking: inputs)
        let expected = (0..<UInt32(n)).sorted { order.precedes(store[Int($0)], Int($0), store[Int($1)], Int($1)) }
        #expect(order.sorted(store) == expected)
        var streamed: [UInt32] = []
        store.sorted(by: order).forEach { record, position in
            #expect(record == store[position])
            streamed.append(UInt32(position))
        }
        #expect(streamed == expected)
    }
}
