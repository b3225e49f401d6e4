import Testing
@testable import LogScanEngine
@testable import LogScanAnalysis

@Suite struct ResizeRecommendationTests {
    @Test func roundsUpToOneSignificantDigit() {
        #expect(ResizeRecommendation.roundUpToOneSignificantDigit(16_667) == 20_000)
        #expect(ResizeRecommendation.roundUpToOneSignificantDigit(3_334) == 4_000)
        #expect(ResizeRecommendation.roundUpToOneSignificantDigit(1_429) == 2_000)
        #expect(ResizeRecommendation.roundUpToOneSignificantDigit(2_000) == 2_000)
        #expect(ResizeRecommendation.roundUpToOneSignificantDigit(2_001) == 3_000)
        #expect(ResizeRecommendation.roundUpToOneSignificantDigit(95_000) == 100_000)
        #expect(ResizeRecommendation.roundUpToOneSignificantDigit(7) == 7)
    }

    @Test func appliesTheRunbookFormula() throws {
        let spec = ChannelCatalog.spec(for: "orchestration_command")!
        // The runbook: 5000 at 90% full, target 70 → 16,650 → 20,000.
        let resize = try #require(ResizeRecommendation(channel: spec, current: 5000, rule: .targetUsage(70)))
        #expect(resize.size == 20_000)
        #expect(resize.explanation == "5000 * 100 / (100 - 70) = 16667, rounded up to 20000")
        #expect(resize.configKey == "mpsc_channels.orchestration.command_processor.command_buffer_size")
        #expect(ResizeRecommendation.targetUsageSize(current: 1000, targetUsage: 30) == 2000)
        #expect(ResizeRecommendation.targetUsageSize(current: 1000, targetUsage: 50) == 2000)
        #expect(ResizeRecommendation.targetUsageSize(current: 1000, targetUsage: 80) == 5000)
        #expect(ResizeRecommendation(channel: spec, current: 1000, rule: .targetUsage(50))?.explanation == "1000 * 100 / (100 - 50) = 2000")
        #expect(ResizeRecommendation.targetUsageSize(current: 2000, targetUsage: 72.5) == 8000)
    }

    @Test func doublesAndPGMQSize() throws {
        let ffi = try #require(ResizeRecommendation(channel: ChannelCatalog.spec(for: "ruby_ffi"), current: 2000, rule: .double))
        #expect(ffi.size == 4000)
        #expect(ffi.explanation == "2x 2000")
        let pgmq = try #require(ResizeRecommendation(channel: ChannelCatalog.spec(for: "pgmq_notifications"), current: 10_000,
                                                     rule: .pgmqProductionSize))
        #expect(pgmq.size == 50_000)
        #expect(pgmq.explanation == "the runbook's size for production")
    }

    @Test func sizesThatWouldNotFitAreNoRecommendation() {
        let spec = ChannelCatalog.spec(for: "orchestration_command")!
        #expect(ResizeRecommendation(channel: spec, current: Int.max, rule: .double) == nil)
        #expect(ResizeRecommendation(channel: spec, current: Int.max / 2 + 1, rule: .double) == nil)
        #expect(ResizeRecommendation(channel: spec, current: Int.max / 2, rule: .double)?.size == Int.max - 1)
        #expect(ResizeRecommendation(channel: spec, current: Int.max / 2, rule: .targetUsage(70)) == nil)
        #expect(ResizeRecommendation(channel: spec, current: Int.max / 10, rule: .targetUsage(70))?.size == 4_000_000_000_000_000_000)
        #expect(ResizeRecommendation.roundUpToOneSignificantDigit(Int.max) == nil)
    }

    @Test func dropRateBands() {
        let minute: Int64 = 60_000_000_000
        #expect(DropRate(events: 9, span: 10 * minute).perMinute == 0.9)
        #expect(DropRate(events: 9, span: 10 * minute).level == .rare)
        #expect(DropRate(events: 11, span: 10 * minute).level == .frequent)
        #expect(DropRate(events: 50, span: 5 * minute).level == .frequent)
        #expect(DropRate(events: 101, span: 10 * minute).level == .storm)
        // The span counts as at least five minutes: 5 drops in one minute are 1/min.
        #expect(DropRate(events: 5, span: minute).perMinute == 1)
    }
}
