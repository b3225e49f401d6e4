import LogScanEngine
import LogScanAnalysis

/// One hour of a small deployment, with a finding of each common kind, for the exact-output
/// tests of the Markdown, Prometheus and follow formats: orchestration_command above 90%
/// for 6 minutes (critical, with TOML), a PGMQ burst 30s after a bulk creation of 1500 tasks
/// (warning), three rare event_publisher drops (info) and one event without a timestamp.
package enum OperatorScenario {
    package typealias S = ScenarioBuilder

    package static func builder() -> ScenarioBuilder {
        var s = S(input: "tasker.log")
        s.channelInit("orchestration_command_channel", capacity: 5000, at: S.at(0, 1))
        s.channelInit("pgmq_notify_listener", capacity: 10_000, at: S.at(0, 1))
        s.saturations("orchestration_command_channel", 92.5, from: S.at(10), to: S.at(16), every: 60)
        s.saturation("orchestration_command_channel", 96.18, at: S.at(16, 30))
        s.bulk(1500, at: S.at(20))
        s.saturations("pgmq_notify_listener", 95.5, from: S.at(20, 30), to: S.at(21, 30), every: 30)
        s.dropped("step.completed", at: S.at(30))
        s.dropped("step.completed", at: S.at(32))
        s.dropped("workflow.transition", at: S.at(34))
        s.full("orchestration_command_channel", action: "blocked", at: nil)
        return s
    }

    /// The scan: 600 lines of 2025-10-14T00:00:00Z to 00:59:59Z.
    package static func scan() -> ScanSummary {
        ScanSummary(inputs: [InputSummary(name: "tasker.log", bytes: 61_440, lines: 600,
                                          firstTimestamp: S.at(0), lastTimestamp: S.at(59, 59))])
    }

    package static func report(_ options: AnalysisOptions = AnalysisOptions()) -> Report {
        var analyzer = Analyzer(options: options)
        for event in builder().events { analyzer.add(event) }
        return analyzer.finish(scan: scan())
    }
}
