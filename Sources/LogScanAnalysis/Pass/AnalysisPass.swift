import LogScanEngine

/// The report's one pass over the records in report order: every total, window, episode,
/// capacity timeline and dropped type, gathered record by record.
///
/// What it holds grows with channels, windows, episodes and capacity changes, never with the
/// number of events: a storm of a million drops is one counter per window and per episode.
struct AnalysisPass {
    private let options: AnalysisOptions
    private let channelNames: NameTable
    /// Resolved `--since` / `--until`; `nil` when not given.
    private let since: Int64?
    private let until: Int64?
    /// Untimed events cannot be shown to fall inside --since/--until: then they stay out of the totals.
    private let countsUntimed: Bool
    /// Per channel index, the lines that changed its stated size, in arrival order.
    private let stated: [Int32: [CapacityObservations.Entry]]

    /// Per channel index, its accumulator once it had a record in range.
    private(set) var channels: [ChannelAccumulator?]
    private(set) var allChannels = AllChannelsSaturatedDiagnosis.Scanner()
    /// Per channel index, the first and last line of each run of equal stated sizes, in report order.
    private(set) var timelines: [Int32: CapacityObservations.RunEnds<CapacityObservations.Statement>] = [:]
    /// Channels with a counted record (timed in range, or untimed when counted).
    private(set) var seen = Set<Int32>()
    /// Timed records in range plus counted untimed ones.
    private(set) var eventsCounted = 0
    /// Every untimed record, counted or not.
    private(set) var eventsUntimed = 0
    /// Overflow and mpsc_channel_full drops: they name no event type.
    private(set) var untypedDrops = 0
    /// event_publisher's dropped events per event-type index.
    private(set) var dropTypes: [Int32: Int] = [:]
    /// The first bulk task creations in range, in report order, up to the report's limit.
    private(set) var bulkTaskCreations: [EventRecord] = []
    /// Bulk task creations in range past the limit: counted, not listed.
    private(set) var countedBulkTaskCreations = 0
    /// The latest bulk task creation that counts for correlation, for a channel not seen yet.
    private var latestCorrelatingBulk: EventRecord?
    private let pgmq: Int32?
    /// Slow handlers in range (looked up again in a second pass, `SlowHandlerQueries`).
    private(set) var slowHandlers = 0
    private let publisher: Int32?

    init(options: AnalysisOptions, channelNames: NameTable, capacities: CapacityObservations,
         since: Int64?, until: Int64?) {
        self.options = options
        self.channelNames = channelNames
        self.since = since
        self.until = until
        countsUntimed = options.since == nil && options.until == nil
        stated = capacities.changesByChannel()
        channels = [ChannelAccumulator?](repeating: nil, count: channelNames.names.count)
        publisher = channelNames.index(of: EventPublisherDropsDiagnosis.channel)
        pgmq = channelNames.index(of: PGMQBurstDiagnosis.channel)
    }

    /// Whether a timed record at `time` is in the analysed range.
    func inRange(_ time: Int64) -> Bool { time >= (since ?? .min) && time <= (until ?? .max) }

    /// Takes the next record in report order, `arrival` being its position in the store.
    mutating func take(_ record: EventRecord, arrival: Int) {
        // Every buffer_size up to --until (before --since still counts: start-up lines).
        if record.statesCapacity, !record.isTimed || record.time <= (until ?? .max),
           let entries = stated[record.channel],
           let capacity = CapacityObservations.capacity(at: arrival, in: entries) {
            timelines[record.channel, default: .init()].add(.init(record: record, capacity: capacity))
        }
        guard record.isTimed else {
            eventsUntimed += 1
            guard countsUntimed else { return }
            count(record)
            if record.channel != EventRecord.none, record.isChannelProblem {
                channels[prepare(record.channel)]!.addUntimed(record)
            }
            return
        }
        guard inRange(record.time) else { return }
        count(record)
        switch record.kind {
        case .slowHandler: slowHandlers += 1
        case .bulkTaskCreation: takeBulkTaskCreation(record)
        default: break
        }
        guard record.channel != EventRecord.none, record.isChannelProblem else { return }
        let windowStart = record.timestamp.windowStart(width: options.window)
        channels[prepare(record.channel)]!.addTimed(record, windowStart: windowStart)
        allChannels.add(record, windowStart: windowStart.nanoseconds, names: channelNames)
    }

    /// Lists the creation (within the limit) and hands it to pgmq_notifications' episodes.
    private mutating func takeBulkTaskCreation(_ record: EventRecord) {
        if bulkTaskCreations.count < options.reportLimits.bulkTaskCreations {
            bulkTaskCreations.append(record)
        } else {
            countedBulkTaskCreations += 1
        }
        guard BulkCandidates.counts(record) else { return }
        latestCorrelatingBulk = record
        if let pgmq, channels[Int(pgmq)] != nil { channels[Int(pgmq)]!.noteBulkTaskCreation(record) }
    }

    /// Counts a record the report counts: events found, channels seen, drops by type.
    private mutating func count(_ record: EventRecord) {
        eventsCounted += 1
        if record.channel != EventRecord.none { seen.insert(record.channel) }
        guard record.isDrop else { return }
        if record.kind == .full {
            untypedDrops += 1
        } else if record.channel == publisher {
            dropTypes[record.eventType, default: 0] += 1
        }
    }

    /// The slot of `channel`'s accumulator, created on its first record.
    private mutating func prepare(_ channel: Int32) -> Int {
        let slot = Int(channel)
        if channels[slot] == nil {
            var accumulator = ChannelAccumulator(name: channelNames[channel], gap: options.episodeGap)
            if channel == pgmq, let latest = latestCorrelatingBulk { accumulator.noteBulkTaskCreation(latest) }
            channels[slot] = accumulator
        }
        return slot
    }

    /// Closes every channel's episodes once every record went by.
    mutating func finish(inputEnd: Int64) {
        for slot in channels.indices where channels[slot] != nil { channels[slot]!.finish(inputEnd: inputEnd) }
    }
}
