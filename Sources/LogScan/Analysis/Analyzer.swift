/// Turns a stream of events into a report: feed events one by one with `add`, then `finish`.
///
/// Each event is reduced to a fixed-size `EventRecord` (names interned), so memory grows
/// with the number of relevant events only, never with their strings or the input size.
public struct Analyzer {
    public let options: AnalysisOptions
    private let selected: Set<String>
    private var records: [EventRecord] = []
    private var channelNames = NameTable()
    private var eventTypes = NameTable()
    private var inputs = NameTable()
    private var oldest: Int64?
    private var newest: Int64?

    public init(options: AnalysisOptions = AnalysisOptions()) {
        self.options = options
        selected = options.selectedChannels
    }

    /// Adds one event, in input order (not time order).
    public mutating func add(_ event: Event) {
        if let t = event.timestamp?.nanoseconds {
            // Every timestamp counts for the input's time range, whatever the channel filter.
            oldest = min(oldest ?? t, t)
            newest = max(newest ?? t, t)
        }
        let channel: String?
        switch event.kind {
        case .bulkTaskCreation, .slowHandler:
            channel = nil
        case .ffiBackpressure:
            channel = event.channel.map(ChannelCatalog.canonicalName) ?? FFIBackpressureDiagnosis.channel
        case .droppedEvent:
            channel = event.channel.map(ChannelCatalog.canonicalName) ?? EventPublisherDropsDiagnosis.channel
        case .saturation, .full, .channelInit:
            // A channel event that names no channel cannot be attributed.
            guard let name = event.channel else { return }
            channel = ChannelCatalog.canonicalName(name)
        }
        if let channel, !selected.isEmpty, !selected.contains(channel) { return }
        let value: Double = switch event.kind {
        case .saturation: event.usagePercent ?? .nan
        case .slowHandler: event.seconds ?? .nan
        default: .nan
        }
        records.append(EventRecord(
            time: event.timestamp?.nanoseconds ?? EventRecord.untimed,
            sequence: records.count,
            kind: event.kind,
            isDrop: event.isDrop,
            isBlocked: event.kind == .full && event.action == "blocked",
            channel: channel.map { channelNames.intern($0) } ?? EventRecord.none,
            eventType: event.eventType.map { eventTypes.intern($0) } ?? EventRecord.none,
            input: inputs.intern(event.input),
            line: event.line,
            value: value,
            count: event.kind == .bulkTaskCreation ? event.count ?? -1 : -1,
            capacity: event.capacity ?? -1))
    }

    /// The report for everything added so far; `scan` gives the inputs and their time range.
    public func finish(scan: ScanSummary) -> Report {
        ReportBuilder(options: options, records: records, channelNames: channelNames, eventTypes: eventTypes,
                      inputs: inputs, oldest: oldest, newest: newest, scan: scan).build()
    }
}
