import Foundation

/// Scans several inputs at once, one thread per input (rotated `.gz` files of a
/// nightly job are each bound by decompression, not by the disk).
///
/// In order: events and finished inputs are handed on in input order, exactly as
/// a sequential scan would, and a thread starts an input at most a few inputs
/// ahead of the oldest one not handed on. Unordered (the report, whose analysis
/// sorts anyway): each event is handed on at once; only the calls are serialised.
final class ConcurrentInputScan: @unchecked Sendable {
    private struct InputResult {
        var events: [Event]
        var summary: InputSummary
    }

    private let options: ScanOptions
    private let inputs: [InputSpec]
    private let inOrder: Bool
    private let condition = NSCondition()
    private var nextInput = 0
    private var nextToEmit = 0
    private var done: [Int: InputResult] = [:]
    private var summaries: [InputSummary?]

    init(options: ScanOptions, inputs: [InputSpec], inOrder: Bool) {
        self.options = options
        self.inputs = inputs
        self.inOrder = inOrder
        summaries = Array(repeating: nil, count: inputs.count)
    }

    func run(onInputDone: (InputSummary) -> Void, onEvent: (Event) -> Void) -> ScanSummary {
        var single = options
        single.threads = 1
        let perInput = single
        let workers = min(options.threads, inputs.count)
        withoutActuallyEscaping(onEvent) { onEvent in
            withoutActuallyEscaping(onInputDone) { onInputDone in
                let sink = Sink(event: onEvent, inputDone: onInputDone)
                DispatchQueue.concurrentPerform(iterations: workers) { _ in
                    let scanner = LogScanner(options: perInput)
                    while let index = claimInput() {
                        var events: [Event] = []
                        let summary: InputSummary
                        if inOrder {
                            summary = scanner.scan(inputs[index]) { events.append($0) }
                        } else {
                            summary = scanner.scan(inputs[index]) { [condition] event in
                                condition.lock()
                                sink.event(event)
                                condition.unlock()
                            }
                        }
                        finish(InputResult(events: events, summary: summary), at: index, sink: sink)
                    }
                }
            }
        }
        return ScanSummary(inputs: summaries.map { $0! })
    }

    private func claimInput() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while inOrder && nextInput < inputs.count && nextInput >= nextToEmit + options.threads * 2 {
            condition.wait()
        }
        guard nextInput < inputs.count else { return nil }
        nextInput += 1
        return nextInput - 1
    }

    private func finish(_ result: InputResult, at index: Int, sink: Sink) {
        condition.lock()
        defer { condition.unlock() }
        summaries[index] = result.summary
        guard inOrder else {
            sink.inputDone(result.summary)
            return
        }
        done[index] = result
        while let next = done.removeValue(forKey: nextToEmit) {
            for event in next.events { sink.event(event) }
            sink.inputDone(next.summary)
            nextToEmit += 1
        }
        condition.broadcast()
    }

    /// The caller's callbacks, only ever called under the scan's lock.
    private final class Sink: @unchecked Sendable {
        let event: (Event) -> Void
        let inputDone: (InputSummary) -> Void
        init(event: @escaping (Event) -> Void, inputDone: @escaping (InputSummary) -> Void) {
            self.event = event
            self.inputDone = inputDone
        }
    }
}
