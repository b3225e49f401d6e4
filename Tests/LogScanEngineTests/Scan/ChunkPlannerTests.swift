import Foundation
import Testing
@testable import LogScanEngine
import TestSupport

/// The parallel scan's ranges start at line starts, cover the file, and never split a CRI
/// `P` line or a Docker partial entry from its continuation; and the planner that reads
/// 4 KiB around each split (falling back to 64 KiB) gives exactly the ranges of the first
/// one, which read 64 KiB twice per split.
@Suite struct ChunkPlannerTests {
    /// The planner as it was before its reads shrank (commit 81b3cd1), kept as the reference.
    enum ReferencePlanner {
        static func plan(fd: Int32, size: Int64, chunkSize: Int64) -> [Range<Int64>] {
            guard size > chunkSize, chunkSize > 0 else { return [0..<size] }
            var ranges: [Range<Int64>] = []
            var start: Int64 = 0
            let window = 64 * 1024
            let scratch = UnsafeMutablePointer<UInt8>.allocate(capacity: window)
            defer { scratch.deallocate() }
            while start < size {
                var split = start + chunkSize
                if split >= size {
                    ranges.append(start..<size)
                    break
                }
                split = nextLineStart(fd: fd, at: split, size: size, scratch: scratch, window: window)
                var guardCount = 0
                while split < size, guardCount < 1024,
                      lineBefore(split, fd: fd, scratch: scratch, window: window).map(isPartial) == true {
                    split = nextLineStart(fd: fd, at: split, size: size, scratch: scratch, window: window)
                    guardCount += 1
                }
                if split >= size {
                    ranges.append(start..<size)
                    break
                }
                ranges.append(start..<split)
                start = split
            }
            return ranges
        }

        static func nextLineStart(fd: Int32, at offset: Int64, size: Int64,
                                  scratch: UnsafeMutablePointer<UInt8>, window: Int) -> Int64 {
            var position = offset
            while position < size {
                let n = pread(fd, scratch, window, off_t(position))
                guard n > 0 else { return size }
                if let hit = memchr(scratch, 0x0A, n) {
                    return position + Int64(UnsafeRawPointer(hit) - UnsafeRawPointer(scratch)) + 1
                }
                position += Int64(n)
            }
            return size
        }

        static func lineBefore(_ lineStart: Int64, fd: Int32,
                               scratch: UnsafeMutablePointer<UInt8>, window: Int) -> (head: [UInt8], tail: [UInt8])? {
            let from = max(0, lineStart - Int64(window))
            let n = pread(fd, scratch, Int(lineStart - from), off_t(from))
            guard n > 1 else { return nil }
            let end = n - 1
            var start = end
            while start > 0, scratch[start - 1] != 0x0A { start -= 1 }
            let tailStart = max(start, end - 160)
            let tail = Array(UnsafeBufferPointer(start: scratch + tailStart, count: end - tailStart))
            guard start > 0 || from == 0 else { return ([], tail) }
            return (Array(UnsafeBufferPointer(start: scratch + start, count: min(end - start, 64))), tail)
        }

        static func isPartial(_ line: (head: [UInt8], tail: [UInt8])) -> Bool {
            if !line.head.isEmpty, line.head.withUnsafeBufferPointer({ p in
                CRIPrefix.parse(ByteSlice(p.baseAddress!, p.count))?.isPartial ?? false
            }) {
                return true
            }
            return ChunkPlanner.isDockerPartial(tail: line.tail)
        }
    }

    /// A log of `lines` lines in one of four shapes, with lengths from a few bytes to past
    /// 64 KiB (a line longer than every read window) when `long` is set.
    static func log(shape: Int, lines: Int, long: Bool, seed: UInt64) -> [UInt8] {
        var random = SplitMix(seed: seed)
        var out: [UInt8] = []
        func body() -> String {
            let roll = Int.random(in: 0..<100, using: &random)
            let length: Int
            if long, roll < 3 { length = Int.random(in: 60_000...140_000, using: &random) }
            else if roll < 10 { length = Int.random(in: 3_000...9_000, using: &random) }
            else { length = Int.random(in: 0...300, using: &random) }
            return String(repeating: "abcdefghij", count: length / 10 + 1).prefix(length).description
        }
        for i in 0..<lines {
            switch shape {
            case 0: // plain
                out += Array("2025-11-20T10:00:00.000000Z  INFO tasker: line \(i) \(body())\n".utf8)
            case 1: // CRI, with runs of P lines
                let partials = Int.random(in: 0..<10, using: &random) < 3 ? Int.random(in: 1...4, using: &random) : 0
                for _ in 0..<partials { out += Array("2025-11-20T10:00:00.123456789Z stdout P \(body())\n".utf8) }
                out += Array("2025-11-20T10:00:00.123456789Z stdout F end \(i) \(body())\n".utf8)
            case 2: // Docker json-file, with partial entries (no escaped \n at the log's end)
                let partial = Int.random(in: 0..<10, using: &random) < 3
                out += Array(#"{"log":"line \#(i) \#(body())\#(partial ? "" : #"\n"#)","stream":"stdout","time":"2025-11-20T10:00:00.123456789Z"}"#.utf8) + [0x0A]
            default: // mixed, with empty lines and no newline at the very end
                out += Array((i % 7 == 0 ? "\n" : "x \(body())\n").utf8)
            }
        }
        if shape == 3, !out.isEmpty { out.removeLast() }
        return out
    }

    /// Runs `body` with `bytes` in a temporary file open for reading.
    static func withFile(_ bytes: [UInt8], _ body: (Int32) throws -> Void) throws {
        let dir = try TemporaryFiles.directory("chunk-planner")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("log").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let fd = open(path, O_RDONLY)
        try #require(fd >= 0)
        defer { close(fd) }
        try body(fd)
    }

    static func check(_ bytes: [UInt8], chunkSizes: [Int64], name: String) throws {
        try withFile(bytes) { fd in
            let size = Int64(bytes.count)
            for chunkSize in chunkSizes {
                let ranges = ChunkPlanner.plan(fd: fd, size: size, chunkSize: chunkSize)
                #expect(ranges == ReferencePlanner.plan(fd: fd, size: size, chunkSize: chunkSize), "\(name), chunk \(chunkSize)")
                // Contiguous, covering the file, each starting at a line start.
                #expect(ranges.first?.lowerBound == 0)
                #expect(ranges.last?.upperBound == size)
                for (a, b) in zip(ranges, ranges.dropFirst()) {
                    #expect(a.upperBound == b.lowerBound)
                    #expect(bytes[Int(b.lowerBound) - 1] == 0x0A, "\(name), chunk \(chunkSize): split at \(b.lowerBound)")
                }
            }
        }
    }

    @Test(arguments: 0..<4)
    func theSameRangesAsTheReference(shape: Int) throws {
        for (index, long) in [false, true].enumerated() {
            let bytes = Self.log(shape: shape, lines: long ? 600 : 3000, long: long, seed: UInt64(shape * 10 + index))
            try Self.check(bytes, chunkSizes: [1, 97, 4_095, 4_096, 4_097, 65_536, 200_000, 1 << 20, Int64(bytes.count)],
                           name: "shape \(shape) long \(long)")
        }
    }

    @Test func aSplitNeverSeparatesPartialLinesFromTheirEnd() throws {
        // 500 CRI P lines and their F line, then whole lines: the first split moves past
        // every P line to just after the F line.
        var bytes: [UInt8] = []
        for i in 0..<500 { bytes += Array("2025-11-20T10:00:00.1Z stdout P part \(i)\n".utf8) }
        bytes += Array("2025-11-20T10:00:00.1Z stdout F end\n".utf8)
        let afterF = Int64(bytes.count)
        for i in 0..<500 { bytes += Array("2025-11-20T10:00:00.2Z stdout F whole \(i)\n".utf8) }
        // Docker: 300 partial entries, then the entry that ends the line.
        let dockerStart = Int64(bytes.count)
        for i in 0..<300 { bytes += Array(#"{"log":"part \#(i)","stream":"stdout","time":"2025-11-20T10:00:00Z"}"#.utf8) + [0x0A] }
        bytes += Array(#"{"log":"end\n","stream":"stdout","time":"2025-11-20T10:00:00Z"}"#.utf8) + [0x0A]
        let afterDocker = Int64(bytes.count)
        bytes += Array(#"{"log":"more\n","stream":"stdout","time":"2025-11-20T10:00:00Z"}"#.utf8) + [0x0A]

        try Self.withFile(bytes) { fd in
            let size = Int64(bytes.count)
            let cri = ChunkPlanner.plan(fd: fd, size: size, chunkSize: 1_000)
            #expect(cri.first == 0..<afterF)
            // A split asked for inside the Docker partials lands after their last entry.
            let docker = ChunkPlanner.plan(fd: fd, size: size, chunkSize: dockerStart + 100)
            #expect(docker == [0..<afterDocker, afterDocker..<size])
        }
    }
}
