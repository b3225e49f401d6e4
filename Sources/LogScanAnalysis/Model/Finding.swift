import LogScanEngine
import LogScanConfig

/// One diagnosis of SPEC §4: what was seen, on which channel, how bad, and what to do.
public struct Finding: Sendable, Equatable {
    public var id: FindingID
    public var severity: Severity
    /// The runbook channel name; `nil` for findings about several channels or a config table.
    public var channel: String?
    /// One or two sentences an operator can read without the evidence.
    public var summary: String
    /// First event the finding covers; `nil` when it is not about a time span.
    public var start: Timestamp?
    /// Last event the finding covers (the window's end for `all_channels_saturated`).
    public var end: Timestamp?
    public var evidence: Evidence
    public var recommendation: Recommendation
    /// The pods or units that wrote its events, most first (`evidence.sources[]`); empty when no line said.
    public var sources: [SourceCount]
    /// True when the `--baseline` report already held it (SPEC §4 "known"): shown only as a
    /// count, no action, and it does not count for `--fail-on`.
    public var known: Bool

    public init(id: FindingID, severity: Severity, channel: String?, summary: String,
                start: Timestamp?, end: Timestamp?, evidence: Evidence, recommendation: Recommendation,
                sources: [SourceCount] = [], known: Bool = false) {
        self.id = id
        self.severity = severity
        self.channel = channel
        self.summary = summary
        self.start = start
        self.end = end
        self.evidence = evidence
        self.recommendation = recommendation
        self.sources = sources
        self.known = known
    }

    /// The report's order: severity (critical first), start time (timeless last),
    /// channel (none last), id, then end time and summary so that no two findings tie.
    public static func reportOrder(_ a: Finding, _ b: Finding) -> Bool { precedes(a, b) }

    /// What `reportOrder` compares, apart: sorting many findings by their keys does not move
    /// or copy the findings (a large value with many strings).
    public struct OrderKey: Comparable, ReportOrdered {
        let severity: Severity
        let start: Timestamp?
        let channel: String?
        let id: FindingID
        let end: Timestamp?
        let summary: String

        public init(_ finding: Finding) {
            severity = finding.severity
            start = finding.start
            channel = finding.channel
            id = finding.id
            end = finding.end
            summary = finding.summary
        }

        public static func < (a: OrderKey, b: OrderKey) -> Bool { Finding.precedes(a, b) }
    }

    /// The one comparison behind `reportOrder` and `OrderKey`.
    private static func precedes<T: ReportOrdered>(_ a: T, _ b: T) -> Bool {
        WorkMeter.tick()
        if a.severity != b.severity { return a.severity > b.severity }
        if a.start != b.start { return optionalAscending(a.start, b.start) }
        if a.channel != b.channel { return optionalAscending(a.channel, b.channel) }
        if a.id != b.id { return a.id < b.id }
        if a.end != b.end { return optionalAscending(a.end, b.end) }
        return a.summary < b.summary
    }

    /// Ascending with `nil` after every value.
    private static func optionalAscending<T: Comparable>(_ a: T?, _ b: T?) -> Bool {
        switch (a, b) {
        case let (x?, y?): x < y
        case (.some, nil): true
        default: false
        }
    }
}

/// The fields the report's order reads: a finding's, or its `OrderKey`'s.
protocol ReportOrdered {
    var severity: Severity { get }
    var start: Timestamp? { get }
    var channel: String? { get }
    var id: FindingID { get }
    var end: Timestamp? { get }
    var summary: String { get }
}

extension Finding: ReportOrdered {}
