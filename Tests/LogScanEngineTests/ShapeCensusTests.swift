import Foundation
import Testing
@testable import LogScanEngine
@testable import LogScanOutput

/// The shape census (SPEC §1): exact on an input's first MiB, an unbiased sample after it,
/// the same whatever the read sizes and threads.
@Suite struct ShapeCensusTests {
    /// A 12 MiB log: one tracing line of ~150 bytes, one noise line of ~40 bytes, one
    /// Docker-enveloped line of ~230 bytes, repeated. By lines the shares are 1/3 each,
    /// by bytes they are not: a byte-weighted sample would get them wrong.
    static func mixedLog() throws -> (url: URL, lines: Int) {
        var text = ""
        var lines = 0
        var i = 0
        while text.utf8.count < 12 << 20 {
            let ts = "2025-10-14T03:\(String(format: "%02d", (i / 60) % 60)):\(String(format: "%02d", i % 60)).250Z"
            text += "\(ts)  INFO ThreadId(06) tasker_orchestration::orchestration::core: heartbeat workers=4 queue_depth=\(i % 97)\n"
            text += "GET /healthz 200 \(i % 1000) kube-probe\n"
            text += #"{"log":"\#(ts) DEBUG ThreadId(03) sqlx::query: summary=\"SELECT * FROM tasker_tasks\" rows=\#(i % 50) elapsed=1.2ms\n","stream":"stdout","time":"\#(ts)"}"# + "\n"
            lines += 3
            i += 1
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("census-\(UUID().uuidString).log")
        try Data(text.utf8).write(to: url)
        return (url, lines)
    }

    @Test func aSampledCensusEstimatesLineSharesAndAddsUp() throws {
        let (url, lines) = try Self.mixedLog()
        defer { try? FileManager.default.removeItem(at: url) }
        let summary = LogScanner().scan(.path(url.path)) { _ in }
        #expect(summary.lines == Int64(lines))
        let shapes = summary.shapes
        #expect(Set(shapes.keys) == ["tracing full", "unknown", "docker json-file › tracing full"])
        // Exact counts add up to the lines within rounding of three shares.
        #expect(abs(shapes.values.reduce(0, +) - Int64(lines)) <= 2)
        for (shape, n) in shapes {
            let share = Double(n) / Double(lines)
            #expect(abs(share - 1.0 / 3) < 0.03, "\(shape): \(share)")
        }
        #expect(summary.recognisedLines == shapes["tracing full"]! + shapes["docker json-file › tracing full"]!)
        #expect(!summary.nothingRecognised)
        #expect(summary.error == nil)
    }

    @Test func theSampleIsTheSameForEveryThreadCountAndBufferSize() throws {
        let (url, _) = try Self.mixedLog()
        defer { try? FileManager.default.removeItem(at: url) }
        let reference = LogScanner(options: ScanOptions(threads: 1)).scan(.path(url.path)) { _ in }
        for options in [ScanOptions(bufferSize: 4096, threads: 1), ScanOptions(threads: 2, parallelChunkBytes: 1 << 20),
                        ScanOptions(bufferSize: 100_000, threads: 3, parallelChunkBytes: 777_777)] {
            let summary = LogScanner(options: options).scan(.path(url.path)) { _ in }
            #expect(summary.census == reference.census, "\(options)")
            #expect(summary.shapes == reference.shapes)
        }
    }

    @Test func smallInputsAreCountedExactly() {
        let text = """
        2025-10-14T00:00:01Z  INFO ThreadId(01) tasker::core: started
        {"log":"2025-10-14T00:00:02Z  WARN tasker::x: hello\\n","stream":"stdout","time":"2025-10-14T00:00:02Z"}

        not a tasker line
          2025-10-14T00:00:03Z  WARN tasker::x: Channel approaching capacity (>80%), channel: "worker_command"
            at src/x.rs:1 on main

        """
        let (_, summary) = LogScanner().scan(bytes: Array(text.utf8), name: "small.log")
        #expect(summary.shapes == ["tracing full": 1, "docker json-file › tracing full": 1, "blank": 1,
                                   "unknown": 1, "tracing pretty": 2])
        #expect(summary.recognisedLines == 5)
        #expect(summary.lines == 6)
    }

    @Test func sharesNeverRoundToAllOrNothing() {
        #expect(ReportHeaderText.percent(999, of: 1000) == "99.9%")
        #expect(ReportHeaderText.percent(9999, of: 10000) == "99.9%")
        #expect(ReportHeaderText.percent(1, of: 100_000) == "0.1%")
        #expect(ReportHeaderText.percent(5, of: 10) == "50%")
        #expect(ReportHeaderText.percent(10, of: 10) == "100%")
    }
}
