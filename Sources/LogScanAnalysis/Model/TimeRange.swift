import LogScanEngine

/// The span of time a report covers; both ends `nil` when no line had a timestamp.
public struct TimeRange: Sendable, Equatable {
    public var first: Timestamp?
    public var last: Timestamp?

    public init(first: Timestamp? = nil, last: Timestamp? = nil) {
        self.first = first
        self.last = last
    }

    /// `last - first` in nanoseconds, `nil` when either end is unknown.
    public var duration: Int64? {
        guard let first, let last else { return nil }
        return last.nanoseconds - first.nanoseconds
    }
}
