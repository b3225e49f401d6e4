/// The bulk task creations (of 1000+ tasks, or unknown count) that may explain a PGMQ
/// notification burst (SPEC §4 *correlated*: from 5m before its start to its end), gathered
/// as the records go by in report order: two records instead of a list of every creation.
struct BulkCandidates {
    /// The latest at or before the episode's start, from 5m before it.
    private(set) var atOrBeforeStart: EventRecord?
    /// The first after the start (it counts only if it is not after the episode's end).
    private(set) var firstAfterStart: EventRecord?

    /// The candidates of an episode starting at `start`, the latest creation before its first
    /// record being `latest`.
    init(start: Int64 = .min, latest: EventRecord? = nil) {
        if let latest, latest.time >= start.subtractingClamped(RunbookThresholds.bulkCorrelationLead) {
            atOrBeforeStart = latest
        }
    }

    /// Notes a creation that came after the episode's first record in report order.
    mutating func note(_ creation: EventRecord, start: Int64) {
        if creation.time <= start {
            // Same instant as the start, later in report order: the latest at or before it.
            atOrBeforeStart = creation
        } else if firstAfterStart == nil {
            firstAfterStart = creation
        }
    }

    /// The creation that explains an episode ending at `end`: the latest at or before its
    /// start explains it best; else the first one during it; `nil` when none.
    func chosen(end: Int64) -> EventRecord? {
        if let atOrBeforeStart { return atOrBeforeStart }
        if let firstAfterStart, firstAfterStart.time <= end { return firstAfterStart }
        return nil
    }

    /// Whether a bulk task creation counts for correlation: 1000+ tasks, or unknown.
    static func counts(_ record: EventRecord) -> Bool {
        record.count < 0 || record.count >= RunbookThresholds.bulkCorrelationTasks
    }
}
