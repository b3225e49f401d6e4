import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Ctrl-C (SIGINT) and SIGTERM while following: the first one asks for a clean stop and
/// the summary; a second one ends the program at once, as operators expect.
///
/// The handler only stores into an atomic that lives as long as the program (a static), so
/// nothing it writes can be freed under it; the followed inputs poll `received`.
enum InterruptSignals {
    /// Set by the handler: a lock-free atomic store is async-signal-safe.
    static let flag = Atomic<Bool>(false)

    /// True once SIGINT or SIGTERM arrived (after `install()`).
    static var received: Bool { flag.load(ordering: .acquiring) }

    /// Makes the next SIGINT or SIGTERM set `received` instead of ending the program.
    /// No SA_RESTART: a blocked read or sleep returns early, so the stop is seen at once.
    static func install() {
        // Initialised here, not first in the handler (a static is initialised lazily).
        flag.store(false, ordering: .releasing)
        var action = sigaction()
        #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = { _ in InterruptSignals.flag.store(true, ordering: .releasing) }
        #else
        action.__sigaction_u.__sa_handler = { _ in InterruptSignals.flag.store(true, ordering: .releasing) }
        #endif
        // One-shot: the handler resets to the default, so a second signal terminates.
        action.sa_flags = Int32(truncatingIfNeeded: SA_RESETHAND)
        sigemptyset(&action.sa_mask)
        sigaction(SIGINT, &action, nil)
        sigaction(SIGTERM, &action, nil)
        // A parent may have started us with these signals blocked (a supervisor, a test
        // runner): then Ctrl-C would stay pending for ever.
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGINT)
        sigaddset(&signals, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
    }
}
