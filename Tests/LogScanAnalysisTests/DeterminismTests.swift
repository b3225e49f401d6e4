import Testing
@testable import LogScanEngine
@testable import LogScanAnalysis
@testable import LogScanOutput
import TestSupport

/// Same events in any input order (pods interleave, lines arrive late): byte-identical JSON.
@Suite struct DeterminismTests {
    func json(_ events: [Event], _ scan: ScanSummary) -> String {
        var analyzer = Analyzer()
        for event in events { analyzer.add(event) }
        return JSONReportFormatter().format(analyzer.finish(scan: scan))
    }

    @Test func inputOrderDoesNotMatter() {
        let builder = SampleScenario.builder()
        let scan = SampleScenario.scan(builder)
        let expected = json(builder.events, scan)
        var generator = SplitMix(seed: 2025)
        for _ in 0..<5 {
            #expect(json(builder.events.shuffled(using: &generator), scan) == expected)
        }
        #expect(json(builder.events.reversed(), scan) == expected)
    }

    @Test func equalTimestampsAreOrderedByLine() {
        // Two pods log the same instant: the report must not depend on which arrived first.
        var s = ScenarioBuilder()
        s.channelInit("orchestration_command_channel", capacity: 2000, at: ScenarioBuilder.at(0))
        s.channelInit("orchestration_command_channel", capacity: 3000, at: ScenarioBuilder.at(0))
        let scan = s.scan()
        #expect(json(s.events, scan) == json(s.events.reversed(), scan))
        #expect(s.analyze().channel("orchestration_command")?.capacity == 3000)
    }
}
