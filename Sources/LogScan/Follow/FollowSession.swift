#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The analysis side of `--follow`: takes the events as the scanner finds them and writes
/// each finding once its window has closed, then the summary when following stops.
///
/// Finishing the analysis costs time in proportion to the events held, so while input streams
/// in (catching up on a long file) findings are looked for at most once per `interval`; as
/// soon as the input is idle, at once, when an event arrived or time moved on since.
public final class FollowSession {
    private var analyzer: FollowAnalyzer
    private let formatter: FollowOutputFormatter
    private let control: FollowControl
    private let inputName: String
    private let write: (String) -> Void
    /// Seconds between two looks for closed findings while data keeps coming.
    public let interval: Double
    private var lastLook = 0.0
    private var eventsSinceLook = false
    private var timeAtLook: Timestamp?
    private var openAtLook = 0
    /// Findings written so far.
    public private(set) var findingsWritten = 0

    /// Follows with `control` (setting its `onIdle`); `write` receives each piece of output.
    public init(analyzer: FollowAnalyzer, formatter: FollowOutputFormatter, control: FollowControl,
                inputName: String, interval: Double = 1, write: @escaping (String) -> Void) {
        self.analyzer = analyzer
        self.formatter = formatter
        self.control = control
        self.inputName = inputName
        self.interval = interval
        self.write = write
        lastLook = Self.now()
        control.onIdle = { [unowned self] in self.idle() }
    }

    /// One event from the scanner.
    public func add(_ event: Event) {
        analyzer.add(event)
        eventsSinceLook = true
        if Self.now() - lastLook >= interval { look() }
    }

    /// The input has nothing new: write what closed, if anything could have.
    public func idle() {
        if eventsSinceLook || (openAtLook > 0 && control.newestTimestamp != timeAtLook) { look() }
    }

    /// Writes the findings that closed by the end of the input, then the summary over
    /// everything read (`scan` is the follow's input summary), and returns the summary.
    @discardableResult
    public func finish(scan: ScanSummary) -> Report {
        // A consumer of the finding stream (a chat bot on the JSON lines) misses none that closed.
        if eventsSinceLook || control.newestTimestamp != timeAtLook { look() }
        let report = analyzer.summary(scan: scan)
        write(formatter.summary(report))
        return report
    }

    /// Writes the findings that closed since the last look.
    private func look() {
        let newest = control.newestTimestamp
        let scan = ScanSummary(inputs: [InputSummary(name: inputName, lastTimestamp: newest)])
        let (closed, open) = analyzer.closedFindings(scan: scan)
        for finding in closed { write(formatter.finding(finding)) }
        findingsWritten += closed.count
        lastLook = Self.now()
        eventsSinceLook = false
        timeAtLook = newest
        openAtLook = open
    }

    /// Monotonic seconds.
    private static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
}
