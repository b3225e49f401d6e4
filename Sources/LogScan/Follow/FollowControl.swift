#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Steers a followed input (`--follow`): how often to look for new data, when to stop,
/// what to do while waiting, and the newest timestamp read so far.
///
/// Stopping goes through a plain integer flag so that a signal handler may set it
/// (async-signal-safe); tests call `requestStop()`.
public final class FollowControl: @unchecked Sendable {
    /// Seconds to wait at the end of the data before looking again for growth or rotation.
    public let pollInterval: Double
    /// Non-zero once a stop is requested. A SIGINT handler writes 1 here.
    public let stopFlag: UnsafeMutablePointer<Int32>
    /// Runs on the reading thread each time the input has nothing new (every `pollInterval`).
    public var onIdle: (() -> Void)?
    /// The newest timestamp of any line read, event or not: the followed input's "now".
    let clock = LineClock()

    public init(pollInterval: Double = 0.2) {
        self.pollInterval = max(pollInterval, 0.01)
        stopFlag = .allocate(capacity: 1)
        stopFlag.initialize(to: 0)
    }

    deinit {
        stopFlag.deallocate()
    }

    /// Asks the reader to stop at the end of the data it has.
    public func requestStop() { stopFlag.pointee = 1 }

    /// True once `requestStop()` was called or the signal handler set the flag.
    public var isStopRequested: Bool { stopFlag.pointee != 0 }

    /// The newest timestamp of any line read so far.
    public var newestTimestamp: Timestamp? { clock.latest }

    /// Nothing to read: let the consumer act, then sleep one poll interval, waking early on a stop.
    func idle() {
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
}
