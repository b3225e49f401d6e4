import LogScanConfig
import LogScanEngine

/// `--fail-on`: the least severity that makes the run exit with status 1 (SPEC §1).
public enum FailOn: String, Sendable, CaseIterable {
    case info
    case warning
    case critical
    /// Findings never change the exit status (the default).
    case never

    /// The least severity that trips it; `nil` for `never`.
    public var threshold: Severity? {
        switch self {
        case .info: .info
        case .warning: .warning
        case .critical: .critical
        case .never: nil
        }
    }

    /// True when the report holds a finding at or above the threshold that the baseline did not.
    public func isTripped(by report: Report) -> Bool {
        guard let threshold else { return false }
        // The findings counted past the report's limit count as the listed ones: the cut never changes the status.
        return report.findings.contains { !$0.known && $0.severity >= threshold }
            || report.countedFindings.contains { $0.fresh > 0 && $0.severity >= threshold }
    }

    /// SPEC §1's exit status: 2 after an input error (it wins: the report is partial),
    /// else 1 when a finding trips `--fail-on`, else 0.
    public func exitStatus(for report: Report) -> Int32 {
        if report.inputs.contains(where: { $0.error != nil }) { return 2 }
        return isTripped(by: report) ? 1 : 0
    }
}
