import Foundation
import Testing
@testable import LogScanOutput
import TestSupport

/// docs/example-report.txt is the text report of `SampleScenario`; this keeps it current.
/// Regenerate it with `UPDATE_EXAMPLES=1 swift test --filter ExampleReportTests`.
@Suite struct ExampleReportTests {
    static let docs = EngineFixtures.packageRoot.appendingPathComponent("docs")

    @Test func exampleReportIsCurrent() throws {
        let text = TextReportFormatter(color: false).format(SampleScenario.report())
        let file = Self.docs.appendingPathComponent("example-report.txt")
        if ProcessInfo.processInfo.environment["UPDATE_EXAMPLES"] == "1" {
            try text.write(to: file, atomically: true, encoding: .utf8)
        }
        #expect(try String(contentsOf: file, encoding: .utf8) == text)
    }
}
