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

    static func scan(threads: Int, inOrder: Bool) -> (events: [Event], summary: ScanSummary, done: [String]) {
        var events: [Event] = []
        var done: [String] = []
        let summary = LogScanner(options: ScanOptions(threads: threads))
            .scan(inputs, inOrder: inOrder, onInputDone: { done.append($0.name) }, onEvent: { events.append($0) })
        return (events, summary, done)
    }

    @Test func inOrderIsExactlyTheSequentialScan() {
        let sequential = Self.scan(threads: 1, inOrder: true)
        #expect(sequential.events.count > 2000)
        #expect(sequential.summary.inputs.map(\.name) == Self.inputs.map(\.displayName))
        #expect(sequential.summary.inputs[1].error == "No such file or directory")
        for threads in [2, 3, 8] {
            let concurrent = Self.scan(threads: threads, inOrder: true)
            #expect(concurrent.events == sequential.events)
            #expect(concurrent.summary == sequential.summary)
            #expect(concurrent.done == sequential.done)
        }
    }

    @Test func unorderedGivesTheSameEventsAndTheSameReport() {
        let sequential = Self.scan(threads: 1, inOrder: true)
        let concurrent = Self.scan(threads: 4, inOrder: false)
        #expect(concurrent.summary == sequential.summary)
        #expect(Set(concurrent.done) == Set(sequential.done))
        let key = { (e: Event) in "\(e.input):\(e.line):\(e.kind.rawValue)" }
        #expect(concurrent.events.map(key).sorted() == sequential.events.map(key).sorted())

        func report(_ events: [Event], _ summary: ScanSummary) -> String {
            var analyzer = Analyzer(options: AnalysisOptions())
            for e in events { analyzer.add(e) }
            return JSONReportFormatter().format(analyzer.finish(scan: summary))
        }
        #expect(report(concurrent.events, concurrent.summary) == report(sequential.events, sequential.summary))
    }
}
