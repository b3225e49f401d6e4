/// The kinds of channel-related events the runbook cares about (SPEC §3).
public enum EventKind: String, Sendable, CaseIterable, Comparable {
    /// A channel reported its fill level above the warning threshold.
    case saturation
    /// A send found the channel full (blocked or dropped).
    case full
    /// The Ruby FFI bridge applied backpressure because its channel was full.
    case ffiBackpressure = "ffi_backpressure"
    /// The event publisher dropped an event because its queue was full.
    case droppedEvent = "dropped_event"
    /// A bulk task creation (the usual cause of PGMQ notification bursts).
    case bulkTaskCreation = "bulk_task_creation"
    /// A Ruby handler that took longer than it should.
    case slowHandler = "slow_handler"
    /// A channel monitor announced its channel and buffer size at start-up.
    case channelInit = "channel_init"

    public static func < (lhs: EventKind, rhs: EventKind) -> Bool {
        lhs.order < rhs.order
    }

    private var order: Int {
        switch self {
        case .saturation: 0
        case .full: 1
        case .ffiBackpressure: 2
        case .droppedEvent: 3
        case .bulkTaskCreation: 4
        case .slowHandler: 5
        case .channelInit: 6
        }
    }
}
