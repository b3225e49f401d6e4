import LogScanEngine

/// What every finding's evidence needs from a run of events, gathered as they go by in
/// report order: first and last record, count, the busiest UTC minute and the sources.
///
/// A finding keeps this instead of its events, so an episode of a million events costs as
/// much memory as one of two (plus one counter per source).
struct EventRun {
    private(set) var first: EventRecord
    private(set) var last: EventRecord
    private(set) var count = 1
    private var minutes = MinutePeak()
    /// Events per source index; lines that named no source are not counted.
    private(set) var sources: [Int32: Int] = [:]

    init(_ record: EventRecord) {
        first = record
        last = record
        minutes.count(record.timestamp)
        countSource(record)
    }

    /// Adds the next record in report order.
    mutating func add(_ record: EventRecord) {
        last = record
        count += 1
        minutes.count(record.timestamp)
        countSource(record)
    }

    private mutating func countSource(_ record: EventRecord) {
        let source = record.source
        if source != EventRecord.none { sources[source, default: 0] += 1 }
    }

    var start: Timestamp { first.timestamp }
    var end: Timestamp { last.timestamp }
    /// last − first, in nanoseconds.
    var span: Int64 { last.time - first.time }
    /// SPEC §4 *peak_per_minute*.
    var peakPerMinute: Int { minutes.peak }
}
