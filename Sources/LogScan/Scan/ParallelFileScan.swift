import Foundation

/// Scans one large regular file on several threads: the file is split at line
/// starts, each thread scans whole ranges with its own `InputScanner`, and the
/// ranges' results are handed on in file order, so events, line numbers and
/// counts are exactly those of a single-threaded scan.
///
/// Memory stays bounded: a range's events are handed on as soon as every range
/// before it is done, and a thread does not start a range more than a few ranges
/// ahead of the oldest one not handed on yet.
final class ParallelFileScan: @unchecked Sendable {
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
    /// Ranges done but not handed on yet, by index.
    private var done: [Int: ChunkResult] = [:]
    private var nextChunk = 0
    private var nextToEmit = 0
    /// How far ahead of `nextToEmit` a thread may start a range.
    private let lookAhead: Int
    private let condition = NSCondition()

    // The merged result, touched only while handing on (under `condition`).
    private var lineOffset = 0
    private var summary: InputSummary

    init(options: ScanOptions, fd: Int32, name: String, size: Int64) {
        self.options = options
        self.fd = fd
        self.name = name
        // Several ranges per thread balance uneven ranges.
        let chunkSize = min(max(options.parallelChunkBytes, size / Int64(options.threads * 4) + 1),
                            max(options.parallelChunkBytes, ParallelFileScan.maximumChunkBytes))
        ranges = ChunkPlanner.plan(fd: fd, size: size, chunkSize: chunkSize)
        lookAhead = options.threads * 2
        summary = InputSummary(name: name)
    }

    /// Runs the scan and fills `summary`; `onEvent` sees the events in file order,
    /// called from the scanning threads one range at a time (never concurrently).
    func run(into result: inout InputSummary, onEvent: (Event) -> Void) {
        summary = result
        let workers = min(options.threads, ranges.count)
        withoutActuallyEscaping(onEvent) { onEvent in
            let sink = EventSink(onEvent)
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                let scanner = InputScanner(options: options)
                while let index = claimChunk() {
                    let range = ranges[index]
                    var chunk = ChunkResult(events: [], summary: InputSummary(name: name))
                    var source: ByteSource = FileRangeByteSource(fd: fd, start: range.lowerBound, end: range.upperBound)
                    if let progress = options.progress { source = ProgressByteSource(source, progress: progress) }
                    var events: [Event] = []
                    scanner.scan(source, startOffset: range.lowerBound, into: &chunk.summary) { events.append($0) }
                    chunk.events = events
                    finish(chunk, at: index, sink: sink)
                }
            }
        }
        result = summary
    }

    /// The next range to scan, waiting while the look-ahead is used up; nil when all are taken.
    private func claimChunk() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while nextChunk < ranges.count && nextChunk >= nextToEmit + lookAhead { condition.wait() }
        guard nextChunk < ranges.count else { return nil }
        nextChunk += 1
        return nextChunk - 1
    }

    /// Stores a range's result and hands on every range that is now next in order.
    private func finish(_ chunk: ChunkResult, at index: Int, sink: EventSink) {
        condition.lock()
        defer { condition.unlock() }
        done[index] = chunk
        while let next = done.removeValue(forKey: nextToEmit) {
            merge(next, sink: sink)
            nextToEmit += 1
        }
        condition.broadcast()
    }

    private func merge(_ chunk: ChunkResult, sink: EventSink) {
        for var event in chunk.events {
            event.line += lineOffset
            sink.emit(event)
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

    /// The caller's event callback, called under the scan's lock only.
    private final class EventSink: @unchecked Sendable {
        let emit: (Event) -> Void
        init(_ emit: @escaping (Event) -> Void) { self.emit = emit }
    }
}
