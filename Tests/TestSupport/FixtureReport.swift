import LogScanEngine
import LogScanAnalysis

/// The report of a fixture computed in-process, as the binary computes it.
package enum FixtureReport {
    package static func of(_ fixture: String) throws -> Report {
        let scanned = try LogScanner().scan(bytes: EngineFixtures.bytes(fixture), name: "fixtures/\(fixture)")
        var analyzer = Analyzer()
        for event in scanned.events { analyzer.add(event) }
        return analyzer.finish(scan: ScanSummary(inputs: [scanned.summary]))
    }
}
