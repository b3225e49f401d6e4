/// How many of a finding's events came from one source: the pod (`kubectl logs --prefix`,
/// stern, Loki's `pod` label) or systemd unit that wrote them (`evidence.sources[]`).
public struct SourceCount: Sendable, Equatable {
    /// Stands for every source beyond the analysis' limit of distinct sources.
    public static let other = "(other sources)"

    public var source: String
    public var events: Int

    public init(source: String, events: Int) {
        self.source = source
        self.events = events
    }

    /// Most events first, then by name.
    public static func reportOrder(_ a: SourceCount, _ b: SourceCount) -> Bool {
        a.events != b.events ? a.events > b.events : a.source < b.source
    }
}
