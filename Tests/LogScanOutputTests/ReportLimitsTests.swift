import Foundation
import Testing
@testable import LogScanEngine
@testable import LogScanConfig
@testable import LogScanAnalysis
@testable import LogScanOutput
import TestSupport

/// Issue 16: findings and the sources of a finding are listed up to a limit; the rest are
/// counted, a warning says so in every format, and neither `--fail-on`, the baseline nor
/// the actions lose what was cut.
@Suite struct ReportLimitsTests {
    /// orchestration_command: a critical episode (96% for 6 minutes), two warning ones
    /// (85% over 16 minutes) and five brief info ones, an hour or more apart.
    static func scenario() -> ScenarioBuilder {
        var s = ScenarioBuilder()
        s.saturations("orchestration_command", 96, from: ScenarioBuilder.at(0), to: ScenarioBuilder.at(6), every: 30,
                      capacity: 5000)
        for start: Int64 in [60, 120] {
            s.saturations("orchestration_command", 85, from: ScenarioBuilder.at(start), to: ScenarioBuilder.at(start + 16),
                          every: 240)
        }
        for minute: Int64 in [200, 260, 320, 380, 440] {
            s.saturation("orchestration_command", 85, at: ScenarioBuilder.at(minute))
        }
        return s
    }

    static func report(limit: Int, baseline: Baseline? = nil) -> Report {
        var options = AnalysisOptions()
        options.reportLimits = ReportLimits(findings: limit)
        let s = scenario()
        var analyzer = Analyzer(options: options)
        for event in s.events { analyzer.add(event) }
        return analyzer.finish(scan: s.scan(), baseline: baseline)
    }

    /// A baseline holding the findings of `report` (its JSON, as `--baseline` reads it).
    static func baseline(_ report: Report) throws -> Baseline {
        try Baseline.parse(Data(JSONReportFormatter().format(report).utf8), path: "last.json")
    }

    @Test func theMostSevereAreListedAndTheRestCounted() {
        let full = Self.report(limit: 100)
        #expect(full.findings.map(\.severity) == [.critical, .warning, .warning, .info, .info, .info, .info, .info])
        #expect(full.countedFindings.isEmpty)
        #expect(full.warnings.isEmpty)

        let cut = Self.report(limit: 3)
        #expect(cut.findings == Array(full.findings.prefix(3)))
        #expect(cut.countedFindings == [FindingCount(id: .channelSaturation, severity: .info, count: 5)])
        #expect(cut.warnings == ["more than 3 findings: 5 more are counted, not listed"])
        #expect(cut.count(of: .info) == 5)
        #expect(cut.count(of: .warning) == 2)
        #expect(cut.highestSeverity == .critical)
        // The actions are those of every finding.
        #expect(cut.actions.map(\.findings) == full.actions.map(\.findings))
        #expect(cut.actions.map(\.unlistedFindings) == full.actions.map { _ in 0 })
    }

    @Test func anActionKeepsTheFindingsItServesPastTheLimit() {
        let full = Self.report(limit: 100)
        let resize = full.actions.first { $0.kind == .resize }
        #expect(resize?.findings == [0, 1, 2])
        let cut = Self.report(limit: 1)
        #expect(cut.actions.count == full.actions.count)
        let kept = cut.actions.first { $0.kind == .resize }
        #expect(kept?.findings == [0])
        #expect(kept?.unlistedFindings == 2)
        #expect(kept?.size == resize?.size)
        #expect(kept?.severity == .critical)
        #expect(ReportHeaderText.served(kept!, cut) == "channel_saturation (1), 2 findings not listed")
        #expect(cut.countedFindings == [FindingCount(id: .channelSaturation, severity: .warning, count: 2),
                                        FindingCount(id: .channelSaturation, severity: .info, count: 5)])
        #expect(cut.warnings == ["more than 1 findings: 7 more are counted, not listed"])
    }

    @Test func failOnSeesTheCountedFindings() throws {
        // Without a baseline: a cut report trips every threshold the full one trips.
        for limit in [1, 3, 100] {
            let report = Self.report(limit: limit)
            #expect(FailOn.info.exitStatus(for: report) == 1)
            #expect(FailOn.critical.exitStatus(for: report) == 1)
        }
        // Known: the listed findings of a cut run. Tonight, only the five infos, all counted, are new.
        let listed = try Self.baseline(Self.report(limit: 3))
        let partly = Self.report(limit: 3, baseline: listed)
        #expect(partly.findings.allSatisfy { $0.known })
        #expect(partly.countedFindings == [FindingCount(id: .channelSaturation, severity: .info, count: 5, known: 0)])
        #expect(partly.knownCount == 3)
        #expect(FailOn.info.exitStatus(for: partly) == 1)
        #expect(FailOn.warning.exitStatus(for: partly) == 0)
        #expect(ReportHeaderText.findingCounts(partly) == "0 critical, 0 warning, 5 info (and 3 known, not shown)")
        // Known: every finding. The counted ones are known too, and nothing trips.
        let all = try Self.baseline(Self.report(limit: 100))
        let known = Self.report(limit: 3, baseline: all)
        #expect(known.countedFindings == [FindingCount(id: .channelSaturation, severity: .info, count: 5, known: 5)])
        #expect(known.knownCount == 8)
        #expect(FailOn.info.exitStatus(for: known) == 0)
        #expect(known.actions.isEmpty)
        #expect(ReportHeaderText.findingCounts(known) == "none (and 8 known, not shown)")
    }

    @Test func everyFormatSaysSo() throws {
        let cut = Self.report(limit: 3)
        let warning = "more than 3 findings: 5 more are counted, not listed"

        let text = TextReportFormatter(color: false, width: 100).format(cut)
        #expect(text.contains("  Warning      \(warning)\n"))
        #expect(text.contains("Findings: 1 critical, 2 warning, 5 info\n"))
        #expect(text.contains("\n  Counted, not listed (past the report's limit): 5\n    5 channel_saturation info\n"))

        let markdown = MarkdownReportFormatter().format(cut)
        #expect(markdown.contains("- **Warning:** \(warning)\n"))
        #expect(markdown.contains("\nCounted, not listed (past the report's limit): 5:\n\n- 5 channel_saturation info\n"))

        let html = HTMLReportFormatter().format(cut)
        #expect(html.contains("<dt>Warning</dt><dd class=\"warning-line\">\(warning)</dd>"))
        #expect(html.contains("<p class=\"note\">Counted, not listed (past the report&#39;s limit): 5:</p>\n<ul><li>5 channel_saturation info</li></ul>"))
        #expect(html.contains("<h2>Findings: 1 critical, 2 warning, 5 info</h2>"))

        let summary = SummaryReportFormatter(width: 100).format(cut)
        #expect(summary.hasPrefix("tasker-logscan: 1 critical, 2 warning, 5 info\nTime range: "))
        #expect(summary.contains("\nWarning: \(warning)\n"))

        let prometheus = PrometheusReportFormatter().format(cut)
        #expect(prometheus.contains("tasker_logscan_findings{severity=\"info\"} 5\n"))
        #expect(prometheus.contains("tasker_logscan_counted_findings{severity=\"critical\"} 0\ntasker_logscan_counted_findings{severity=\"warning\"} 0\ntasker_logscan_counted_findings{severity=\"info\"} 5\n"))

        let object = try #require(JSONSerialization.jsonObject(with: Data(JSONReportFormatter().format(cut).utf8)) as? [String: Any])
        #expect(object["warnings"] as? [String] == [warning])
        #expect((object["findings"] as? [Any])?.count == 3)
        let counted = try #require(object["counted_findings"] as? [[String: Any]])
        #expect(counted.count == 1)
        #expect(counted[0]["id"] as? String == "channel_saturation")
        #expect(counted[0]["severity"] as? String == "info")
        #expect(counted[0]["count"] as? Int == 5)
        #expect(counted[0]["known"] as? Int == 0)
        #expect((object["finding_counts"] as? [String: Int]) == ["critical": 1, "warning": 2, "info": 5])
        #expect((object["actions"] as? [[String: Any]])?.map { $0["unlisted_findings"] as? Int } == cut.actions.map { _ in 0 })
        #expect(try ReportSchemaTests.validator().validate(object) == [])
    }

    @Test func aReportWithinTheLimitsIsUnchanged() {
        let full = Self.report(limit: 100)
        #expect(ReportLimits(findings: 8).apply(to: full) == full)
        // Applying the limits twice is applying them once.
        let limits = ReportLimits(findings: 3)
        #expect(limits.apply(to: limits.apply(to: full)) == limits.apply(to: full))
    }

    @Test func aLowerLimitAddsToTheCountedRows() {
        let twice = ReportLimits(findings: 1).apply(to: Self.report(limit: 3))
        #expect(twice.countedFindings == Self.report(limit: 1).countedFindings)
        #expect(twice.warnings == ["more than 1 findings: 7 more are counted, not listed"])
    }

    /// The binary with the default limit: 10,002 brief episodes an hour apart. The JSON lists
    /// the first 10,000; with its own JSON as the baseline the last two are still new, so
    /// `--fail-on info` trips exactly as without the cut.
    @Test func theCommandLineCountsPastTenThousand() throws {
        var log = ""
        for k in 0..<10_002 {
            let at = Timestamp(seconds: 1_577_836_800 + 3600 * Int64(k))
            log += "\(at.rfc3339)  WARN tasker_orchestration::channels: mpsc_channel_saturation channel=orchestration_command usage_percent=85\n"
        }
        let url = try ReportCLI.temporaryFile("flood.log", log)
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let run = try CLIRunner.run([url.path, "--json", "--fail-on", "info"])
        #expect(run.status == 1)
        let report = try #require(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect((report["findings"] as? [Any])?.count == 10_000)
        #expect(report["warnings"] as? [String] == ["more than 10000 findings: 2 more are counted, not listed"])
        let counted = (report["counted_findings"] as? [[String: Any]] ?? []).map { "\($0["id"]!) \($0["severity"]!) \($0["count"]!) \($0["known"]!)" }
        #expect(counted == ["channel_saturation info 2 0"])
        #expect(report["finding_counts"] as? [String: Int] == ["critical": 0, "warning": 0, "info": 10_002])

        let baseline = url.deletingLastPathComponent().appendingPathComponent("last.json")
        try run.stdout.write(to: baseline, atomically: true, encoding: .utf8)
        let again = try CLIRunner.run([url.path, "--format", "summary", "--baseline", baseline.path, "--fail-on", "info"])
        #expect(again.status == 1)
        #expect(again.stdout.hasPrefix("tasker-logscan: 0 critical, 0 warning, 2 info (10000 known)\n"))
        #expect(again.stdout.contains("\nWarning: more than 10000 findings: 2 more are counted, not listed\n"))
        #expect(try CLIRunner.run([url.path, "--format", "summary", "--baseline", baseline.path, "--fail-on", "warning"]).status == 0)
    }

    // MARK: - Sources

    @Test func sourcesPastTheLimitAreSummedLast() {
        var s = ScenarioBuilder()
        for (k, pod) in ["d", "a", "b", "a", "c", "b", "a", "c", "b", "a"].enumerated() {
            s.append(Event(kind: .saturation, channel: "orchestration_command", timestamp: ScenarioBuilder.at(Int64(k)),
                           source: "pod-" + pod, usagePercent: 85))
        }
        var options = AnalysisOptions()
        options.reportLimits = ReportLimits(sourcesPerFinding: 2)
        let report = s.analyze(options)
        #expect(report.findings.count == 1)
        #expect(report.findings.first?.sources == [SourceCount(source: "pod-a", events: 4),
                                                   SourceCount(source: "pod-b", events: 3),
                                                   SourceCount(source: SourceCount.other, events: 3)])
        #expect(report.warnings == ["more than 2 sources in 1 finding: each lists the 2 with most events, the rest summed as (other sources)"])
        let text = TextReportFormatter(color: false, width: 100).format(report)
        #expect(text.contains("      sources: pod-a (4), pod-b (3), (other sources) (3)\n"))
        // Within the limit, nothing is said.
        #expect(s.analyze().warnings.isEmpty)
        #expect(s.analyze().findings.first?.sources.count == 4)
    }

    @Test func theAnalysisSharedSourcesJoinTheSum() {
        let limits = ReportLimits(sourcesPerFinding: 1)
        let shared = [SourceCount(source: "x", events: 5), SourceCount(source: SourceCount.other, events: 4),
                      SourceCount(source: "y", events: 3), SourceCount(source: "z", events: 1)]
        #expect(limits.listedSources(shared) == [SourceCount(source: "x", events: 5),
                                                 SourceCount(source: SourceCount.other, events: 8)])
        // One named source and the analysis' own "(other sources)": within the limit, as it is.
        #expect(limits.listedSources([SourceCount(source: SourceCount.other, events: 9),
                                      SourceCount(source: "x", events: 5)]) == nil)
    }

    // MARK: - Follow

    @Test func theFollowSummaryCountsWhatIsPastTheLimit() {
        var options = AnalysisOptions()
        options.reportLimits = ReportLimits(findings: 2)
        var follow = FollowAnalyzer(options: options)
        // Four channel_full findings still open at the end (the input stops within the episode gap).
        var s = ScenarioBuilder()
        for (k, channel) in ["orchestration_command", "pgmq_notifications", "task_readiness", "worker_command"].enumerated() {
            s.full(channel, action: "blocked", at: ScenarioBuilder.at(0, Int64(k)))
        }
        for event in s.events { follow.add(event) }
        let look = follow.look(scan: s.scan())
        #expect(look.open.count == 4)
        let summary = FollowSummary(report: follow.summary(scan: s.scan()), closed: [:], eventsRead: 4)
        #expect(summary.open.count == 2)
        #expect(summary.openTotal == 4)
        #expect(summary.openCounts == [.info: 4])
        #expect(summary.report.warnings == ["more than 2 findings: 2 more are counted, not listed"])
        #expect(summary.exitStatus(failOn: .info) == 1)
    }
}
