/// Scans several inputs at once, one thread per input (rotated `.gz` files of a
/// nightly job are each bound by decompression, not by the disk).
///
/// Each input fills a part of the sink on its thread; parts and finished inputs are
/// handed on in input order, exactly as a sequential scan would, and a thread starts an
/// input at most a few inputs ahead of the oldest one not handed on.
struct ConcurrentInputScan {
    private struct InputResult<Sink: EventSink> {
        var part: Sink
        var summary: InputSummary
    }

    let options: ScanOptions
    let inputs: [InputSpec]

    func run<Sink: EventSink>(into sink: inout Sink, onInputDone: (InputSummary) -> Void) -> ScanSummary {
        var single = options
        single.threads = 1
        let perInput = single
        let empty = sink.emptyPart()
        let pool = OrderedWorkPool<InputResult<Sink>>(jobs: inputs.count, threads: options.threads)
        var summaries = [InputSummary?](repeating: nil, count: inputs.count)
        let inputs = self.inputs
        pool.run(makeWorker: { LogScanner(options: perInput) }, work: { scanner, index in
            var part = empty
            let summary = scanner.scan(inputs[index], into: &part)
            return InputResult(part: part, summary: summary)
        }, deliver: { index, result in
            sink.append(result.part, lineOffset: 0)
            summaries[index] = result.summary
            onInputDone(result.summary)
        })
        return ScanSummary(inputs: summaries.map { $0! })
    }
}
