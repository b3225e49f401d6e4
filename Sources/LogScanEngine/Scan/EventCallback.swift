/// The sink behind the closure-based scans (`events`, tests): the top-level sink calls
/// the closure at once; a part keeps its events until it is appended, in input order.
struct EventCallback: EventSink, @unchecked Sendable {
    /// `nil` in parts. The closure is only called by the thread appending parts, one call
    /// at a time (the work pool delivers under its lock), which is what makes this Sendable.
    private let onEvent: ((Event) -> Void)?
    private var buffered: [Event] = []

    init(_ onEvent: @escaping (Event) -> Void) { self.onEvent = onEvent }

    private init() { onEvent = nil }

    mutating func add(_ event: Event) {
        if let onEvent { onEvent(event) } else { buffered.append(event) }
    }

    func emptyPart() -> EventCallback { EventCallback() }

    mutating func append(_ part: EventCallback, lineOffset: Int) {
        for var event in part.buffered {
            event.line += lineOffset
            add(event)
        }
    }
}
