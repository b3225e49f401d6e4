import ArgumentParser
import LogScan

/// `report --follow`: reads one growing file or an endless pipe, writes each finding as its
/// window closes, and the summary report when the input ends or on Ctrl-C.
enum FollowMode {
    static func run(_ input: InputSpec, scanOptions: ScanOptions, analysis: AnalysisOptions,
                    formatter: FollowOutputFormatter, failOn: FailOn) throws {
        let control = FollowControl()
        InterruptSignals.requestStop(through: control.stopFlag)
        let out = StandardOutput.shared
        let session = FollowSession(analyzer: FollowAnalyzer(options: analysis), formatter: formatter,
                                    control: control, inputName: input.displayName) { text in
            // Each finding goes out at once: a reader such as `tee` or a chat bot waits for it.
            out.write(text)
            out.flush()
        }
        let summary = LogScanner(options: scanOptions).follow(input, control: control) { session.add($0) }
        if let error = summary.error { Diagnostics.error("\(summary.name): \(error)") }
        let report = session.finish(scan: ScanSummary(inputs: [summary]))
        out.flush()
        let status = failOn.exitStatus(for: report)
        if status != 0 { throw ExitCode(status) }
    }
}
