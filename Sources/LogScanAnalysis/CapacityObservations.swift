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

    /// Adds `other`'s entries, whose records were appended at `recordOffset` and after.
    mutating func append(_ other: CapacityObservations, recordOffset: Int) {
        all.reserveCapacity(all.count + other.all.count)
        for entry in other.all { all.append(Entry(record: entry.record + recordOffset, capacity: entry.capacity)) }
    }

    /// Per channel index, the entries of the lines up to `bound` (resolved; `nil`: no bound)
    /// in report order. An untimed line always counts, before every timed one.
    ///
    /// Of a run of lines stating the same size only the first and the last are kept: they
    /// are all a timeline needs (where the size changed, what it was at an instant, the
    /// line the input ends with), and a storm of saturation lines each carrying a
    /// `buffer_size` would otherwise hold one observation per line.
    func timelines(until bound: Int64?, store: RecordStore, order: RecordOrder) -> [Int32: [Entry]] {
        var result: [Int32: [Entry]] = [:]
        for entry in all {
            let record = store[entry.record]
            guard !record.isTimed || record.time <= (bound ?? .max) else { continue }
            result[record.channel, default: []].append(entry)
        }
        for key in result.keys {
            result[key]!.sort { order.precedes(store[$0.record], $0.record, store[$1.record], $1.record) }
            result[key] = CapacityObservations.runEnds(result[key]!)
        }
        return result
    }

    /// The first and the last entry of every run of equal capacities.
    static func runEnds(_ entries: [Entry]) -> [Entry] {
        var kept: [Entry] = []
        for (i, entry) in entries.enumerated() {
            let sameAsBefore = i > 0 && entries[i - 1].capacity == entry.capacity
            let sameAsAfter = i + 1 < entries.count && entries[i + 1].capacity == entry.capacity
            if !(sameAsBefore && sameAsAfter) { kept.append(entry) }
        }
        return kept
    }
}
