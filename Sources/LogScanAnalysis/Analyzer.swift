import LogScanEngine

/// Turns a stream of events into a report: feed events one by one with `add`, then `finish`.
///
/// Each event is reduced to a 32-byte `EventRecord` (names interned) in a `RecordStore`; the
/// report is built in passes over them in report order, keeping totals, windows and episodes
/// rather than events.
public struct Analyzer: EventSink {
    public let options: AnalysisOptions
    private let selected: Set<String>
    private var records: RecordStore
    private var capacities: CapacityObservations
    private var channelNames = NameTable()
    private var eventTypes = NameTable()
    private var inputs = NameTable()
    private var sources = NameTable()
    /// Names past `options.nameLimit`, counted in the "other" rows (at most `maxUnselected` kept).
    private var spilledChannels = Set<String>()
    private var spilledEventTypes = Set<String>()
    /// Channel names left out by `--channel`, for its did-you-mean warning (at most `maxUnselected`).
    private var unselected = Set<String>()
    private static let maxUnselected = 10_000
    /// Recent channel names as events give them, with their index (`nil`: left out by
    /// `--channel`), and recent sources with theirs.
    private var recentChannels = RecentNames<Int32?>()
    private var recentSources = RecentNames<Int32>()
    /// The input of the previous event and its index: events come input by input.
    private var lastInput: (name: String, index: Int32)?
    private var oldest: Int64?
    private var newest: Int64?
    /// A part (one range or input read on another thread) keeps every name: the limits
    /// apply when it is appended, in input order, as if its events had been added here.
    private var isPart = false

    public init(options: AnalysisOptions = AnalysisOptions()) {
        self.options = options
        selected = options.selectedChannels
        records = RecordStore(memoryLimit: options.memoryRecords)
        capacities = CapacityObservations()
    }

    /// Adds one event, in input order (not time order).
    public mutating func add(_ event: Event) {
        if let t = event.timestamp?.nanoseconds {
            // Every timestamp counts for the input's time range, whatever the channel filter.
            oldest = min(oldest ?? t, t)
            newest = max(newest ?? t, t)
        }
        let givenChannel: String?
        switch event.kind {
        case .bulkTaskCreation, .slowHandler:
            givenChannel = nil
        case .ffiBackpressure:
            givenChannel = event.channel ?? FFIBackpressureDiagnosis.channel
        case .droppedEvent:
            givenChannel = event.channel ?? EventPublisherDropsDiagnosis.channel
        case .saturation, .full, .channelInit:
            // A channel event that names no channel cannot be attributed.
            guard let name = event.channel else { return }
            givenChannel = name
        }
        var channelIndex = EventRecord.none
        if let givenChannel {
            guard let index = self.channelIndex(givenChannel) else { return }
            channelIndex = index
        }
        let value: Double = switch event.kind {
        case .saturation: event.usagePercent ?? .nan
        case .slowHandler: event.seconds ?? .nan
        default: .nan
        }
        let input: Int32
        if let last = lastInput, last.name == event.input {
            input = last.index
        } else {
            input = inputs.intern(event.input)
            lastInput = (event.input, input)
        }
        let isDrop = event.isDrop
        let source = event.source.map { sourceIndex($0) } ?? EventRecord.none
        // A negative buffer size was never a capacity; nor is one of an event without channel.
        let capacity = event.capacity.flatMap { $0 >= 0 && channelIndex != EventRecord.none ? $0 : nil }
        let record = EventRecord(
            time: event.timestamp?.nanoseconds ?? EventRecord.untimed,
            kind: event.kind,
            isDrop: isDrop,
            isBlocked: event.kind == .full && event.action == "blocked",
            channel: channelIndex,
            // Only drops are ever counted by type.
            eventType: isDrop ? event.eventType.map {
                eventTypes.intern($0, limit: nameLimit, other: Analyzer.otherEventTypes,
                                  spilled: &spilledEventTypes, spillLimit: Analyzer.maxUnselected)
            } ?? EventRecord.none : EventRecord.none,
            input: input,
            line: event.line,
            value: value,
            count: event.kind == .bulkTaskCreation ? event.count ?? -1 : -1,
            source: source,
            statesCapacity: capacity != nil)
        records.append(record)
        if let capacity { capacities.add(record: records.count - 1, channel: channelIndex, capacity: capacity) }
    }

    private var nameLimit: Int { isPart ? .max : options.nameLimit }

    /// The index of the channel an event names (canonical name, limit applied); `nil` when
    /// `--channel` leaves it out. Remembered for recent names: the answer for a name never
    /// changes (an index, once given, stays; a name past the limit stays in the "other" row).
    private mutating func channelIndex(_ given: String) -> Int32? {
        if let known = recentChannels.cached(given) { return known }
        let channel = ChannelCatalog.canonicalName(given)
        let index: Int32?
        if !selected.isEmpty, !selected.contains(channel) {
            if unselected.count < Analyzer.maxUnselected { unselected.insert(channel) }
            index = nil
        } else {
            index = channelNames.intern(channel, limit: nameLimit, other: Analyzer.otherChannels,
                                        spilled: &spilledChannels, spillLimit: Analyzer.maxUnselected)
        }
        recentChannels.remember(given, index)
        return index
    }

    /// `internSource(name)`, remembered for recent sources.
    private mutating func sourceIndex(_ name: String) -> Int32 {
        if let known = recentSources.cached(name) { return known }
        let index = internSource(name)
        recentSources.remember(name, index)
        return index
    }

    public func emptyPart() -> Analyzer {
        var part = Analyzer(options: options)
        part.isPart = true
        return part
    }

    /// Adds the records of `part` after those added so far, exactly as adding its events
    /// here would: each of its tables lists names in the order its records first use them,
    /// so interning them in that order gives the same indices and the same limits.
    public mutating func append(_ part: Analyzer, lineOffset: Int) {
        precondition(!isPart && part.isPart, "only a part is appended, and only to the whole")
        if let t = part.oldest { oldest = min(oldest ?? t, t) }
        if let t = part.newest { newest = max(newest ?? t, t) }
        for name in part.unselected where unselected.count < Analyzer.maxUnselected { unselected.insert(name) }
        let limit = options.nameLimit
        let channels = part.channelNames.names.map {
            channelNames.intern($0, limit: limit, other: Analyzer.otherChannels,
                                spilled: &spilledChannels, spillLimit: Analyzer.maxUnselected)
        }
        let types = part.eventTypes.names.map {
            eventTypes.intern($0, limit: limit, other: Analyzer.otherEventTypes,
                              spilled: &spilledEventTypes, spillLimit: Analyzer.maxUnselected)
        }
        let inputIndices = part.inputs.names.map { inputs.intern($0) }
        let sourceIndices = part.sources.names.map { internSource($0) }
        // A part that could not spill or read back says so in the whole's report.
        for warning in part.records.warnings { records.storageWarnings.add(warning) }
        var stated = CapacityObservations.Reader(part.capacities)
        part.records.forEachInArrivalOrder { record, position in
            let moved = record.moved(channel: { channels[Int($0)] }, eventType: { types[Int($0)] },
                                     input: { inputIndices[Int($0)] }, source: { sourceIndices[Int($0)] },
                                     lineOffset: lineOffset)
            records.append(moved)
            if record.statesCapacity, let capacity = stated.capacity(at: position, channel: record.channel) {
                capacities.add(record: records.count - 1, channel: moved.channel, capacity: capacity)
            }
        }
    }

    /// The source's index; past the record's limit every new source shares one index.
    private mutating func internSource(_ name: String) -> Int32 {
        if let index = sources.index(of: name) { return index }
        guard sources.names.count < Int(EventRecord.otherSources) else { return EventRecord.otherSources }
        return sources.intern(name)
    }

    /// The rows names past `AnalysisOptions.nameLimit` share.
    static let otherChannels = "(other channels)"
    static let otherEventTypes = "(other event types)"

    /// The report for everything added so far; `scan` gives the inputs and their time range.
    /// The findings `baseline` holds are known; then `options.reportLimits` cut what is listed.
    public func finish(scan: ScanSummary, baseline: Baseline? = nil) -> Report {
        options.reportLimits.apply(to: fullReport(scan: scan, baseline: baseline))
    }

    /// The report with every finding (no `reportLimits`): `--follow` tells each one as it closes.
    func fullReport(scan: ScanSummary, baseline: Baseline? = nil) -> Report {
        var report = ReportBuilder(options: options, records: records, capacities: capacities, channelNames: channelNames,
                                   eventTypes: eventTypes, inputs: inputs, sources: sources, unselectedChannels: unselected,
                                   oldest: oldest, newest: newest, scan: scan).build()
        report.warnings += limitWarnings()
        if let baseline { report = report.marking(baseline) }
        return report
    }

    /// Says when names were past the limit: never a silent cut.
    private func limitWarnings() -> [String] {
        func warning(_ spilled: Set<String>, _ what: String, _ row: String) -> String? {
            guard !spilled.isEmpty else { return nil }
            let count = spilled.count < Analyzer.maxUnselected ? "\(spilled.count)" : "at least \(spilled.count)"
            return "more than \(options.nameLimit) distinct \(what): \(count) more are counted together as \(row)"
        }
        return [warning(spilledChannels, "channel names", Analyzer.otherChannels),
                warning(spilledEventTypes, "dropped event types", Analyzer.otherEventTypes)].compactMap { $0 }
    }
}
