import LogScanEngine
import LogScanAnalysis

/// Two hours shaped like shared/samples/plain.log: PGMQ bursts after bulk task creations,
/// orchestration_command saturated for 25 minutes, event_publisher drops (rare, then a
/// continuous stretch), Ruby FFI backpressure with slow handlers, and start-up buffer sizes
/// that are not production's.
package enum SampleScenario {
    package typealias S = ScenarioBuilder

    package static func at(_ minutes: Int64, _ seconds: Int64 = 0, millis: Int64 = 0) -> Timestamp {
        S.at(minutes, seconds, millis: millis)
    }

    package static func builder() -> ScenarioBuilder {
        var s = S(input: "plain.log")
        s.channelInit("orchestration_command_channel", capacity: 5000, at: at(0, 0, millis: 231))
        s.channelInit("pgmq_notify_listener", capacity: 10_000, at: at(0, 0, millis: 233))
        s.channelInit("worker_command_channel", capacity: 2000, at: at(0, 2, millis: 701))
        s.channelInit("event_publisher_queue", capacity: 5000, at: at(0, 2, millis: 702))
        s.channelInit("ruby_ffi_event_handler", capacity: 1000, at: at(0, 2, millis: 703))

        // Rare drops every 2.5 minutes from 00:05:28 to 00:33:00.
        let rareTypes = ["workflow.transition", "step.failed", "task.finalized", "step.completed"]
        for k in 0..<12 { s.dropped(rareTypes[k % rareTypes.count], at: at(5, 28).adding(nanoseconds: Int64(k) * 150_000_000_000)) }

        s.bulk(250, at: at(5))
        s.bulk(1200, at: at(12))
        pgmqBurst(&s, from: at(12, 20), usages: [88.86, 89.7, 92.94, 96.22, 96.7, 96.95, 97.64, 97.1, 96.03, 93.4, 88.0, 81.47])
        s.bulk(3000, at: at(27))
        pgmqBurst(&s, from: at(27, 15), usages: [89.07, 90.9, 91.22, 93.63, 95.79, 96.2, 98.05, 98.8, 99.05, 99.11, 98.82, 98.7, 97.87, 96.11, 93.74, 91.4, 89.6, 84.53])
        s.full("pgmq_notify_listener", action: "blocked", at: at(27, 55, millis: 429))

        // orchestration_command: climbs past 80% at 00:36:08, above 90% from 00:40:01 to 00:59:41, eases off by 01:01:28.
        let climb = [80.84, 81.1, 82.0, 83.2, 82.8, 84.48, 84.6, 86.36, 86.2, 86.5, 88.0, 87.9]
        for (i, usage) in climb.enumerated() {
            s.saturation("orchestration_command_channel", usage, at: at(36, 8).adding(nanoseconds: Int64(i) * 20_000_000_000), capacity: 5000)
        }
        let plateau = [92.28, 95.12, 96.2, 97.0, 94.02, 93.6, 95.8, 96.46, 92.7, 95.04]
        for i in 0..<60 {
            s.saturation("orchestration_command_channel", plateau[i % plateau.count], at: at(40, 1).adding(nanoseconds: Int64(i) * 20_000_000_000), capacity: 5000)
        }
        for (i, usage) in [89.3, 87.5, 86.1, 82.4].enumerated() {
            s.saturation("orchestration_command_channel", usage, at: at(60, 28).adding(nanoseconds: Int64(i) * 20_000_000_000), capacity: 5000)
        }
        s.full("orchestration_command_channel", action: "blocked", at: at(53, 40, millis: 775))
        s.full("orchestration_command_channel", action: "blocked", at: at(58, 5, millis: 190))

        // event_publisher: a drop every 24s from 01:03:04 to 01:19:52.
        let stormTypes = ["step.completed", "workflow.transition", "step.completed", "step.failed", "step.completed"]
        for k in 0..<43 { s.dropped(stormTypes[k % stormTypes.count], at: at(63, 4).adding(nanoseconds: Int64(k) * 24_000_000_000)) }

        // ruby_ffi: slow handlers from 01:22, the channel fills, backpressure from 01:25.
        let slow = [1.6, 2.3, 4.1, 5.0, 5.9, 6.5, 7.2, 7.6, 8.3, 9.0, 9.2, 8.6, 8.2, 6.6, 4.2]
        for (k, seconds) in slow.enumerated() { s.slowHandler(seconds, at: at(82).adding(nanoseconds: Int64(k) * 45_000_000_000)) }
        let ffiUsage = [83.8, 86.6, 88.1, 89.3, 91.5, 93.2, 94.5, 96.0, 97.5, 99.0, 99.3, 99.4, 99.0, 99.8, 98.7, 98.9,
                        98.3, 96.0, 95.1, 93.4, 91.2, 89.6, 87.9, 86.2]
        for (k, usage) in ffiUsage.enumerated() {
            s.saturation("ruby_ffi_event_handler", usage, at: at(84).adding(nanoseconds: Int64(k) * 20_000_000_000), capacity: 1000)
        }
        for k in 0..<19 { s.ffiBackpressure(at: at(85).adding(nanoseconds: Int64(k) * 20_000_000_000)) }
        s.full("ruby_ffi_event_handler", action: "blocked", at: at(87, 40, millis: 508))
        s.full("ruby_ffi_event_handler", action: "blocked", at: at(89, 10, millis: 211))

        // A PGMQ burst with no bulk creation before it.
        pgmqBurst(&s, from: at(96, 30), usages: [87.84, 90.15, 90.0, 91.8, 93.48, 93.9, 94.98, 95.72, 95.74, 95.9])

        s.sortByTime()
        return s
    }

    /// Saturation lines of the pgmq monitor every 6 seconds.
    private static func pgmqBurst(_ s: inout S, from: Timestamp, usages: [Double]) {
        for (i, usage) in usages.enumerated() {
            s.saturation("pgmq_notify_listener", usage, at: from.adding(nanoseconds: Int64(i) * 6_000_000_000), capacity: 10_000)
        }
    }

    /// The scan of the two hours: 1970 lines, the last at 02:00:00.
    package static func scan(_ s: ScenarioBuilder) -> ScanSummary {
        ScanSummary(inputs: [InputSummary(name: "plain.log", bytes: 412_877, lines: 1970,
                                          firstTimestamp: at(0, 0, millis: 12), lastTimestamp: at(119, 59, millis: 981))])
    }

    package static func report(_ options: AnalysisOptions = AnalysisOptions()) -> Report {
        let s = builder()
        var analyzer = Analyzer(options: options)
        for event in s.events { analyzer.add(event) }
        return analyzer.finish(scan: scan(s))
    }
}
