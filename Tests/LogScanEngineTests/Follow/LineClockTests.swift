import Testing
@testable import LogScanEngine

/// The followed input's "now": the newest timestamp of any complete line read.
@Suite struct LineClockTests {
    static func observe(_ clock: LineClock, _ text: String) {
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBytes { clock.observe($0.baseAddress!, count: $0.count) }
    }

    @Test func newestCompleteLineOfEachRead() {
        let clock = LineClock()
        Self.observe(clock, "2025-10-14T00:00:01.5Z  INFO tasker: started\n2025-10-14T00:00:03Z  INFO tasker: ready\n")
        #expect(clock.latest == Timestamp(seconds: 1_760_400_003))
        // A line without a timestamp at the end: the one before it counts.
        Self.observe(clock, "2025-10-14T00:01:00Z  WARN tasker: slow\n    at backtrace frame 1\n")
        #expect(clock.latest == Timestamp(seconds: 1_760_400_060))
    }

    @Test func anIncompleteLineWaitsForItsEnd() {
        let clock = LineClock()
        Self.observe(clock, "2025-10-14T00:02:00Z  INFO a\n2025-10-14T00:")
        #expect(clock.latest == Timestamp(seconds: 1_760_400_120))
        // The read starts inside a line: its piece before the first newline is not a whole line.
        Self.observe(clock, "05:00Z  INFO b\n")
        #expect(clock.latest == Timestamp(seconds: 1_760_400_120))
        Self.observe(clock, "2025-10-14T00:06:00Z  INFO c\n")
        #expect(clock.latest == Timestamp(seconds: 1_760_400_360))
    }

    @Test func neverGoesBackAndReadsEveryShape() {
        let clock = LineClock()
        Self.observe(clock, "2025-10-14T00:10:00.000000001Z stdout F 2025-10-14T00:09:59Z  INFO own timestamp wins\n")
        #expect(clock.latest == Timestamp(seconds: 1_760_400_599))
        Self.observe(clock, "[pod/tasker-0/orchestration] 2025-10-14T00:05:00Z  INFO late line\n")
        #expect(clock.latest == Timestamp(seconds: 1_760_400_599))
        Self.observe(clock, #"{"timestamp":"2025-10-14T00:20:00Z","level":"INFO","fields":{"message":"x"}}"# + "\n")
        #expect(clock.latest == Timestamp(seconds: 1_760_401_200))
        Self.observe(clock, "no timestamp here\n\n\n")
        #expect(clock.latest == Timestamp(seconds: 1_760_401_200))
    }
}
