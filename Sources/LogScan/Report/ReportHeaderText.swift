/// Header lines the text and Markdown reports share, worded once.
enum ReportHeaderText {
    /// `2025-10-14T00:00:00Z to 2025-10-14T01:59:47Z (1h59m47s)`, or why there is none.
    static func timeRange(_ r: Report) -> String {
        guard let first = r.timeRange.first, let last = r.timeRange.last else {
            return "unknown: no line had a timestamp"
        }
        return "\(TimeText.seconds(first)) to \(TimeText.seconds(last)) (\(TimeText.duration(last.nanoseconds - first.nanoseconds)))"
    }

    /// `1970 lines, 699 events`, and what became of events without a timestamp.
    static func read(_ r: Report) -> String {
        var read = "\(r.linesRead) lines, \(ReportNumber.counted(r.eventsFound, "event"))"
        if r.eventsUntimed > 0 {
            read += ", \(r.eventsUntimed) without timestamp "
            read += r.since != nil || r.until != nil
                ? "(left out by --since/--until)" : "(in totals, in no window or finding)"
        }
        return read
    }
}
