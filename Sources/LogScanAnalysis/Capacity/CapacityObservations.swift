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
    struct Entry: CapacityStatement {
        /// Arrival position of its record in the store.
        let record: Int
        let capacity: Int
        /// The record's channel index (the part's, until the part is appended).
        var channel: Int32 = EventRecord.none
    }

    /// A stated size with the record that stated it, in report order: what a timeline keeps.
    struct Statement: CapacityStatement {
        let record: EventRecord
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
        changes.append(Entry(record: position, capacity: capacity, channel: channel))
    }

    /// Reads back, record by record in arrival order, the size each flagged record stated:
    /// appending a part goes through it, as the part's channels may merge into one (names
    /// past the limit) whose changes must be found again.
    struct Reader {
        private let changes: [Entry]
        private var next = 0
        private var current: [Int32: Int] = [:]

        init(_ observations: CapacityObservations) { changes = observations.changes }

        /// The size the record at arrival `position` of `channel` stated; positions must come
        /// in increasing order.
        mutating func capacity(at position: Int, channel: Int32) -> Int? {
            while next < changes.count, changes[next].record <= position {
                current[changes[next].channel] = changes[next].capacity
                next += 1
            }
            return current[channel]
        }
    }

    /// Per channel index, the kept lines in arrival order: what `capacity(at:in:)` searches.
    func changesByChannel() -> [Int32: [Entry]] {
        var stated: [Int32: [Entry]] = [:]
        for entry in changes { stated[entry.channel, default: []].append(entry) }
        return stated
    }

    /// The size of the latest entry at or before arrival `position`; `entries` are in arrival order.
    static func capacity(at position: Int, in entries: [Entry]) -> Int? {
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
        var runs = RunEnds<Entry>()
        for entry in entries { runs.add(entry) }
        return runs.kept
    }

    /// Keeps the first and the last entry of every run of equal capacities, entry by entry:
    /// all a timeline needs (where the size changed, what it was at an instant, the line the
    /// input ends with).
    struct RunEnds<Element: CapacityStatement> {
        private var ends: [Element] = []
        /// The latest entry of the current run, when it is not its first.
        private var runLast: Element?

        mutating func add(_ entry: Element) {
            if let previous = runLast ?? ends.last, previous.capacity == entry.capacity {
                runLast = entry
                return
            }
            if let last = runLast { ends.append(last) }
            runLast = nil
            ends.append(entry)
        }

        var kept: [Element] { ends + (runLast.map { [$0] } ?? []) }
    }
}

/// Something that states a channel's size.
protocol CapacityStatement {
    var capacity: Int { get }
}
