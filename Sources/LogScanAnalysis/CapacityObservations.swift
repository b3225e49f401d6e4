/// Every `buffer_size` the logs stated, without an entry per line: a record that stated one
/// carries a flag (`EventRecord.statesCapacity`), and only the lines whose size differs from
/// the previous one of the same channel, in arrival order, are kept here with their size.
///
/// The size a flagged record stated is then the one of the latest kept line of its channel at
/// or before it in arrival order, so every stated size can still be read back once the order
/// by time is known (SPEC §3: the capacity in force at an instant is the latest line at or
/// before it). A storm of saturation lines each stating the same `buffer_size` keeps one entry
/// per channel instead of 16 bytes per line.
struct CapacityObservations {
    /// One line's `buffer_size`.
    struct Entry {
        /// Arrival position of its record in the store.
        let record: Int
        let capacity: Int
    }

    /// Lines whose size differs from the previous stated size of their channel, in arrival order.
    private var changes: [Entry] = []
    /// The latest size stated per channel index, in arrival order (`nil`: none yet).
    private var latest: [Int?] = []

    init() {}

    /// Notes that the record at `position` (already in the store, flagged) of `channel` stated `capacity`.
    mutating func add(record position: Int, channel: Int32, capacity: Int) {
        let slot = Int(channel)
        if slot >= latest.count { latest += [Int?](repeating: nil, count: slot + 1 - latest.count) }
        guard latest[slot] != capacity else { return }
        latest[slot] = capacity
        changes.append(Entry(record: position, capacity: capacity))
    }

    /// Reads back, record by record in arrival order, the size each flagged record stated:
    /// appending a part goes through it, as the part's channels may merge into one (names
    /// past the limit) whose changes must be found again.
    struct Reader {
        private let changes: [Entry]
        private var next = 0
        private var current: [Int32: Int] = [:]

        init(_ observations: CapacityObservations) { changes = observations.changes }

        /// The size the record at arrival `position` (of `channel` in `store`) stated;
        /// positions must come in increasing order.
        mutating func capacity(at position: Int, channel: Int32, store: RecordStore) -> Int? {
            while next < changes.count, changes[next].record <= position {
                current[store[changes[next].record].channel] = changes[next].capacity
                next += 1
            }
            return current[channel]
        }
    }

    /// Per channel index, the entries of the lines up to `bound` (resolved; `nil`: no bound)
    /// in report order, `sorted` being every arrival position of `store` in that order. An
    /// untimed line always counts, before every timed one.
    ///
    /// Of a run of lines stating the same size only the first and the last are kept: they
    /// are all a timeline needs (where the size changed, what it was at an instant, the
    /// line the input ends with).
    func timelines(until bound: Int64?, store: RecordStore, sorted: [UInt32]) -> [Int32: [Entry]] {
        // Each channel's kept lines in arrival order, to look up what a flagged record stated.
        var stated: [Int32: [Entry]] = [:]
        for entry in changes { stated[store[entry.record].channel, default: []].append(entry) }
        var runs: [Int32: RunEnds] = [:]
        for position in sorted {
            let record = store[Int(position)]
            guard record.statesCapacity, !record.isTimed || record.time <= (bound ?? .max),
                  let entries = stated[record.channel],
                  let capacity = CapacityObservations.capacity(at: Int(position), in: entries) else { continue }
            runs[record.channel, default: RunEnds()].add(Entry(record: Int(position), capacity: capacity))
        }
        return runs.mapValues(\.kept)
    }

    /// The size of the latest entry at or before arrival `position`; `entries` are in arrival order.
    private static func capacity(at position: Int, in entries: [Entry]) -> Int? {
        if entries.count == 1 { return entries[0].record <= position ? entries[0].capacity : nil }
        var low = 0, high = entries.count
        while low < high {
            let middle = low + (high - low) / 2
            if entries[middle].record <= position { low = middle + 1 } else { high = middle }
        }
        return low > 0 ? entries[low - 1].capacity : nil
    }

    /// The first and the last entry of every run of equal capacities.
    static func runEnds(_ entries: [Entry]) -> [Entry] {
        var runs = RunEnds()
        for entry in entries { runs.add(entry) }
        return runs.kept
    }

    /// Keeps the first and the last entry of every run of equal capacities, entry by entry.
    struct RunEnds {
        private var ends: [Entry] = []
        /// The latest entry of the current run, when it is not its first.
        private var runLast: Entry?

        mutating func add(_ entry: Entry) {
            if let previous = runLast ?? ends.last, previous.capacity == entry.capacity {
                runLast = entry
                return
            }
            if let last = runLast { ends.append(last) }
            runLast = nil
            ends.append(entry)
        }

        var kept: [Entry] { ends + (runLast.map { [$0] } ?? []) }
    }
}
