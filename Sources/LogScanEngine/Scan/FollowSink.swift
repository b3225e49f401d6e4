/// What `FollowedInputs` feeds: the merged events in timestamp order with the inputs' "now",
/// then the end of following with what was read. The analysis and its output sit above the
/// engine, so the engine knows them only through this (`FollowSession` is the one there is).
public protocol FollowSink {
    /// What the sink hands back when following stops.
    associatedtype Summary

    /// One event, in timestamp order; `now` is the newest line time of the inputs.
    func add(_ event: Event, now: Timestamp?)
    /// No event for now: time moved on to `now`, and the inputs are `quiet` (nothing to read).
    func advance(now: Timestamp?, quiet: Bool)
    /// Following stopped, having read `scan`.
    func finish(scan: ScanSummary) -> Summary
}
