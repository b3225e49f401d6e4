import Foundation

/// Reads another source on its own thread, a few buffers ahead, so that slow
/// production (gzip inflation) overlaps with scanning.
///
/// The producer fills fixed buffers from a small pool; `read` hands them out in
/// order. Memory is bounded by the pool: `depth × bufferSize` bytes.
final class PrefetchingByteSource: ByteSource, @unchecked Sendable {
    private struct Filled {
        var index: Int
        var count: Int
    }

    private let source: ByteSource
    private let bufferSize: Int
    private let buffers: [UnsafeMutableRawPointer]
    private let condition = NSCondition()
    /// Buffers ready for the consumer, in order.
    private var ready: [Filled] = []
    /// Buffers the producer may fill.
    private var free: [Int]
    private var finished = false
    private var failure: InputError?
    private var stopping = false
    private var thread: Thread?

    /// The buffer being handed out and how much of it is left.
    private var current: Filled?
    private var currentOffset = 0

    init(_ source: ByteSource, bufferSize: Int = 1 << 20, depth: Int = 4) {
        self.source = source
        self.bufferSize = bufferSize
        buffers = (0..<depth).map { _ in UnsafeMutableRawPointer.allocate(byteCount: bufferSize, alignment: 64) }
        free = Array(0..<depth)
        let thread = Thread { [unowned self] in self.produce() }
        thread.name = "tasker-logscan-prefetch"
        self.thread = thread
        thread.start()
    }

    deinit {
        condition.lock()
        stopping = true
        condition.broadcast()
        while !finished { condition.wait() }
        condition.unlock()
        for buffer in buffers { buffer.deallocate() }
    }

    private func produce() {
        while true {
            condition.lock()
            while free.isEmpty && !stopping { condition.wait() }
            if stopping {
                finished = true
                condition.broadcast()
                condition.unlock()
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
            if count > 0 {
                ready.append(Filled(index: index, count: count))
            } else {
                free.append(index)
            }
            if count == 0 || error != nil {
                failure = error
                finished = true
                condition.broadcast()
                condition.unlock()
                return
            }
            condition.broadcast()
            condition.unlock()
        }
    }

    func read(into buffer: UnsafeMutableRawPointer, count: Int) throws(InputError) -> Int {
        if current == nil {
            condition.lock()
            while ready.isEmpty && !finished { condition.wait() }
            if ready.isEmpty {
                let error = failure
                failure = nil
                condition.unlock()
                if let error { throw error }
                return 0
            }
            current = ready.removeFirst()
            currentOffset = 0
            condition.unlock()
        }
        guard let filled = current else { return 0 }
        let n = min(count, filled.count - currentOffset)
        buffer.copyMemory(from: buffers[filled.index] + currentOffset, byteCount: n)
        currentOffset += n
        if currentOffset == filled.count {
            condition.lock()
            free.append(filled.index)
            current = nil
            condition.signal()
            condition.unlock()
        }
        return n
    }
}
