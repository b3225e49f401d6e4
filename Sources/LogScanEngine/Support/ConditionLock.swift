#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A mutex with a condition variable (POSIX), for threads that wait for each other's work.
///
/// Instead of Foundation's `NSCondition`: the engine uses nothing else of Foundation's
/// Objective-C layer, and linking it (with CoreFoundation and ICU) made every start-up
/// of the static binary 1.5 ms longer (docs/PERFORMANCE.md, seventh pass). Timed waits
/// use the monotonic clock, so a change of the wall clock neither shortens nor stretches them.
package final class ConditionLock: @unchecked Sendable {
    // Heap-allocated: a pthread mutex or condition must not move once initialised.
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

    package init() {
        pthread_mutex_init(mutex, nil)
        var attributes = pthread_condattr_t()
        pthread_condattr_init(&attributes)
        pthread_condattr_setclock(&attributes, CLOCK_MONOTONIC)
        pthread_cond_init(condition, &attributes)
        pthread_condattr_destroy(&attributes)
    }

    deinit {
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        condition.deallocate()
        mutex.deallocate()
    }

    package func lock() { pthread_mutex_lock(mutex) }
    package func unlock() { pthread_mutex_unlock(mutex) }

    /// Runs `body` holding the lock.
    package func withLock<T>(_ body: () throws -> T) rethrows -> T {
        lock()
        defer { unlock() }
        return try body()
    }

    /// Waits (holding the lock, which it releases meanwhile) until another thread broadcasts;
    /// may also return without one, as every condition wait may: callers wait in a loop.
    package func wait() { pthread_cond_wait(condition, mutex) }

    /// Like `wait()`, for at most `seconds` (a negative or non-finite time does not wait).
    /// Returns false when the time ran out.
    @discardableResult
    package func wait(seconds: Double) -> Bool {
        guard seconds.isFinite, seconds > 0 else { return false }
        var deadline = timespec()
        clock_gettime(CLOCK_MONOTONIC, &deadline)
        // Capped at a day: the sum must stay within time_t, whatever the caller asked.
        let wait = min(seconds, 86_400)
        let whole = Int(wait)
        var nanoseconds = Int(deadline.tv_nsec) + Int((wait - Double(whole)) * 1e9)
        var secondsPart = Int(deadline.tv_sec) + whole
        if nanoseconds >= 1_000_000_000 {
            nanoseconds -= 1_000_000_000
            secondsPart += 1
        }
        deadline.tv_sec = time_t(secondsPart)
        deadline.tv_nsec = nanoseconds
        return pthread_cond_timedwait(condition, mutex, &deadline) == 0
    }

    /// Wakes every thread waiting.
    package func broadcast() { pthread_cond_broadcast(condition) }
}
