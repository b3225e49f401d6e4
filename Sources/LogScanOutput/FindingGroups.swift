import LogScanEngine

import LogScanConfig
import LogScanAnalysis

/// How the text and Markdown reports lay findings out on a day or a week of logs (SPEC §5):
/// by severity; when one id and channel has more than three findings, the worst in full (in
/// its severity's section) and the others one line each (start, duration, peak, severity).
/// Known findings (`--baseline`) are left out: the reports count them in one line.
enum FindingGroups {
    /// More findings than this of one id and channel are grouped.
    static let fullLimit = 3

    /// One finding in full, or the worst of a group with the others.
    struct Entry {
        var finding: Finding
        /// The group's other findings, in report order; empty for a finding shown alone.
        var others: [Finding] = []
    }

    /// Per severity, most severe first: how many findings have it, and the entries in report
    /// order (a group stands in the section of its worst finding; its one-liners say theirs).
    static func sections(_ findings: [Finding]) -> [(severity: Severity, count: Int, entries: [Entry])] {
        let shown = findings.filter { !$0.known }
        var members: [String: [Finding]] = [:]
        for f in shown { members[key(f), default: []].append(f) }
        // Findings are in report order (most severe first): a group's first member is in its worst severity.
        var placed = Set<String>()
        var bySeverity: [Severity: [Entry]] = [:]
        for f in shown {
            WorkMeter.tick()
            let k = key(f)
            let all = members[k]!
            if all.count <= fullLimit {
                bySeverity[f.severity, default: []].append(Entry(finding: f))
            } else if !placed.contains(k) {
                placed.insert(k)
                let top = all.filter { $0.severity == f.severity }
                let worst = top.indices.max { a, b in isLess(top[a], top[b]) ?? (a > b) }!
                let chosen = top[worst]
                var others = all
                others.remove(at: all.firstIndex(of: chosen)!)
                bySeverity[f.severity, default: []].append(Entry(finding: chosen, others: others))
            }
        }
        return Severity.allCases.reversed().compactMap { severity in
            guard let entries = bySeverity[severity], !entries.isEmpty else { return nil }
            return (severity, shown.reduce(0) { $0 + ($1.severity == severity ? 1 : 0) }, entries)
        }
    }

    private static func key(_ f: Finding) -> String { f.id.rawValue + "\u{0}" + (f.channel ?? "") }

    /// Whether `a` is less bad than `b` (peak, then rate, then events); `nil` on a tie.
    private static func isLess(_ a: Finding, _ b: Finding) -> Bool? {
        let (x, y) = (badness(a), badness(b))
        return x == y ? nil : x.lexicographicallyPrecedes(y)
    }

    private static func badness(_ f: Finding) -> [Double] {
        switch f.evidence {
        case .saturation(let s): [s.maxUsagePercent, Double(s.events)]
        case .burst(let b): [b.maxUsagePercent, Double(b.events)]
        case .ffiBackpressure(let e): [e.rate.perMinute, Double(e.events)]
        case .drops(let d): [d.rate.perMinute, Double(d.drops)]
        case .full(let e): [Double(e.events)]
        case .allChannelsSaturated(let a): [Double(a.events)]
        case .drift, .prefix: [0]
        }
    }

    /// `2025-10-14T02:36:08Z  25m20s  peak 97%  critical`: a grouped finding in one line.
    static func oneLine(_ f: Finding) -> String {
        var parts = [f.start.map(TimeText.seconds) ?? "no time"]
        if let start = f.start, let end = f.end { parts.append(TimeText.duration(end.nanoseconds - start.nanoseconds)) }
        switch f.evidence {
        case .saturation(let s): parts.append("peak \(ReportNumber.format(s.maxUsagePercent))%")
        case .burst(let b): parts.append("peak \(ReportNumber.format(b.maxUsagePercent))%")
        case .ffiBackpressure(let e): parts.append("\(ReportNumber.format(e.rate.perMinute))/min")
        case .drops(let d): parts.append("\(ReportNumber.format(d.rate.perMinute))/min")
        case .full(let e): parts.append(ReportNumber.counted(e.events, "event"))
        case .allChannelsSaturated(let a): parts.append(ReportNumber.counted(a.events, "event"))
        case .drift, .prefix: break
        }
        parts.append(f.severity.rawValue)
        if f.recommendation.alreadyApplied != nil { parts.append("already applied") }
        return parts.joined(separator: "  ")
    }

    /// `sources: pod-a (40), pod-b (3)`, at most five named; `nil` when no line named one.
    static func sourcesLine(_ sources: [SourceCount]) -> String? {
        guard !sources.isEmpty else { return nil }
        var names = sources.prefix(5).map { "\(DisplayText.name($0.source)) (\($0.events))" }
        if sources.count > 5 { names.append("and \(sources.count - 5) more") }
        return "sources: " + names.joined(separator: ", ")
    }
}
