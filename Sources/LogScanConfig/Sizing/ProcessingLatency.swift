import FoundationEssentials
import LogScanEngine

/// An average consumer processing time, given as `10ms`, `0.01s`, `2s`, `500us` or a bare
/// number of seconds (`0.01`).
public struct ProcessingLatency: Sendable, Equatable {
    /// The time in seconds.
    public let seconds: Decimal
    /// The time as the user wrote it.
    public let text: String

    /// A latency of `seconds`, shown as `text`.
    public init(seconds: Decimal, text: String) {
        self.seconds = seconds
        self.text = text
    }

    /// Units from the longest suffix to the shortest, so `ms` is not read as `s`.
    private static let units: [(suffix: String, seconds: Decimal)] = [
        ("seconds", 1), ("second", 1), ("minutes", 60), ("minute", 60), ("min", 60), ("ms", Decimal(string: "0.001")!),
        ("us", Decimal(string: "0.000001")!), ("µs", Decimal(string: "0.000001")!),
        ("μs", Decimal(string: "0.000001")!), ("ns", Decimal(string: "0.000000001")!),
        ("sec", 1), ("s", 1), ("m", 60),
    ]

    /// Parses a processing time.
    public static func parse(_ text: String) throws(SizingError) -> ProcessingLatency {
        let body = text.trimmingWhitespace.lowercased()
        var number = body
        var scale: Decimal = 1
        for unit in units where body.hasSuffix(unit.suffix) {
            number = String(body.dropLast(unit.suffix.count))
            scale = unit.seconds
            break
        }
        guard let value = SizingNumber.parse(number.trimmingWhitespace), value > 0 else {
            throw .invalidLatency(text)
        }
        return ProcessingLatency(seconds: value * scale, text: text)
    }
}
