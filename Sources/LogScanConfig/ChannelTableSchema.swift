/// The tables and keys tasker-core reads below `mpsc_channels`, in seed form (the path
/// below `mpsc_channels`), with the usual range of each buffer size.
///
/// The ranges are tasker-core's own `valid_range` documentation of these keys (its
/// component-layout `_docs` tables); `task_readiness.event_channel.buffer_size` has none
/// there and takes the range of the other event channels. The runbook's default table
/// lies inside every range.
public enum ChannelTableSchema {
    /// One key of a channel table: its name and, for buffer sizes, the usual range.
    public struct Key: Sendable, Equatable {
        /// The key as TOML writes it.
        public let name: String
        /// Usual values of a buffer size; `nil` for keys that are not sizes.
        public let usualRange: ClosedRange<Int>?

        /// True for the keys that hold a channel capacity (they must be positive integers).
        public var isBufferSize: Bool { usualRange != nil }
    }

    private static func size(_ name: String, _ range: ClosedRange<Int>) -> Key { Key(name: name, usualRange: range) }
    private static func setting(_ name: String) -> Key { Key(name: name, usualRange: nil) }

    /// Every known table, in the order of tasker-core's seed file.
    public static let tables: [(table: [String], keys: [Key])] = [
        (["orchestration", "command_processor"], [size("command_buffer_size", 100...100_000)]),
        (["orchestration", "event_systems"], [size("event_channel_buffer_size", 100...100_000)]),
        (["orchestration", "event_listeners"], [size("pgmq_event_buffer_size", 1_000...1_000_000)]),
        (["task_readiness", "event_channel"], [size("buffer_size", 100...100_000), setting("send_timeout_ms")]),
        (["worker", "command_processor"], [size("command_buffer_size", 100...100_000)]),
        (["worker", "event_systems"], [size("event_channel_buffer_size", 100...100_000)]),
        (["worker", "event_subscribers"], [size("completion_buffer_size", 100...50_000),
                                           size("result_buffer_size", 100...50_000)]),
        (["worker", "in_process_events"], [size("broadcast_buffer_size", 100...100_000),
                                           setting("log_subscriber_errors"), setting("dispatch_timeout_ms")]),
        (["worker", "event_listeners"], [size("pgmq_event_buffer_size", 1_000...1_000_000)]),
        (["worker", "domain_events"], [size("command_buffer_size", 100...50_000),
                                       setting("shutdown_drain_timeout_ms"), setting("log_dropped_events")]),
        (["worker", "handler_dispatch"], [size("dispatch_buffer_size", 100...50_000),
                                          size("completion_buffer_size", 100...50_000),
                                          setting("max_concurrent_handlers"), setting("handler_timeout_ms")]),
        (["worker", "handler_dispatch", "load_shedding"], [setting("enabled"), setting("capacity_threshold_percent"),
                                                           setting("warning_threshold_percent")]),
        (["worker", "ffi_dispatch"], [size("dispatch_buffer_size", 100...50_000), setting("completion_timeout_ms"),
                                      setting("callback_timeout_ms"), setting("starvation_warning_threshold_ms"),
                                      setting("completion_send_timeout_ms")]),
        (["shared", "event_publisher"], [size("event_queue_buffer_size", 100...100_000)]),
        (["shared", "ffi"], [size("ruby_event_buffer_size", 100...50_000)]),
        (["overflow_policy"], [setting("log_warning_threshold"), setting("drop_policy")]),
        (["overflow_policy", "metrics"], [setting("enabled"), setting("saturation_check_interval_seconds")]),
    ]

    private static let keysByTable: [[String]: [Key]] = Dictionary(
        tables.map { ($0.table, $0.keys) }, uniquingKeysWith: { first, _ in first })

    /// The keys of a known table, `nil` for a table tasker-core does not read.
    public static func keys(ofTable table: [String]) -> [Key]? { keysByTable[table] }

    /// The key `name` of `table`, `nil` when either is unknown.
    public static func key(_ name: String, inTable table: [String]) -> Key? {
        keysByTable[table]?.first { $0.name == name }
    }

    /// True when `table` is a known table or a group above one (`orchestration`, `worker.handler_dispatch`).
    public static func isKnownTableOrGroup(_ table: [String]) -> Bool {
        tables.contains { $0.table.starts(with: table) }
    }

    /// Known tables that hold a key named `name`, for "did you mean" hints.
    public static func tables(holding name: String) -> [[String]] {
        tables.filter { entry in entry.keys.contains { $0.name == name } }.map(\.table)
    }
}
