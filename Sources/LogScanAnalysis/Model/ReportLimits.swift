import LogScanEngine
import LogScanConfig

/// How much of a report is listed in full (issue 16): limits no deployment reaches, so only
/// an attack or a damaged log does; past them the rest is counted, and a warning says so.
///
/// Applied to a built report in one place (`Analyzer.finish`, the `--follow` summary), after
/// `--baseline` has marked the known findings and the actions were derived: every action
/// and every known finding counts, whatever is listed.
public struct ReportLimits: Sendable, Equatable {
    /// A week of a busy deployment's logs gives about 1,100 findings; 10,000 findings are
    /// about 13 MB of JSON. Past it, the most severe stay (report order), the rest are
    /// counted per id and severity (`Report.countedFindings`).
    public var findings: Int
    /// A deployment runs tens of pods; 100 sources are 5 KB of JSON per finding. Past it,
    /// a finding lists the sources with most events and sums the rest as `(other sources)`.
    public var sourcesPerFinding: Int
    /// A bulk task creation every minute for a week is 10,000. Past it, the first ones in
    /// time order are listed and the rest counted (`Report.countedBulkTaskCreations`): the
    /// report then keeps no record per creation, and correlating bursts needs none.
    public var bulkTaskCreations: Int

    public init(findings: Int = 10_000, sourcesPerFinding: Int = 100, bulkTaskCreations: Int = 10_000) {
        self.findings = max(findings, 1)
        self.sourcesPerFinding = max(sourcesPerFinding, 1)
        self.bulkTaskCreations = max(bulkTaskCreations, 1)
    }

    /// The warning of `counted` bulk task creations past the limit.
    func bulkWarning(counted: Int) -> String {
        "more than \(bulkTaskCreations) bulk task creations: the first \(bulkTaskCreations) are listed, \(counted) more counted"
    }

    /// `report` with at most `findings` findings and `sourcesPerFinding` named sources each,
    /// what is left out counted, and a warning per limit reached. A report within the
    /// limits is returned as it is.
    public func apply(to report: Report) -> Report {
        var report = report
        cutFindings(&report)
        cutSources(&report)
        return report
    }

    /// The warning of a cut of `counted` findings.
    func findingWarning(counted: Int) -> String {
        "more than \(findings) findings: \(counted)" + Self.findingWarningEnd
    }

    /// How the warning of a cut of findings ends, for the formats that show only it.
    package static let findingWarningEnd = " more are counted, not listed"

    /// The warning of `findings` findings whose sources were cut.
    func sourceWarning(findings cut: Int) -> String {
        "more than \(sourcesPerFinding) sources in \(ReportNumber.counted(cut, "finding")): each lists the \(sourcesPerFinding) with most events, the rest summed as \(SourceCount.other)"
    }

    // MARK: - Findings

    private func cutFindings(_ report: inout Report) {
        let all = report.findings
        guard all.count > findings else { return }
        // The report's order is already the findings' order; sorted here only if it is not.
        var order = Array(all.indices)
        var sorted = true
        for i in all.indices.dropFirst() where Finding.reportOrder(all[i], all[i - 1]) {
            sorted = false
            break
        }
        WorkMeter.tick(all.count)
        if !sorted { order.sort { Finding.reportOrder(all[$0], all[$1]) } }

        // New positions of the findings kept, -1 for those counted.
        var position = [Int](repeating: -1, count: all.count)
        var kept: [Finding] = []
        kept.reserveCapacity(findings)
        for old in order.prefix(findings) {
            position[old] = kept.count
            kept.append(all[old])
        }
        struct Key: Hashable {
            let id: FindingID
            let severity: Severity
        }
        // A report cut before (a lower limit now) adds to its rows, under one warning.
        let before = report.countedFindings.reduce(0) { $0 + $1.count }
        if before > 0 {
            report.warnings.removeAll { $0.hasPrefix("more than ") && $0.hasSuffix(" findings: \(before)" + Self.findingWarningEnd) }
        }
        var counted: [Key: FindingCount] = [:]
        for c in report.countedFindings {
            counted[Key(id: c.id, severity: c.severity)] = c
        }
        for old in order.dropFirst(findings) {
            WorkMeter.tick()
            let f = all[old]
            let key = Key(id: f.id, severity: f.severity)
            var row = counted[key] ?? FindingCount(id: f.id, severity: f.severity, count: 0)
            row.count += 1
            if f.known { row.known += 1 }
            counted[key] = row
        }
        for a in report.actions.indices {
            var listed: [Int] = []
            for old in report.actions[a].findings {
                WorkMeter.tick()
                guard all.indices.contains(old) else { continue }
                if position[old] >= 0 {
                    listed.append(position[old])
                } else {
                    report.actions[a].unlistedFindings += 1
                }
            }
            report.actions[a].findings = sorted ? listed : listed.sorted()
        }
        let rows = counted.values.sorted(by: FindingCount.reportOrder)
        report.findings = kept
        report.countedFindings = rows
        report.warnings.append(findingWarning(counted: rows.reduce(0) { $0 + $1.count }))
    }

    // MARK: - Sources

    private func cutSources(_ report: inout Report) {
        var cut = 0
        for i in report.findings.indices {
            WorkMeter.tick()
            guard report.findings[i].sources.count > sourcesPerFinding,
                  let listed = listedSources(report.findings[i].sources) else { continue }
            report.findings[i].sources = listed
            cut += 1
        }
        if cut > 0 { report.warnings.append(sourceWarning(findings: cut)) }
    }

    /// The `sourcesPerFinding` named sources with most events, then one `(other sources)`
    /// entry with the events of the rest (and of the sources the analysis already shared
    /// as `(other sources)`); `nil` when no more than `sourcesPerFinding` are named.
    func listedSources(_ sources: [SourceCount]) -> [SourceCount]? {
        WorkMeter.tick(sources.count)
        var named = sources.filter { $0.source != SourceCount.other }
        var other = sources.reduce(0) { $0 + ($1.source == SourceCount.other ? $1.events : 0) }
        guard named.count > sourcesPerFinding else { return nil }
        named.sort(by: SourceCount.reportOrder)
        other += named[sourcesPerFinding...].reduce(0) { $0 + $1.events }
        return Array(named.prefix(sourcesPerFinding)) + [SourceCount(source: SourceCount.other, events: other)]
    }
}
