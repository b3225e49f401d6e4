#if DEBUG
import Synchronization
#endif

/// Counts units of work (a loop step over records, channels or findings, a comparison of a
/// sort, a string escaped or wrapped for output) in debug builds, for the task that asks
/// (`measure`), so that a test can tell n·log n from n² by counting instead of timing
/// (issue 16). Release builds compile every tick away.
package enum WorkMeter {
    /// One unit of work; `units` for a step that stands for several.
    @inline(__always) package static func tick(_ units: Int = 1) {
        #if DEBUG
        current?.add(units)
        #endif
    }

    #if DEBUG
    /// The units counted while a `measure` runs; shared by the task and its child tasks.
    package final class Counter: Sendable {
        private let total = Atomic<Int>(0)
        package func add(_ units: Int) { total.add(units, ordering: .relaxed) }
        package var units: Int { total.load(ordering: .relaxed) }
    }

    /// The counter of the running `measure`, `nil` outside one (every other test and run).
    @TaskLocal package static var current: Counter?

    /// `body`'s result and the units of work it counted. Other tasks (tests running at the
    /// same time) count nothing into it.
    package static func measure<T>(_ body: () throws -> T) rethrows -> (result: T, units: Int) {
        let counter = Counter()
        let result = try $current.withValue(counter) { try body() }
        return (result, counter.units)
    }
    #endif
}
