import ArgumentParser
import LogScanEngine
import LogScanAnalysis
import LogScanOutput

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `report --follow`: reads growing files (waiting for those that do not exist yet) and
/// endless pipes, merged by timestamp; writes a finding when it turns critical and each
/// finding as its window closes; on Ctrl-C, SIGTERM or the end of every pipe, the summary:
/// the counts and the findings still open.
enum FollowMode {
    static func run(_ inputs: [InputSpec], scanOptions: ScanOptions, analysis: AnalysisOptions,
                    formatter: FollowOutputFormatter, failOn: FailOn) throws {
        InterruptSignals.install()
        for case .path(let path) in inputs {
            var st = stat()
            if stat(path, &st) != 0, errno == ENOENT {
                // Like `tail -F`: said once, then followed as soon as it appears.
                Diagnostics.error("\(path): does not exist yet; waiting for it")
            }
        }
        let out = StandardOutput.shared
        let session = FollowSession(analyzer: FollowAnalyzer(options: analysis), formatter: formatter) { text in
            // Each finding goes out at once: a reader such as `tee` or a chat bot waits for it.
            out.write(text)
            out.flush()
        }
        let followed = FollowedInputs(inputs, options: scanOptions, stopWhen: { InterruptSignals.received })
        let summary = followed.run(session) { input in
            if let error = input.error { Diagnostics.error("\(input.name): \(error)") }
        }
        out.flush()
        let status = summary.exitStatus(failOn: failOn)
        if status != 0 { throw ExitCode(status) }
    }
}
