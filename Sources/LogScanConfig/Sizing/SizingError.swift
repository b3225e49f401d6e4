/// A sizing input that cannot be used; its description is one line for the command line.
public enum SizingError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalidRate(String)
    case invalidLatency(String)
    case invalidSafetyFactor(String)
    /// The buffer size does not fit in an integer.
    case tooLarge

    /// One line for `tasker-logscan: <what>`.
    public var description: String {
        switch self {
        case .invalidRate(let text):
            "--rate: '\(text)' is not a positive message rate (use 500/s, 30000/min, 1800000/h or 500)"
        case .invalidLatency(let text):
            "--latency: '\(text)' is not a positive processing time (use 10ms, 0.01s, 2s or 500us)"
        case .invalidSafetyFactor(let text):
            "--safety: '\(text)' is not a positive number (the runbook uses 2 to 5)"
        case .tooLarge:
            "the buffer size is too large to be a channel capacity"
        }
    }
}
