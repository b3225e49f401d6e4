import LogScanEngine

/// One channel's records as they go by in report order: the totals and windows of its row
/// in the channel table, and its episodes, each closed as soon as the channel's next record
/// of that kind comes more than one `--episode-gap` after it.
///
/// What it keeps grows with the windows and episodes, not with the events.
struct ChannelAccumulator {
    let name: String
    /// Totals and windows (capacity and names are filled in by the report builder).
    private(set) var row: ChannelReport
    private(set) var saturation: [SaturationEpisode] = []
    /// event_publisher's drop episodes (SPEC §4 *drop episode*).
    private(set) var drops: [DropEpisode] = []
    /// ruby_ffi's runs of FFI backpressure.
    private(set) var ffiBackpressure: [EventRun] = []
    private(set) var full: FullEvents?

    private let gap: Int64
    private let isPublisher: Bool
    private let isRubyFFI: Bool
    /// pgmq_notifications: its episodes gather the bulk task creations that may explain them.
    private let isPGMQ: Bool
    /// The latest bulk task creation that counts for correlation, for the next episode.
    private var latestBulk: EventRecord?

    init(name: String, gap: Int64) {
        self.name = name
        self.gap = gap
        row = ChannelReport(channel: name)
        isPublisher = name == EventPublisherDropsDiagnosis.channel
        isRubyFFI = name == FFIBackpressureDiagnosis.channel
        isPGMQ = name == PGMQBurstDiagnosis.channel
    }

    /// Adds a timed record in the analysed range, `windowStart` being the start of its `--window`.
    mutating func addTimed(_ record: EventRecord, windowStart: Timestamp) {
        guard record.isChannelProblem else { return }
        count(record)
        if row.windows.last?.start != windowStart { row.windows.append(WindowStats(start: windowStart)) }
        let last = row.windows.count - 1
        if record.kind == .saturation {
            row.windows[last].saturationEvents += 1
            if !record.value.isNaN {
                row.windows[last].maxUsagePercent = max(row.windows[last].maxUsagePercent ?? record.value, record.value)
            }
            if let latest = saturation.last, record.time - latest.events.last.time <= gap {
                saturation[saturation.count - 1].add(record)
            } else {
                var episode = SaturationEpisode(channel: name, first: record)
                if isPGMQ { episode.bulk = BulkCandidates(start: record.time, latest: latestBulk) }
                saturation.append(episode)
            }
        }
        if record.isFullEvent { row.windows[last].fullEvents += 1 }
        if record.isDrop {
            row.windows[last].drops += 1
            if isPublisher {
                if let latest = drops.last, record.time - latest.events.last.time <= gap {
                    drops[drops.count - 1].add(record)
                } else {
                    drops.append(DropEpisode(first: record))
                }
            }
        }
        if isRubyFFI && record.kind == .ffiBackpressure {
            if let latest = ffiBackpressure.last, record.time - latest.last.time <= gap {
                ffiBackpressure[ffiBackpressure.count - 1].add(record)
            } else {
                ffiBackpressure.append(EventRun(record))
            }
        }
        if FullEvents.counts(record, isRubyFFI: isRubyFFI, isPublisher: isPublisher) {
            if full == nil { full = FullEvents(first: record) } else { full!.add(record) }
        }
    }

    /// Notes a bulk task creation in range that counts for correlation, in report order.
    mutating func noteBulkTaskCreation(_ record: EventRecord) {
        guard isPGMQ else { return }
        latestBulk = record
        if let last = saturation.indices.last { saturation[last].bulk.note(record, start: saturation[last].events.first.time) }
    }

    /// Adds an untimed record the report counts: in the totals, in no window or episode.
    mutating func addUntimed(_ record: EventRecord) {
        guard record.isChannelProblem else { return }
        count(record)
        row.untimedEvents += 1
    }

    private mutating func count(_ record: EventRecord) {
        if record.kind == .saturation {
            row.saturationEvents += 1
            if !record.value.isNaN { row.maxUsagePercent = max(row.maxUsagePercent ?? record.value, record.value) }
        }
        if record.isFullEvent { row.fullEvents += 1 }
        if record.isDrop { row.drops += 1 }
    }

    /// Closes the episodes once every record went by: each recovered when the input went on
    /// for more than one gap after its last event.
    mutating func finish(inputEnd: Int64) {
        for i in saturation.indices { saturation[i].close(end: inputEnd, gap: gap) }
    }
}
