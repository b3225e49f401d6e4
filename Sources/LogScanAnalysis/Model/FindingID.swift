/// The diagnoses of SPEC §4, by the identifier reports and `--fail-on` users see.
public enum FindingID: String, Sendable, CaseIterable, Comparable {
    case channelSaturation = "channel_saturation"
    case pgmqNotificationBurst = "pgmq_notification_burst"
    case rubyFFIBackpressure = "ruby_ffi_backpressure"
    case eventPublisherDrops = "event_publisher_drops"
    case channelFull = "channel_full"
    case allChannelsSaturated = "all_channels_saturated"
    case configDrift = "config_drift"
    case configPrefix = "config_prefix"

    /// Findings of equal severity, time and channel are ordered by their identifier's spelling.
    public static func < (lhs: FindingID, rhs: FindingID) -> Bool { lhs.rawValue < rhs.rawValue }
}
