import Testing
@testable import LogScanEngine
@testable import LogScanAnalysis
@testable import LogScanOutput
import TestSupport

/// Same events in any input order (pods interleave, lines arrive late): byte-identical JSON.
@Suite struct DeterminismTests {
    /// A fixed-seed generator so a failure can be replayed.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    func json(_ events: [Event], _ scan: ScanSummary) -> String {
        var analyzer = Analyzer()
        for event in events { analyzer.add(event) }
        return JSONReportFormatter().format(analyzer.finish(scan: scan))
    }

    @Test func inputOrderDoesNotMatter() {
        let builder = SampleScenario.builder()
        let scan = SampleScenario.scan(builder)
        let expected = json(builder.events, scan)
        var generator = SplitMix(state: 2025)
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
