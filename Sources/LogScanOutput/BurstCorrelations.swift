import LogScanAnalysis
import LogScanEngine

/// The PGMQ bursts of a report and the bulk task creation each names, looked up in one
/// pass: the text and Markdown sections list both sides without comparing every pair.
struct BurstCorrelations {
    private struct Key: Hashable {
        let at: Int64
        let input: String
        let line: Int
    }

    /// Every burst, by start.
    let bursts: [BurstEvidence]
    private let byCreation: [Key: [BurstEvidence]]

    init(_ r: Report) {
        bursts = r.findings.compactMap { f -> BurstEvidence? in
            if case .burst(let b) = f.evidence { return b }
            return nil
        }.sorted { $0.start < $1.start }
        var byCreation: [Key: [BurstEvidence]] = [:]
        for burst in bursts {
            guard let bulk = burst.bulkTaskCreation else { continue }
            byCreation[Self.key(bulk), default: []].append(burst)
        }
        self.byCreation = byCreation
    }

    private static func key(_ bulk: BulkTaskCreation) -> Key {
        Key(at: bulk.at.nanoseconds, input: bulk.line.input, line: bulk.line.line)
    }

    /// The bursts that name this creation as their cause.
    func explained(by bulk: BulkTaskCreation) -> [BurstEvidence] { byCreation[Self.key(bulk)] ?? [] }

    /// Bursts no bulk task creation explains.
    var unexplained: [BurstEvidence] { bursts.filter { $0.bulkTaskCreation == nil } }
}
