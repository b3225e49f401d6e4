import Foundation
import Testing
@testable import LogScanEngine
import TestSupport

/// `InputFormat.detect` finds lines with `memchr` in its 64 KiB reads; it must decide what the
/// first implementation, which copied every byte into a line buffer, decided: on lines cut by
/// the reads' ends, overlong lines, empty lines, CR-LF and a last line without a newline.
@Suite struct InputFormatDetectTests {
    /// The first implementation, kept as the reference.
    static func reference(fd: Int32, maxLineLength: Int) -> InputFormat {
        var format = InputFormat()
        let chunk = 64 * 1024
        var buffer = [UInt8](repeating: 0, count: chunk)
        var line: [UInt8] = []
        var lineStart: Int64 = 0
        var offset: Int64 = 0
        var linesSeen = 0
        var overlong = false
        while linesSeen < InputFormat.lineCount {
            let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, chunk, off_t(offset)) }
            guard n > 0 else {
                if !overlong, !line.isEmpty, line.count <= maxLineLength {
                    _ = line.withUnsafeBufferPointer { format.look(at: ByteSlice($0.baseAddress!, $0.count), offset: lineStart) }
                }
                break
            }
            for i in 0..<n where linesSeen < InputFormat.lineCount {
                let byte = buffer[i]
                guard byte == 0x0A else {
                    if line.count <= maxLineLength { line.append(byte) } else { overlong = true }
                    continue
                }
                linesSeen += 1
                if !overlong && !line.isEmpty && line.count <= maxLineLength {
                    let done = line.withUnsafeBufferPointer { format.look(at: ByteSlice($0.baseAddress!, $0.count), offset: lineStart) }
                    if done { return format }
                }
                line.removeAll(keepingCapacity: true)
                overlong = false
                lineStart = offset + Int64(i) + 1
            }
            offset += Int64(n)
        }
        return format
    }

    static let cri = "2025-10-14T00:00:01.000000000Z stdout F 2025-10-14T00:00:01Z INFO x: y\n"
    static let docker = #"{"log":"2025-10-14T00:00:01Z WARN x: y\n","stream":"stdout","time":"2025-10-14T00:00:01.5Z"}"# + "\n"

    /// A log of `lines` lines of the given kinds and lengths, as bytes.
    static func log(_ seed: UInt64) -> [UInt8] {
        var rng = SplitMix(seed: seed)
        var out: [UInt8] = []
        let count = Int(rng.next() % 90)
        for _ in 0..<count {
            switch rng.next() % 9 {
            case 0: out += Array(cri.utf8)
            case 1: out += Array(docker.utf8)
            case 2: out.append(0x0A)                                    // empty line
            case 3: out += Array(cri.dropLast().utf8) + [0x0D, 0x0A]    // CR-LF
            case 4: out += [UInt8](repeating: UInt8(ascii: "x"), count: Int(rng.next() % 70_000)) + [0x0A] // across reads
            default: out += [UInt8](repeating: UInt8(ascii: "a"), count: Int(rng.next() % 300)) + [0x0A]
            }
        }
        if rng.next() % 2 == 0 { out += Array(cri.dropLast().utf8) }      // no newline at the end
        return out
    }

    @Test func decidesWhatTheByteByByteReaderDecided() throws {
        let dir = try TemporaryFiles.directory("logscan-detect")
        defer { try? FileManager.default.removeItem(at: dir) }
        var compared = 0
        var kinds = (cri: 0, docker: 0, neither: 0)
        for seed in UInt64(1)...300 {
            let bytes = Self.log(seed)
            let url = dir.appendingPathComponent("\(seed).log")
            try Data(bytes).write(to: url)
            let fd = open(url.path, O_RDONLY)
            try #require(fd >= 0)
            defer { close(fd) }
            // Line limits at the CRI line's 70 bytes (71 with CR) and the Docker line's 92, either
            // side of them, at the long lines, and none.
            for maxLineLength in [16, 69, 70, 71, 91, 92, 93, 65_536, 1 << 20] {
                let expected = Self.reference(fd: fd, maxLineLength: maxLineLength)
                if expected.criFrom != nil { kinds.cri += 1 }
                if expected.dockerFrom != nil { kinds.docker += 1 }
                if expected == InputFormat() { kinds.neither += 1 }
                #expect(InputFormat.detect(fd: fd, maxLineLength: maxLineLength) == expected,
                        "seed \(seed), maxLineLength \(maxLineLength)")
                compared += 1
            }
        }
        #expect(compared == 2_700)
        // The logs exercise every decision.
        #expect(kinds.cri > 100 && kinds.docker > 100 && kinds.neither > 100, "\(kinds)")
    }
}

extension InputFormatDetectTests {
    /// A CRI or Docker line cut by the first read's end at every point, under limits at its length.
    @Test func aLineCutByTheReadsEndIsJoined() throws {
        let dir = try TemporaryFiles.directory("logscan-detect-cut")
        defer { try? FileManager.default.removeItem(at: dir) }
        for line in [Self.cri, Self.docker] {
            for cut in 1..<line.utf8.count {
                // Filler lines of 8,000 bytes (9 lines: within the 64 looked at), then one so that
                // `line` starts `cut` bytes before 64 KiB.
                let start = 65_536 - cut
                var bytes = [UInt8]()
                while start - bytes.count > 8_000 { bytes += [UInt8](repeating: UInt8(ascii: "a"), count: 7_999) + [0x0A] }
                bytes += [UInt8](repeating: UInt8(ascii: "b"), count: start - bytes.count - 1) + [0x0A]
                bytes += Array(line.utf8)
                let url = dir.appendingPathComponent("cut.log")
                try Data(bytes).write(to: url)
                let fd = open(url.path, O_RDONLY)
                try #require(fd >= 0)
                defer { close(fd) }
                let length = line.utf8.count - 1
                for maxLineLength in [length - 1, length, length + 1, 1 << 20] {
                    let expected = Self.reference(fd: fd, maxLineLength: maxLineLength)
                    #expect((expected.criFrom ?? expected.dockerFrom) == (maxLineLength >= length ? Int64(start) : nil))
                    #expect(InputFormat.detect(fd: fd, maxLineLength: maxLineLength) == expected,
                            "cut \(cut), maxLineLength \(maxLineLength)")
                }
            }
        }
    }
}
