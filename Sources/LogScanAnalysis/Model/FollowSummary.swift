import LogScanConfig
import LogScanEngine

/// What `--follow` says when it stops (Ctrl-C, SIGTERM, or the end of every piped input):
/// what was read, how many findings were printed as they closed, and those still open.
public struct FollowSummary: Sendable, Equatable {
    /// The analysis at the stop: inputs, time range, events and warnings; its `findings` are
    /// the findings still open, in report order.
    public var report: Report
    /// Findings printed as they closed, per severity.
    public var closed: [Severity: Int]
    /// Events read over the whole follow (the report holds only the recent ones).
    public var eventsRead: Int

    /// Findings printed `OPEN` (each critical then, whatever it closed as).
    public var opened: Int

    /// A summary of `report` (its findings: those still open) and the counts printed.
    public init(report: Report, closed: [Severity: Int], eventsRead: Int, opened: Int = 0) {
        self.report = report
        self.closed = closed
        self.eventsRead = eventsRead
        self.opened = opened
    }

    /// The findings still open when following stopped.
    public var open: [Finding] { report.findings }

    /// Findings printed as they closed.
    public var closedCount: Int { closed.values.reduce(0, +) }

    /// `2 critical, 0 warning, 1 info` for `findings`' severities (or the closed counts).
    package static func counts(_ perSeverity: [Severity: Int]) -> String {
        Severity.allCases.reversed().map { "\(perSeverity[$0] ?? 0) \($0.rawValue)" }.joined(separator: ", ")
    }

    /// Severity counts of the findings still open, those past the report's limit included.
    package var openCounts: [Severity: Int] {
        var counts = Dictionary(grouping: open, by: \.severity).mapValues(\.count)
        for c in report.countedFindings { counts[c.severity, default: 0] += c.count }
        return counts
    }

    /// Findings still open, those past the report's limit (counted, not listed) included.
    package var openTotal: Int { open.count + report.countedTotal }

    /// SPEC §1: 2 after an input error, else 1 when a finding printed (closed, or `OPEN` as
    /// critical) or still open trips `--fail-on`, else 0 (a stop by Ctrl-C or SIGTERM is no error).
    public func exitStatus(failOn: FailOn) -> Int32 {
        if report.inputs.contains(where: { $0.error != nil }) { return 2 }
        guard let threshold = failOn.threshold else { return 0 }
        let printed = closed.contains { $0.key >= threshold && $0.value > 0 } || (opened > 0 && threshold <= .critical)
        return printed || report.highestSeverity.map { $0 >= threshold } == true ? 1 : 0
    }
}
