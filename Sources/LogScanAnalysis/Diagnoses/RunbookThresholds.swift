/// The numbers of SPEC §4 and the runbook, in one place so the docs and the code agree.
enum RunbookThresholds {
    static let minute: Int64 = 60_000_000_000
    /// A run of events each above `criticalRunUsage` lasting this long is critical ("> 90% for 5 minutes").
    static let criticalRunLength: Int64 = 5 * minute
    /// Strictly above this usage an event belongs to a critical run.
    static let criticalRunUsage = 90.0
    /// Strictly above this usage a saturation is "critically full" (Emergency Response).
    static let criticalPeakUsage = 95.0
    /// An episode spanning this long is a warning ("> 80% for 15 minutes").
    static let warningSpan: Int64 = 15 * minute
    /// A recovered episode shorter than this is "brief, recovers quickly" (and a pgmq burst).
    static let briefSpan: Int64 = 5 * minute
    /// A bulk task creation this long before a burst's start still explains it.
    static let bulkCorrelationLead: Int64 = 5 * minute
    /// The runbook's "1000+ tasks".
    static let bulkCorrelationTasks = 1000
    /// The runbook's PGMQ buffer for production.
    static let pgmqProductionSize = 50_000
    /// Rates are events ÷ max(this, span).
    static let rateFloor: Int64 = 5 * minute
    /// Drops below this rate per minute are rare (info).
    static let rareDropRate = 1.0
    /// Rates above this per minute are a storm (critical).
    static let stormRate = 10.0
    /// A drop episode is continuous when it covers at least this many UTC minutes...
    static let continuousMinutes = 15
    /// ...and at least this share of them (in tenths) hold a drop.
    static let continuousShareTenths = 9
}
