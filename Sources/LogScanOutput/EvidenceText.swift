import LogScanEngine
import LogScanAnalysis
import LogScanConfig

/// The evidence of a finding as short sentences, one fact per line: what the text report
/// prints under "Evidence" and the Markdown report as a bullet list.
///
/// Same wording as `TextReportFormatter`'s evidence lines (a test pins them together), so
/// every output format reads alike.
enum EvidenceText {
    /// One sentence per fact (span and status, peak and rate, correlations, lines).
    static func lines(_ evidence: Evidence) -> [String] {
        func span(_ count: String, _ start: Timestamp, _ end: Timestamp) -> String {
            start == end
                ? "\(count) at \(TimeText.seconds(start))"
                : "\(count) from \(TimeText.seconds(start)) to \(TimeText.seconds(end)) (\(TimeText.duration(end.nanoseconds - start.nanoseconds)))"
        }
        func status(_ recovered: Bool) -> String { recovered ? "recovered" : "ongoing at the end of the input" }
        func plural(_ n: Int, _ word: String) -> String { ReportNumber.counted(n, word) }
        func capacity(_ c: Int?) -> String { c.map { "capacity \($0)" } ?? "capacity unknown" }
        func lines(_ first: LineReference, _ last: LineReference) -> String {
            first == last ? "line \(first)" : "lines \(first) to \(last)"
        }
        switch evidence {
        case .saturation(let s):
            var result = [
                span(plural(s.events, "event"), s.start, s.end) + ", " + status(s.recovered),
                "peak \(ReportNumber.format(s.maxUsagePercent))%, at most \(s.peakPerMinute) per minute, \(capacity(s.capacity))",
            ]
            if let run = s.longestRunAbove90 {
                result.append("longest run above 90%: " + span(plural(run.events, "event"), run.start, run.end))
            }
            if s.slowHandlersNearby > 0 { result.append("slow Ruby handlers nearby: \(s.slowHandlersNearby)") }
            result.append(lines(s.firstLine, s.lastLine))
            return result
        case .burst(let b):
            let bulk = b.bulkTaskCreation.map {
                "bulk task creation: \(TimeText.tasks($0.count)) at \(TimeText.seconds($0.at)) (\($0.line))"
            } ?? "no bulk task creation of 1000+ tasks from 5m before the start to the end"
            return [
                span(plural(b.events, "event"), b.start, b.end) + ", recovered",
                "peak \(ReportNumber.format(b.maxUsagePercent))%, at most \(b.peakPerMinute) per minute, \(capacity(b.capacity))",
                bulk,
                lines(b.firstLine, b.lastLine),
            ]
        case .ffiBackpressure(let f):
            var slow = "slow Ruby handlers nearby: \(f.slowHandlersNearby)"
            if let slowest = f.slowestHandlerSeconds { slow += " (slowest \(ReportNumber.format(slowest))s)" }
            return [
                span(plural(f.events, "event"), f.start, f.end) + ", " + status(f.recovered),
                "\(ReportNumber.format(f.rate.perMinute))/min (events / max(5m, span)), at most \(f.peakPerMinute) per minute, \(capacity(f.capacity))",
                slow,
                lines(f.firstLine, f.lastLine),
            ]
        case .drops(let d):
            let types = d.eventTypes.prefix(10).map { "\(DisplayText.name($0.eventType)) \($0.count)" }.joined(separator: ", ")
                + (d.eventTypes.count > 10 ? " and \(d.eventTypes.count - 10) more" : "")
            return [
                span(plural(d.drops, "drop"), d.start, d.end) + ", " + status(d.recovered),
                "\(ReportNumber.format(d.rate.perMinute))/min (\(d.rate.level.rawValue)), at most \(d.peakPerMinute) per minute, \(capacity(d.capacity))",
                "drops in \(d.minutesWithDrops) of \(d.minutesCovered) minutes: " + (d.continuous ? "continuous" : "not continuous"),
                "event types: \(types)" + (d.untypedDrops > 0 ? "; \(d.untypedDrops) untyped (overflow lines name no event)" : ""),
                lines(d.firstLine, d.lastLine),
            ]
        case .full(let f):
            return [
                span(plural(f.events, "full event"), f.start, f.end) + ": \(f.blocked) blocked, \(f.dropped) dropped",
                "at most \(f.peakPerMinute) per minute",
                lines(f.firstLine, f.lastLine),
            ]
        case .allChannelsSaturated(let a):
            return ["window from \(TimeText.seconds(a.start)) to \(TimeText.seconds(a.end)): \(plural(a.events, "event")), at most \(a.peakPerMinute) per minute"]
                + a.channels.map {
                    "\(DisplayText.name($0.channel)): peak \(ReportNumber.format($0.maxUsagePercent))%, \($0.saturationEvents) saturation, \($0.fullEvents) full, \($0.drops) drops"
                }
        case .drift(let d):
            var result = ["logs: buffer_size=\(d.logsCapacity)" + (d.seenAt.map { " at \(TimeText.seconds($0))" } ?? "") + " (\(d.line))"]
            result.append("expected for \(d.environment): \(d.expectedCapacity) (" + (d.configFile ?? "runbook default") + ")")
            if !d.matchingEnvironments.isEmpty {
                result.append("runbook default \(d.logsCapacity) in: \(d.matchingEnvironments.joined(separator: ", "))")
            }
            return result
        case .prefix(let p):
            return ["\(p.file):\(p.line): \(p.header) should be \(p.correctedHeader)"]
        }
    }
}
