/// Scans one large regular file on several threads: the file is split at line
/// starts, each thread scans whole ranges with its own `InputScanner` into a part of
/// the sink, and the parts are appended in file order (`OrderedWorkPool`), so events,
/// line numbers and counts are exactly those of a single-threaded scan.
///
/// Memory stays bounded: a part holds its range's events in the sink's compact form,
/// it is appended as soon as every range before it is done, and a thread does not start
/// a range more than a few ranges ahead of the oldest one not appended yet.
struct ParallelFileScan {
    /// What one range gave.
    private struct RangeResult<Sink: EventSink> {
        var part: Sink
        var summary: InputSummary
    }

    /// The largest range: small enough that the ranges waiting to be appended stay small
    /// (a part of an event storm holds records of about a sixth of its range's size), large enough
    /// that per-range costs vanish (8 MiB ranges cost nothing measurable on quiet logs).
    static let maximumChunkBytes: Int64 = 8 << 20

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
        // Several ranges per thread balance uneven ranges; a quarter of the size that makes
        // a file worth splitting is the smallest range.
        let smallest = options.parallelChunkBytes / 4
        let chunkSize = min(max(smallest, size / Int64(options.threads * 4) + 1),
                            max(smallest, ParallelFileScan.maximumChunkBytes))
        ranges = ChunkPlanner.plan(fd: fd, size: size, chunkSize: chunkSize)
    }

    /// Runs the scan, fills `result` and appends the ranges' parts to `sink` in file order.
    func run<Sink: EventSink>(into result: inout InputSummary, sink: inout Sink) {
        var summary = result
        var lineOffset = 0
        let (options, fd, name, ranges, progressInput) = (self.options, self.fd, self.name, self.ranges, self.progressInput)
        let empty = sink.emptyPart()
        // Every range gets the file's format, as a single-threaded scan decides it.
        let format = InputFormat.detect(fd: fd, maxLineLength: options.maxLineLength)
        let pool = OrderedWorkPool<RangeResult<Sink>>(jobs: ranges.count, threads: options.threads)
        pool.run(makeWorker: { InputScanner(options: options) }, work: { scanner, index in
            let range = ranges[index]
            var rangeSummary = InputSummary(name: name)
            let part = EventSinkBox(empty)
            if options.mapsFiles {
                // Mapped as a single-threaded scan maps: with pages faulted in, not populated,
                // two threads mapping at once cost less than `pread`'s copy.
                let windows = MappedFileWindows(fd: fd, start: range.lowerBound, end: range.upperBound,
                                                windowBytes: options.mappedWindowBytes,
                                                progress: options.progress.map { ($0, progressInput) },
                                                reading: options.mappedWindowsRead)
                scanner.scan(mapped: windows, startOffset: range.lowerBound, format: format, into: &rangeSummary) {
                    part.sink.add($0)
                }
            } else {
                var source: ByteSource = FileRangeByteSource(fd: fd, start: range.lowerBound, end: range.upperBound)
                if let progress = options.progress { source = ProgressByteSource(source, progress: progress, input: progressInput) }
                scanner.scan(source, startOffset: range.lowerBound, format: format, into: &rangeSummary) { part.sink.add($0) }
            }
            return RangeResult(part: part.sink, summary: rangeSummary)
        }, deliver: { _, range in
            sink.append(range.part, lineOffset: lineOffset)
            Self.merge(range.summary, into: &summary, lineOffset: &lineOffset)
        })
        result = summary
    }

    private static func merge(_ range: InputSummary, into summary: inout InputSummary, lineOffset: inout Int) {
        lineOffset += Int(range.lines)
        summary.bytes += range.bytes
        summary.lines += range.lines
        summary.overlongLines += range.overlongLines
        summary.firstTimestamp = [summary.firstTimestamp, range.firstTimestamp].compactMap { $0 }.min()
        summary.lastTimestamp = [summary.lastTimestamp, range.lastTimestamp].compactMap { $0 }.max()
        summary.events += range.events
        summary.census.merge(range.census)
        summary.binary = summary.binary || range.binary
        if summary.firstLine.isEmpty { summary.firstLine = range.firstLine }
        summary.scanned = true
        if summary.error == nil, let error = range.error { summary.error = error }
    }
}
