/// How urgent a finding is, in the runbook's alert levels: `info` < `warning` < `critical`.
public enum Severity: String, Sendable, CaseIterable, Comparable {
    case info
    case warning
    case critical

    /// Position in the order `info` < `warning` < `critical`.
    var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .critical: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}
