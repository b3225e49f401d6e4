#if DEBUG
import Foundation
import Testing
@testable import LogScanEngine
@testable import LogScanConfig
@testable import LogScanAnalysis
@testable import LogScanOutput
import TestSupport

/// Issue 16: no step above n·log n in the number of channels and findings, counted with the
/// debug build's work meter (`WorkMeter`: record reads, sort comparisons, loop steps over
/// channels, findings and chart columns, strings escaped and wrapped, JSON nodes, samples),
/// not timed. Ten times the channels and findings give about 10 to 13 times the work on a
/// linear or n·log n path, 100 times on a quadratic one (a loop over findings per channel).
///
/// The report's limits are lifted so that every channel and finding reaches every step.
/// Sizes: 1e3 → 1e4 in the suite (about 3 s in a debug build); 1e4 → 1e5 too with
/// `LOGSCAN_SCALING_1E5=1` (about 25 s: a debug build does ~50 µs of work per channel).
@Suite struct WorkScalingTests {
    /// The events are spread over the same year whatever `n`, so that the time axis (windows
    /// per sparkline or chart column) does not grow with it.
    static let origin: Int64 = 1_760_400_000
    static let year: Int64 = 365 * 86_400

    /// `n` made-up channels, each announcing its buffer size; every tenth also with a blocked
    /// send (a `channel_full` finding and a chart of its own); `n / 10` brief saturation
    /// episodes of orchestration_command and `n / 2` bulk task creations, spread over the
    /// year; events from 50 pods; a baseline that knows every other `channel_full` finding.
    static func analysis(_ n: Int) -> (report: Report, units: Int) {
        var options = AnalysisOptions()
        options.nameLimit = .max
        options.reportLimits = ReportLimits(findings: .max, sourcesPerFinding: .max)
        var analyzer = Analyzer(options: options)
        var line = 0
        func at(_ k: Int, of count: Int) -> Timestamp { Timestamp(seconds: origin + year * Int64(k) / Int64(count)) }
        func add(_ event: Event) {
            var event = event
            line += 1
            event.line = line
            event.input = "flood.log"
            event.source = "pod-\(line % 50)"
            analyzer.add(event)
        }
        var known: [Baseline.Entry] = []
        for i in 0..<n {
            let name = "flood_\(i)"
            add(Event(kind: .channelInit, channel: name, rawChannel: name, timestamp: at(i, of: n), capacity: 1000 + i % 7))
            guard i % 10 == 0 else { continue }
            add(Event(kind: .full, channel: name, rawChannel: name, timestamp: at(i, of: n), action: "blocked"))
            if i % 20 == 0 {
                known.append(Baseline.Entry(id: FindingID.channelFull.rawValue, channel: name, source: "pod-\(line % 50)",
                                            start: at(i, of: n), ongoing: false, summary: "", detail: nil))
            }
        }
        for k in 0..<(n / 10) {
            add(Event(kind: .saturation, channel: "orchestration_command", rawChannel: "orchestration_command",
                      timestamp: at(k, of: n / 10), usagePercent: 85 + Double(k % 12)))
        }
        // Enough to fill every tick of a chart already at 1e3 (a chart draws at most one per 3 px).
        for k in 0..<(n / 2) {
            add(Event(kind: .bulkTaskCreation, timestamp: at(k, of: n / 2), count: 500 + 100 * (k % 20)))
        }
        let baseline = Baseline(path: "last.json", entries: known, inputEnd: Timestamp(seconds: origin + year),
                                episodeGap: AnalysisOptions.fiveMinutes)
        let scan = ScanSummary(inputs: [InputSummary(name: "flood.log", lines: Int64(line))])
        let measured = WorkMeter.measure { analyzer.finish(scan: scan, baseline: baseline) }
        return (measured.result, measured.units)
    }

    static var formatters: [(name: String, formatter: any ReportFormatter)] { [
        ("text", TextReportFormatter(color: false, width: 100)),
        ("markdown", MarkdownReportFormatter()),
        ("json", JSONReportFormatter()),
        ("prometheus", PrometheusReportFormatter()),
        ("html", HTMLReportFormatter()),
        ("summary", SummaryReportFormatter()),
    ] }

    /// Work of the analysis and of every formatter, and each output's size, for `n`.
    static func work(_ n: Int) -> [String: (units: Int, bytes: Int)] {
        let (report, units) = analysis(n)
        var work = ["analysis": (units, 0)]
        for (name, formatter) in formatters {
            let measured = WorkMeter.measure { formatter.format(report) }
            work[name] = (measured.units, measured.result.utf8.count)
        }
        return work
    }

    /// Every step's work and output grows less than 15 times for 10 times the input, and
    /// each step did some work (a meter that counted nothing would pass any ratio).
    static func expectLinear(from small: Int, to large: Int) {
        let (a, b) = (work(small), work(large))
        for (name, before) in a.sorted(by: { $0.key < $1.key }) {
            let after = b[name]!
            // The summary is 12 lines at most, whatever the report: constant work.
            if name != "summary" { #expect(before.units >= small / 10, "\(name) counted no work") }
            let ratio = Double(after.units) / Double(max(before.units, 1))
            if ProcessInfo.processInfo.environment["LOGSCAN_SCALING_PRINT"] != nil {
                print("scaling \(small)→\(large) \(name): units \(before.units) → \(after.units) (×\(ReportNumber.format(ratio))), bytes \(before.bytes) → \(after.bytes)")
            }
            #expect(ratio < 15, "\(name): \(before.units) → \(after.units) units of work (×\(ratio))")
            if before.bytes > 0 {
                let growth = Double(after.bytes) / Double(before.bytes)
                #expect(growth < 15, "\(name): \(before.bytes) → \(after.bytes) bytes (×\(growth))")
            }
        }
    }

    @Test func workIsLinearFrom1e3To1e4() {
        let report = Self.analysis(1_000).report
        // The scenario is what it says: 1000 channels and more, 100 + 100 findings, the infos known half the time.
        #expect(report.channels.count == 1_001)
        #expect(report.findings.filter { $0.id == .channelFull }.count == 100)
        #expect(report.findings.filter { $0.id == .channelFull && $0.known }.count == 50)
        #expect(report.findings.filter { $0.id == .channelSaturation }.count == 100)
        #expect(report.bulkTaskCreations.count == 500)
        Self.expectLinear(from: 1_000, to: 10_000)
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["LOGSCAN_SCALING_1E5"] != nil,
                   "set LOGSCAN_SCALING_1E5=1 for 1e4 → 1e5 (about 40 s in a debug build)"))
    func workIsLinearFrom1e4To1e5() {
        Self.expectLinear(from: 10_000, to: 100_000)
    }
}
#endif
