import LogScanEngine
import LogScanConfig

/// Findings of one id and severity past the report's limit (`ReportLimits.findings`):
/// counted, not listed (`counted_findings[]` in JSON).
public struct FindingCount: Sendable, Equatable {
    public var id: FindingID
    public var severity: Severity
    /// How many findings of this id and severity were left out of `Report.findings`.
    public var count: Int
    /// Of those, how many the `--baseline` report already held.
    public var known: Int

    public init(id: FindingID, severity: Severity, count: Int, known: Int = 0) {
        self.id = id
        self.severity = severity
        self.count = count
        self.known = known
    }

    /// Those the baseline did not hold: they count for `--fail-on`.
    public var fresh: Int { count - known }

    /// Severity (critical first), then id.
    public static func reportOrder(_ a: FindingCount, _ b: FindingCount) -> Bool {
        a.severity != b.severity ? a.severity > b.severity : a.id < b.id
    }
}
