/// Scans one large regular file on several threads: the file is split at line
/// starts, each thread scans whole ranges with its own `InputScanner`, and the
/// ranges' results are handed on in file order (`OrderedWorkPool`), so events,
/// line numbers and counts are exactly those of a single-threaded scan.
///
/// Memory stays bounded: a range's events are handed on as soon as every range
/// before it is done, and a thread does not start a range more than a few ranges
/// ahead of the oldest one not handed on yet.
struct ParallelFileScan {
    /// What one range gave.
    private struct ChunkResult {
        var events: [Event]
        var summary: InputSummary
    }

    /// The largest range: small enough that a range's events (dense logs have
    /// many) stay a few MiB, large enough that per-range costs vanish.
    static let maximumChunkBytes: Int64 = 32 << 20

    private let options: ScanOptions
    private let fd: Int32
    private let name: String
    private let ranges: [Range<Int64>]
    /// The input's number in `options.progress`.
    private let progressInput: Int

    init(options: ScanOptions, fd: Int32, name: String, size: Int64, progressInput: Int = 0) {
        self.options = options
        self.progressInput = progressInput
        self.fd = fd
        self.name = name
        // Several ranges per thread balance uneven ranges.
        let chunkSize = min(max(options.parallelChunkBytes, size / Int64(options.threads * 4) + 1),
                            max(options.parallelChunkBytes, ParallelFileScan.maximumChunkBytes))
        ranges = ChunkPlanner.plan(fd: fd, size: size, chunkSize: chunkSize)
    }

    /// Runs the scan and fills `summary`; `onEvent` sees the events in file order,
    /// called from the scanning threads one range at a time (never concurrently).
    func run(into result: inout InputSummary, onEvent: (Event) -> Void) {
        var summary = result
        var lineOffset = 0
        let (options, fd, name, ranges, progressInput) = (self.options, self.fd, self.name, self.ranges, self.progressInput)
        let pool = OrderedWorkPool<ChunkResult>(jobs: ranges.count, threads: options.threads)
        pool.run(makeWorker: { InputScanner(options: options) }, work: { scanner, index in
            let range = ranges[index]
            var chunk = ChunkResult(events: [], summary: InputSummary(name: name))
            var source: ByteSource = FileRangeByteSource(fd: fd, start: range.lowerBound, end: range.upperBound)
            if let progress = options.progress { source = ProgressByteSource(source, progress: progress, input: progressInput) }
            var events: [Event] = []
            scanner.scan(source, startOffset: range.lowerBound, into: &chunk.summary) { events.append($0) }
            chunk.events = events
            return chunk
        }, deliver: { _, chunk in
            Self.merge(chunk, into: &summary, lineOffset: &lineOffset, onEvent: onEvent)
        })
        result = summary
    }

    private static func merge(_ chunk: ChunkResult, into summary: inout InputSummary, lineOffset: inout Int,
                              onEvent: (Event) -> Void) {
        for var event in chunk.events {
            event.line += lineOffset
            onEvent(event)
        }
        lineOffset += Int(chunk.summary.lines)
        summary.bytes += chunk.summary.bytes
        summary.lines += chunk.summary.lines
        summary.overlongLines += chunk.summary.overlongLines
        summary.firstTimestamp = [summary.firstTimestamp, chunk.summary.firstTimestamp].compactMap { $0 }.min()
        summary.lastTimestamp = [summary.lastTimestamp, chunk.summary.lastTimestamp].compactMap { $0 }.max()
        summary.events += chunk.summary.events
        summary.census.merge(chunk.summary.census)
        summary.binary = summary.binary || chunk.summary.binary
        if summary.firstLine.isEmpty { summary.firstLine = chunk.summary.firstLine }
        summary.scanned = true
        if summary.error == nil, let error = chunk.summary.error { summary.error = error }
    }
}
