import LogScanEngine

/// One channel's events in one `--window` (windows are aligned to the Unix epoch).
public struct WindowStats: Sendable, Equatable {
    public var start: Timestamp
    public var saturationEvents: Int
    /// Peak usage in the window; `nil` when it held no saturation event.
    public var maxUsagePercent: Double?
    public var fullEvents: Int
    public var drops: Int

    public init(start: Timestamp, saturationEvents: Int = 0, maxUsagePercent: Double? = nil,
                fullEvents: Int = 0, drops: Int = 0) {
        self.start = start
        self.saturationEvents = saturationEvents
        self.maxUsagePercent = maxUsagePercent
        self.fullEvents = fullEvents
        self.drops = drops
    }
}
