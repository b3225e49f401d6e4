import Foundation
import Testing
@testable import LogScanEngine
import TestSupport

/// Thread counts, chunk sizes and buffer sizes change how the bytes are cut up,
/// never what comes out: events (with line numbers) and summaries are identical.
@Suite struct ScanDeterminismTests {
    static let fixtures = ["plain.log", "cri.log", "kubectl-prefixed.log", "json.log", "shapes.log",
                           "mixed.log", "crlf.log", "ansi.log"]

    static func scan(_ path: String, _ options: ScanOptions) -> ([Event], InputSummary) {
        var events: [Event] = []
        let summary = LogScanner(options: options).scan(.path(path)) { events.append($0) }
        return (events, summary)
    }

    /// `read(2)` with small and large reads, and mappings whose windows end inside lines
    /// (shorter than a line, an odd size, a page), or read into windows when mapping fails:
    /// what reading gives, mapping gives.
    static var readAndMappingVariants: [ScanOptions] {
        var variants: [ScanOptions] = []
        for bufferSize in [64, 1 << 20] {
            var read = ScanOptions(bufferSize: bufferSize)
            read.mapsFiles = false
            variants.append(read)
        }
        for (window, bufferSize) in [(Int64(61), 64), (777, 100), (4096, 1 << 20)] {
            var mapped = ScanOptions(bufferSize: bufferSize)
            mapped.mappedWindowBytes = window
            variants.append(mapped)
        }
        // A file that cannot be mapped: its windows are read instead.
        var unmappable = ScanOptions(bufferSize: 100)
        unmappable.mappedWindowBytes = 777
        unmappable.mappedWindowsRead = true
        variants.append(unmappable)
        // The ranges of a parallel scan are mapped too: windows that end inside lines of a
        // range, a range read into windows, a range read with `pread`.
        var parallelMapped = ScanOptions(bufferSize: 64, threads: 2, parallelChunkBytes: 1000)
        parallelMapped.mappedWindowBytes = 61
        variants.append(parallelMapped)
        var parallelUnmappable = ScanOptions(bufferSize: 100, threads: 3, parallelChunkBytes: 4096)
        parallelUnmappable.mappedWindowBytes = 777
        parallelUnmappable.mappedWindowsRead = true
        variants.append(parallelUnmappable)
        var parallelRead = ScanOptions(bufferSize: 100, threads: 2, parallelChunkBytes: 1000)
        parallelRead.mapsFiles = false
        variants.append(parallelRead)
        return variants
    }

    @Test(arguments: fixtures)
    func sameResultsForEveryThreadCountAndBufferSize(fixture: String) {
        let path = EngineFixtures.path(fixture)
        let (reference, referenceSummary) = Self.scan(path, ScanOptions())
        #expect(!reference.isEmpty)
        let variants = [
            ScanOptions(bufferSize: 64, maxLineLength: 1 << 20),
            ScanOptions(bufferSize: 4096),
            ScanOptions(threads: 2, parallelChunkBytes: 1000),
            ScanOptions(bufferSize: 100, threads: 3, parallelChunkBytes: 4096),
            ScanOptions(threads: 8, parallelChunkBytes: 1),
        ] + Self.readAndMappingVariants
        for options in variants {
            let (events, summary) = Self.scan(path, options)
            #expect(events == reference, "options \(options)")
            #expect(summary == referenceSummary, "options \(options)")
        }
    }

    @Test func generatedLogGivesTheSameEventsOnEveryThreadCount() throws {
        // A log large enough for many ranges, with CRI partial lines at every
        // possible split point and events split across P/F pieces.
        var text = ""
        for i in 0..<3000 {
            let second = String(format: "%02d", i % 60)
            let ts = "2025-10-14T01:\(String(format: "%02d", (i / 60) % 60)):\(second).000000001Z"
            switch i % 7 {
            case 0: text += "\(ts) stdout P \(ts)  WARN ThreadId(02) tasker_pgmq::listener: mpsc_channel_sat\n"
                text += "\(ts) stdout F uration channel=pgmq_notifications usage_percent=\(80 + i % 20).5\n"
            case 1: text += "\(ts) stderr F \(ts) DEBUG ThreadId(03) sqlx::query: summary=\"SELECT 1\" rows=\(i)\n"
            case 2: text += "\(ts) stdout F \(ts)  WARN ThreadId(04) tasker_worker::worker::event_publisher: Event channel full, dropping event step.e\(i % 5)\n"
            case 3: text += "\(ts) stdout P \(ts)  INFO ThreadId(05) noise: part one of a long line \(i)\n"
                text += "\(ts) stdout P and part two\n"
                text += "\(ts) stdout F and the end\n"
            default: text += "\(ts) stdout F \(ts)  INFO ThreadId(06) tasker::core: heartbeat channel=x n=\(i)\n"
            }
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("determinism-\(UUID().uuidString).log")
        try Data(text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }

        let (reference, referenceSummary) = Self.scan(url.path, ScanOptions())
        #expect(reference.filter { $0.kind == .saturation }.count == (3000 + 6) / 7)
        #expect(reference.filter { $0.kind == .droppedEvent }.count == (3000 + 4) / 7)
        for threads in [2, 3, 5] {
            for chunk: Int64 in [1, 977, 10_000] {
                let (events, summary) = Self.scan(url.path, ScanOptions(threads: threads, parallelChunkBytes: chunk))
                #expect(events == reference, "threads \(threads) chunk \(chunk)")
                #expect(summary == referenceSummary, "threads \(threads) chunk \(chunk)")
            }
        }
    }

    /// Docker json-file entries split into partial entries (a `log` without `\n`):
    /// a range never starts inside such a line, so every thread count joins the same.
    @Test func dockerPartialEntriesGiveTheSameEventsOnEveryThreadCount() throws {
        var text = ""
        for i in 0..<3000 {
            let ts = "2025-10-14T02:\(String(format: "%02d", (i / 60) % 60)):\(String(format: "%02d", i % 60)).5Z"
            switch i % 5 {
            case 0:
                text += #"{"log":"\#(ts)  WARN ThreadId(02) tasker_pgmq::listener: mpsc_channel_sat","stream":"stdout","time":"\#(ts)"}"# + "\n"
                text += #"{"log":"noise \#(i)\n","stream":"stderr","time":"\#(ts)"}"# + "\n"
                text += #"{"log":"uration channel=pgmq_notifications usage_percent=\#(80 + i % 20).5\n","stream":"stdout","time":"\#(ts)"}"# + "\n"
            case 1:
                text += #"{"log":"\#(ts)  WARN ThreadId(04) tasker_worker::event_publisher: Event channel full, dropping event step.e\#(i % 3)\n","stream":"stdout","time":"\#(ts)"}"# + "\n"
            default:
                text += #"{"log":"\#(ts)  INFO ThreadId(06) tasker::core: heartbeat \u003e n=\#(i)\n","stream":"stdout","time":"\#(ts)"}"# + "\n"
            }
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("determinism-docker-\(UUID().uuidString).log")
        try Data(text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let (reference, referenceSummary) = Self.scan(url.path, ScanOptions())
        #expect(reference.filter { $0.kind == .saturation }.count == 600)
        #expect(reference.filter { $0.kind == .droppedEvent }.count == 600)
        #expect(referenceSummary.shapes == ["docker json-file › tracing full": 3600, "docker json-file › unknown": 600])
        for threads in [2, 3] {
            for chunk: Int64 in [1, 977, 10_000] {
                let (events, summary) = Self.scan(url.path, ScanOptions(threads: threads, parallelChunkBytes: chunk))
                #expect(events == reference, "threads \(threads) chunk \(chunk)")
                #expect(summary == referenceSummary, "threads \(threads) chunk \(chunk)")
            }
        }
    }

    /// Every range of a parallel scan gets the file's format, decided from the file's first
    /// 64 lines (`InputFormat`): a file whose CRI lines start after them (another log before
    /// them) is not a CRI file on any thread count. Before, each range looked at its own first
    /// lines, and a candidate CRI line switched the literals on for the rest of its range.
    @Test
    func criLinesAfterTheFirstLinesGiveTheSameEventsOnEveryThreadCount() throws {
        var text = String(repeating: "starting tasker-worker (no CRI prefix on this line)\n", count: 70)
        for i in 0..<400 {
            let ts = "2025-10-14T03:\(String(format: "%02d", (i / 60) % 60)):\(String(format: "%02d", i % 60)).000000001Z"
            text += "\(ts) stdout P \(ts)  WARN tasker_shared::monitoring::channel_metrics: Chan\n"
            text += "\(ts) stdout F nel approaching capacity (>80%) channel=orchestration_command_channel saturation_percent=81.47\n"
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("determinism-\(UUID().uuidString).log")
        try Data(text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }

        let (reference, referenceSummary) = Self.scan(url.path, ScanOptions(threads: 1))
        for chunk: Int64 in [977, 10_000] {
            let (events, summary) = Self.scan(url.path, ScanOptions(threads: 2, parallelChunkBytes: chunk))
            #expect(events == reference, "chunk \(chunk)")
            #expect(summary == referenceSummary, "chunk \(chunk)")
        }
    }

    @Test(arguments: ["plain.log.gz", "plain-rotated.log.gz", "kubectl-prefixed.log.gz"])
    func gzipReadWithSeveralThreadsGivesTheSameResults(fixture: String) {
        let path = EngineFixtures.path(fixture)
        let (reference, referenceSummary) = Self.scan(path, ScanOptions(threads: 1))
        #expect(!reference.isEmpty)
        for bufferSize in [64, 4096, 1 << 20] {
            let (events, summary) = Self.scan(path, ScanOptions(bufferSize: bufferSize, threads: 2))
            #expect(events == reference)
            #expect(summary == referenceSummary)
        }
    }

    @Test func truncatedGzipReadWithSeveralThreadsKeepsEventsAndError() throws {
        let gz = try EngineFixtures.bytes("plain.log.gz")
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("trunc-\(UUID().uuidString).gz")
        try Data(gz.prefix(gz.count * 2 / 3)).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let (one, oneSummary) = Self.scan(url.path, ScanOptions(threads: 1))
        let (two, twoSummary) = Self.scan(url.path, ScanOptions(threads: 2))
        #expect(one.count > 300)
        #expect(two == one)
        #expect(twoSummary == oneSummary)
        #expect(twoSummary.error == "unexpected end of gzip data (truncated file?)")
    }
}

/// The format a parallel scan hands every range is the one a single scan finds.
@Suite struct InputFormatTests {
    static func detect(_ text: String, maxLineLength: Int = 1 << 20) throws -> InputFormat {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("format-\(UUID().uuidString).log")
        try Data(text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let fd = open(url.path, O_RDONLY)
        defer { close(fd) }
        return InputFormat.detect(fd: fd, maxLineLength: maxLineLength)
    }

    static let cri = "2025-10-14T03:00:00.000000001Z stdout F hello\n"
    static let docker = #"{"log":"hello\n","stream":"stdout","time":"2025-10-14T03:00:00.000000001Z"}"# + "\n"

    @Test func findsTheFirstCRIAndDockerLineAmongTheFirstLines() throws {
        #expect(try Self.detect("plain line\n" + Self.cri) == InputFormat(criFrom: 11))
        #expect(try Self.detect("a\n\n" + Self.docker + Self.cri) == InputFormat(criFrom: Int64(3 + Self.docker.utf8.count), dockerFrom: 3))
        #expect(try Self.detect(String(Self.cri.dropLast())) == InputFormat(criFrom: 0))
        #expect(try Self.detect("nothing here\n") == InputFormat())
        #expect(try Self.detect("") == InputFormat())
    }

    @Test func looksAtTheFirst64LinesOnly() throws {
        #expect(try Self.detect(String(repeating: "x\n", count: 63) + Self.cri) == InputFormat(criFrom: 126))
        #expect(try Self.detect(String(repeating: "x\n", count: 64) + Self.cri) == InputFormat())
        // An overlong line counts among them but shows nothing.
        let long = String(repeating: "y", count: 100) + "\n"
        #expect(try Self.detect(long + Self.cri, maxLineLength: 50) == InputFormat(criFrom: 101))
        #expect(try Self.detect(String(Self.cri.dropLast()) + String(repeating: "z", count: 80) + "\n", maxLineLength: 50) == InputFormat())
    }
}
