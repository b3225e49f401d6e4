@testable import LogScanEngine
@testable import LogScanAnalysis
import TestSupport

/// Small scenarios whose whole JSON report JSONReportTests spells out.
enum JSONScenarios {
    typealias S = ScenarioBuilder

    static var all: [(String, Report)] { [("quiet", quiet()), ("burst", burst()), ("drops", drops())] }

    /// One channel monitor line, nothing wrong.
    static func quiet() -> Report {
        var s = S(input: "quiet.log")
        s.channelInit("orchestration_command_channel", capacity: 5000, at: S.at(0, 0, millis: 231))
        var analyzer = Analyzer()
        for event in s.events { analyzer.add(event) }
        return analyzer.finish(scan: ScanSummary(inputs: [
            InputSummary(name: "quiet.log", bytes: 2048, lines: 12, firstTimestamp: S.at(0), lastTimestamp: S.at(9, 59)),
        ]))
    }

    /// A bulk creation, a PGMQ burst 20s later, and an untimed runbook-form drop.
    static func burst() -> Report {
        var s = S(input: "orchestration.log")
        s.bulk(1200, at: S.at(12))
        s.saturation("pgmq_notify_listener", 92.94, at: S.at(12, 20), capacity: 10_000)
        s.saturation("pgmq_notifications", 96.17999999999999, at: S.at(12, 30, millis: 500))
        s.saturation("pgmq_notify_listener", 88.86, at: S.at(12, 40), capacity: 10_000)
        s.full("event_publisher", action: "dropped", at: nil)
        var analyzer = Analyzer()
        for event in s.events { analyzer.add(event) }
        return analyzer.finish(scan: ScanSummary(inputs: [
            InputSummary(name: "orchestration.log", bytes: 5120, lines: 40, firstTimestamp: S.at(0), lastTimestamp: S.at(30)),
            InputSummary(name: "missing.log", error: "No such file or directory"),
        ]))
    }

    /// Test environment, 1m windows, target 80%: a few drops, FFI backpressure near a slow
    /// handler, and a blocked orchestration command.
    static func drops() -> Report {
        var s = S(input: "worker.log")
        s.dropped("step.completed", at: S.at(1, 5))
        s.dropped("workflow.transition", at: S.at(1, 45))
        s.dropped("step.completed", at: S.at(2, 15))
        s.slowHandler(2.5, at: S.at(3))
        s.ffiBackpressure(at: S.at(3, 30))
        s.ffiBackpressure(at: S.at(4, 10))
        s.full("orchestration_command_channel", action: "blocked", at: S.at(4, 20))
        var options = AnalysisOptions(window: 60_000_000_000, targetUsage: 80, environment: "test")
        options.channels = ["event_publisher", "ruby_ffi", "orchestration_command_channel"]
        var analyzer = Analyzer(options: options)
        for event in s.events { analyzer.add(event) }
        return analyzer.finish(scan: ScanSummary(inputs: [
            InputSummary(name: "worker.log", bytes: 900, lines: 7, compressed: true, firstTimestamp: S.at(1, 5),
                         lastTimestamp: S.at(20)),
        ]))
    }
}
