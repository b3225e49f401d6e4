/// Scans several inputs at once, one thread per input (rotated `.gz` files of a
/// nightly job are each bound by decompression, not by the disk).
///
/// In order: events and finished inputs are handed on in input order, exactly as
/// a sequential scan would, and a thread starts an input at most a few inputs
/// ahead of the oldest one not handed on. Unordered (the report, whose analysis
/// sorts anyway): each event is handed on at once; only the calls are serialised.
struct ConcurrentInputScan {
    private struct InputResult {
        var events: [Event]
        var summary: InputSummary
    }

    let options: ScanOptions
    let inputs: [InputSpec]
    let inOrder: Bool

    func run(onInputDone: (InputSummary) -> Void, onEvent: @escaping (Event) -> Void) -> ScanSummary {
        var single = options
        single.threads = 1
        let perInput = single
        let pool = OrderedWorkPool<InputResult>(jobs: inputs.count, threads: options.threads, inOrder: inOrder)
        var summaries = [InputSummary?](repeating: nil, count: inputs.count)
        let ordered = inOrder
        let inputs = self.inputs
        pool.run(makeWorker: { LogScanner(options: perInput) }, work: { scanner, index in
            var events: [Event] = []
            let summary: InputSummary
            if ordered {
                summary = scanner.scan(inputs[index]) { events.append($0) }
            } else {
                summary = scanner.scan(inputs[index]) { event in pool.serialized { onEvent(event) } }
            }
            return InputResult(events: events, summary: summary)
        }, deliver: { index, result in
            for event in result.events { onEvent(event) }
            summaries[index] = result.summary
            onInputDone(result.summary)
        })
        return ScanSummary(inputs: summaries.map { $0! })
    }
}
