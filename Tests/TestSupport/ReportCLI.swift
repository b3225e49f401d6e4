import Foundation
import Testing

/// Runs the report command and reads its JSON, for the tests of what an operator acts on.
package enum ReportCLI {
    /// The JSON report of `arguments` (plus `--json`), with the exit status.
    package static func json(_ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, report: [String: Any], stderr: String) {
        let r = try CLIRunner.run(arguments + ["--json"], environment: environment)
        let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8))
        return (r.status, try #require(object as? [String: Any]), r.stderr)
    }

    /// A temporary file holding `text`, removed by the caller.
    package static func temporaryFile(_ name: String, _ text: String) throws -> URL {
        let dir = try TemporaryFiles.directory("logscan-report")
        let url = dir.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    /// `fixtures/plain.log` twelve times, each copy two hours after the one before: a day of logs.
    package static func dayOfLogs() throws -> URL {
        let plain = try String(contentsOf: EngineFixtures.packageRoot.appendingPathComponent("fixtures/plain.log"), encoding: .utf8)
        var day = ""
        for copy in 0..<12 {
            for line in plain.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
                // Every line starts with its timestamp: 2025-10-14THH:...; hours 00 and 01 become 2k and 2k+1.
                guard line.hasPrefix("2025-10-14T"), let hour = Int(line.dropFirst(11).prefix(2)) else {
                    day += line + "\n"
                    continue
                }
                let shifted = hour + 2 * copy
                day += "2025-10-14T" + (shifted < 10 ? "0" : "") + "\(shifted)" + line.dropFirst(13) + "\n"
            }
        }
        return try temporaryFile("day.log", day)
    }
}
