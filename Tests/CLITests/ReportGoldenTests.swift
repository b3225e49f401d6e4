import Foundation
import Testing
import TestSupport

/// The streaming analysis gives, byte for byte, the JSON reports the per-event analysis gave
/// (every event kept and indexed, before the report became one pass over them): every
/// fixture, the envelopes with events, option variants (sub-second gap and window, relative
/// `--since`/`--until`) and several inputs at once. `fixtures/expected/reports/derive.sh`
/// wrote them from that version's binary.
@Suite struct ReportGoldenTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let arguments: [String]
        var testDescription: String { name }
    }

    static let directory = EngineFixtures.directory.appendingPathComponent("expected/reports")

    static func cases() throws -> [Case] {
        let text = try String(contentsOf: directory.appendingPathComponent("cases.tsv"), encoding: .utf8)
        return text.split(separator: "\n").map { line in
            let fields = line.split(separator: "\t", maxSplits: 1)
            return Case(name: String(fields[0]), arguments: fields[1].split(separator: " ").map(String.init))
        }
    }

    @Test func everyCaseHasItsReport() throws {
        let cases = try Self.cases()
        #expect(cases.count == 37)
        for c in cases {
            #expect(FileManager.default.fileExists(atPath: Self.directory.appendingPathComponent("\(c.name).json").path), "\(c.name)")
        }
    }

    @Test(arguments: try cases())
    func theReportIsThePerEventOne(_ c: Case) throws {
        let expected = try String(contentsOf: Self.directory.appendingPathComponent("\(c.name).json"), encoding: .utf8)
        let result = try CLIRunner.run(c.arguments)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == expected)
    }

    /// The same with every event past the first 2 spilled to temporary storage and merged
    /// back from sorted runs: every case with more than 2 events (all but `decoys.log`) spills.
    @Test(arguments: try cases())
    func theReportIsThePerEventOneWhenSpilled(_ c: Case) throws {
        let expected = try String(contentsOf: Self.directory.appendingPathComponent("\(c.name).json"), encoding: .utf8)
        let result = try CLIRunner.run(c.arguments, environment: ["TASKER_LOGSCAN_MEMORY_RECORDS": "2"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == expected)
    }

    /// A `$TMPDIR` that cannot hold the records: they stay in memory, the report is the
    /// same, and its warnings say so.
    @Test func anUnwritableTemporaryDirectoryKeepsTheRecordsAndSaysSo() throws {
        let expected = try String(contentsOf: Self.directory.appendingPathComponent("plain-log.json"), encoding: .utf8)
        let result = try CLIRunner.run(["--json", "fixtures/plain.log"],
                                       environment: ["TASKER_LOGSCAN_MEMORY_RECORDS": "64", "TMPDIR": "/nonexistent/tmp"])
        #expect(result.status == 0)
        let warning = "could not spill events to temporary storage in /nonexistent/tmp (No such file or directory): they are kept in memory"
        let warnings = "\"warnings\": [\"\(warning)\"],"
        #expect(result.stdout.contains(warnings))
        #expect(result.stdout.replacingOccurrences(of: warnings, with: "\"warnings\": [],") == expected)
    }

    /// The number of records kept in memory must be a number of at least 1.
    @Test(arguments: ["0", "-5", "many", "1e6"])
    func aBadMemoryRecordsValueIsAUsageError(value: String) throws {
        let result = try CLIRunner.run(["fixtures/plain.log"], environment: ["TASKER_LOGSCAN_MEMORY_RECORDS": value])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("tasker-logscan: TASKER_LOGSCAN_MEMORY_RECORDS=\(value): expected a number of events of at least 1\n"))
    }
}
