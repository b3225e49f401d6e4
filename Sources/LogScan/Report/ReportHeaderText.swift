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
        var read = "\(ReportNumber.counted(Int(clamping: r.linesRead), "line")), \(ReportNumber.counted(r.eventsFound, "event"))"
        if r.eventsUntimed > 0 {
            read += ", \(r.eventsUntimed) without timestamp "
            read += r.since != nil || r.until != nil
                ? "(left out by --since/--until)" : "(in totals, in no window or finding)"
        }
        return read
    }

    /// `last.json: 12 known findings, not shown`; `nil` without `--baseline`.
    static func baseline(_ r: Report) -> String? {
        r.baseline.map { "\($0): \(ReportNumber.counted(r.knownCount, "known finding")), not shown" }
    }

    /// `2 critical, 5 warning, 7 info` of the findings not known, and the known count; or `none`.
    static func findingCounts(_ r: Report) -> String {
        let fresh = r.findings.filter { !$0.known }
        var text = fresh.isEmpty ? "none" : Severity.allCases.reversed().map { s in
            "\(fresh.filter { $0.severity == s }.count) \(s.rawValue)"
        }.joined(separator: ", ")
        if r.knownCount > 0 { text += " (and \(r.knownCount) known, not shown)" }
        return text
    }

    /// Why there is nothing to do.
    static func noActions(_ r: Report) -> String {
        if r.findings.contains(where: { !$0.known && $0.recommendation.alreadyApplied != nil }) {
            return "None: every resize the findings ask for is already in force (see the channel table)."
        }
        return r.findings.contains(where: { !$0.known }) ? "None: the findings need no change." : "None."
    }

    /// `channel_saturation (2), pgmq_notification_burst (1)`: the findings an action serves.
    static func served(_ action: Action, _ r: Report) -> String {
        var ids: [String] = []
        var counts: [String: Int] = [:]
        for i in action.findings where r.findings.indices.contains(i) {
            let id = r.findings[i].id.rawValue
            if counts[id] == nil { ids.append(id) }
            counts[id, default: 0] += 1
        }
        return ids.map { "\($0) (\(counts[$0]!))" }.joined(separator: ", ")
    }

    /// `28 drops from overflow lines name no event type (untyped)`.
    static func untypedDrops(_ r: Report) -> String {
        "\(ReportNumber.counted(r.untypedDrops, "drop")) from overflow or mpsc_channel_full lines name no event type (untyped_drops)"
    }
}
