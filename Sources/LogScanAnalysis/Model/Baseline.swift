import FoundationEssentials
import LogScanEngine
import LogScanConfig

/// An earlier JSON report (`--baseline FILE`): its findings are *known* (SPEC §4), so a
/// nightly job reports what is new since the last run.
public struct Baseline: Sendable {
    /// What identifies one finding of the baseline.
    struct Entry: Sendable {
        var id: String
        var channel: String?
        /// The source with the most events, `nil` when the lines named none.
        var source: String?
        var start: Timestamp?
        /// Ongoing at the baseline's input end (`evidence.recovered == false`).
        var ongoing: Bool
        var summary: String
        /// What identifies a finding about a configuration rather than a span of events:
        /// the capacities of a `config_drift`, the table of a `config_prefix`.
        var detail: String?
    }

    /// The file as given.
    public let path: String
    let entries: [Entry]
    /// The baseline's input end (`time_range.last`).
    let inputEnd: Timestamp?
    /// The baseline's `episode_gap_seconds`, nanoseconds.
    let episodeGap: Int64
    /// The entries by id, channel and source, built once.
    private let index: BaselineIndex

    init(path: String, entries: [Entry], inputEnd: Timestamp?, episodeGap: Int64) {
        self.path = path
        self.entries = entries
        self.inputEnd = inputEnd
        self.episodeGap = episodeGap
        index = BaselineIndex(entries: entries, inputEnd: inputEnd, episodeGap: episodeGap)
    }

    /// How many findings the baseline holds.
    public var count: Int { entries.count }

    /// Reads a `tasker-logscan/report/v1` (or later) document; anything else is a usage error.
    public static func load(path: String) throws -> Baseline {
        var isDirectory = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw OptionValueError("--baseline \(path): no such file")
        }
        guard !isDirectory, let data = FileManager.default.contents(atPath: path) else {
            throw OptionValueError("--baseline \(path): " + (isDirectory ? "is a directory" : "cannot read the file"))
        }
        return try parse(data, path: path)
    }

    /// Reads the baseline from the bytes of a JSON report.
    public static func parse(_ data: Data, path: String) throws -> Baseline {
        func notAReport(_ why: String) -> OptionValueError {
            OptionValueError("--baseline \(path): not a tasker-logscan JSON report (\(why))")
        }
        guard let root = JSONValue.parse(data), root.object != nil else {
            throw notAReport("not a JSON object")
        }
        guard let schema = root["schema"]?.string else { throw notAReport("no \"schema\"") }
        let prefix = "tasker-logscan/report/v"
        guard schema.hasPrefix(prefix), let version = Int(schema.dropFirst(prefix.count)), version >= 1 else {
            throw notAReport("schema \"\(schema.prefix(60))\"")
        }
        guard let findings = root["findings"]?.objects else { throw notAReport("no \"findings\" array") }
        let entries = findings.compactMap { f -> Entry? in
            guard let id = f["id"]?.string else { return nil }
            // Missing or not an object: every member reads as absent.
            let evidence = f["evidence"] ?? .null
            let sources = evidence["sources"]?.objects ?? []
            return Entry(id: id, channel: f["channel"]?.string, source: sources.first?["source"]?.string,
                         start: f["start"]?.string.flatMap(TimeBound.parseInstant),
                         ongoing: evidence["recovered"]?.bool == false, summary: f["summary"]?.string ?? "",
                         detail: detail(id: id, evidence))
        }
        let range = root["time_range"]
        let gapSeconds = root["episode_gap_seconds"]?.double ?? 300
        let gap = gapSeconds.isFinite && gapSeconds >= 0 && gapSeconds < 4e9 ? Int64(gapSeconds * 1e9) : AnalysisOptions.fiveMinutes
        return Baseline(path: path, entries: entries,
                        inputEnd: range?["last"]?.string.flatMap(TimeBound.parseInstant), episodeGap: gap)
    }

    /// The `detail` of a finding read back from its JSON evidence.
    private static func detail(id: String, _ evidence: JSONValue) -> String? {
        func number(_ key: String) -> String { evidence[key]?.int64.map { "\($0)" } ?? "?" }
        switch id {
        case FindingID.configDrift.rawValue: return number("logs_capacity") + "/" + number("expected_capacity")
        case FindingID.configPrefix.rawValue: return "\(evidence["file"]?.string ?? "?"):" + number("line")
        default: return nil
        }
    }

    /// The `detail` of a finding of tonight's run, as `detail(id:_:)` reads it from JSON.
    static func detail(_ f: Finding) -> String? {
        switch f.evidence {
        case .drift(let d): "\(d.logsCapacity)/\(d.expectedCapacity)"
        case .prefix(let p): "\(p.file):\(p.line)"
        default: nil
        }
    }

    /// Same id, channel and source, and the same start (±1 s); or, when the baseline's
    /// finding was ongoing at its input end, a start at most one episode gap after that end.
    public func isKnown(_ f: Finding) -> Bool {
        index.isKnown(f)
    }
}

/// The baseline's entries by id, channel and source, with their starts sorted: each
/// finding is looked up in O(log n), not compared with every entry (a flood of findings
/// against a large baseline was quadratic).
struct BaselineIndex {
    private struct Key: Hashable {
        let id: String
        let channel: String?
        let source: String?
    }

    private struct Entries {
        /// The `detail` of findings about the configuration.
        var details: Set<String> = []
        /// Summaries of the findings without a start.
        var untimedSummaries: Set<String> = []
        /// Starts of the findings with one, ascending.
        var starts: [Int64] = []
        /// The earliest start of a finding ongoing at the baseline's input end.
        var earliestOngoing: Int64?
    }

    private let byKey: [Key: Entries]
    private let inputEnd: Int64?
    private let episodeGap: Int64
    private static let second: Int64 = 1_000_000_000

    init(entries: [Baseline.Entry], inputEnd: Timestamp?, episodeGap: Int64) {
        var byKey: [Key: Entries] = [:]
        for b in entries {
            WorkMeter.tick()
            let key = Key(id: b.id, channel: b.channel, source: b.source)
            var entries = byKey[key] ?? Entries()
            if let detail = b.detail {
                entries.details.insert(detail)
            } else if let start = b.start?.nanoseconds {
                entries.starts.append(start)
                if b.ongoing { entries.earliestOngoing = min(entries.earliestOngoing ?? start, start) }
            } else {
                entries.untimedSummaries.insert(b.summary)
            }
            byKey[key] = entries
        }
        for key in byKey.keys { byKey[key]!.starts.sort() }
        self.byKey = byKey
        self.inputEnd = inputEnd?.nanoseconds
        self.episodeGap = episodeGap
    }

    /// `Baseline.isKnown`: a finding about the configuration is the same while its values
    /// are (its time is that of the latest line); any other by its start.
    func isKnown(_ f: Finding) -> Bool {
        WorkMeter.tick()
        guard let entries = byKey[Key(id: f.id.rawValue, channel: f.channel, source: f.sources.first?.source)] else {
            return false
        }
        if let detail = Baseline.detail(f), entries.details.contains(detail) { return true }
        guard let start = f.start?.nanoseconds else { return entries.untimedSummaries.contains(f.summary) }
        // The first baseline start at or after start - 1 s: known when it is at most start + 1 s.
        let low = start.subtractingClamped(Self.second)
        var lower = 0, upper = entries.starts.count
        while lower < upper {
            WorkMeter.tick()
            let middle = (lower + upper) / 2
            if entries.starts[middle] < low { lower = middle + 1 } else { upper = middle }
        }
        if lower < entries.starts.count, entries.starts[lower] <= start.addingClamped(Self.second) { return true }
        if let ongoing = entries.earliestOngoing, let end = inputEnd {
            return ongoing <= start.addingClamped(Self.second) && start <= end.addingClamped(episodeGap)
        }
        return false
    }
}

extension Report {
    /// The report with the baseline's findings marked known and the actions derived again
    /// without them. On a report within `ReportLimits` (as `Analyzer.finish(scan:baseline:)`
    /// does): the findings counted past the limit cannot be marked afterwards.
    public func marking(_ baseline: Baseline) -> Report {
        var report = self
        report.baseline = baseline.path
        for i in report.findings.indices { report.findings[i].known = baseline.isKnown(report.findings[i]) }
        return report.withActions()
    }
}
