import FoundationEssentials
import LogScanEngine

/// A peak message rate, given as `500/s`, `30000/min`, `1800000/h` or `500` (per second).
public struct MessageRate: Sendable, Equatable {
    /// Messages per second.
    public let perSecond: Decimal
    /// The rate as the user wrote it.
    public let text: String

    /// A rate of `perSecond` messages per second, shown as `text`.
    public init(perSecond: Decimal, text: String) {
        self.perSecond = perSecond
        self.text = text
    }

    /// Parses a rate; `msg`/`messages` may stand before the unit (`500 msg/s`).
    public static func parse(_ text: String) throws(SizingError) -> MessageRate {
        var body = text.trimmingWhitespace.lowercased()
        var divisor: Decimal = 1
        if let slash = body.firstIndex(of: "/") {
            let unit = body[body.index(after: slash)...].trimmingWhitespace
            switch unit {
            case "s", "sec", "secs", "second", "seconds": divisor = 1
            case "m", "min", "mins", "minute", "minutes": divisor = 60
            case "h", "hr", "hour", "hours": divisor = 3600
            default: throw .invalidRate(text)
            }
            body = String(body[..<slash])
        }
        for word in ["messages", "message", "msgs", "msg"] where body.hasSuffix(word) {
            body = String(body.dropLast(word.count))
            break
        }
        guard let count = SizingNumber.parse(body.trimmingWhitespace), count > 0 else {
            throw .invalidRate(text)
        }
        return MessageRate(perSecond: count / divisor, text: text)
    }
}
