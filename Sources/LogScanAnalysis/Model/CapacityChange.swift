import LogScanEngine

/// A channel whose `buffer_size` changed in the logs (a restart with a new size): `{at, from, to, line}`.
public struct CapacityChange: Sendable, Equatable {
    /// The first line stating the new size.
    public var at: Timestamp
    public var from: Int
    public var to: Int
    public var line: LineReference

    public init(at: Timestamp, from: Int, to: Int, line: LineReference) {
        self.at = at
        self.from = from
        self.to = to
        self.line = line
    }
}
