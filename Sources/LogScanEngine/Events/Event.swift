/// One recognised channel event, with where it came from.
///
/// Events are the only place the engine makes `String`s: a line becomes an
/// `Event` only after the prefilter and the recogniser have both accepted it.
public struct Event: Sendable, Equatable {
    /// What happened.
    public var kind: EventKind
    /// The runbook's channel name (`orchestration_command`, ...), the raw name
    /// when the runbook has none, `nil` for kinds without a channel.
    public var channel: String?
    /// The channel name exactly as the line wrote it, `nil` when the line named none.
    public var rawChannel: String?
    /// The line's own timestamp, else the outer (CRI / kubectl) one, else `nil`.
    public var timestamp: Timestamp?
    /// The pod (`kubectl logs --prefix`), `nil` when the line does not say.
    public var source: String?
    /// The input's display name (`-` for standard input).
    public var input: String
    /// 1-based physical line number within `input` (the first piece of a joined CRI line).
    public var line: Int
    /// The log level as written (`WARN`, `ERROR`, ...), upper-cased; `nil` when absent.
    public var level: String?

    // The kind's own fields; `nil` when the line did not carry them.

    /// Fill level in percent (saturation: `usage_percent` or `saturation_percent`).
    public var usagePercent: Double?
    /// Channel capacity (`buffer_size`) when the line states it.
    public var capacity: Int?
    /// For `full`: `blocked`, `dropped`, or the `action=` value as written.
    public var action: String?
    /// For `dropped_event`: the dropped event's type (`unknown` when the line has none).
    public var eventType: String?
    /// For `bulk_task_creation`: the number of tasks; for `full`: `overflow_count` / `messages_dropped`.
    public var count: Int?
    /// For `slow_handler`: the handler's duration in seconds.
    public var seconds: Double?
    /// For `channel_init`: the `component=` field.
    public var component: String?

    public init(
        kind: EventKind,
        channel: String? = nil,
        rawChannel: String? = nil,
        timestamp: Timestamp? = nil,
        source: String? = nil,
        input: String = "-",
        line: Int = 0,
        level: String? = nil,
        usagePercent: Double? = nil,
        capacity: Int? = nil,
        action: String? = nil,
        eventType: String? = nil,
        count: Int? = nil,
        seconds: Double? = nil,
        component: String? = nil
    ) {
        self.kind = kind
        self.channel = channel
        self.rawChannel = rawChannel
        self.timestamp = timestamp
        self.source = source
        self.input = input
        self.line = line
        self.level = level
        self.usagePercent = usagePercent
        self.capacity = capacity
        self.action = action
        self.eventType = eventType
        self.count = count
        self.seconds = seconds
        self.component = component
    }

    /// True when this event says its channel was full (the runbook's
    /// `mpsc_channel_full_events_total`): `full`, FFI backpressure and dropped events.
    public var isFullEvent: Bool {
        kind == .full || kind == .ffiBackpressure || kind == .droppedEvent
    }

    /// True when this event lost a message: a `full` with action `dropped`, or a dropped event.
    public var isDrop: Bool {
        kind == .droppedEvent || (kind == .full && action == "dropped")
    }
}
