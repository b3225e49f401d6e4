/// Every `buffer_size` the logs stated, by record (16 bytes each): the capacity in force
/// at an instant is the latest one at or before it (SPEC §3), so none can be dropped
/// before the order by time is known.
struct CapacityObservations {
    /// One line's `buffer_size`.
    struct Entry {
        /// Arrival position of its record in the store.
        let record: Int
        let capacity: Int
    }

    private var all: [Entry] = []

    init() {}

    /// Notes that the record at `position` (already in the store) stated `capacity`.
    mutating func add(record position: Int, capacity: Int) {
        all.append(Entry(record: position, capacity: capacity))
    }

    /// Per channel index, the entries of the lines up to `bound` (resolved; `nil`: no bound)
    /// in report order. An untimed line always counts, before every timed one.
    func timelines(until bound: Int64?, store: RecordStore, order: RecordOrder) -> [Int32: [Entry]] {
        var result: [Int32: [Entry]] = [:]
        for entry in all {
            let record = store[entry.record]
            guard !record.isTimed || record.time <= (bound ?? .max) else { continue }
            result[record.channel, default: []].append(entry)
        }
        for key in result.keys {
            result[key]!.sort { order.precedes(store[$0.record], $0.record, store[$1.record], $1.record) }
        }
        return result
    }
}
