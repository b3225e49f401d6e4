import LogScanEngine
/// A channel's full events that no drop or FFI finding counts (`channel_full`), gathered in
/// report order.
struct FullEvents: RunAccumulator {
    var events: EventRun
    private(set) var blocked = 0
    private(set) var dropped = 0

    init(first record: EventRecord) {
        events = EventRun(record)
        take(record)
    }

    mutating func take(_ record: EventRecord) {
        if record.isBlocked { blocked += 1 }
        if record.isDrop { dropped += 1 }
    }

    /// Whether `channel_full` counts `record` of a channel (ruby_ffi, event_publisher, or
    /// another): the drops of event_publisher and the backpressure of ruby_ffi have findings
    /// of their own.
    static func counts(_ record: EventRecord, isRubyFFI: Bool, isPublisher: Bool) -> Bool {
        guard record.isFullEvent else { return false }
        if isRubyFFI && record.kind == .ffiBackpressure { return false }
        if isPublisher && record.isDrop { return false }
        return true
    }
}
