#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LogScanEngine
import LogScanConfig
import LogScanAnalysis

/// The analysis side of `--follow`: takes the events in timestamp order with the followed
/// inputs' "now", writes a finding the moment it reaches `critical` (`OPEN`), each finding
/// once its window has closed, and the summary when following stops.
///
/// A look at the findings costs time in proportion to the events held, so while input
/// streams in (catching up on a long file) it happens once per `interval`, or sooner when the
/// events held have doubled (so that old ones are let go of); as soon as the inputs are
/// quiet, at once, when an event arrived or time moved on since.
public final class FollowSession: FollowSink {
    private var analyzer: FollowAnalyzer
    private let formatter: FollowOutputFormatter
    private let write: (String) -> Void
    /// Seconds between two looks for closed findings while data keeps coming.
    public let interval: Double
    private var lastLook = 0.0
    private var eventsSinceLook = false
    private var timeAtLook: Timestamp?
    private var openAtLook = 0
    /// Findings printed as they closed, per severity.
    public private(set) var closed: [Severity: Int] = [:]
    /// Findings printed `OPEN`.
    public private(set) var openedWritten = 0

    /// `write` receives each piece of output.
    public init(analyzer: FollowAnalyzer, formatter: FollowOutputFormatter, interval: Double = 1,
                write: @escaping (String) -> Void) {
        self.analyzer = analyzer
        self.formatter = formatter
        self.interval = interval
        self.write = write
        lastLook = Self.now()
    }

    /// One event, in timestamp order; `now` is the newest line time of the inputs.
    public func add(_ event: Event, now: Timestamp?) {
        analyzer.add(event)
        eventsSinceLook = true
        // Amid a batch, time is this event's: the events after it are not in yet, and an
        // episode must not close before its next event is added.
        if Self.now() - lastLook >= interval || analyzer.wantsLook, let t = event.timestamp {
            look(now: now.map { min($0, t) } ?? t)
        }
    }

    /// The inputs moved on to `now`; `quiet` when none has anything new to read: then what
    /// changed is looked at at once, else at most once per `interval`.
    public func advance(now: Timestamp?, quiet: Bool) {
        // No time yet (an input is still starting): nothing can have closed.
        guard now != nil else { return }
        let changed = eventsSinceLook || (openAtLook > 0 && now != timeAtLook)
        guard changed, quiet || Self.now() - lastLook >= interval else { return }
        look(now: now)
    }

    /// Writes the findings that closed by the end of the input, then the summary: what was
    /// read (`scan`), the counts, and the findings still open; returns the summary.
    @discardableResult
    public func finish(scan: ScanSummary) -> FollowSummary {
        let newest = scan.inputs.compactMap(\.lastTimestamp).max()
        // A consumer of the finding stream (a chat bot on the JSON lines) misses none that closed.
        if eventsSinceLook || newest != timeAtLook { look(now: newest) }
        let summary = FollowSummary(report: analyzer.summary(scan: scan), closed: closed,
                                    eventsRead: analyzer.eventsAdded, opened: openedWritten)
        write(formatter.summary(summary))
        return summary
    }

    /// Writes the findings that reached `critical` or closed since the last look.
    private func look(now: Timestamp?) {
        let scan = ScanSummary(inputs: [InputSummary(name: "-", lastTimestamp: now)])
        let look = analyzer.look(scan: scan)
        // What closed happened before what is still going.
        for (finding, wasOpen) in zip(look.closed, look.closedWereOpen) {
            write(formatter.finding(finding, state: .closed(wasOpen: wasOpen)))
            closed[finding.severity, default: 0] += 1
        }
        for finding in look.opened { write(formatter.finding(finding, state: .open)) }
        openedWritten += look.opened.count
        lastLook = Self.now()
        eventsSinceLook = false
        timeAtLook = now
        openAtLook = look.open.count
    }

    /// Monotonic seconds.
    private static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
}
