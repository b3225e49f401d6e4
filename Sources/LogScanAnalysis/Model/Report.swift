import LogScanEngine
import LogScanConfig

/// Everything a report says (SPEC §5); formatters only render it.
public struct Report: Sendable, Equatable {
    /// The JSON schema identifier of this data model.
    public static let schemaID = "tasker-logscan/report/v1"

    public var inputs: [InputSummary]
    public var linesRead: Int64
    /// Events of the selected channels in the analysed range (untimed ones included when no `--since`/`--until`).
    public var eventsFound: Int
    /// Events of the selected channels without any timestamp.
    public var eventsUntimed: Int
    /// The analysed range: the input's first and last timestamps, clipped to `--since`/`--until`.
    public var timeRange: TimeRange
    /// `--window` in nanoseconds.
    public var window: Int64
    /// `--episode-gap` in nanoseconds.
    public var episodeGap: Int64
    public var environment: String
    public var targetUsagePercent: Double
    /// Where capacities came from (the configuration's description).
    public var configSource: String
    /// `--since`, resolved to an instant.
    public var since: Timestamp?
    /// `--until`, resolved to an instant.
    public var until: Timestamp?
    /// `--channel` names as runbook names, sorted; empty = all.
    public var channelFilter: [String]
    /// Problems the operator must know about (unreadable config, ...).
    public var warnings: [String]
    /// In channel catalog order, then by name.
    public var channels: [ChannelReport]
    /// event_publisher's dropped event types, most first, then by name.
    public var droppedEventTypes: [EventTypeCount]
    /// Timestamped bulk task creations in the range, by time.
    public var bulkTaskCreations: [BulkTaskCreation]
    /// Bulk task creations past `ReportLimits.bulkTaskCreations`: counted, not listed (0 when
    /// every one is listed).
    public var countedBulkTaskCreations = 0
    /// Drops whose line names no event type (overflow `DROPPED`, `mpsc_channel_full`), over every channel.
    public var untypedDrops: Int
    /// By severity (critical first), start, channel, id; at most `ReportLimits.findings`.
    public var findings: [Finding]
    /// Findings past `ReportLimits.findings`, per id and severity, most severe first:
    /// counted, not listed (empty when every finding is listed).
    public var countedFindings: [FindingCount] = []
    /// What to do, most severe first: one per config key and one per distinct non-TOML advice
    /// (SPEC §4 "actions"), from the findings that are not known.
    public var actions: [Action] = []
    /// One TOML block per config file holding every change the actions make to it.
    public var configChanges: [ConfigFileChange] = []
    /// The `--baseline` file, when one was given.
    public var baseline: String?
    /// The input's own first and last timestamps, before `--since`/`--until`.
    public var inputTimeRange = TimeRange()

    public init(inputs: [InputSummary] = [], linesRead: Int64 = 0, eventsFound: Int = 0, eventsUntimed: Int = 0,
                timeRange: TimeRange = TimeRange(), window: Int64 = 300_000_000_000,
                episodeGap: Int64 = 300_000_000_000, environment: String = "production",
                targetUsagePercent: Double = 70, configSource: String = "", since: Timestamp? = nil,
                until: Timestamp? = nil, channelFilter: [String] = [], warnings: [String] = [],
                channels: [ChannelReport] = [], droppedEventTypes: [EventTypeCount] = [],
                bulkTaskCreations: [BulkTaskCreation] = [], findings: [Finding] = [], untypedDrops: Int = 0) {
        self.inputs = inputs
        self.linesRead = linesRead
        self.eventsFound = eventsFound
        self.eventsUntimed = eventsUntimed
        self.timeRange = timeRange
        self.window = window
        self.episodeGap = episodeGap
        self.environment = environment
        self.targetUsagePercent = targetUsagePercent
        self.configSource = configSource
        self.since = since
        self.until = until
        self.channelFilter = channelFilter
        self.warnings = warnings
        self.channels = channels
        self.droppedEventTypes = droppedEventTypes
        self.bulkTaskCreations = bulkTaskCreations
        self.findings = findings
        self.untypedDrops = untypedDrops
    }

    /// How many findings have exactly this severity, listed or counted.
    public func count(of severity: Severity) -> Int {
        findings.reduce(0) { $0 + ($1.severity == severity ? 1 : 0) }
            + countedFindings.reduce(0) { $0 + ($1.severity == severity ? $1.count : 0) }
    }

    /// How many findings of this severity the `--baseline` report did not hold, listed or counted.
    public func freshCount(of severity: Severity) -> Int {
        findings.reduce(0) { $0 + ($1.severity == severity && !$1.known ? 1 : 0) }
            + countedFindings.reduce(0) { $0 + ($1.severity == severity ? $1.fresh : 0) }
    }

    /// Findings the `--baseline` report did not hold, listed or counted.
    public var freshTotal: Int { Severity.allCases.reduce(0) { $0 + freshCount(of: $1) } }

    /// Findings the `--baseline` report already held, listed or counted.
    public var knownCount: Int {
        findings.reduce(0) { $0 + ($1.known ? 1 : 0) } + countedFindings.reduce(0) { $0 + $1.known }
    }

    /// Findings past `ReportLimits.findings`: counted, not listed.
    public var countedTotal: Int { countedFindings.reduce(0) { $0 + $1.count } }

    /// The report with the input's unclipped time range.
    func with(inputTimeRange range: TimeRange) -> Report {
        var report = self
        report.inputTimeRange = range
        return report
    }

    /// The report with `actions` and `configChanges` derived from its findings; on a report
    /// within `ReportLimits`, before the cut (the findings counted, not listed, have no action).
    public func withActions() -> Report {
        var report = self
        (report.actions, report.configChanges) = ActionPlanner.plan(findings: findings, channels: channels)
        return report
    }

    /// The most severe finding's severity, listed or counted; `nil` without findings.
    public var highestSeverity: Severity? { (findings.map(\.severity) + countedFindings.map(\.severity)).max() }
}
