import Foundation
import Testing
@testable import LogScanEngine
@testable import LogScanAnalysis
import TestSupport

/// SPEC §4 *sources*: every finding lists the pods of its events (`kubectl logs --prefix`).
@Suite struct SourcesTests {
    @Test func podsAreNamedFromAPrefixedLog() throws {
        let (_, report, _) = try ReportCLI.json(["fixtures/kubectl-prefixed.log"])
        let findings = try #require(report["findings"] as? [[String: Any]])
        func sources(_ id: String, _ channel: String) -> [String] {
            findings.filter { $0["id"] as? String == id && $0["channel"] as? String == channel }.flatMap { f in
                ((f["evidence"] as? [String: Any])?["sources"] as? [[String: Any]] ?? []).map { "\($0["source"]!) \($0["events"]!)" }
            }
        }
        // The orchestration pod writes the orchestration_command and PGMQ lines, the worker pod the rest.
        #expect(sources("channel_saturation", "orchestration_command") == ["tasker-orchestration-7c9d5 143"])
        #expect(sources("channel_saturation", "ruby_ffi") == ["tasker-worker-5f8b7 32"])
        #expect(sources("ruby_ffi_backpressure", "ruby_ffi") == ["tasker-worker-5f8b7 20"])
        #expect(sources("pgmq_notification_burst", "pgmq_notifications").allSatisfy { $0.hasPrefix("tasker-orchestration-7c9d5 ") })
        // A drift names the pod of the buffer_size line it is about.
        #expect(sources("config_drift", "pgmq_notifications") == ["tasker-orchestration-7c9d5 1"])
        #expect(sources("config_drift", "ruby_ffi") == ["tasker-worker-5f8b7 1"])
        let text = try CLIRunner.run(["fixtures/kubectl-prefixed.log"])
        #expect(text.stdout.contains("      sources: tasker-orchestration-7c9d5 (143)\n"))
        // A plain log names no pod: the list is empty, never made up.
        let (_, plain, _) = try ReportCLI.json(["fixtures/plain.log"])
        let plainFindings = try #require(plain["findings"] as? [[String: Any]])
        #expect(plainFindings.allSatisfy { (($0["evidence"] as? [String: Any])?["sources"] as? [Any])?.isEmpty == true })
    }

    @Test func sourcesAreCountedMostFirst() {
        var s = ScenarioBuilder()
        for (k, pod) in ["b", "a", "b", "c", "a", "b"].enumerated() {
            var event = Event(kind: .saturation, channel: "orchestration_command", timestamp: ScenarioBuilder.at(Int64(k)),
                              source: "pod-" + pod, usagePercent: 85)
            event.line = k + 1
            s.append(event)
        }
        let finding = s.analyze(end: ScenarioBuilder.at(30)).findings(.channelSaturation).first
        #expect(finding?.sources == [SourceCount(source: "pod-b", events: 3), SourceCount(source: "pod-a", events: 2),
                                     SourceCount(source: "pod-c", events: 1)])
    }
}
