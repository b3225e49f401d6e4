import LogScanEngine
import LogScanConfig

/// The numbers behind a finding; one shape per finding id (SPEC §5 `evidence`).
public enum Evidence: Sendable, Equatable {
    case saturation(SaturationEvidence)
    case burst(BurstEvidence)
    case ffiBackpressure(FFIBackpressureEvidence)
    case drops(DropEvidence)
    case full(ChannelFullEvidence)
    case allChannelsSaturated(AllChannelsSaturatedEvidence)
    case drift(ConfigDriftEvidence)
    case prefix(ConfigPrefixEvidence)
}

/// A run of consecutive saturation events each above 90% (the runbook's critical alert).
public struct SaturationRun: Sendable, Equatable {
    public var start: Timestamp
    public var end: Timestamp
    public var events: Int
    /// `end - start` in nanoseconds.
    public var duration: Int64 { end.nanoseconds - start.nanoseconds }

    public init(start: Timestamp, end: Timestamp, events: Int) {
        self.start = start
        self.end = end
        self.events = events
    }
}

/// Evidence of a `channel_saturation` finding: one saturation episode.
public struct SaturationEvidence: Sendable, Equatable {
    public var start: Timestamp
    public var end: Timestamp
    public var maxUsagePercent: Double
    public var events: Int
    public var recovered: Bool
    public var peakPerMinute: Int
    /// The longest run of consecutive events above 90%, `nil` when no event was above 90%.
    public var longestRunAbove90: SaturationRun?
    public var capacity: Int?
    /// Slow Ruby handlers within one window of the episode (counted for `ruby_ffi` only).
    public var slowHandlersNearby: Int
    public var firstLine: LineReference
    public var lastLine: LineReference
    public var duration: Int64 { end.nanoseconds - start.nanoseconds }

    public init(start: Timestamp, end: Timestamp, maxUsagePercent: Double, events: Int, recovered: Bool,
                peakPerMinute: Int, longestRunAbove90: SaturationRun?, capacity: Int?,
                slowHandlersNearby: Int, firstLine: LineReference, lastLine: LineReference) {
        self.start = start
        self.end = end
        self.maxUsagePercent = maxUsagePercent
        self.events = events
        self.recovered = recovered
        self.peakPerMinute = peakPerMinute
        self.longestRunAbove90 = longestRunAbove90
        self.capacity = capacity
        self.slowHandlersNearby = slowHandlersNearby
        self.firstLine = firstLine
        self.lastLine = lastLine
    }
}

/// A bulk task creation: when, how many tasks, and whether it is big enough to explain a burst.
public struct BulkTaskCreation: Sendable, Equatable {
    public var at: Timestamp
    /// Tasks created; `nil` when the line did not say.
    public var count: Int?
    public var line: LineReference
    /// The runbook's "1000+ tasks": count ≥ 1000 or unknown.
    public var countsForCorrelation: Bool { count.map { $0 >= 1000 } ?? true }

    public init(at: Timestamp, count: Int?, line: LineReference) {
        self.at = at
        self.count = count
        self.line = line
    }
}

/// Evidence of a `pgmq_notification_burst` finding: a short, recovered pgmq_notifications episode.
public struct BurstEvidence: Sendable, Equatable {
    public var start: Timestamp
    public var end: Timestamp
    public var maxUsagePercent: Double
    public var events: Int
    public var peakPerMinute: Int
    /// True when a 1000+ bulk task creation happened from 5m before the start to the end.
    public var correlated: Bool
    /// The latest such creation at or before the start, else the first after it.
    public var bulkTaskCreation: BulkTaskCreation?
    public var capacity: Int?
    public var firstLine: LineReference
    public var lastLine: LineReference
    public var duration: Int64 { end.nanoseconds - start.nanoseconds }

    public init(start: Timestamp, end: Timestamp, maxUsagePercent: Double, events: Int, peakPerMinute: Int,
                correlated: Bool, bulkTaskCreation: BulkTaskCreation?, capacity: Int?,
                firstLine: LineReference, lastLine: LineReference) {
        self.start = start
        self.end = end
        self.maxUsagePercent = maxUsagePercent
        self.events = events
        self.peakPerMinute = peakPerMinute
        self.correlated = correlated
        self.bulkTaskCreation = bulkTaskCreation
        self.capacity = capacity
        self.firstLine = firstLine
        self.lastLine = lastLine
    }
}

/// Evidence of a `ruby_ffi_backpressure` finding: one run of FFI backpressure events.
public struct FFIBackpressureEvidence: Sendable, Equatable {
    public var start: Timestamp
    public var end: Timestamp
    public var events: Int
    public var rate: DropRate
    public var peakPerMinute: Int
    public var recovered: Bool
    /// Slow Ruby handlers within one window of the run.
    public var slowHandlersNearby: Int
    /// The slowest of those handlers, in seconds.
    public var slowestHandlerSeconds: Double?
    public var capacity: Int?
    public var firstLine: LineReference
    public var lastLine: LineReference
    public var duration: Int64 { end.nanoseconds - start.nanoseconds }

    public init(start: Timestamp, end: Timestamp, events: Int, rate: DropRate, peakPerMinute: Int,
                recovered: Bool, slowHandlersNearby: Int, slowestHandlerSeconds: Double?, capacity: Int?,
                firstLine: LineReference, lastLine: LineReference) {
        self.start = start
        self.end = end
        self.events = events
        self.rate = rate
        self.peakPerMinute = peakPerMinute
        self.recovered = recovered
        self.slowHandlersNearby = slowHandlersNearby
        self.slowestHandlerSeconds = slowestHandlerSeconds
        self.capacity = capacity
        self.firstLine = firstLine
        self.lastLine = lastLine
    }
}

/// How many of one dropped event type.
public struct EventTypeCount: Sendable, Equatable {
    public var eventType: String
    public var count: Int

    public init(eventType: String, count: Int) {
        self.eventType = eventType
        self.count = count
    }

    /// Most first, then by name.
    public static func reportOrder(_ a: EventTypeCount, _ b: EventTypeCount) -> Bool {
        a.count != b.count ? a.count > b.count : a.eventType < b.eventType
    }
}

/// Evidence of an `event_publisher_drops` finding: one drop episode of event_publisher.
public struct DropEvidence: Sendable, Equatable {
    public var start: Timestamp
    public var end: Timestamp
    public var drops: Int
    public var rate: DropRate
    public var peakPerMinute: Int
    /// Covers ≥ 15 UTC minutes and ≥ 90% of them hold a drop.
    public var continuous: Bool
    /// UTC minutes from the first drop's minute to the last's, both included.
    public var minutesCovered: Int
    /// Of those minutes, how many hold at least one drop.
    public var minutesWithDrops: Int
    public var recovered: Bool
    /// Dropped event types, most first.
    public var eventTypes: [EventTypeCount]
    /// Drops whose line names no event type (overflow `DROPPED`, `mpsc_channel_full`).
    public var untypedDrops = 0
    public var capacity: Int?
    public var firstLine: LineReference
    public var lastLine: LineReference
    public var duration: Int64 { end.nanoseconds - start.nanoseconds }

    public init(start: Timestamp, end: Timestamp, drops: Int, rate: DropRate, peakPerMinute: Int,
                continuous: Bool, minutesCovered: Int, minutesWithDrops: Int, recovered: Bool,
                eventTypes: [EventTypeCount], capacity: Int?, firstLine: LineReference, lastLine: LineReference) {
        self.start = start
        self.end = end
        self.drops = drops
        self.rate = rate
        self.peakPerMinute = peakPerMinute
        self.continuous = continuous
        self.minutesCovered = minutesCovered
        self.minutesWithDrops = minutesWithDrops
        self.recovered = recovered
        self.eventTypes = eventTypes
        self.capacity = capacity
        self.firstLine = firstLine
        self.lastLine = lastLine
    }
}

/// Evidence of a `channel_full` finding: the channel's full events no other finding counts.
public struct ChannelFullEvidence: Sendable, Equatable {
    public var start: Timestamp
    public var end: Timestamp
    public var events: Int
    /// Of those, sends that blocked (backpressure).
    public var blocked: Int
    /// Of those, sends that dropped their message.
    public var dropped: Int
    public var peakPerMinute: Int
    public var firstLine: LineReference
    public var lastLine: LineReference
    public var duration: Int64 { end.nanoseconds - start.nanoseconds }

    public init(start: Timestamp, end: Timestamp, events: Int, blocked: Int, dropped: Int, peakPerMinute: Int,
                firstLine: LineReference, lastLine: LineReference) {
        self.start = start
        self.end = end
        self.events = events
        self.blocked = blocked
        self.dropped = dropped
        self.peakPerMinute = peakPerMinute
        self.firstLine = firstLine
        self.lastLine = lastLine
    }
}

/// One channel's share of a window in which every active channel was above 95%.
public struct SaturatedChannel: Sendable, Equatable {
    public var channel: String
    public var maxUsagePercent: Double
    public var saturationEvents: Int
    public var fullEvents: Int
    public var drops: Int

    public init(channel: String, maxUsagePercent: Double, saturationEvents: Int, fullEvents: Int, drops: Int) {
        self.channel = channel
        self.maxUsagePercent = maxUsagePercent
        self.saturationEvents = saturationEvents
        self.fullEvents = fullEvents
        self.drops = drops
    }
}

/// Evidence of an `all_channels_saturated` finding: one window.
public struct AllChannelsSaturatedEvidence: Sendable, Equatable {
    /// The window's start (inclusive).
    public var start: Timestamp
    /// The window's end (exclusive).
    public var end: Timestamp
    /// Every channel active in the window, in the channel table's order.
    public var channels: [SaturatedChannel]
    /// Saturation, full and drop events of those channels in the window.
    public var events: Int
    public var peakPerMinute: Int

    public init(start: Timestamp, end: Timestamp, channels: [SaturatedChannel], events: Int, peakPerMinute: Int) {
        self.start = start
        self.end = end
        self.channels = channels
        self.events = events
        self.peakPerMinute = peakPerMinute
    }
}

/// Evidence of a `config_drift` finding: the logs' buffer size against what `--env` expects.
public struct ConfigDriftEvidence: Sendable, Equatable {
    /// The latest `buffer_size` the logs showed.
    public var logsCapacity: Int
    /// What the config tree (or, without one, the runbook's table) gives `environment`.
    public var expectedCapacity: Int
    /// `config` or `default`.
    public var expectedSource: CapacitySource
    public var environment: String
    /// The config file that set `expectedCapacity`, when it came from a tree.
    public var configFile: String?
    /// When the logs showed `logsCapacity` (`nil` for a line without timestamp).
    public var seenAt: Timestamp?
    public var line: LineReference
    /// Environments whose runbook default equals `logsCapacity`: the likely `TASKER_ENV`.
    public var matchingEnvironments: [String]

    public init(logsCapacity: Int, expectedCapacity: Int, expectedSource: CapacitySource, environment: String,
                configFile: String?, seenAt: Timestamp?, line: LineReference, matchingEnvironments: [String]) {
        self.logsCapacity = logsCapacity
        self.expectedCapacity = expectedCapacity
        self.expectedSource = expectedSource
        self.environment = environment
        self.configFile = configFile
        self.seenAt = seenAt
        self.line = line
        self.matchingEnvironments = matchingEnvironments
    }
}

/// Evidence of a `config_prefix` finding: the problem the config reader found, as it is.
public typealias ConfigPrefixEvidence = ConfigPrefixProblem
