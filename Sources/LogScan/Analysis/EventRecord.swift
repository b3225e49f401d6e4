/// An `Event` reduced to fixed-size fields: what the analysis keeps instead of the event's strings.
struct EventRecord {
    /// `time` of an event without timestamp.
    static let untimed = Int64.min
    /// Index fields use this when the event has no such value.
    static let none: Int32 = -1

    /// Nanoseconds since the epoch, `untimed` when the event had none.
    var time: Int64
    /// Arrival order, the last tie-breaker of the sort.
    var sequence: Int
    var kind: EventKind
    /// A lost message (`full` with action `dropped`, or a dropped event).
    var isDrop: Bool
    /// A `full` event whose send blocked (backpressure) rather than dropped.
    var isBlocked: Bool
    /// Index into the analyzer's channel table, `none` for kinds without a channel.
    var channel: Int32
    /// Index into the event-type table (dropped events), else `none`.
    var eventType: Int32
    /// Index into the input-name table.
    var input: Int32
    var line: Int
    /// Usage percent (saturation) or seconds (slow handler); NaN when absent.
    var value: Double
    /// Tasks of a bulk creation; -1 when absent.
    var count: Int
    /// `buffer_size` the line stated; -1 when absent.
    var capacity: Int

    var isTimed: Bool { time != EventRecord.untimed }
    var timestamp: Timestamp { Timestamp(nanoseconds: time) }
    /// A line saying the channel was full (`mpsc_channel_full_events_total`).
    var isFullEvent: Bool { kind == .full || kind == .ffiBackpressure || kind == .droppedEvent }
    /// An event that goes into a channel's windows: saturation, full or drop.
    var isChannelProblem: Bool { kind == .saturation || isFullEvent }
}
