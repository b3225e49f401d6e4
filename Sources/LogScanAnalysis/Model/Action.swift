import LogScanConfig

/// One thing to do about the findings (SPEC §4 "actions"): a config change with its TOML,
/// or one distinct piece of advice that no TOML expresses.
public struct Action: Sendable, Equatable {
    /// What the action is, in the runbook's words.
    public enum Kind: String, Sendable, CaseIterable {
        /// Grow a buffer: one per config key, the largest size any finding asks.
        case resize
        /// Put the `mpsc_channels` prefix on an override table (Change procedure, step 3).
        case fixConfigPrefix = "fix_config_prefix"
        /// Slow Ruby handlers: the consumer is the bottleneck (Issue 1, Issue 3).
        case optimiseConsumer = "optimise_consumer"
        /// Continuous event_publisher drops (Issue 4).
        case investigateEventStorm = "investigate_event_storm"
        /// A PGMQ burst no bulk task creation explains (Issue 2).
        case findOtherProducer = "find_other_producer"
        /// PGMQ bursts at the production size already (Issue 2).
        case reducePGMQLoad = "reduce_pgmq_load"
        /// Every channel above 95% at once (Emergency).
        case scaleOutConsumers = "scale_out_consumers"
        /// The capacities in the logs are not the config's (Checklist).
        case checkDeployment = "check_deployment"
    }

    public var kind: Kind
    /// The most severe of the findings it serves.
    public var severity: Severity
    /// The channel it is about, `nil` for several.
    public var channel: String?
    /// The dotted seed-layout key it sets (`resize`).
    public var configKey: String?
    /// The config file to edit for `--env`.
    public var file: String?
    /// The capacity in force at the end of the input (`resize`).
    public var current: Int?
    /// The size to set (`resize`).
    public var size: Int?
    /// The TOML for `file` (`resize`, `fix_config_prefix`).
    public var toml: String?
    /// The action in one sentence.
    public var text: String
    /// Positions in `Report.findings` of the findings it serves, in report order.
    public var findings: [Int]
    /// Findings it serves past `ReportLimits.findings`: counted, not listed.
    public var unlistedFindings = 0

    public init(kind: Kind, severity: Severity, channel: String? = nil, configKey: String? = nil, file: String? = nil,
                current: Int? = nil, size: Int? = nil, toml: String? = nil, text: String, findings: [Int]) {
        self.kind = kind
        self.severity = severity
        self.channel = channel
        self.configKey = configKey
        self.file = file
        self.current = current
        self.size = size
        self.toml = toml
        self.text = text
        self.findings = findings
    }
}

/// Every change the actions make to one config file, as one TOML block to paste.
public struct ConfigFileChange: Sendable, Equatable {
    public var file: String
    /// `# file`, then each table once with every key it changes.
    public var toml: String

    public init(file: String, toml: String) {
        self.file = file
        self.toml = toml
    }
}
