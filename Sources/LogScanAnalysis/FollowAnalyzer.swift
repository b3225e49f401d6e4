import LogScanEngine
import LogScanConfig

/// The analysis behind `--follow`: events go in as the input grows; each look says which
/// findings just reached `critical` while still open (printed `OPEN`), which closed (each
/// once), and which are still open.
///
/// A finding is closed when nothing later can change it: its episode recovered (the input
/// went on for more than `--episode-gap` after its last event), its window of
/// `all_channels_saturated` is over, or it is about configuration.
///
/// Memory stays flat: the analysis holds only the events that can still matter — those of
/// open findings and of the last few windows — plus every channel's latest buffer size. At a
/// look, once enough older events can go, it starts afresh from what is kept. Should open
/// findings alone ever hold `maxEvents` events, it starts afresh from the last
/// `carriedEvents` and the summary says from when it covers.
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

    /// What one look found.
    public struct Look {
        /// Findings that reached `critical` since the last look and are still open.
        public var opened: [Finding] = []
        /// Findings that closed since the last look, by end time, each once.
        public var closed: [Finding] = []
        /// For each of `closed`, whether it was printed `OPEN` before.
        public var closedWereOpen: [Bool] = []
        /// Findings still open, in report order.
        public var open: [Finding] = []
    }

    /// The report's options (`--window`, `--episode-gap`, ...).
    public let options: AnalysisOptions
    /// Events held at most (a safety bound: open findings alone never hold this many in practice).
    public let maxEvents: Int
    /// Most recent events kept when the safety bound is hit.
    public let carriedEvents: Int
    /// Buffer sizes carried at most (one per channel; the most recently announced win).
    public let maxCapacities: Int
    /// Older events that must be droppable before a look starts the analysis afresh.
    public let pruneMinimum: Int

    private var analyzer: Analyzer
    /// The events the analyzer holds, in the order they were added (carried buffer sizes excluded).
    private var held: [Event] = []
    /// Per channel, the latest event that stated its buffer size.
    private var capacities: [String: Event] = [:]
    /// Reported findings by start and by end (a finding cut by a fresh start keeps its end),
    /// with the time after which the key can no longer come back.
    private var reported: [FindingKey: Int64] = [:]
    /// Findings printed `OPEN`, by start, until they close.
    private var announced: Set<FindingKey> = []
    /// Findings printed `OPEN` whose start a safety restart cut: the next open or closed
    /// finding of that kind and channel is the same one, under a later start.
    private var announcedBeforeCut: Set<ChannelFinding> = []

    struct ChannelFinding: Hashable {
        let id: FindingID
        let channel: String?
    }
    /// How many times the safety bound made the analysis drop events of open findings.
    public private(set) var restarts = 0
    /// How many times old events were let go of at a look.
    public private(set) var prunes = 0
    /// Buffer sizes of channels forgotten because more than `maxCapacities` were announced.
    public private(set) var capacitiesForgotten = 0
    /// The oldest event time the analysis still holds after a restart.
    public private(set) var coveredFrom: Timestamp?
    /// Events added since the start.
    public private(set) var eventsAdded = 0

    /// The analysis with `options`; the bounds are for tests (the defaults suit weeks of logs).
    public init(options: AnalysisOptions = AnalysisOptions(), maxEvents: Int = 250_000, carriedEvents: Int = 10_000,
                maxCapacities: Int? = nil, pruneMinimum: Int = 4096) {
        self.options = options
        self.maxEvents = max(maxEvents, 4)
        self.carriedEvents = min(max(carriedEvents, 1), self.maxEvents / 2)
        self.maxCapacities = min(max(maxCapacities ?? self.maxEvents / 4, 1), self.maxEvents / 4)
        self.pruneMinimum = max(pruneMinimum, 1)
        analyzer = Analyzer(options: options)
    }

    /// Events the analysis holds now (carried buffer sizes included).
    public var eventsHeld: Int { held.count + capacities.count }

    /// Events held after the last look.
    private var heldAtLook = 0

    /// True when a look is due whatever the clock says: the events held have doubled since the
    /// last one (a long file caught up on in under a second must still let go of old events),
    /// or the next event would hit the safety bound (so nothing closed is lost to it).
    public var wantsLook: Bool {
        held.count >= max(2 * heldAtLook, 2 * pruneMinimum) || held.count + 1 >= maxEvents - maxCapacities
    }

    /// Adds one event, in input order.
    public mutating func add(_ event: Event) {
        // Counted without the carried buffer sizes, so that many channels cannot make
        // every event start the analysis afresh.
        if held.count >= maxEvents - maxCapacities { startAfresh() }
        analyzer.add(event)
        held.append(event)
        eventsAdded += 1
        rememberCapacity(event)
    }

    /// Looks at the findings as of the newest line read (`scan`), then lets go of the events
    /// that can no longer matter.
    public mutating func look(scan: ScanSummary) -> Look {
        // Every finding, whatever the report's limits: each is printed once as it closes.
        let report = analyzer.fullReport(scan: scan)
        let end = report.timeRange.last
        var look = Look()
        var closedWithFlags: [(Finding, Bool)] = []
        var oldestOpen: Timestamp?
        for finding in report.findings {
            let keys = Self.keys(finding)
            guard isClosed(finding, end: end) else {
                look.open.append(finding)
                if let start = finding.start { oldestOpen = min(oldestOpen ?? start, start) }
                if finding.severity == .critical, let key = keys.first, !announced.contains(key) {
                    announced.insert(key)
                    // Printed OPEN before a restart cut its start: not again.
                    if announcedBeforeCut.remove(ChannelFinding(id: finding.id, channel: finding.channel)) == nil {
                        look.opened.append(finding)
                    }
                }
                continue
            }
            guard !keys.contains(where: { reported[$0] != nil }) else { continue }
            for key in keys {
                // A configuration finding never expires: its buffer-size line is carried on.
                if case .detail = key.anchor {
                    reported[key] = .max
                } else {
                    reported[key] = finding.end?.nanoseconds ?? .max
                }
            }
            let wasOpen = (keys.first.map { announced.remove($0) != nil } ?? false)
                || announcedBeforeCut.remove(ChannelFinding(id: finding.id, channel: finding.channel)) != nil
            closedWithFlags.append((finding, wasOpen))
        }
        closedWithFlags.sort { a, b in
            let (ea, eb) = (a.0.end ?? a.0.start, b.0.end ?? b.0.start)
            if ea != eb, let ea, let eb { return ea < eb }
            if (ea == nil) != (eb == nil) { return ea == nil }
            return Finding.reportOrder(a.0, b.0)
        }
        look.closed = closedWithFlags.map(\.0)
        look.closedWereOpen = closedWithFlags.map(\.1)
        if let end { prune(now: end, oldestOpen: oldestOpen, findings: report.findings) }
        heldAtLook = held.count
        return look
    }

    /// The analysis over what is still held, for the end of following; its findings are
    /// those still open.
    public func summary(scan: ScanSummary) -> Report {
        var report = analyzer.fullReport(scan: scan)
        let end = report.timeRange.last
        report.findings = report.findings.filter { !isClosed($0, end: end) }
        // Actions name positions in `findings`: derived again for those left.
        report = report.withActions()
        if restarts > 0, let from = coveredFrom {
            report.warnings.append("--follow keeps memory bounded: open findings cover the events from \(TimeText.seconds(from)) on")
        }
        if capacitiesForgotten > 0 {
            report.warnings.append("--follow keeps memory bounded: the buffer sizes of \(capacitiesForgotten) channels not announced lately were forgotten (more than \(maxCapacities) channels)")
        }
        return options.reportLimits.apply(to: report)
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

    private mutating func rememberCapacity(_ event: Event) {
        guard let capacity = event.capacity, let channel = event.channel else { return }
        // Only the buffer size is carried, as a start-up line: re-adding an old saturation
        // event would make an episode of its own.
        capacities[ChannelCatalog.canonicalName(channel)] = Event(
            kind: .channelInit, channel: channel, rawChannel: event.rawChannel, timestamp: event.timestamp,
            source: event.source, input: event.input, line: event.line, capacity: capacity)
    }

    /// How far back the diagnoses look from an open finding or from now: a few windows and
    /// gaps (a burst looks for a bulk creation 5 minutes before it, rates span a window).
    private var lookBack: Int64 {
        let span = max(options.window, options.episodeGap, AnalysisOptions.fiveMinutes)
        return span > Int64.max / 4 ? Int64.max / 4 : span * 2
    }

    /// Lets go of the events older than every open finding and than the last windows, once
    /// enough of them can go that starting afresh pays for itself.
    private mutating func prune(now: Timestamp, oldestOpen: Timestamp?, findings: [Finding]) {
        let back = lookBack
        func before(_ t: Timestamp) -> Int64 { t.nanoseconds > Int64.min + back ? t.nanoseconds - back : Int64.min }
        var from = before(now)
        if let oldestOpen { from = min(from, before(oldestOpen)) }
        // Windows stay whole, and no finding is cut in two: what is left of one would read as
        // another (the tail of a long pgmq episode as a short burst) and be printed again.
        var cut = Timestamp(nanoseconds: from).windowStart(width: options.window)
        var moved = true
        while moved {
            moved = false
            for f in findings {
                guard let start = f.start, start < cut, (f.end ?? start) >= cut else { continue }
                cut = start.windowStart(width: options.window)
                moved = true
            }
        }
        let droppable = held.reduce(0) { $0 + (($1.timestamp.map { $0 < cut } ?? true) ? 1 : 0) }
        guard droppable >= pruneMinimum, droppable * 2 >= held.count else { return }
        rebuild(keeping: held.filter { $0.timestamp.map { $0 >= cut } ?? false })
        prunes += 1
        reported = reported.filter { $0.value >= cut.nanoseconds }
    }

    /// The safety bound: a new analyzer with the buffer sizes and the last `carriedEvents` events.
    /// Reported keys older than those can never come back.
    private mutating func startAfresh() {
        let carried = Array(held.suffix(carriedEvents))
        rebuild(keeping: carried)
        restarts += 1
        announcedBeforeCut.formUnion(announced.map { ChannelFinding(id: $0.id, channel: $0.channel) })
        announced = []
        let from = carried.compactMap(\.timestamp).min()
        coveredFrom = from
        if let from { reported = reported.filter { $0.value >= from.nanoseconds } }
    }

    /// Starts the analysis again from the buffer sizes (at most `maxCapacities`, the most
    /// recently announced) and `events`.
    private mutating func rebuild(keeping events: [Event]) {
        func order(_ a: Event, _ b: Event) -> Bool {
            (a.timestamp?.nanoseconds ?? .min, a.line) < (b.timestamp?.nanoseconds ?? .min, b.line)
        }
        if capacities.count > maxCapacities {
            let newest = capacities.sorted { order($1.value, $0.value) }.prefix(maxCapacities)
            capacitiesForgotten += capacities.count - newest.count
            capacities = Dictionary(uniqueKeysWithValues: newest.map { ($0.key, $0.value) })
        }
        var fresh = Analyzer(options: options)
        for event in capacities.values.sorted(by: order) { fresh.add(event) }
        for event in events { fresh.add(event) }
        analyzer = fresh
        held = events
    }
}
