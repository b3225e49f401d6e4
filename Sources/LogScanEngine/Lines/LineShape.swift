/// What a line was recognised as: the envelopes peeled off it (outermost first)
/// and the format of the line inside them (SPEC §2). A small value, so the
/// scanner can count shapes without making strings.
public struct LineShape: Hashable, Sendable, Comparable {
    /// The envelopes a tasker line travels through.
    public struct Envelopes: OptionSet, Hashable, Sendable {
        public let rawValue: UInt16
        public init(rawValue: UInt16) { self.rawValue = rawValue }

        public static let dockerJSON = Envelopes(rawValue: 1 << 0)
        public static let lokiJSON = Envelopes(rawValue: 1 << 1)
        public static let journaldJSON = Envelopes(rawValue: 1 << 2)
        public static let cri = Envelopes(rawValue: 1 << 3)
        public static let journaldText = Envelopes(rawValue: 1 << 4)
        public static let lokiText = Envelopes(rawValue: 1 << 5)
        public static let kubectlPrefix = Envelopes(rawValue: 1 << 6)
        public static let stern = Envelopes(rawValue: 1 << 7)
        public static let timestamp = Envelopes(rawValue: 1 << 8)
        public static let ansi = Envelopes(rawValue: 1 << 9)

        /// Names in peeling order (SPEC §2), as the report prints them.
        static let names: [(Envelopes, String)] = [
            (.dockerJSON, "docker json-file"), (.lokiJSON, "loki jsonl"), (.journaldJSON, "journald json"),
            (.cri, "cri"), (.journaldText, "journald"), (.lokiText, "loki"),
            (.kubectlPrefix, "kubectl prefix"), (.stern, "stern"), (.timestamp, "timestamps"), (.ansi, "ansi"),
        ]
    }

    /// The line inside the envelopes.
    public enum Format: UInt8, Hashable, Sendable, CaseIterable {
        /// In no known format: noise that is not tasker's.
        case unknown = 0
        /// Empty or only white space.
        case blank
        case tracingFull
        case tracingJSON
        /// The first line of a `.pretty()` event.
        case tracingPretty
        /// An `at …`, `on …` or `in … with …` line under a `.pretty()` event.
        case tracingPrettyContext
        case runbook
        case rubyLogger

        var name: String {
            switch self {
            case .unknown: "unknown"
            case .blank: "blank"
            case .tracingFull: "tracing full"
            case .tracingJSON: "tracing json"
            case .tracingPretty, .tracingPrettyContext: "tracing pretty"
            case .runbook: "runbook"
            case .rubyLogger: "ruby logger"
            }
        }
    }

    public var envelopes: Envelopes
    public var format: Format

    public init(envelopes: Envelopes = [], format: Format = .unknown) {
        self.envelopes = envelopes
        self.format = format
    }

    /// Whether the line is in a format tasker writes (blank lines are not).
    public var isRecognised: Bool { format != .unknown && format != .blank }

    /// `docker json-file › tracing full`: the envelopes, then the format.
    public var name: String {
        var parts: [String] = []
        for (envelope, name) in Envelopes.names where envelopes.contains(envelope) { parts.append(name) }
        parts.append(format.name)
        return parts.joined(separator: " › ")
    }

    /// A dense key for counting (pretty context lines count with their events).
    var code: UInt32 {
        let f: Format = format == .tracingPrettyContext ? .tracingPretty : format
        return UInt32(envelopes.rawValue) << 8 | UInt32(f.rawValue)
    }

    init(code: UInt32) {
        envelopes = Envelopes(rawValue: UInt16(truncatingIfNeeded: code >> 8))
        format = Format(rawValue: UInt8(truncatingIfNeeded: code)) ?? .unknown
    }

    public static func < (a: LineShape, b: LineShape) -> Bool { a.code < b.code }
}
