import LogScanEngine
import LogScanConfig
import LogScanAnalysis

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

    /// An input's details: size, lines, compression, skipped lines, and the share of
    /// lines recognised with the shapes seen (`100% recognised: docker json-file ›
    /// tracing full`), so a reader can tell "no problem" from "not understood".
    static func inputDetails(_ i: InputSummary) -> [String] {
        var details = [TextReportFormatter.bytes(i.bytes), ReportNumber.counted(Int(clamping: i.lines), "line")]
        if let compression = i.compression { details.append(compression) }
        if i.overlongLines > 0 { details.append("\(i.overlongLines) overlong lines skipped") }
        if i.scanned, i.lines > 0 { details.append(recognition(i)) }
        return details
    }

    /// `99.8% recognised: cri › tracing full 99.6%, cri › tracing json 0.2%` (the three largest shapes).
    static func recognition(_ i: InputSummary) -> String {
        let shapes = i.census.estimate(lines: i.lines).filter { $0.key.format != .unknown && $0.value > 0 }
            .map { (key: $0.key.name, value: $0.value) }
            .sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        let recognised = shapes.reduce(0) { $0 + $1.value }
        guard recognised > 0 else { return "nothing recognised" }
        var text = "\(percent(recognised, of: i.lines)) recognised"
        let named = shapes.prefix(3).map { shapes.count == 1 ? $0.key : "\($0.key) \(percent($0.value, of: i.lines))" }
        text += ": " + named.joined(separator: ", ")
        if shapes.count > 3 { text += ", \(shapes.count - 3) more" }
        return text
    }

    /// A share with one decimal that never shows 100% for less than all, nor 0% for more than none.
    static func percent(_ part: Int64, of whole: Int64) -> String {
        guard whole > 0 else { return "0%" }
        if part >= whole { return "100%" }
        let tenths = min(999, max(1, Int((Double(part) * 1000 / Double(whole)).rounded(.down))))
        return tenths % 10 == 0 ? "\(tenths / 10)%" : "\(tenths / 10).\(tenths % 10)%"
    }

    /// `last.json: 12 known findings, not shown`; `nil` without `--baseline`.
    static func baseline(_ r: Report) -> String? {
        r.baseline.map { "\($0): \(ReportNumber.counted(r.knownCount, "known finding")), not shown" }
    }

    /// `2 critical, 5 warning, 7 info` of the findings not known, and the known count; or `none`.
    /// Those past the report's limit (counted, not listed) are in the counts.
    static func findingCounts(_ r: Report) -> String {
        var text = r.freshTotal == 0 ? "none" : Severity.allCases.reversed().map { s in
            "\(r.freshCount(of: s)) \(s.rawValue)"
        }.joined(separator: ", ")
        if r.knownCount > 0 { text += " (and \(r.knownCount) known, not shown)" }
        return text
    }

    /// Why there is nothing to do.
    static func noActions(_ r: Report) -> String {
        if r.findings.contains(where: { !$0.known && $0.recommendation.alreadyApplied != nil }) {
            return "None: every resize the findings ask for is already in force (see the channel table)."
        }
        return r.freshTotal > 0 ? "None: the findings need no change." : "None."
    }

    /// `5000 channel_saturation warning (12 of them known)`: one line per id and severity
    /// of the findings past the report's limit, most severe first; empty when none.
    static func countedFindings(_ r: Report) -> [String] {
        r.countedFindings.map { c in
            WorkMeter.tick()
            var line = "\(c.count) \(c.id.rawValue) \(c.severity.rawValue)"
            if c.known > 0 { line += " (\(c.known) of them known)" }
            return line
        }
    }

    /// `Counted, not listed (past the report's limit): 5000`: the heading of those lines.
    static func countedHeading(_ r: Report) -> String {
        "Counted, not listed (past the report's limit): \(r.countedTotal)"
    }

    /// `channel_saturation (2), pgmq_notification_burst (1)`: the findings an action serves,
    /// and how many of them are past the report's limit (`3 findings not listed`).
    static func served(_ action: Action, _ r: Report) -> String {
        var ids: [String] = []
        var counts: [String: Int] = [:]
        for i in action.findings where r.findings.indices.contains(i) {
            WorkMeter.tick()
            let id = r.findings[i].id.rawValue
            if counts[id] == nil { ids.append(id) }
            counts[id, default: 0] += 1
        }
        var served = ids.map { "\($0) (\(counts[$0]!))" }
        if action.unlistedFindings > 0 { served.append(ReportNumber.counted(action.unlistedFindings, "finding") + " not listed") }
        return served.joined(separator: ", ")
    }

    /// `28 drops from overflow lines name no event type (untyped)`.
    static func untypedDrops(_ r: Report) -> String {
        "\(ReportNumber.counted(r.untypedDrops, "drop")) from overflow or mpsc_channel_full lines name no event type (untyped_drops)"
    }
}
