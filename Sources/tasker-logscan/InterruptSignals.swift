#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the signal handler writes; set once before the handler is installed.
nonisolated(unsafe) private var interruptStopFlag: UnsafeMutablePointer<Int32>?

/// Ctrl-C (SIGINT) and SIGTERM while following: the first one asks for a clean stop and
/// the summary; a second one ends the program at once, as operators expect.
enum InterruptSignals {
    /// Makes the next SIGINT or SIGTERM write 1 to `flag` instead of ending the program.
    /// No SA_RESTART: a blocked read or sleep returns early, so the stop is seen at once.
    static func requestStop(through flag: UnsafeMutablePointer<Int32>) {
        interruptStopFlag = flag
        var action = sigaction()
        #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = { _ in interruptStopFlag?.pointee = 1 }
        #else
        action.__sigaction_u.__sa_handler = { _ in interruptStopFlag?.pointee = 1 }
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
