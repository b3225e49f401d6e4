import Synchronization

/// Follows one or several inputs at once (`--follow a.log b.log`, or a pipe): one reading
/// thread per input, each like `tail -F`; on the calling thread their events are merged by
/// timestamp (`FollowMerge`) and handed to the session with the inputs' "now".
///
/// Every read waits at most one poll interval, so a stop (`requestStop()` or `stopWhen`)
/// ends every input within about that time, whatever it was waiting for (data, a file that
/// does not exist yet, a FIFO with no writer).
public final class FollowedInputs: Sendable {
    /// What is followed, in the order the summary names them.
    public let inputs: [InputSpec]
    /// How each input is scanned.
    public let options: ScanOptions
    /// Nanoseconds an input may lag behind the newest before its late events stop holding the others.
    public let horizon: Int64
    private let mailbox: Mailbox
    private let controls: [FollowControl]

    /// Follows `inputs`, looking for new data every `pollInterval` seconds, until every one
    /// has ended, `requestStop()` is called or `stopWhen` says so (a signal).
    public init(_ inputs: [InputSpec], options: ScanOptions = ScanOptions(), pollInterval: Double = 0.2,
                horizon: Int64 = 10_000_000_000, stopWhen: @escaping @Sendable () -> Bool = { false }) {
        self.inputs = inputs
        self.options = options
        self.horizon = horizon
        let mailbox = Mailbox(inputs: inputs.count)
        self.mailbox = mailbox
        controls = inputs.map { _ in
            FollowControl(pollInterval: pollInterval,
                          stopWhen: { mailbox.stopped.load(ordering: .acquiring) || stopWhen() },
                          onIdle: { mailbox.notify() })
        }
    }

    /// Asks every input to stop (safe from any thread).
    public func requestStop() {
        mailbox.stopped.store(true, ordering: .releasing)
        mailbox.notify()
    }

    /// Follows until every input has ended (pipes closed) or a stop was requested, feeding
    /// `session`; `onInputDone` gets each input's summary when it ends (to report an error at
    /// once). Returns the summary the session wrote.
    public func run<Session: FollowSink>(_ session: Session,
                                         onInputDone: (InputSummary) -> Void = { _ in }) -> Session.Summary {
        let count = inputs.count
        for (i, input) in inputs.enumerated() {
            let (control, mailbox, options) = (controls[i], mailbox, options)
            let started = WorkerThreads.startDetached(name: "follow-\(i)") {
                let summary = LogScanner(options: options).follow(input, control: control) { event in
                    mailbox.push(event, from: i, stopping: { control.isStopRequested })
                }
                mailbox.end(i, summary)
            }
            if !started {
                var summary = InputSummary(name: input.displayName)
                summary.error = "cannot start a thread to follow it"
                mailbox.end(i, summary)
            }
        }
        var merge = FollowMerge(inputs: count, horizon: horizon)
        var ended = [InputSummary?](repeating: nil, count: count)
        let poll = controls.first?.pollInterval ?? 0.2
        while true {
            // The clocks first: a reader publishes its time only after handing on the events
            // up to it, so the batch taken next holds every event at or before these clocks.
            let clocks = controls.map(\.newestTimestamp)
            let waiting = controls.map(\.isWaiting)
            let (batch, endedNow) = mailbox.take(timeout: poll)
            for (i, events) in batch.enumerated() {
                for event in events { merge.append(event, from: i) }
            }
            for (i, summary) in endedNow.enumerated() {
                guard let summary, ended[i] == nil else { continue }
                ended[i] = summary
                onInputDone(summary)
            }
            let allEnded = ended.allSatisfy { $0 != nil }
            var mark = FollowMerge.watermark(
                clocks: clocks,
                reading: (0..<count).map { ended[$0] == nil && !waiting[$0] },
                horizon: horizon)
            if allEnded {
                mark.all = true
                mark.now = controls.compactMap(\.newestTimestamp).max()
            }
            merge.release(mark) { session.add($0, now: mark.now) }
            session.advance(now: mark.now, quiet: mark.all)
            if allEnded { break }
        }
        let summaries = ended.enumerated().map { i, summary in
            var s = summary ?? InputSummary(name: inputs[i].displayName)
            if let newest = controls[i].newestTimestamp { s.lastTimestamp = max(s.lastTimestamp ?? newest, newest) }
            return s
        }
        return session.finish(scan: ScanSummary(inputs: summaries))
    }

    /// What the reading threads hand to the calling thread; every field but `stopped` is
    /// guarded by `condition`.
    private final class Mailbox: @unchecked Sendable {
        let condition = ConditionLock()
        let stopped = Atomic<Bool>(false)
        /// Events not yet taken, beyond which a reading thread waits (the merge is behind).
        let capacity = 65_536
        private var pending: [[Event]]
        private var pendingCount = 0
        private var ended: [InputSummary?]
        private var woken = false

        init(inputs: Int) {
            pending = Array(repeating: [], count: inputs)
            ended = Array(repeating: nil, count: inputs)
        }

        func push(_ event: Event, from input: Int, stopping: () -> Bool) {
            condition.lock()
            while pendingCount >= capacity, !stopping() {
                condition.wait(seconds: 0.05)
            }
            pending[input].append(event)
            pendingCount += 1
            if pendingCount == 1 { condition.broadcast() }
            condition.unlock()
        }

        func end(_ input: Int, _ summary: InputSummary) {
            condition.lock()
            ended[input] = summary
            woken = true
            condition.broadcast()
            condition.unlock()
        }

        /// Wakes the calling thread: an input went quiet, or a stop.
        func notify() {
            condition.lock()
            woken = true
            condition.broadcast()
            condition.unlock()
        }

        /// Everything pushed so far and the inputs that ended, after waiting up to `timeout`
        /// seconds for either.
        func take(timeout: Double) -> ([[Event]], [InputSummary?]) {
            condition.lock()
            if pendingCount == 0, !woken {
                condition.wait(seconds: timeout)
            }
            let batch = pending
            for i in pending.indices { pending[i] = [] }
            pendingCount = 0
            woken = false
            let done = ended
            condition.broadcast()
            condition.unlock()
            return (batch, done)
        }
    }
}
