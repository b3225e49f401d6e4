import Foundation

/// Reads another source on its own thread, a few buffers ahead, so that slow
/// production (gzip inflation) overlaps with scanning.
///
/// The producer fills fixed buffers from a small pool; `read` hands them out in
/// order. Memory is bounded by the pool: `depth × bufferSize` bytes.
///
/// The producer thread holds the pipeline (source and buffers) itself, so a reader that stops
/// early never waits for it: `cancel()` (or letting go of the source) tells the producer to
/// stop, and the pipeline is freed by whichever of the two lets go last.
final class PrefetchingByteSource: ByteSource {
    /// What the producer and the consumer share; every mutable field is guarded by `condition`,
    /// except the bytes of a buffer, which belong to whoever holds its index.
    private final class Pipeline: @unchecked Sendable {
        struct Filled {
            var index: Int
            var count: Int
        }

        let source: ByteSource
        let bufferSize: Int
        let buffers: [UnsafeMutableRawPointer]
        let condition = NSCondition()
        /// Buffers ready for the consumer, in order.
        var ready: [Filled] = []
        /// Buffers the producer may fill.
        var free: [Int]
        /// The producer has returned (end of input, an error, or cancelled).
        var finished = false
        var failure: InputError?
        var cancelled = false

        init(source: ByteSource, bufferSize: Int, depth: Int) {
            self.source = source
            self.bufferSize = bufferSize
            buffers = (0..<depth).map { _ in UnsafeMutableRawPointer.allocate(byteCount: bufferSize, alignment: 64) }
            free = Array(0..<depth)
        }

        deinit {
            for buffer in buffers { buffer.deallocate() }
        }

        func produce() {
            while true {
                condition.lock()
                while free.isEmpty && !cancelled { condition.wait() }
                if cancelled {
                    finish(error: nil)
                    return
                }
                let index = free.removeFirst()
                condition.unlock()

                var count = 0
                var error: InputError?
                do {
                    count = try source.read(into: buffers[index], count: bufferSize)
                } catch let e {
                    error = e
                }

                condition.lock()
                if count > 0 && !cancelled {
                    ready.append(Filled(index: index, count: count))
                } else {
                    free.append(index)
                }
                if count == 0 || error != nil || cancelled {
                    finish(error: error)
                    return
                }
                condition.broadcast()
                condition.unlock()
            }
        }

        /// Called with the lock held; releases it.
        private func finish(error: InputError?) {
            failure = error
            finished = true
            condition.broadcast()
            condition.unlock()
        }

        func cancel() {
            condition.lock()
            cancelled = true
            ready.removeAll()
            condition.broadcast()
            condition.unlock()
        }
    }

    private let pipeline: Pipeline
    /// The buffer being handed out and how much of it is left.
    private var current: Pipeline.Filled?
    private var currentOffset = 0

    init(_ source: ByteSource, bufferSize: Int = 1 << 20, depth: Int = 4) {
        let pipeline = Pipeline(source: source, bufferSize: max(bufferSize, 1), depth: max(depth, 1))
        self.pipeline = pipeline
        let thread = Thread { pipeline.produce() }
        thread.name = "tasker-logscan-prefetch"
        thread.start()
    }

    deinit {
        pipeline.cancel()
    }

    /// Stops the producer at its next buffer; later reads return 0. Does not wait for it.
    func cancel() {
        pipeline.cancel()
        current = nil
    }

    /// True once the producer thread has returned (for tests).
    var producerFinished: Bool {
        pipeline.condition.lock()
        defer { pipeline.condition.unlock() }
        return pipeline.finished
    }

    func read(into buffer: UnsafeMutableRawPointer, count: Int) throws(InputError) -> Int {
        let p = pipeline
        if current == nil {
            p.condition.lock()
            while p.ready.isEmpty && !p.finished && !p.cancelled { p.condition.wait() }
            if p.ready.isEmpty {
                let error = p.failure
                p.failure = nil
                p.condition.unlock()
                if let error { throw error }
                return 0
            }
            current = p.ready.removeFirst()
            currentOffset = 0
            p.condition.unlock()
        }
        guard let filled = current else { return 0 }
        let n = min(count, filled.count - currentOffset)
        buffer.copyMemory(from: p.buffers[filled.index] + currentOffset, byteCount: n)
        currentOffset += n
        if currentOffset == filled.count {
            p.condition.lock()
            p.free.append(filled.index)
            current = nil
            p.condition.signal()
            p.condition.unlock()
        }
        return n
    }
}
