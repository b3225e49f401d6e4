/// The slow handlers near each episode that asks (SPEC §4 *near*: within one `--window`
/// before its first or after its last event), answered in one more pass over the records.
///
/// The episodes are known only once the first pass is over, and their neighbourhoods reach
/// past their ends; asking the records again costs one pass instead of a list of every slow
/// handler.
struct SlowHandlerQueries {
    /// An episode's neighbourhood, both ends included.
    struct Interval: Equatable {
        let from: Int64
        let to: Int64

        /// By start, then end: the order `answer` walks them in.
        func precedes(_ other: Interval) -> Bool { (from, to) < (other.from, other.to) }
    }

    /// How many slow handlers fell in an interval, and the slowest (when any said how long).
    struct Answer {
        var count = 0
        var slowest: Double?
    }

    private let window: Int64
    // Arrays, not a Set and a Dictionary: a report asks a few dozen questions, and the first
    // use of a hashed collection of `Interval` looked up its Hashable conformance among the
    // binary's 5,752 (0.35 M instructions).
    private var asked: [Interval] = []
    /// In `precedes` order, one per distinct interval.
    private var answers: [(interval: Interval, answer: Answer)] = []

    init(window: Int64) { self.window = window }

    /// The neighbourhood of an episode from `start` to `end`; saturating, so that a window of
    /// 100 years next to an instant of 1900 does not trap.
    func interval(_ start: Int64, _ end: Int64) -> Interval {
        Interval(from: start.subtractingClamped(window), to: end.addingClamped(window))
    }

    /// Notes that an episode from `start` to `end` needs its answer.
    mutating func ask(_ start: Int64, _ end: Int64) { asked.append(interval(start, end)) }

    var isEmpty: Bool { asked.isEmpty }

    /// Answers every question from the slow handlers in range, which come in time order
    /// through `forEachSlowHandler` (time, seconds or NaN).
    mutating func answer(_ forEachSlowHandler: ((Int64, Double) -> Void) -> Void) {
        var pending: [Interval] = []
        for interval in asked.sorted(by: { $0.precedes($1) }) where pending.last != interval { pending.append(interval) }
        var results = [Answer](repeating: Answer(), count: pending.count)
        var next = 0
        // Intervals that began at or before the latest slow handler and have not ended yet.
        var open: [Int] = []
        forEachSlowHandler { time, seconds in
            while next < pending.count, pending[next].from <= time {
                open.append(next)
                next += 1
            }
            // Slow handlers come in time order: an interval ended before this one stays ended.
            open.removeAll { pending[$0].to < time }
            for i in open {
                results[i].count += 1
                if !seconds.isNaN { results[i].slowest = max(results[i].slowest ?? seconds, seconds) }
            }
        }
        answers = pending.enumerated().map { ($0.element, results[$0.offset]) }
    }

    /// The answer for the episode from `start` to `end` (asked before `answer`).
    func near(_ start: Int64, _ end: Int64) -> Answer {
        let wanted = interval(start, end)
        var low = 0
        var high = answers.count
        while low < high {
            let mid = (low + high) / 2
            if answers[mid].interval.precedes(wanted) { low = mid + 1 } else { high = mid }
        }
        return low < answers.count && answers[low].interval == wanted ? answers[low].answer : Answer()
    }
}
