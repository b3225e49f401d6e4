import LogScanEngine

/// A new buffer size for a channel and the rule that produced it (runbook "Calculate New Size").
public struct ResizeRecommendation: Sendable, Equatable {
    /// How the size was computed.
    public enum Rule: Sendable, Equatable {
        /// `current × 100 / (100 − target)`, rounded up to one significant digit.
        case targetUsage(Double)
        /// 2× ("prefer 2x increases").
        case double
        /// The runbook's fixed PGMQ size for production (50000).
        case pgmqProductionSize
    }

    /// The channel's catalog entry; `nil` for channels with no config key.
    public var channel: ChannelSpec?
    public var current: Int
    public var size: Int
    public var rule: Rule

    /// Nil when the size would not fit in an `Int` (a config tree may set any
    /// capacity): no recommendation rather than a wrong one.
    public init?(channel: ChannelSpec?, current: Int, rule: Rule) {
        self.channel = channel
        self.current = current
        self.rule = rule
        switch rule {
        case .targetUsage(let target):
            guard let size = ResizeRecommendation.targetUsageSize(current: current, targetUsage: target) else { return nil }
            self.size = size
        case .double:
            let (doubled, overflow) = current.multipliedReportingOverflow(by: 2)
            guard !overflow else { return nil }
            size = doubled
        case .pgmqProductionSize:
            size = RunbookThresholds.pgmqProductionSize
        }
    }

    /// `current × 100 / (100 − target)` rounded up to one significant digit:
    /// 5000 at target 70 → 16,667 → 20,000.
    /// Nil when the result would not fit in an `Int`.
    public static func targetUsageSize(current: Int, targetUsage: Double) -> Int? {
        exactTargetUsageSize(current: current, targetUsage: targetUsage).flatMap(roundUpToOneSignificantDigit)
    }

    /// The formula's value rounded up to a whole number (16,667 for 5000 at 70).
    public static func exactTargetUsageSize(current: Int, targetUsage: Double) -> Int? {
        let exact = Double(current) * 100 / (100 - targetUsage)
        // A hair below the integer absorbs float noise (2000.0000000001 stays 2000).
        return Int(exactly: (exact - 1e-9).rounded(.up))
    }

    /// Rounds up to one significant digit: 16,667 → 20,000; 3,334 → 4,000; 1,429 → 2,000; 2,000 → 2,000.
    /// Nil when the rounded value would not fit in an `Int`.
    public static func roundUpToOneSignificantDigit(_ n: Int) -> Int? {
        guard n > 9 else { return n }
        var scale = 1
        while scale <= n / 10 { scale *= 10 }
        let (sum, overflow) = n.addingReportingOverflow(scale - 1)
        guard !overflow else { return nil }
        let (rounded, overflow2) = (sum / scale).multipliedReportingOverflow(by: scale)
        return overflow2 ? nil : rounded
    }

    /// The key this size is for, `mpsc_channels.<table>.<key>`; `nil` without a catalog entry.
    public var configKey: String? { channel.map { "\($0.seedTableHeader).\($0.configKey)" } }

    /// How the size was reached, for the recommendation text.
    public var explanation: String {
        switch rule {
        case .targetUsage(let target):
            let t = ReportNumber.format(target)
            let exact = ResizeRecommendation.exactTargetUsageSize(current: current, targetUsage: target) ?? size
            return exact == size
                ? "\(current) * 100 / (100 - \(t)) = \(size)"
                : "\(current) * 100 / (100 - \(t)) = \(exact), rounded up to \(size)"
        case .double:
            return "2x \(current)"
        case .pgmqProductionSize:
            return "the runbook's size for production"
        }
    }
}
