import Foundation

/// Scans one large regular file on several threads: the file is split at line
/// starts, each thread scans whole ranges with its own `InputScanner`, and the
/// ranges' results are put back together in file order, so events, line
/// numbers and counts are exactly those of a single-threaded scan.
final class ParallelFileScan: @unchecked Sendable {
    /// What one range gave.
    private struct ChunkResult {
        var events: [Event] = []
        var summary: InputSummary
    }

    private let options: ScanOptions
    private let fd: Int32
    private let name: String
    private let ranges: [Range<Int64>]
    private var results: [ChunkResult?]
    private var nextChunk = 0
    private let lock = NSLock()

    init(options: ScanOptions, fd: Int32, name: String, size: Int64) {
        self.options = options
        self.fd = fd
        self.name = name
        // Several chunks per thread balance uneven ranges; each is still large.
        let chunkSize = max(options.parallelChunkBytes, size / Int64(options.threads * 4) + 1)
        ranges = ChunkPlanner.plan(fd: fd, size: size, chunkSize: chunkSize)
        results = Array(repeating: nil, count: ranges.count)
    }

    /// Runs the scan and returns the whole file's summary; `onEvent` sees the
    /// events in file order once all ranges are done.
    func run(into summary: inout InputSummary, onEvent: (Event) -> Void) {
        let workers = min(options.threads, ranges.count)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            let scanner = InputScanner(options: options)
            while let index = claimChunk() {
                let range = ranges[index]
                var chunk = ChunkResult(summary: InputSummary(name: name))
                var events: [Event] = []
                scanner.scan(FileRangeByteSource(fd: fd, start: range.lowerBound, end: range.upperBound),
                             into: &chunk.summary) { events.append($0) }
                chunk.events = events
                store(chunk, at: index)
            }
        }
        var lineOffset = 0
        for case let chunk? in results {
            for var event in chunk.events {
                event.line += lineOffset
                onEvent(event)
            }
            lineOffset += Int(chunk.summary.lines)
            summary.bytes += chunk.summary.bytes
            summary.lines += chunk.summary.lines
            summary.overlongLines += chunk.summary.overlongLines
            if summary.firstTimestamp == nil { summary.firstTimestamp = chunk.summary.firstTimestamp }
            if let last = chunk.summary.lastTimestamp { summary.lastTimestamp = last }
            if summary.error == nil, let error = chunk.summary.error { summary.error = error }
        }
    }

    private func claimChunk() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard nextChunk < ranges.count else { return nil }
        nextChunk += 1
        return nextChunk - 1
    }

    private func store(_ result: ChunkResult, at index: Int) {
        lock.lock()
        results[index] = result
        lock.unlock()
    }
}
