import Foundation
import Testing
@testable import LogScanEngine
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// Faults an input can have while it is read: a pipe that delivers one byte at a
/// time or stalls, a read interrupted by a signal, a file truncated under the
/// reader, a gzip member that ends early. For each: no crash, a one-line error
/// where something was lost, and every good line before and after still counted.
@Suite(.serialized) struct FaultInjectionTests {
    /// Every line shape of SPEC §2 (CRI partial lines, kubectl prefixes, JSON, Ruby Logger, ...).
    static let shapes = try! EngineFixtures.bytes("shapes.log")
    /// The same bytes read from memory in one piece: what every fault must still give.
    static let shapesReference = LogScanner().scan(bytes: shapes, name: "-")

    /// Events without the input name (a pipe is `/dev/fd/N`, memory is `-`).
    static func unnamed(_ events: [Event]) -> [Event] {
        events.map { EngineFixtures.normalized($0) }
    }

    @Test func theReferenceHasEveryShape() {
        // shapes.log: 12 shapes x 7 kinds, one CRI row in two pieces each (SPEC §2).
        #expect(Self.shapesReference.events.count == 85)
        #expect(Self.shapesReference.summary.lines == 92)
        #expect(Self.shapesReference.summary.error == nil)
    }

    // MARK: - Pipes

    @Test func aPipeDeliveringOneByteAtATimeGivesEveryEvent() throws {
        let pipe = try FaultyPipe()
        let scan = BackgroundScan(path: pipe.path)
        pipe.writeOneByteAtATime(Self.shapes)
        pipe.closeWriteEnd()
        let summary = try #require(scan.wait())
        EngineFixtures.expectSameEvents(Self.unnamed(scan.events), Self.unnamed(Self.shapesReference.events),
                                        "shapes.log one byte per read")
        #expect(summary.lines == 92)
        #expect(summary.bytes == Int64(Self.shapes.count))
        #expect(summary.error == nil)
    }

    @Test func aGzipPipeDeliveringOneByteAtATimeGivesEveryEvent() throws {
        // runbook-forms.log as two gzip members (Fuzz/make-seeds.sh): 8 events.
        let gzip = try EngineFixtures.bytes("fuzz/two-members.log.gz")
        let text = try EngineFixtures.bytes("runbook-forms.log")
        let pipe = try FaultyPipe()
        let scan = BackgroundScan(path: pipe.path)
        pipe.writeOneByteAtATime(gzip)
        pipe.closeWriteEnd()
        let summary = try #require(scan.wait())
        let reference = LogScanner().scan(bytes: text, name: "-")
        #expect(reference.events.count == 8)
        EngineFixtures.expectSameEvents(Self.unnamed(scan.events), Self.unnamed(reference.events),
                                        "two gzip members one byte per read")
        #expect(summary.compressed)
        #expect(summary.lines == 8)
        #expect(summary.bytes == Int64(text.count))
        #expect(summary.error == nil)
    }

    /// The writer stops for a second in the middle of a CRI line split in two
    /// pieces. Every event of the lines before the stall is delivered during
    /// the stall (nothing waits for a full buffer); the rest after it.
    @Test func aStallingPipeDeliversTheLinesBeforeTheStallDuringIt() throws {
        let text = String(decoding: Self.shapes, as: UTF8.self)
        // The first partial (P) line, and its continuation on the next line.
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let partialIndex = try #require(lines.firstIndex { $0.contains(" stdout P ") })
        let continuationStart = lines[...partialIndex].reduce(0) { $0 + $1.utf8.count + 1 }
        let stallAt = continuationStart + 20
        let partialLineNumber = partialIndex + 1
        let before = Self.shapesReference.events.filter { $0.line < partialLineNumber }
        // Lines 1-63: nine one-line shapes x 7 kinds (SPEC §2 order in shapes.log).
        #expect(partialLineNumber == 64)
        #expect(before.count == 63)

        let pipe = try FaultyPipe()
        let scan = BackgroundScan(path: pipe.path)
        pipe.write(Self.shapes[..<stallAt])
        pipe.waitUntilDrained()
        Thread.sleep(forTimeInterval: 1.0)
        let duringStall = scan.events
        pipe.write(Self.shapes[stallAt...])
        pipe.closeWriteEnd()
        let summary = try #require(scan.wait())

        EngineFixtures.expectSameEvents(Self.unnamed(duringStall), Self.unnamed(before), "events during the stall")
        EngineFixtures.expectSameEvents(Self.unnamed(scan.events), Self.unnamed(Self.shapesReference.events),
                                        "events after the stall")
        #expect(summary.lines == 92)
        #expect(summary.error == nil)
    }

    /// read(2) interrupted by a signal whose handler does not ask for restarts
    /// fails with EINTR; the reader retries and loses nothing.
    @Test func aReadInterruptedBySignalsLosesNothing() throws {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in interruptionsDelivered += 1 }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0 // no SA_RESTART: a blocked read(2) returns EINTR
        var previous = sigaction()
        sigaction(SIGUSR1, &action, &previous)
        defer { sigaction(SIGUSR1, &previous, nil) }
        interruptionsDelivered = 0

        let half = Self.shapes.count / 2
        let pipe = try FaultyPipe()
        let scan = BackgroundScan(path: pipe.path)
        let reader = try #require(scan.thread)
        pipe.write(Self.shapes[..<half])
        pipe.waitUntilDrained()
        for _ in 0..<5 {
            // The reader waits in read(2) on the empty pipe: each signal interrupts it.
            Thread.sleep(forTimeInterval: 0.05)
            pthread_kill(reader, SIGUSR1)
        }
        Thread.sleep(forTimeInterval: 0.05)
        pipe.write(Self.shapes[half...])
        pipe.closeWriteEnd()
        let summary = try #require(scan.wait())

        #expect(interruptionsDelivered == 5)
        EngineFixtures.expectSameEvents(Self.unnamed(scan.events), Self.unnamed(Self.shapesReference.events),
                                        "read interrupted by signals")
        #expect(summary.lines == 92)
        #expect(summary.error == nil)
    }

    // MARK: - Truncated files

    /// 64 KiB reads with `read(2)`: the tests below count what each read brought.
    static var readingOptions: ScanOptions {
        var options = ScanOptions(bufferSize: 64 * 1024, threads: 1)
        options.mapsFiles = false
        return options
    }

    /// A mapped file truncated while it is scanned: the pages past its new end read as
    /// zeros (no SIGBUS), the events before are kept, none comes from the zeros, and the
    /// input says it was truncated. Truncated to nothing, and ahead of the scanner.
    @Test(arguments: [0, 150_000])
    func aMappedFileTruncatedWhileScannedSaysSo(size: Int) throws {
        let (url, _) = try Self.truncationFixture()
        defer { try? FileManager.default.removeItem(at: url) }
        var events: [Event] = []
        let summary = LogScanner(options: ScanOptions(threads: 1)).scan(.path(url.path)) { event in
            if events.isEmpty { _ = truncate(url.path, off_t(size)) }
            events.append(event)
        }
        #expect(!events.isEmpty)
        #expect(events.map(\.line) == Array(2..<(2 + events.count)))
        #expect(events.allSatisfy { $0.usagePercent == 91.5 && $0.channel == "worker_command" })
        // Lines wholly before the new end give their events (92 bytes each after the 42-byte first).
        if size > 0 { #expect(events.count >= (size - 42) / 92 - 1) }
        #expect(summary.error?.hasPrefix("file was truncated while being read (now \(size) bytes; reading had reached byte ") == true)
    }

    /// A file of 2000 saturation lines, with a 42-byte first line so that the
    /// 6 bytes sniffed for compression magic and the first 64 KiB read end
    /// inside line 713's `usage_percent` value.
    static func truncationFixture() throws -> (url: URL, lines: [String]) {
        let event = "2025-10-14T05:00:00Z WARN mpsc_channel_saturation channel=worker_command usage_percent=91.5"
        let lines = ["tasker-worker restarted, reading its logs"] + Array(repeating: event, count: 2000)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("logscan-truncate-\(UUID().uuidString).log")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: url)
        return (url, lines)
    }

    /// `logrotate`'s copytruncate empties the file while it is read: the lines
    /// already read are all counted, the input reports the truncation in one
    /// line (exit status 2 in the CLI), and nothing crashes.
    @Test func aFileTruncatedWhileReadKeepsTheLinesReadAndSaysSo() throws {
        let (url, lines) = try Self.truncationFixture()
        defer { try? FileManager.default.removeItem(at: url) }
        var events: [Event] = []
        var truncated = false
        let options = Self.readingOptions
        let summary = LogScanner(options: options).scan(.path(url.path)) { event in
            if !truncated {
                truncated = true
                _ = truncate(url.path, 0)
            }
            events.append(event)
        }
        // What was read before the truncation: whole lines, then part of one.
        let readBytes = Int(summary.bytes)
        #expect(readBytes >= 64 * 1024)
        #expect(readBytes < 2001 * 92)
        let text = Array((lines.joined(separator: "\n") + "\n").utf8)
        let completeLines = text[..<readBytes].filter { $0 == 0x0A }.count
        let completeEvents = events.filter { $0.line <= completeLines }
        #expect(completeEvents.count == completeLines - 1)
        #expect(completeEvents.map(\.line) == Array(2...completeLines))
        #expect(completeEvents.allSatisfy { $0.usagePercent == 91.5 && $0.channel == "worker_command" })
        #expect(summary.lines == Int64(completeLines + 1))
        #expect(summary.error == "file was truncated while being read (now 0 bytes; reading had reached byte \(readBytes))")
    }

    /// Truncated to a size the reader has not reached yet: one thread notices it at the
    /// early end of the file, as the ranges of a parallel scan do (issue 16).
    @Test func aFileTruncatedAheadOfTheReaderIsReportedWithOneThread() throws {
        let (url, _) = try Self.truncationFixture()
        defer { try? FileManager.default.removeItem(at: url) }
        var truncated = false
        let options = Self.readingOptions
        let summary = LogScanner(options: options).scan(.path(url.path)) { _ in
            if !truncated {
                truncated = true
                _ = truncate(url.path, 150_000)
            }
        }
        #expect(summary.bytes == 150_000)
        #expect(summary.error == "file was truncated while being read (now 150000 bytes; reading had reached byte 150000)")
    }

    /// The line cut by the truncation is damaged: it may not give an event
    /// (here it would be a saturation at 9% instead of 91.5%).
    @Test
    func theLineCutByATruncationGivesNoEvent() throws {
        let (url, _) = try Self.truncationFixture()
        defer { try? FileManager.default.removeItem(at: url) }
        var events: [Event] = []
        let summary = LogScanner(options: Self.readingOptions).scan(.path(url.path)) { event in
            if events.isEmpty { _ = truncate(url.path, 0) }
            events.append(event)
        }
        #expect(summary.bytes == 65_542)
        #expect(events.count == 711)
        #expect(events.allSatisfy { $0.usagePercent == 91.5 })
    }

    /// Runs `body` with a temporary file holding `data`, open for reading and writing.
    static func withOpenFile(_ data: Data, _ body: (Int32) throws -> Void) throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("logscan-range-\(UUID().uuidString).log")
        try data.write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let fd = open(url.path, O_RDWR)
        try #require(fd >= 0)
        defer { close(fd) }
        try body(fd)
    }

    /// The ranges of a parallel scan are planned on the size at the start: a
    /// range that finds the file shorter says so instead of ending quietly.
    @Test func aFileRangeThatFindsTheFileShorterFails() throws {
        try Self.withOpenFile(Data(repeating: UInt8(ascii: "x"), count: 1000)) { (fd: Int32) throws in
            let range = FileRangeByteSource(fd: fd, start: 100, end: 1000)
            let buffer = UnsafeMutableRawPointer.allocate(byteCount: 256, alignment: 1)
            defer { buffer.deallocate() }
            #expect(try range.read(into: buffer, count: 256) == 256)
            #expect(ftruncate(fd, 300) == 0)
            // Bytes 300..<356 were read already; the range still wants 356..<1000.
            #expect(throws: InputError("file was truncated while being read (now 300 bytes; reading had reached byte 356)")) {
                _ = try range.read(into: buffer, count: 256)
            }
        }
    }

    /// The same for a range of mapped windows (a parallel scan maps its ranges), mapped
    /// and read into windows.
    @Test(arguments: [false, true])
    func aMappedRangeThatFindsTheFileShorterFails(reading: Bool) throws {
        try Self.withOpenFile(Data(repeating: UInt8(ascii: "x"), count: 1000)) { (fd: Int32) throws in
            let windows = MappedFileWindows(fd: fd, start: 100, end: 1000, windowBytes: 256, reading: reading)
            // Windows end on multiples of their size: the first is 100..<256.
            let first = try #require(try windows.next())
            #expect(first.count == 156 && first.allSatisfy { $0 == UInt8(ascii: "x") })
            windows.consume(156)
            let second = try #require(try windows.next())
            #expect(second.count == 256)
            windows.consume(256)
            #expect(ftruncate(fd, 300) == 0)
            #expect(throws: InputError("file was truncated while being read (now 300 bytes; reading had reached byte 512)")) {
                _ = try windows.next()
            }
        }
    }

    /// A range ends where it was planned, not at the end of the file.
    @Test func aMappedRangeEndsAtItsEnd() throws {
        try Self.withOpenFile(Data((0..<1000).map { UInt8(truncatingIfNeeded: $0) })) { (fd: Int32) throws in
            let windows = MappedFileWindows(fd: fd, start: 100, end: 700, windowBytes: 256)
            var seen: [UInt8] = []
            while let chunk = try windows.next() {
                seen += chunk
                windows.consume(chunk.count)
            }
            #expect(seen == (100..<700).map { UInt8(truncatingIfNeeded: $0) })
        }
    }

    /// The same, many times over: a line whose literal was read before the truncation and
    /// whose rest reads as zeros, with no newline (the range's other thread was mid-line),
    /// gave an event with its usage cut (1 run in ~60 under load before the fix).
    @Test func aLineCutByATruncationGivesNoEvent() throws {
        for round in 0..<150 {
            let (url, _) = try Self.truncationFixture()
            defer { try? FileManager.default.removeItem(at: url) }
            var bad: [Event] = []
            let options = ScanOptions(threads: 2, parallelChunkBytes: Int64(8 * 1024 + round * 97))
            var first = true
            _ = LogScanner(options: options).scan(.path(url.path)) { event in
                if first { _ = truncate(url.path, 0); first = false }
                if event.usagePercent != 91.5 || event.channel != "worker_command" { bad.append(event) }
            }
            #expect(bad.isEmpty, "round \(round): \(bad.prefix(2))")
            if !bad.isEmpty { return }
        }
    }

    /// A file truncated while a parallel scan maps its ranges: no SIGBUS, the events
    /// kept are real ones, and the input says it was truncated.
    @Test(arguments: [0, 150_000])
    func aFileTruncatedUnderAParallelScanSaysSo(size: Int) throws {
        let (url, _) = try Self.truncationFixture()
        defer { try? FileManager.default.removeItem(at: url) }
        var events: [Event] = []
        let options = ScanOptions(threads: 2, parallelChunkBytes: 16 * 1024)
        let summary = LogScanner(options: options).scan(.path(url.path)) { event in
            if events.isEmpty { _ = truncate(url.path, off_t(size)) }
            events.append(event)
        }
        #expect(!events.isEmpty)
        #expect(events.allSatisfy { $0.usagePercent == 91.5 && $0.channel == "worker_command" })
        #expect(summary.error?.hasPrefix("file was truncated while being read (now \(size) bytes; reading had reached byte ") == true)
    }
}

/// SIGUSR1 deliveries seen by the handler of `aReadInterruptedBySignalsLosesNothing`.
nonisolated(unsafe) var interruptionsDelivered = 0

/// Compressed data appended to plain text (`cat today.log yesterday.log.gz`): its lines
/// cannot be read as text, so the input says so instead of reading them as noise (issue 16).
@Suite struct CompressedDataInTextTests {
    static func mixed(_ compressed: [UInt8]) throws -> [UInt8] {
        try EngineFixtures.bytes("runbook-forms.log") + compressed
    }

    @Test(arguments: [("plain.log.gz", "gzip"), ("envelopes/plain.log.zst", "zstd"), ("envelopes/plain.log.xz", "xz"),
                      ("envelopes/plain.log.bz2", "bzip2")])
    func aCompressedMemberAfterPlainTextIsAnError(fixture: String, format: String) throws {
        let plain = try EngineFixtures.bytes("runbook-forms.log")
        let bytes = try Self.mixed(EngineFixtures.bytes(fixture))
        for options in [ScanOptions(threads: 1), ScanOptions(bufferSize: 4096, threads: 1)] {
            let (events, summary) = LogScanner(options: options).scan(bytes: bytes, name: "day.log")
            // The plain part's events are kept.
            #expect(events.filter { $0.line <= 8 }.count == 8)
            #expect(summary.error == "\(format) data after plain text at byte \(plain.count): its lines are not read (decompress that part on its own)")
        }
    }

    @Test func textWithoutCompressedDataHasNoSuchError() throws {
        for fixture in ["plain.log", "json.log", "cri.log", "ansi.log", "kubectl-prefixed.log", "shapes.log"] {
            let (_, summary) = LogScanner().scan(bytes: try EngineFixtures.bytes(fixture), name: fixture)
            #expect(summary.error == nil, "\(fixture)")
        }
    }
}
