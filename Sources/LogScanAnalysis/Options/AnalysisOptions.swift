import LogScanEngine
import LogScanConfig

/// What the analysis is asked: windows, bounds, channels and sizing inputs (SPEC §1 defaults).
public struct AnalysisOptions: Sendable {
    /// Five minutes in nanoseconds: the default window and episode gap (the runbook's `[5m]`).
    public static let fiveMinutes: Int64 = 300_000_000_000

    /// `--window`, nanoseconds.
    public var window: Int64
    /// `--episode-gap`, nanoseconds: events further apart start a new episode.
    public var episodeGap: Int64
    /// `--since`: events before it are left out.
    public var since: TimeBound?
    /// `--until`: events after it are left out.
    public var until: TimeBound?
    /// `--channel`: runbook names or raw aliases; empty = all channels.
    public var channels: Set<String>
    /// `--target-usage`, percent, for the resize formula.
    public var targetUsage: Double
    /// `--env`, whose capacities and config file the report uses.
    public var environment: String
    /// The config tree, or `RunbookDefaults()` when there is none.
    public var configuration: any CapacityConfiguration
    /// Distinct channel names and dropped event types kept apart (issue 16): far above
    /// any deployment (tasker-core has 11 channels), so only a flood of made-up names
    /// reaches it; past it, names share one "other" row and the report says how many.
    public var nameLimit: Int = 10_000
    /// Findings and sources per finding listed in full (issue 16); the rest are counted.
    public var reportLimits = ReportLimits()
    /// Records held in memory before the rest go to a temporary file (in `TMPDIR`, else
    /// `/tmp`): 32 bytes each, so the default keeps 8 MiB, whatever the number of events.
    public var memoryRecords: Int = RecordStore.defaultMemoryLimit

    public init(window: Int64 = AnalysisOptions.fiveMinutes, episodeGap: Int64 = AnalysisOptions.fiveMinutes,
                since: TimeBound? = nil, until: TimeBound? = nil, channels: Set<String> = [],
                targetUsage: Double = 70, environment: String = "production",
                configuration: any CapacityConfiguration = RunbookDefaults()) {
        self.window = window
        self.episodeGap = episodeGap
        self.since = since
        self.until = until
        self.channels = channels
        self.targetUsage = targetUsage
        self.environment = environment
        self.configuration = configuration
    }

    /// Throws a usage error (exit status 2) for values the analysis cannot work with.
    public func validate() throws {
        guard window > 0 else { throw OptionValueError("--window must be longer than 0s") }
        guard episodeGap >= 0 else { throw OptionValueError("--episode-gap must not be negative") }
        guard targetUsage > 0, targetUsage < 100 else {
            throw OptionValueError("--target-usage must be between 0 and 100 (exclusive), e.g. 70")
        }
        if case .instant(let from)? = since, case .instant(let to)? = until, from > to {
            throw OptionValueError("--since \(from.rfc3339) is after --until \(to.rfc3339)")
        }
    }

    /// The `--channel` names as report names (raw aliases mapped to runbook names).
    var selectedChannels: Set<String> { Set(channels.map(ChannelCatalog.canonicalName)) }
}
