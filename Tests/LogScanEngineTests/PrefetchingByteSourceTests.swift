import Foundation
import Testing
@testable import LogScanEngine

/// Issue 15: the prefetch thread reads ahead, and never holds its reader when the reader
/// stops early (cancel, or letting go of the source), even while it is blocked in a read.
@Suite struct PrefetchingByteSourceTests {
    /// Endless bytes, or bytes only once `gate` opens; says when it is let go of.
    final class TestSource: ByteSource, @unchecked Sendable {
        let gate: DispatchSemaphore?
        let released: DispatchSemaphore
        /// Signalled as each read starts.
        let entered = DispatchSemaphore(value: 0)
        private let lock = NSLock()
        private var reads = 0

        init(gate: DispatchSemaphore? = nil, released: DispatchSemaphore) {
            self.gate = gate
            self.released = released
        }

        deinit { released.signal() }

        var readCount: Int { lock.withLock { reads } }

        func read(into buffer: UnsafeMutableRawPointer, count: Int) throws(InputError) -> Int {
            entered.signal()
            gate?.wait()
            lock.withLock { reads += 1 }
            buffer.initializeMemory(as: UInt8.self, repeating: 0x61, count: count)
            return count
        }
    }

    static func readAll(_ source: ByteSource, chunk: Int) throws -> [UInt8] {
        var out: [UInt8] = []
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: chunk, alignment: 1)
        defer { buffer.deallocate() }
        while true {
            let n = try source.read(into: buffer, count: chunk)
            if n == 0 { return out }
            out += UnsafeRawBufferPointer(start: buffer, count: n)
        }
    }

    @Test func handsOutEveryByteInOrder() throws {
        let bytes = (0..<10_000).map { UInt8(truncatingIfNeeded: $0 * 7) }
        let source = PrefetchingByteSource(MemoryByteSource(bytes), bufferSize: 1000, depth: 3)
        #expect(try Self.readAll(source, chunk: 777) == bytes)
        #expect(try Self.readAll(source, chunk: 777).isEmpty)
    }

    @Test func aReaderThatStopsEarlyLetsTheProducerGo() throws {
        let released = DispatchSemaphore(value: 0)
        var prefetch: PrefetchingByteSource? = PrefetchingByteSource(TestSource(released: released), bufferSize: 64, depth: 2)
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: 16, alignment: 1)
        defer { buffer.deallocate() }
        #expect(try prefetch?.read(into: buffer, count: 16) == 16)
        // The producer now waits for a free buffer that the reader will never hand back.
        prefetch = nil
        #expect(released.wait(timeout: .now() + 10) == .success)
    }

    @Test func cancelEndsTheReadsAndTheProducer() throws {
        let released = DispatchSemaphore(value: 0)
        let inner = TestSource(released: released)
        let prefetch = PrefetchingByteSource(inner, bufferSize: 64, depth: 2)
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: 16, alignment: 1)
        defer { buffer.deallocate() }
        #expect(try prefetch.read(into: buffer, count: 16) == 16)
        prefetch.cancel()
        #expect(try prefetch.read(into: buffer, count: 16) == 0)
        let deadline = Date().addingTimeInterval(10)
        while !prefetch.producerFinished, Date() < deadline { usleep(1_000) }
        #expect(prefetch.producerFinished)
        let reads = inner.readCount
        usleep(20_000)
        #expect(inner.readCount == reads)
    }

    /// The producer is stuck inside its source's read: letting go of the prefetching source
    /// returns at once, and the source goes when its read returns.
    @Test func lettingGoNeverWaitsForABlockedRead() {
        let gate = DispatchSemaphore(value: 0)
        let released = DispatchSemaphore(value: 0)
        let dropped = DispatchSemaphore(value: 0)
        let entered: DispatchSemaphore
        nonisolated(unsafe) var prefetch: PrefetchingByteSource?
        do {
            let source = TestSource(gate: gate, released: released)
            entered = source.entered
            prefetch = PrefetchingByteSource(source, bufferSize: 64, depth: 2)
        }
        // The producer is inside the read now.
        #expect(entered.wait(timeout: .now() + 10) == .success)
        Thread {
            #expect(prefetch != nil)
            prefetch = nil
            dropped.signal()
        }.start()
        #expect(dropped.wait(timeout: .now() + 10) == .success)
        // Still blocked in its read: not released yet.
        #expect(released.wait(timeout: .now() + 0.05) == .timedOut)
        gate.signal()
        #expect(released.wait(timeout: .now() + 10) == .success)
    }
}
