/// The events of several followed inputs put back in timestamp order within a bounded
/// reorder horizon: an event is released once every input still reading has a line at least
/// as new (or `horizon` nanoseconds newer lines elsewhere say that input is behind), and at
/// once when every input is quiet. Memory is bounded: past `capacity` held events the
/// oldest go out whatever the clocks say.
struct FollowMerge {
    /// Up to when events may be released, and the followed inputs' "now".
    struct Watermark: Equatable {
        /// Events at or before this instant may go; `nil` with `all`: every event.
        var release: Timestamp?
        /// True when no input has anything new to read: everything held may go.
        var all: Bool
        /// The newest line time to analyse with: `release`, or the newest of all inputs when quiet.
        var now: Timestamp?
    }

    let horizon: Int64
    let capacity: Int
    /// Per input, events in arrival order from `heads[i]` on.
    private var queues: [[Event]]
    private var heads: [Int]
    private(set) var count = 0

    init(inputs: Int, horizon: Int64, capacity: Int = 100_000) {
        self.horizon = max(horizon, 0)
        self.capacity = max(capacity, 1)
        queues = Array(repeating: [], count: max(inputs, 1))
        heads = Array(repeating: 0, count: max(inputs, 1))
    }

    /// The watermark for inputs whose newest line times are `clocks` and of which `reading`
    /// say that they have data coming (not at their end, not waiting). An input reading with
    /// no time yet (just started: its first lines are still being scanned) holds every event.
    static func watermark(clocks: [Timestamp?], reading: [Bool], horizon: Int64) -> Watermark {
        if zip(clocks, reading).contains(where: { $0 == nil && $1 }) {
            return Watermark(release: nil, all: false, now: nil)
        }
        let newest = clocks.compactMap { $0 }.max()
        let behind = zip(clocks, reading).compactMap { clock, isReading in isReading ? clock : nil }.min()
        guard let behind, let newest else { return Watermark(release: nil, all: true, now: newest) }
        let floor = newest.nanoseconds > Int64.min + horizon ? newest.nanoseconds - horizon : Int64.min
        let release = Timestamp(nanoseconds: max(behind.nanoseconds, floor))
        return Watermark(release: release, all: false, now: release)
    }

    mutating func append(_ event: Event, from input: Int) {
        queues[input].append(event)
        count += 1
    }

    /// Hands out, oldest first, the events `mark` lets go (events without a timestamp at once).
    mutating func release(_ mark: Watermark, into emit: (Event) -> Void) {
        while count > 0 {
            var best = -1
            var bestTime = Int64.max
            for i in queues.indices where heads[i] < queues[i].count {
                let t = queues[i][heads[i]].timestamp?.nanoseconds ?? .min
                if best < 0 || t < bestTime { best = i; bestTime = t }
            }
            guard best >= 0 else { break }
            let allowed = mark.all || count > capacity || bestTime == .min
                || (mark.release.map { bestTime <= $0.nanoseconds } ?? false)
            guard allowed else { break }
            emit(queues[best][heads[best]])
            heads[best] += 1
            count -= 1
            if heads[best] == queues[best].count {
                queues[best].removeAll(keepingCapacity: queues[best].count < 4096)
                heads[best] = 0
            } else if heads[best] >= 4096, heads[best] * 2 >= queues[best].count {
                queues[best].removeFirst(heads[best])
                heads[best] = 0
            }
        }
    }
}
