import Foundation
import Testing
@testable import LogScanEngine
@testable import LogScanAnalysis
@testable import LogScanOutput
import TestSupport

/// Several inputs read at once give what reading them one after the other gives.
@Suite struct ConcurrentInputTests {
    static let inputs: [InputSpec] = ["plain.log.gz", "no-such-file.log", "cri.log", "kubectl-prefixed.log",
                                      "runbook-forms.log", "json.log", "plain-rotated.log.gz", "shapes.log"]
        .map { .path(EngineFixtures.path($0)) }

    static func scan(threads: Int) -> (events: [Event], summary: ScanSummary, done: [String]) {
        var events: [Event] = []
        var done: [String] = []
        let summary = LogScanner(options: ScanOptions(threads: threads))
            .scan(inputs, onInputDone: { done.append($0.name) }, onEvent: { events.append($0) })
        return (events, summary, done)
    }

    @Test func inOrderIsExactlyTheSequentialScan() {
        let sequential = Self.scan(threads: 1)
        #expect(sequential.events.count > 2000)
        #expect(sequential.summary.inputs.map(\.name) == Self.inputs.map(\.displayName))
        #expect(sequential.summary.inputs[1].error == "No such file or directory")
        for threads in [2, 3, 8] {
            let concurrent = Self.scan(threads: threads)
            #expect(concurrent.events == sequential.events)
            #expect(concurrent.summary == sequential.summary)
            #expect(concurrent.done == sequential.done)
        }
    }

    @Test func theReportOfInputsReadAtOnceIsTheSequentialOne() {
        func report(threads: Int) -> String {
            var analyzer = Analyzer(options: AnalysisOptions())
            let summary = LogScanner(options: ScanOptions(threads: threads)).scan(Self.inputs, into: &analyzer)
            return JSONReportFormatter().format(analyzer.finish(scan: summary))
        }
        let sequential = report(threads: 1)
        #expect(sequential.contains("channel_saturation"))
        #expect(report(threads: 4) == sequential)
    }
}
