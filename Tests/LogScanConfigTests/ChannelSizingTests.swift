import Foundation
import Testing
@testable import LogScanConfig

@Suite struct ChannelSizingTests {
    @Test func theRunbookExampleGivesTenMessages() throws {
        let sizing = try ChannelSizing.parse(rate: "500/s", latency: "10ms", safety: "2")
        #expect(sizing.exactBufferSize == 10)
        #expect(sizing.minimumBufferSize == 10)
        #expect(sizing.formula == "buffer_size = (500 msg/s × 0.010 s) × 2 = 10 messages minimum")
        #expect(sizing.warnings == [])
        #expect(EnvironmentGuideline.all.map(sizing.recommendedSize) == [100, 500, 2000])
    }

    @Test(arguments: [
        ("500/s", "500"), ("500", "500"), ("30000/min", "500"), ("1800000/h", "500"), ("500 msg/s", "500"),
        ("30_000/minute", "500"), ("2.5/sec", "2.5"),
    ])
    func parsesRates(text: String, perSecond: String) throws {
        #expect(try MessageRate.parse(text).perSecond == Decimal(string: perSecond)!)
    }

    @Test func aRatePerMinuteIsDividedExactly() throws {
        #expect(try MessageRate.parse("100/min").perSecond == Decimal(100) / Decimal(60))
    }

    @Test(arguments: [
        ("10ms", "0.01"), ("0.01s", "0.01"), ("0.01", "0.01"), ("2s", "2"), ("500us", "0.0005"), ("500µs", "0.0005"),
        ("1min", "60"), ("1.5 seconds", "1.5"), ("250ns", "0.00000025"),
    ])
    func parsesLatencies(text: String, seconds: String) throws {
        #expect(try ProcessingLatency.parse(text).seconds == Decimal(string: seconds)!)
    }

    @Test func rejectsWhatIsNotARateLatencyOrFactor() {
        #expect(throws: SizingError.invalidRate("fast")) { try ChannelSizing.parse(rate: "fast", latency: "10ms") }
        #expect(throws: SizingError.invalidRate("0/s")) { try ChannelSizing.parse(rate: "0/s", latency: "10ms") }
        #expect(throws: SizingError.invalidRate("500/day")) { try ChannelSizing.parse(rate: "500/day", latency: "10ms") }
        #expect(throws: SizingError.invalidLatency("-1ms")) { try ChannelSizing.parse(rate: "500", latency: "-1ms") }
        #expect(throws: SizingError.invalidLatency("10 parsecs")) {
            try ChannelSizing.parse(rate: "500", latency: "10 parsecs")
        }
        #expect(throws: SizingError.invalidSafetyFactor("0")) {
            try ChannelSizing.parse(rate: "500", latency: "10ms", safety: "0")
        }
        #expect(throws: SizingError.tooLarge) { try ChannelSizing.parse(rate: "100000000000/s", latency: "1min") }
        #expect(SizingError.invalidRate("fast").description
            == "--rate: 'fast' is not a positive message rate (use 500/s, 30000/min, 1800000/h or 500)")
    }

    @Test func roundsUpAndShowsTheExactValue() throws {
        let sizing = try ChannelSizing.parse(rate: "30000/min", latency: "0.0105s", safety: "1.5x")
        #expect(sizing.minimumBufferSize == 8)
        #expect(sizing.formula == "buffer_size = (500 msg/s × 0.0105 s) × 1.5 = 7.875 → 8 messages minimum")
        #expect(sizing.warnings == ["safety factor 1.5 is outside the runbook's 2-5x for bursts"])
        // A rate per minute that is not a whole rate per second still gives a whole result.
        let perMinute = try ChannelSizing.parse(rate: "600/min", latency: "3s", safety: "2")
        #expect(perMinute.exactBufferSize == 60)
        #expect(perMinute.formula == "buffer_size = (10 msg/s × 3.000 s) × 2 = 60 messages minimum")
    }

    @Test func aResultAboveTheGuidelineWarnsAboutTheConsumer() throws {
        let sizing = try ChannelSizing.parse(rate: "5000/s", latency: "3s", safety: "5")
        #expect(sizing.minimumBufferSize == 75000)
        let text = sizing.render(environment: "production")
        #expect(text.contains("  production   large buffers, 2000-50000  75000 (above the guideline)\n"))
        #expect(text.contains("Above the guideline, check that the consumer is not the bottleneck"))
    }

    @Test func rendersTheWorkingAndTheGuidelines() throws {
        let text = try ChannelSizing.parse(rate: "500/s", latency: "10ms").render()
        #expect(text == """
            Sizing formula (runbook, Capacity Planning):
              buffer_size = (peak_message_rate_per_sec × avg_processing_time_sec) × safety_factor

              peak rate        500/s = 500 msg/s
              processing time  10ms = 0.010 s
              safety factor    2 (runbook: 2-5x for bursts)

              buffer_size = (500 msg/s × 0.010 s) × 2 = 10 messages minimum

            The formula gives a floor, not the size: use at least the environment's guideline
            (the runbook's example, 10 messages minimum, uses 1000 for burst handling).

              environment  guideline                   use
              test         small buffers, 100-500      100
              development  moderate buffers, 500-1000  500
              production   large buffers, 2000-50000   2000

            """)
        let staging = try ChannelSizing.parse(rate: "500/s", latency: "10ms").render(environment: "staging")
        #expect(staging.hasSuffix("""
            The runbook has no guideline for 'staging' (it lists test, development, production):
            use at least 10, and more for bursts.

            """))
    }
}
