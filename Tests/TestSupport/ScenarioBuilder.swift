import LogScanEngine
import LogScanAnalysis

/// Builds event lists for analysis tests: times are offsets from 2025-10-14T00:00:00Z,
/// lines are numbered in the order events are added.
package struct ScenarioBuilder {
    /// 2025-10-14T00:00:00Z.
    package static let origin: Int64 = 1_760_400_000

    package var input = "test.log"
    package private(set) var events: [Event] = []

    package init(input: String = "test.log") { self.input = input }

    /// The instant `minutes`:`seconds` (plus `millis`) after the origin.
    package static func at(_ minutes: Int64, _ seconds: Int64 = 0, millis: Int64 = 0) -> Timestamp {
        Timestamp(seconds: origin + minutes * 60 + seconds, nanos: millis * 1_000_000)
    }

    private mutating func add(_ event: Event) {
        var event = event
        event.input = input
        event.line = events.count + 1
        events.append(event)
    }

    /// Any event, numbered like the others.
    package mutating func append(_ event: Event) { add(event) }

    package mutating func saturation(_ channel: String, _ usage: Double, at t: Timestamp?, capacity: Int? = nil) {
        add(Event(kind: .saturation, channel: ChannelCatalog.canonicalName(channel), rawChannel: channel,
                  timestamp: t, level: "WARN", usagePercent: usage, capacity: capacity))
    }

    /// Saturation events every `every` seconds from `from` to `to` (both included when aligned).
    package mutating func saturations(_ channel: String, _ usage: Double, from: Timestamp, to: Timestamp, every: Int64,
                              capacity: Int? = nil) {
        var t = from
        while t <= to {
            saturation(channel, usage, at: t, capacity: capacity)
            t = t.adding(nanoseconds: every * 1_000_000_000)
        }
    }

    package mutating func full(_ channel: String, action: String, at t: Timestamp?) {
        add(Event(kind: .full, channel: ChannelCatalog.canonicalName(channel), rawChannel: channel, timestamp: t,
                  level: "ERROR", action: action))
    }

    package mutating func ffiBackpressure(at t: Timestamp?) {
        add(Event(kind: .ffiBackpressure, channel: "ruby_ffi", timestamp: t, level: "ERROR"))
    }

    package mutating func dropped(_ eventType: String, at t: Timestamp?) {
        add(Event(kind: .droppedEvent, channel: "event_publisher", timestamp: t, level: "WARN", eventType: eventType))
    }

    /// `count` drops spread evenly from `from` over `seconds` seconds (first at `from`, last at `from + seconds`).
    package mutating func drops(_ count: Int, from: Timestamp, over seconds: Int64, types: [String] = ["step.completed"]) {
        for i in 0..<count {
            let offset = count == 1 ? 0 : seconds * 1_000_000_000 * Int64(i) / Int64(count - 1)
            dropped(types[i % types.count], at: from.adding(nanoseconds: offset))
        }
    }

    package mutating func bulk(_ count: Int?, at t: Timestamp?) {
        add(Event(kind: .bulkTaskCreation, timestamp: t, level: "INFO", count: count))
    }

    package mutating func slowHandler(_ seconds: Double, at t: Timestamp?) {
        add(Event(kind: .slowHandler, timestamp: t, level: "WARN", seconds: seconds))
    }

    package mutating func channelInit(_ channel: String, capacity: Int, at t: Timestamp?) {
        add(Event(kind: .channelInit, channel: ChannelCatalog.canonicalName(channel), rawChannel: channel,
                  timestamp: t, level: "INFO", capacity: capacity, component: "test"))
    }

    /// Reorders the events by timestamp (untimed ones first) and renumbers their lines,
    /// as if the log had been written in time order.
    package mutating func sortByTime() {
        events = events.enumerated().sorted { a, b in
            let (ta, tb) = (a.element.timestamp?.nanoseconds ?? .min, b.element.timestamp?.nanoseconds ?? .min)
            return ta != tb ? ta < tb : a.offset < b.offset
        }.map(\.element)
        for i in events.indices { events[i].line = i + 1 }
    }

    /// A scan summary with one input whose last timestamped line is `end` (default: the last event's).
    package func scan(end: Timestamp? = nil, lines: Int64? = nil) -> ScanSummary {
        let times = events.compactMap(\.timestamp)
        return ScanSummary(inputs: [InputSummary(name: input, bytes: Int64(events.count) * 100,
                                                 lines: lines ?? Int64(events.count),
                                                 firstTimestamp: times.min(), lastTimestamp: end ?? times.max())])
    }

    /// Runs the analyzer over the events in order.
    package func analyze(_ options: AnalysisOptions = AnalysisOptions(), end: Timestamp? = nil) -> Report {
        var analyzer = Analyzer(options: options)
        for event in events { analyzer.add(event) }
        return analyzer.finish(scan: scan(end: end))
    }
}

extension Report {
    /// The findings with this id.
    package func findings(_ id: FindingID) -> [Finding] { findings.filter { $0.id == id } }

    package func channel(_ name: String) -> ChannelReport? { channels.first { $0.channel == name } }
}

extension Finding {
    package var saturation: SaturationEvidence? {
        if case .saturation(let e) = evidence { return e }
        return nil
    }

    package var burst: BurstEvidence? {
        if case .burst(let e) = evidence { return e }
        return nil
    }

    package var ffi: FFIBackpressureEvidence? {
        if case .ffiBackpressure(let e) = evidence { return e }
        return nil
    }

    package var drops: DropEvidence? {
        if case .drops(let e) = evidence { return e }
        return nil
    }

    package var full: ChannelFullEvidence? {
        if case .full(let e) = evidence { return e }
        return nil
    }

    package var drift: ConfigDriftEvidence? {
        if case .drift(let e) = evidence { return e }
        return nil
    }

    package var allChannels: AllChannelsSaturatedEvidence? {
        if case .allChannelsSaturated(let e) = evidence { return e }
        return nil
    }
}
