/// Runs numbered jobs on a few threads and hands their results on in job order, one at
/// a time, never concurrently.
///
/// Memory stays bounded in order: a thread does not start a job more than
/// `lookAhead` jobs ahead of the oldest one not handed on yet. The one pool
/// behind the parallel scan of a large file (ranges), of several inputs, and of the
/// report's channels.
package final class OrderedWorkPool<Output>: @unchecked Sendable {
    private let jobs: Int
    private let threads: Int
    private let lookAhead: Int
    private let condition = ConditionLock()
    private var nextJob = 0
    private var nextToDeliver = 0
    private var finished: [Int: Output] = [:]

    package init(jobs: Int, threads: Int, lookAhead: Int? = nil) {
        self.jobs = jobs
        self.threads = max(1, min(threads, jobs))
        self.lookAhead = max(1, lookAhead ?? threads * 2)
    }

    /// Runs every job: each thread makes one `Worker` (a scanner, say) and calls
    /// `work` with it for the jobs it claims; `deliver` gets each job's output
    /// under the pool's lock. Returns when all are delivered.
    package func run<Worker>(makeWorker: () -> Worker, work: (Worker, Int) -> Output, deliver: (Int, Output) -> Void) {
        withoutActuallyEscaping(makeWorker) { makeWorker in
            withoutActuallyEscaping(work) { work in
                withoutActuallyEscaping(deliver) { deliver in
                    let calls = Calls(makeWorker: makeWorker, work: work, deliver: deliver)
                    WorkerThreads.run(count: threads) {
                        let worker = calls.makeWorker()
                        while let job = self.claim() {
                            self.finish(job, calls.work(worker, job), deliver: calls.deliver)
                        }
                    }
                }
            }
        }
    }

    private func claim() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while nextJob < jobs && nextJob >= nextToDeliver + lookAhead { condition.wait() }
        guard nextJob < jobs else { return nil }
        nextJob += 1
        return nextJob - 1
    }

    private func finish(_ job: Int, _ output: Output, deliver: (Int, Output) -> Void) {
        condition.lock()
        defer { condition.unlock() }
        finished[job] = output
        while let next = finished.removeValue(forKey: nextToDeliver) {
            deliver(nextToDeliver, next)
            nextToDeliver += 1
        }
        condition.broadcast()
    }

    /// The caller's closures, called from the pool's threads (deliveries under its lock only).
    private final class Calls<Worker>: @unchecked Sendable {
        let makeWorker: () -> Worker
        let work: (Worker, Int) -> Output
        let deliver: (Int, Output) -> Void
        init(makeWorker: @escaping () -> Worker, work: @escaping (Worker, Int) -> Output,
             deliver: @escaping (Int, Output) -> Void) {
            self.makeWorker = makeWorker
            self.work = work
            self.deliver = deliver
        }
    }
}
