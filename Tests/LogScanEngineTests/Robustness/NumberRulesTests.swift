import Testing
@testable import LogScanEngine

/// The rules for numbers a line gives (docs/ROBUSTNESS.md, "Numbers"). A number
/// that is present but not valid rejects the whole line: nothing is clamped,
/// since a real channel monitor never writes such a value and a guessed one
/// would put a false episode or capacity into the report. Nothing traps.
@Suite struct NumberRulesTests {
    static func events(_ line: String) -> [Event] {
        LogScanner().scan(bytes: Array((line + "\n").utf8), name: "numbers").events
    }

    /// `usage_percent` (and `saturation_percent`): a finite decimal in 0...100.
    @Test(arguments: [
        ("0", 0.0), ("100", 100), ("82.5", 82.5), ("96.17999999999999", 96.17999999999999), ("1e2", 100),
        ("+50", 50), (".5", 0.5), ("50.", 50), ("1e-400", 0), ("007.25", 7.25),
    ] as [(String, Double)])
    func aPercentInRangeIsRead(text: String, value: Double) {
        let got = Self.events("WARN mpsc_channel_saturation channel=worker_command usage_percent=\(text)")
        #expect(got.map(\.usagePercent) == [value])
        let critical = Self.events("WARN CRITICAL: Channel critically full (>95%) channel=worker_command saturation_percent=\(text)")
        #expect(critical.map(\.usagePercent) == [value])
    }

    @Test(arguments: [
        "100.0000001", "101", "-0.5", "-5", "1e400", "-1e400", "NaN", "nan", "inf", "Infinity", "0x50", "abc", "",
        "50%", "5,5", "1_0", "--5", String(repeating: "1", count: 65), "9" + String(repeating: "0", count: 400),
    ])
    func aPercentOutOfRangeOrNotANumberRejectsTheLine(text: String) {
        #expect(Self.events("WARN mpsc_channel_saturation channel=worker_command usage_percent=\(text)").isEmpty)
        #expect(Self.events("WARN Channel approaching capacity (>80%) channel=worker_command saturation_percent=\(text)").isEmpty)
        #expect(Self.events(#"{"fields":{"message":"mpsc_channel_saturation","channel":"worker_command","usage_percent":"\#(text)"}}"#).isEmpty)
    }

    @Test func anAbsentPercentIsUnknown() {
        #expect(Self.events("WARN mpsc_channel_saturation channel=worker_command").map(\.usagePercent) == [nil])
    }

    /// JSON `true` / `null` where a number belongs are not numbers either.
    @Test(arguments: ["true", "null", "[90]", "{\"v\":90}"])
    func aJSONValueThatIsNoNumberRejectsTheLine(value: String) {
        #expect(Self.events(#"{"fields":{"message":"mpsc_channel_saturation","channel":"worker_command","usage_percent":\#(value)}}"#).isEmpty)
    }

    /// `buffer_size`: a whole number in 1...1,000,000,000. The ceiling keeps the
    /// resize arithmetic (×100, ×2, rounding up) far from Int overflow; no real
    /// channel holds a billion messages.
    @Test(arguments: [("1", 1), ("5000", 5000), ("+5000", 5000), ("1000000000", 1_000_000_000)] as [(String, Int)])
    func aBufferSizeInRangeIsRead(text: String, value: Int) {
        let got = Self.events("INFO Channel monitor initialized channel=worker_command component=worker buffer_size=\(text)")
        #expect(got.map(\.capacity) == [value])
    }

    @Test(arguments: ["0", "-1", "-5000", "1000000001", "9223372036854775807", "9223372036854775808",
                      "99999999999999999999", "1e3", "5000.0", "5k", "", "0x1000"])
    func aBufferSizeOutOfRangeRejectsTheLine(text: String) {
        #expect(Self.events("INFO Channel monitor initialized channel=worker_command component=worker buffer_size=\(text)").isEmpty)
        #expect(Self.events("WARN mpsc_channel_saturation channel=worker_command usage_percent=90 buffer_size=\(text)").isEmpty)
        #expect(Self.events("ERROR mpsc_channel_full channel=worker_command action=dropped buffer_size=\(text)").isEmpty)
    }

    /// Counts (`overflow_count`, `messages_dropped`, bulk `count`/`tasks`): whole numbers in 0...Int.max.
    @Test(arguments: [("0", 0), ("3", 3), ("9223372036854775807", Int.max)] as [(String, Int)])
    func aCountThatFitsIsRead(text: String, value: Int) {
        #expect(Self.events("WARN Channel overflow - message blocked (backpressure applied) channel=worker_command overflow_count=\(text)")
            .map(\.count) == [value])
        #expect(Self.events("WARN Channel overflow - message DROPPED (consider increasing buffer_size) channel=event_publisher_queue messages_dropped=\(text)")
            .map(\.count) == [value])
        #expect(Self.events("INFO Bulk task creation count=\(text)").map(\.count) == [value])
        #expect(Self.events("INFO Bulk task creation tasks=\(text)").map(\.count) == [value])
    }

    @Test(arguments: ["-1", "9223372036854775808", "99999999999999999999", "1.5", "1e3", "abc", ""])
    func aCountThatDoesNotFitRejectsTheLine(text: String) {
        #expect(Self.events("WARN Channel overflow - message blocked (backpressure applied) channel=worker_command overflow_count=\(text)").isEmpty)
        #expect(Self.events("ERROR mpsc_channel_full channel=worker_command action=dropped messages_dropped=\(text)").isEmpty)
        #expect(Self.events("INFO Bulk task creation count=\(text)").isEmpty)
    }

    /// The task count in the message ("Bulk task creation of 1500 tasks") follows
    /// the same rule as the field: a number that does not fit rejects the line.
    @Test func theCountInABulkCreationMessage() {
        #expect(Self.events("INFO Bulk task creation of 1500 tasks").map(\.count) == [1500])
        #expect(Self.events("INFO Bulk task creation").map(\.count) == [nil])
        #expect(Self.events("INFO Bulk task creation of 99999999999999999999 tasks").isEmpty)
    }

    /// Slow handler durations: digits with an optional fraction and `s`/`ms`; finite.
    @Test func slowHandlerDurations() {
        #expect(Self.events("WARN Slow handler: 2.5s").map(\.seconds) == [2.5])
        #expect(Self.events("WARN Slow handler: 750ms").map(\.seconds) == [0.75])
        #expect(Self.events("WARN Slow handler: 3").map(\.seconds) == [3])
        #expect(Self.events("WARN Slow handler: 1e3s").isEmpty)
        #expect(Self.events("WARN Slow handler: -2s").isEmpty)
        #expect(Self.events("WARN Slow handler: " + String(repeating: "9", count: 70) + "s").isEmpty)
        #expect(Self.events("WARN Slow handler: soon").isEmpty)
    }

    /// Fractions beyond nanoseconds are cut, not rounded; a leap second is read as :59.
    @Test func timestampPrecisionAndLeapSecond() {
        let fine = Self.events("2025-10-14T05:00:00.1234567891Z WARN Slow handler: 1s")
        #expect(fine.map(\.timestamp) == [Timestamp(seconds: 1_760_418_000, nanos: 123_456_789)])
        let leap = Self.events("2016-12-31T23:59:60Z WARN Slow handler: 1s")
        #expect(leap.map(\.timestamp) == [Timestamp(seconds: 1_483_228_799)])
    }
}
