import CThreadStart
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a body on the calling thread and on `count - 1` new threads, and waits for them.
///
/// POSIX threads started on other CPUs (`logscan_thread_start`) rather than
/// `DispatchQueue.concurrentPerform`: libdispatch starts its pool on first use (a manager
/// thread that then starts the workers), and Linux places a new thread on its creator's
/// CPU, where it waited while the creator scanned: the second thread of a two-thread scan
/// ran beside the first for milliseconds while the other CPU idled. A thread that cannot be
/// started is not an error: the bodies claim their work from a shared queue, so the threads
/// that run do it all.
package enum WorkerThreads {
    static func run(count: Int, _ body: @escaping @Sendable () -> Void) {
        var started: [pthread_t] = []
        for index in 0..<max(count - 1, 0) {
            let box = Unmanaged.passRetained(Body(body))
            var thread = pthread_t()
            let status = logscan_thread_start(&thread, Int32(index), { context in
                let body = Unmanaged<Body>.fromOpaque(context!).takeRetainedValue()
                body.run()
                return nil
            }, box.toOpaque())
            if status == 0 {
                started.append(thread)
            } else {
                box.release()
            }
        }
        body()
        for thread in started { pthread_join(thread, nil) }
    }

    /// Starts `body` on a new thread nobody waits for (a follow reader, the progress display),
    /// named `name` in `top -H` and debuggers (cut to the 15 bytes Linux keeps). Returns false
    /// when no thread could be started.
    @discardableResult
    package static func startDetached(name: String, _ body: @escaping @Sendable () -> Void) -> Bool {
        let box = Unmanaged.passRetained(Body({
            logscan_thread_set_name(name)
            body()
        }))
        var thread = pthread_t()
        let status = pthread_create(&thread, nil, { context in
            Unmanaged<Body>.fromOpaque(context!).takeRetainedValue().run()
            return nil
        }, box.toOpaque())
        guard status == 0 else {
            box.release()
            return false
        }
        pthread_detach(thread)
        return true
    }

    private final class Body: @unchecked Sendable {
        let run: @Sendable () -> Void
        init(_ run: @escaping @Sendable () -> Void) { self.run = run }
    }
}
