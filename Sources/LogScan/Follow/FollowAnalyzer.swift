/// The analysis behind `--follow`: events go in as the input grows; out come the findings
/// whose window has closed, each once, and at the end the summary report.
///
/// A finding is closed when nothing later can change it: its episode recovered (the input
/// went on for more than `--episode-gap` after its last event), its window of
/// `all_channels_saturated` is over, or it is about configuration. Memory stays bounded:
/// past `maxEvents` events the analysis starts afresh from the last `carriedEvents` ones
/// (plus every channel's latest buffer size), and the summary says from when it covers.
public struct FollowAnalyzer {
    /// What identifies a finding across evaluations, however its evidence grows.
    struct FindingKey: Hashable {
        enum Anchor: Hashable {
            case start(Timestamp?)
            case end(Timestamp?)
            case detail(String)
        }

        let id: FindingID
        let channel: String?
        let anchor: Anchor
    }

    public let options: AnalysisOptions
    /// Events held before the analysis starts afresh.
    public let maxEvents: Int
    /// Most recent events kept when it does.
    public let carriedEvents: Int

    private var analyzer: Analyzer
    private var held = 0
    /// The last `carriedEvents` events, oldest at `recentStart` once full.
    private var recent: [Event] = []
    private var recentStart = 0
    /// Per channel, the latest event that stated its buffer size.
    private var capacities: [String: Event] = [:]
    /// Reported findings by start and by end (a finding cut by a fresh start keeps its end),
    /// with the time after which the key can no longer come back.
    private var reported: [FindingKey: Int64] = [:]
    /// How many times the analysis started afresh.
    public private(set) var restarts = 0
    /// The oldest event time the analysis still holds after a fresh start.
    public private(set) var coveredFrom: Timestamp?
    /// Events added since the start.
    public private(set) var eventsAdded = 0

    public init(options: AnalysisOptions = AnalysisOptions(), maxEvents: Int = 250_000, carriedEvents: Int = 10_000) {
        self.options = options
        self.maxEvents = max(maxEvents, 2)
        self.carriedEvents = min(max(carriedEvents, 1), self.maxEvents / 2)
        analyzer = Analyzer(options: options)
    }

    /// Adds one event, in input order.
    public mutating func add(_ event: Event) {
        if held >= maxEvents { startAfresh() }
        analyzer.add(event)
        held += 1
        eventsAdded += 1
        remember(event)
    }

    /// Findings that closed since the last call, by end time, each reported once; and how
    /// many findings are still open. `scan` carries the newest line timestamp read.
    public mutating func closedFindings(scan: ScanSummary) -> (closed: [Finding], open: Int) {
        let report = analyzer.finish(scan: scan)
        let end = report.timeRange.last
        var closed: [Finding] = []
        var open = 0
        for finding in report.findings {
            guard isClosed(finding, end: end) else {
                open += 1
                continue
            }
            let keys = Self.keys(finding)
            guard !keys.contains(where: { reported[$0] != nil }) else { continue }
            for key in keys {
                // A configuration finding never expires: its buffer-size line is carried on.
                if case .detail = key.anchor {
                    reported[key] = .max
                } else {
                    reported[key] = finding.end?.nanoseconds ?? .max
                }
            }
            closed.append(finding)
        }
        closed.sort { a, b in
            let (ea, eb) = (a.end ?? a.start, b.end ?? b.start)
            if ea != eb, let ea, let eb { return ea < eb }
            if (ea == nil) != (eb == nil) { return ea == nil }
            return Finding.reportOrder(a, b)
        }
        return (closed, open)
    }

    /// The report over everything still held, for the end of following.
    public func summary(scan: ScanSummary) -> Report {
        var report = analyzer.finish(scan: scan)
        if restarts > 0, let from = coveredFrom {
            report.warnings.append("--follow keeps memory bounded: this summary covers the events from \(TimeText.seconds(from)) on (\(held) of \(eventsAdded) events read)")
        }
        return report
    }

    // MARK: - Closing

    /// Whether later input can no longer change `finding`.
    private func isClosed(_ finding: Finding, end: Timestamp?) -> Bool {
        switch finding.evidence {
        case .saturation(let s): return s.recovered
        case .burst: return true
        case .ffiBackpressure(let f): return f.recovered
        case .drops(let d): return d.recovered
        case .full(let f):
            guard let end else { return false }
            return end.nanoseconds - f.end.nanoseconds > options.episodeGap
        case .allChannelsSaturated(let a):
            guard let end else { return false }
            return end >= a.end
        case .drift, .prefix:
            return true
        }
    }

    /// A configuration finding is the same while its numbers are; any other by its start, or by its end.
    static func keys(_ f: Finding) -> [FindingKey] {
        switch f.evidence {
        case .drift(let d):
            return [FindingKey(id: f.id, channel: f.channel, anchor: .detail("\(d.logsCapacity) \(d.expectedCapacity) \(d.environment)"))]
        case .prefix(let p):
            return [FindingKey(id: f.id, channel: f.channel, anchor: .detail("\(p.file):\(p.line)"))]
        default:
            return [FindingKey(id: f.id, channel: f.channel, anchor: .start(f.start)),
                    FindingKey(id: f.id, channel: f.channel, anchor: .end(f.end))]
        }
    }

    // MARK: - Bounded memory

    private mutating func remember(_ event: Event) {
        if recent.count < carriedEvents {
            recent.append(event)
        } else {
            recent[recentStart] = event
            recentStart = (recentStart + 1) % carriedEvents
        }
        if let capacity = event.capacity, let channel = event.channel {
            // Only the buffer size is carried, as a start-up line: re-adding an old saturation
            // event would make an episode of its own.
            capacities[ChannelCatalog.canonicalName(channel)] = Event(
                kind: .channelInit, channel: channel, rawChannel: event.rawChannel, timestamp: event.timestamp,
                source: event.source, input: event.input, line: event.line, capacity: capacity)
        }
    }

    /// Lets go of all but the most recent events: a new analyzer with the buffer sizes and the
    /// last `carriedEvents` events. Reported keys older than those can never come back.
    private mutating func startAfresh() {
        let carried = Array(recent[recentStart...] + recent[..<recentStart])
        var fresh = Analyzer(options: options)
        for event in capacities.values.sorted(by: { ($0.timestamp?.nanoseconds ?? .min, $0.line) < ($1.timestamp?.nanoseconds ?? .min, $1.line) }) {
            fresh.add(event)
        }
        for event in carried { fresh.add(event) }
        analyzer = fresh
        held = capacities.count + carried.count
        restarts += 1
        let from = carried.compactMap(\.timestamp).min()
        coveredFrom = from
        if let from { reported = reported.filter { $0.value >= from.nanoseconds } }
    }
}
