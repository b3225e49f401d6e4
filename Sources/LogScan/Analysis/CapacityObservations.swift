/// The `buffer_size` values the logs stated, by record: the report uses only the latest one
/// per channel (in report order) up to `--until`, so only the candidates for it are kept.
///
/// Without `--until`, or with an instant, whether a line counts is known when it arrives:
/// one entry per channel. With `--until` relative to the newest event, that bound is known
/// only at the end: then every entry is kept.
struct CapacityObservations {
    /// One line's `buffer_size`.
    struct Entry {
        /// Arrival position of its record in the store.
        let record: Int
        let capacity: Int
    }

    private let until: TimeBound?
    /// The latest entry per channel index, when the bound is known as lines arrive.
    private var latest: [Int32: Entry] = [:]
    /// Every entry, in arrival order, when it is not.
    private var all: [Entry] = []

    init(until: TimeBound?) { self.until = until }

    private var keepsAll: Bool {
        if case .beforeNewest? = until { return true }
        return false
    }

    /// Notes that the record at `position` (already in `store`) stated `capacity`.
    mutating func add(record position: Int, capacity: Int, store: RecordStore, inputs: NameTable) {
        let record = store[position]
        let entry = Entry(record: position, capacity: capacity)
        if keepsAll {
            all.append(entry)
            return
        }
        // A timed line after an --until instant never counts; an untimed one always does.
        if case .instant(let bound)? = until, record.isTimed, record.time > bound.nanoseconds { return }
        if let current = latest[record.channel] {
            let order = RecordOrder(names: inputs)
            guard order.precedes(store[current.record], current.record, record, position) else { return }
        }
        latest[record.channel] = entry
    }

    /// The latest entry per channel index among the lines up to `until` (resolved; `nil`: no bound).
    func latest(until bound: Int64?, store: RecordStore, order: RecordOrder) -> [Int32: Entry] {
        let candidates = keepsAll ? all : Array(latest.values)
        var result: [Int32: Entry] = [:]
        for entry in candidates {
            let record = store[entry.record]
            guard !record.isTimed || record.time <= (bound ?? .max) else { continue }
            if let current = result[record.channel],
               !order.precedes(store[current.record], current.record, record, entry.record) { continue }
            result[record.channel] = entry
        }
        return result
    }
}
