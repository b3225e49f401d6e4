import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Steers one followed input (`--follow`): how often to look for new data, when to stop,
/// what to do while waiting, and the newest timestamp read so far.
///
/// The reading thread owns the line clock; everything another thread may look at (the stop
/// request, the newest timestamp, whether the input is waiting for data) is an atomic held
/// by the control itself, so nothing outlives it. A signal handler does not write here: it
/// sets a flag of its own that `stopWhen` reads.
public final class FollowControl: @unchecked Sendable {
    /// Seconds to wait at the end of the data before looking again for growth or rotation.
    public let pollInterval: Double
    private let stopped = Atomic<Bool>(false)
    /// A stop requested from elsewhere (a signal, the other inputs' runner).
    private let stopWhen: @Sendable () -> Bool
    /// Runs on the reading thread each time the input has nothing new (every `pollInterval`).
    private let onIdle: (@Sendable () -> Void)?
    /// `Int64.min` until a timestamped line is read.
    private let newest = Atomic<Int64>(.min)
    /// True from an idle poll until the next data.
    private let waitingFlag = Atomic<Bool>(false)
    /// The newest timestamp of any line read, event or not: the followed input's "now".
    /// Only the reading thread touches it.
    let clock = LineClock()

    /// A control polling every `pollInterval` seconds (0.01 to 10); `onIdle` runs on the
    /// reading thread whenever the input has nothing new.
    public init(pollInterval: Double = 0.2, stopWhen: @escaping @Sendable () -> Bool = { false },
                onIdle: (@Sendable () -> Void)? = nil) {
        self.pollInterval = min(max(pollInterval, 0.01), 10)
        self.stopWhen = stopWhen
        self.onIdle = onIdle
    }

    /// Asks the reader to stop at the end of the data it has.
    public func requestStop() { stopped.store(true, ordering: .releasing) }

    /// True once `requestStop()` was called or `stopWhen` says so.
    public var isStopRequested: Bool { stopped.load(ordering: .acquiring) || stopWhen() }

    /// The newest timestamp of the lines scanned so far (safe from any thread): up to the
    /// previous read while reading, everything read once waiting.
    public var newestTimestamp: Timestamp? {
        let n = newest.load(ordering: .acquiring)
        return n == .min ? nil : Timestamp(nanoseconds: n)
    }

    /// True while the input is at the end of its data, waiting for more (safe from any thread).
    public var isWaiting: Bool { waitingFlag.load(ordering: .acquiring) }

    /// The reading thread got `count` bytes: moves the clock on.
    ///
    /// What another thread sees lags one read behind: the scanner asks for more only once it
    /// has handed on the events of what it had, so the time published here is never ahead
    /// of an event still being scanned (which would close its episode too early).
    func observe(_ bytes: UnsafeRawPointer, count: Int) {
        publish()
        waitingFlag.store(false, ordering: .releasing)
        clock.observe(bytes, count: count)
    }

    /// Everything read so far has been scanned: its time may be seen.
    private func publish() {
        if let t = clock.latest { newest.store(t.nanoseconds, ordering: .releasing) }
    }

    /// Nothing to read: let the consumer act, then sleep one poll interval, waking early on a stop.
    func idle() {
        publish()
        waitingFlag.store(true, ordering: .releasing)
        onIdle?()
        let slice = 0.025
        var waited = 0.0
        while waited < pollInterval, !isStopRequested {
            let step = min(slice, pollInterval - waited)
            var request = timespec(tv_sec: 0, tv_nsec: Int(step * 1e9))
            _ = nanosleep(&request, nil)
            waited += step
        }
    }

    /// The stream has nothing for now (poll timed out): let the consumer act, no sleep.
    func waiting() {
        publish()
        waitingFlag.store(true, ordering: .releasing)
        onIdle?()
    }
}
