import LogScanConfig

/// One row of the channel table: totals, capacity and the per-window series of a channel.
public struct ChannelReport: Sendable, Equatable {
    /// The runbook name, or the raw name for channels the catalog does not know.
    public var channel: String
    /// Raw names tasker-core logs for this channel (from the channel catalog).
    public var aliases: [String]
    /// The dotted seed-layout key holding its size; `nil` for channels with no config key.
    public var configKey: String?
    /// Capacity used for the diagnoses; `nil` when nothing says it.
    public var capacity: Int?
    /// Where `capacity` comes from; `nil` with it.
    public var capacitySource: CapacitySource?
    public var saturationEvents: Int
    /// Largest usage / saturation percentage seen; `nil` without saturation events.
    public var maxUsagePercent: Double?
    /// Lines saying the channel was full: full, FFI backpressure and dropped events.
    public var fullEvents: Int
    /// Lost messages: full events with action `dropped` and dropped events.
    public var drops: Int
    /// Of the channel's events, those without a timestamp (counted above, in no window).
    public var untimedEvents: Int
    /// Windows holding at least one saturation, full or drop event, by start.
    public var windows: [WindowStats]
    /// Where the logs show the channel's `buffer_size` changing (restarts with a new size), by time.
    public var capacityChanges: [CapacityChange] = []

    public init(channel: String, aliases: [String] = [], configKey: String? = nil, capacity: Int? = nil,
                capacitySource: CapacitySource? = nil, saturationEvents: Int = 0, maxUsagePercent: Double? = nil,
                fullEvents: Int = 0, drops: Int = 0, untimedEvents: Int = 0, windows: [WindowStats] = []) {
        self.channel = channel
        self.aliases = aliases
        self.configKey = configKey
        self.capacity = capacity
        self.capacitySource = capacitySource
        self.saturationEvents = saturationEvents
        self.maxUsagePercent = maxUsagePercent
        self.fullEvents = fullEvents
        self.drops = drops
        self.untimedEvents = untimedEvents
        self.windows = windows
    }
}
