/// Events per minute over an episode: events ÷ max(5 min, span), as SPEC §4 defines rates.
public struct DropRate: Sendable, Equatable {
    /// The runbook's drop-rate bands (Issue 4).
    public enum Level: String, Sendable, Equatable {
        /// Below 1/min: "acceptable for non-critical events".
        case rare
        /// From 1 to 10/min, both included: "monitor".
        case frequent
        /// Above 10/min: resize.
        case storm
    }

    public var perMinute: Double

    public init(perMinute: Double) { self.perMinute = perMinute }

    /// `events` over `span` nanoseconds, the span counted as at least five minutes.
    public init(events: Int, span: Int64) {
        let denominator = max(RunbookThresholds.rateFloor, span)
        perMinute = Double(events) * Double(RunbookThresholds.minute) / Double(denominator)
    }

    public var level: Level {
        if perMinute < RunbookThresholds.rareDropRate { return .rare }
        return perMinute > RunbookThresholds.stormRate ? .storm : .frequent
    }
}
