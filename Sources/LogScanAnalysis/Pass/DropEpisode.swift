import LogScanEngine

/// A drop episode of event_publisher (SPEC §4), gathered drop by drop in report order: its
/// run, the UTC minutes that hold a drop, and the drops per event type.
struct DropEpisode: RunAccumulator {
    var events: EventRun
    /// UTC minutes holding at least one drop.
    private(set) var minutesWithDrops = 0
    private var lastMinute = Int64.min
    /// Drops per event-type index (`EventRecord.none`: the line named none).
    private(set) var types: [Int32: Int] = [:]
    /// Overflow and mpsc_channel_full drops: they name no event, counted apart, never as a type.
    private(set) var untyped = 0

    init(first record: EventRecord) {
        events = EventRun(record)
        take(record)
    }

    mutating func take(_ record: EventRecord) {
        let m = record.timestamp.minuteStart.nanoseconds
        if m != lastMinute {
            minutesWithDrops += 1
            lastMinute = m
        }
        if record.kind == .full { untyped += 1 } else { types[record.eventType, default: 0] += 1 }
    }
}
