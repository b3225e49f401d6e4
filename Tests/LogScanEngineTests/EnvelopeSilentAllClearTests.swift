import Foundation
import Testing
import TestSupport

/// Never a silent all-clear (SPEC §1): an input with lines but none recognised is
/// exit 2 and `tasker-logscan: PATH: no tasker log lines recognised (first line: …)`
/// whatever `--fail-on` says; an empty input is a warning and exit 0.
@Suite struct EnvelopeSilentAllClearTests {
    /// The first 60 printable bytes of a fixture's first line (computed from the file).
    static func preview(_ name: String) throws -> String {
        let bytes = try EngineFixtures.bytes("envelopes/\(name)")
        let firstLine = bytes.prefix { $0 != 0x0A }
        return String(decoding: firstLine.filter { $0 >= 0x20 && $0 < 0x7F }.prefix(60), as: UTF8.self)
    }

    @Test func textThatIsNotTaskerIsExitTwoWithTheMessageEvenWithFailOnNever() throws {
        let path = EnvelopeFixtures.relative("not-tasker.log")
        let result = try CLIRunner.run(["--fail-on", "never", path], environment: ["COLUMNS": "200"])
        #expect(result.status == 2)
        let message = "\(path): no tasker log lines recognised (first line: \(try Self.preview("not-tasker.log")))"
        #expect(result.stderr == "tasker-logscan: \(message)\n")
        // The report is still printed, with the same warning.
        #expect(result.stdout.contains("no tasker log lines recognised"))
        let (status, report, _) = try EnvelopeFixtures.jsonReport(["--fail-on", "never", path])
        #expect(status == 2)
        #expect((report["warnings"] as? [String]) == [message])
    }

    @Test func theFirstLinePreviewIsTheFirstSixtyPrintableBytes() throws {
        #expect(try Self.preview("not-tasker.log") == #"10.0.0.7 - - [14/Oct/2025:00:00:01 +0000] "GET /healthz HTTP"#)
    }

    @Test func aBinaryFileIsExitTwoWithTheMessage() throws {
        let path = EnvelopeFixtures.relative("binary.bin")
        let result = try CLIRunner.run(["--fail-on", "never", path])
        #expect(result.status == 2)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("tasker-logscan: \(path): no tasker log lines recognised") == true)
        #expect(lines.first?.contains("binary") == true)
        #expect(lines.first?.hasSuffix("(first line: \(try Self.preview("binary.bin")))") == true)
    }

    @Test func anLZ4FileIsExitTwoNamingLZ4() throws {
        // The lz4 frame magic 04 22 4D 18: a compression tasker-logscan does not read.
        #expect(try EngineFixtures.bytes("envelopes/plain.log.lz4").prefix(4) == [0x04, 0x22, 0x4D, 0x18])
        let path = EnvelopeFixtures.relative("plain.log.lz4")
        let result = try CLIRunner.run(["--fail-on", "never", path])
        #expect(result.status == 2)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("tasker-logscan: \(path): no tasker log lines recognised") == true)
        #expect(lines.first?.contains("lz4") == true)
    }

    @Test func anEmptyFileIsAWarningAndExitZero() throws {
        let path = EnvelopeFixtures.relative("empty.log")
        let (status, report, stderr) = try EnvelopeFixtures.jsonReport([path])
        #expect(status == 0)
        #expect(stderr.isEmpty)
        #expect((report["warnings"] as? [String]) == ["\(path): empty input"])
        #expect(try EnvelopeFixtures.firstInput(report)["lines"] as? Int == 0)
    }

    @Test func anUnrecognisedInputBesideAGoodOneIsStillExitTwo() throws {
        let bad = EnvelopeFixtures.relative("not-tasker.log")
        let good = EnvelopeFixtures.relative("stern.log")
        let (status, report, stderr) = try EnvelopeFixtures.jsonReport(["--fail-on", "never", good, bad])
        #expect(status == 2)
        #expect(stderr.split(separator: "\n").count == 1)
        #expect(stderr.contains("\(bad): no tasker log lines recognised"))
        // The good input is still analysed.
        #expect((report["findings"] as? [[String: Any]])?.isEmpty == false)
    }

    /// A known envelope around another service's lines is still nothing recognised.
    @Test func aDockerEnvelopeAroundNonTaskerLinesIsExitTwo() throws {
        let path = EnvelopeFixtures.relative("docker-json-not-tasker.log")
        let result = try CLIRunner.run(["--fail-on", "never", path])
        #expect(result.status == 2)
        #expect(result.stderr == "tasker-logscan: \(path): no tasker log lines recognised (first line: \(try Self.preview("docker-json-not-tasker.log")))\n")
    }

    @Test
    func theHeaderOfADockerEnvelopeAroundNonTaskerLinesSaysNothingRecognised() throws {
        let line = try EnvelopeFixtures.headerLine(for: "docker-json-not-tasker.log", ["--fail-on", "never"])
        #expect(line.contains("2 lines, nothing recognised"), "\(line)")
        #expect(!line.contains("100%"), "\(line)")
    }

    /// Tasker lines without a single channel event are a real all-clear: exit 0.
    @Test func taskerLinesWithoutEventsAreARealAllClear() throws {
        let path = EnvelopeFixtures.relative("docker-json-quiet.log")
        let result = try CLIRunner.run(["--fail-on", "info", path])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        let (_, report, _) = try EnvelopeFixtures.jsonReport([path])
        #expect((report["warnings"] as? [String] ?? []).isEmpty)
        #expect((report["findings"] as? [[String: Any]])?.isEmpty == true)
    }
}
