/// Where a scan's events go.
///
/// A large file is scanned in ranges on several threads, and several inputs at once: each
/// range or input fills a *part* of its own on its thread, in the sink's compact form
/// (the analyzer's 32-byte records, not `Event`s with their strings), and the parts are
/// appended in input order. The result equals adding every event here, in order, on one
/// thread.
public protocol EventSink: Sendable {
    /// Adds one event; events come in input order.
    mutating func add(_ event: Event)

    /// An empty sink with this one's settings, for one range or input read on another thread.
    func emptyPart() -> Self

    /// Adds the events of `part`, after every event added so far, with their line numbers
    /// shifted by `lineOffset` (the lines of the input before the part's range).
    mutating func append(_ part: Self, lineOffset: Int)
}

/// A sink being filled by a scanner's callback, which must escape into the scanner.
final class EventSinkBox<Sink: EventSink> {
    var sink: Sink
    init(_ sink: Sink) { self.sink = sink }
}
