import LogScanConfig
import LogScanAnalysis
import LogScanEngine

/// The report in at most 12 lines for a chat message or a cron mail (SPEC §5 `summary`):
/// the severity counts and time range, the most severe finding's summary, the actions.
/// Every line is cut to the width; strings from log lines are escaped.
public struct SummaryReportFormatter: ReportFormatter {
    /// The most lines it writes.
    public static let maxLines = 12
    public let width: Int

    public init(width: Int = 80) { self.width = max(width, 40) }

    public func format(_ r: Report) -> String {
        var lines: [String] = []
        let fresh = r.findings.filter { !$0.known }
        var head = "tasker-logscan: "
        head += r.freshTotal == 0 ? "no findings" : Severity.allCases.reversed().map { s in
            "\(r.freshCount(of: s)) \(s.rawValue)"
        }.joined(separator: ", ")
        if r.knownCount > 0 { head += " (\(r.knownCount) known)" }
        lines.append(head)
        lines.append("Time range: " + ReportHeaderText.timeRange(r))
        // The one warning about the findings themselves: the counts above hold more than the reports list.
        if r.countedTotal > 0, let cut = r.warnings.first(where: { $0.hasSuffix(ReportLimits.findingWarningEnd) }) {
            lines.append("Warning: " + cut)
        }
        let failed = r.inputs.filter { $0.error != nil }.count
        if failed > 0 { lines.append("Inputs: \(failed) of \(r.inputs.count) could not be read to the end") }
        if let worst = fresh.first {
            lines.append("Worst (\(worst.severity.rawValue) \(worst.id.rawValue)): \(worst.summary)")
        }
        if r.actions.isEmpty {
            lines.append("Actions: none")
        } else {
            lines.append("Actions (\(r.actions.count)):")
            let files = r.configChanges.map(\.file)
            let room = Self.maxLines - lines.count - (files.isEmpty ? 0 : 1)
            let shown = r.actions.count <= room ? r.actions.count : room - 1
            for action in r.actions.prefix(shown) {
                lines.append("  " + action.severity.rawValue.padded(to: 9) + Self.short(action))
            }
            if shown < r.actions.count { lines.append("  and \(r.actions.count - shown) more: see the full report") }
            if !files.isEmpty { lines.append("TOML for " + files.joined(separator: ", ") + ": see the full report") }
        }
        return lines.map { cut(DisplayText.escaped($0)) }.joined(separator: "\n") + "\n"
    }

    /// A resize as `channel: key = size (now N)`; other actions as they read.
    private static func short(_ a: Action) -> String {
        guard a.kind == .resize, let size = a.size, let key = a.configKey?.split(separator: ".").last else { return a.text }
        return "\(a.channel.map { DisplayText.name($0) } ?? "channel"): \(key) = \(size)" + (a.current.map { " (now \($0))" } ?? "")
    }

    private func cut(_ line: String) -> String {
        line.count <= width ? line : String(line.prefix(width - 1)) + "…"
    }
}
