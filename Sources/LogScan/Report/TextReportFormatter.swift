/// The report for a terminal: header, channel table, sparklines, findings by severity with
/// evidence and TOML, dropped event types and bulk creation correlations.
/// Fits `width` columns except TOML and very long channel names; ANSI colour only when asked.
public struct TextReportFormatter: ReportFormatter {
    public let color: Bool
    public let width: Int

    public init(color: Bool, width: Int = 80) {
        self.color = color
        self.width = max(width, 40)
    }

    public func format(_ report: Report) -> String {
        let style = TextStyle(color: color)
        var out: [String] = []
        header(report, style, &out)
        channelTable(report, style, &out)
        sparklines(report, style, &out)
        findings(report, style, &out)
        droppedEventTypes(report, style, &out)
        bulkTaskCreations(report, style, &out)
        return out.joined(separator: "\n") + "\n"
    }

    // MARK: - Sections

    private func header(_ r: Report, _ style: TextStyle, _ out: inout [String]) {
        out.append(style.heading("tasker-logscan report"))
        func field(_ name: String, _ value: String) {
            let label = "  " + name.padding(toLength: 13, withPad: " ", startingAt: 0)
            out += wrap(value, indent: label.count).enumerated().map { i, line in
                i == 0 ? label + line.dropFirst(label.count) : line
            }
        }
        if r.inputs.isEmpty { field("Inputs", "none") }
        for (i, input) in r.inputs.enumerated() {
            var value = "\(input.name): \(Self.bytes(input.bytes)), \(input.lines) lines"
            if input.compressed { value += ", gzip" }
            if input.overlongLines > 0 { value += ", \(input.overlongLines) overlong lines skipped" }
            if let error = input.error { value += " (error: \(error))" }
            field(i == 0 ? "Inputs" : "", value)
        }
        if let first = r.timeRange.first, let last = r.timeRange.last {
            field("Time range", "\(TimeText.seconds(first)) to \(TimeText.seconds(last)) (\(TimeText.duration(last.nanoseconds - first.nanoseconds)))")
        } else {
            field("Time range", "unknown: no line had a timestamp")
        }
        var read = "\(r.linesRead) lines, \(r.eventsFound) events"
        if r.eventsUntimed > 0 {
            read += ", \(r.eventsUntimed) without timestamp "
            read += r.since != nil || r.until != nil
                ? "(left out by --since/--until)" : "(in totals, in no window or finding)"
        }
        field("Read", read)
        field("Environment", "\(r.environment); config: \(r.configSource)")
        field("Settings", "window \(TimeText.duration(r.window)), episode gap \(TimeText.duration(r.episodeGap)), target usage \(ReportNumber.format(r.targetUsagePercent))%")
        var filters: [String] = []
        if let since = r.since { filters.append("since \(TimeText.seconds(since))") }
        if let until = r.until { filters.append("until \(TimeText.seconds(until))") }
        if !r.channelFilter.isEmpty { filters.append("channels \(r.channelFilter.joined(separator: ", "))") }
        if !filters.isEmpty { field("Filters", filters.joined(separator: "; ")) }
        for warning in r.warnings { field("Warning", warning) }
    }

    private func channelTable(_ r: Report, _ style: TextStyle, _ out: inout [String]) {
        out.append("")
        out.append(style.heading("Channels"))
        guard !r.channels.isEmpty else {
            out.append("  No channel events.")
            return
        }
        let nameWidth = max(21, r.channels.map(\.channel.count).max() ?? 0)
        func row(_ name: String, _ capacity: String, _ sat: String, _ max: String, _ full: String, _ drops: String) -> String {
            "  " + name.padding(toLength: nameWidth, withPad: " ", startingAt: 0) + "  "
                + capacity.padding(toLength: 15, withPad: " ", startingAt: 0)
                + Self.right(sat, 6) + Self.right(max, 8) + Self.right(full, 6) + Self.right(drops, 7)
        }
        out.append(style.dim(row("CHANNEL", "CAPACITY", "SAT", "MAX%", "FULL", "DROPS")))
        for c in r.channels {
            let capacity = c.capacity.map { "\($0) (\(c.capacitySource?.rawValue ?? "?"))" } ?? "unknown"
            out.append(row(c.channel, capacity, "\(c.saturationEvents)", c.maxUsagePercent.map(ReportNumber.format) ?? "-",
                           "\(c.fullEvents)", "\(c.drops)"))
        }
    }

    private func sparklines(_ r: Report, _ style: TextStyle, _ out: inout [String]) {
        guard let first = r.timeRange.first, let last = r.timeRange.last, last >= first,
              r.channels.contains(where: { !$0.windows.isEmpty }) else { return }
        let firstWindow = first.windowStart(width: r.window).nanoseconds
        let lastWindow = last.windowStart(width: r.window).nanoseconds
        let count = Int((lastWindow - firstWindow) / r.window) + 1
        let perColumn = Sparkline.windowsPerColumn(count)
        let columnText = perColumn == 1
            ? "one column per \(TimeText.duration(r.window))"
            : "one column per \(TimeText.duration(r.window * Int64(perColumn))) (\(perColumn) windows)"
        out.append("")
        out.append(style.heading("Peak usage per window"))
        out += wrap("\(columnText) from \(TimeText.seconds(Timestamp(nanoseconds: firstWindow))); ▁ up to 82.5%, each step 2.5 points, █ above 97.5%, · full or drops only", indent: 2)
        let nameWidth = max(21, r.channels.map(\.channel.count).max() ?? 0)
        for c in r.channels where !c.windows.isEmpty {
            let line = Sparkline.render(c.windows, firstWindow: firstWindow, width: r.window, windowCount: count)
            out.append("  " + c.channel.padding(toLength: nameWidth, withPad: " ", startingAt: 0) + "  " + line)
        }
    }

    private func findings(_ r: Report, _ style: TextStyle, _ out: inout [String]) {
        out.append("")
        guard !r.findings.isEmpty else {
            out.append(style.heading("Findings: none"))
            return
        }
        let counts = Severity.allCases.reversed().map { "\(r.count(of: $0)) \($0.rawValue)" }
        out.append(style.heading("Findings: \(counts.joined(separator: ", "))"))
        for severity in Severity.allCases.reversed() {
            let group = r.findings.filter { $0.severity == severity }
            guard !group.isEmpty else { continue }
            out.append("")
            out.append(style.severity("\(severity.rawValue.uppercased()) (\(group.count))", severity))
            for finding in group {
                out.append("")
                let subject = finding.channel ?? (finding.id == .allChannelsSaturated ? "several channels" : "config")
                out.append("  " + style.severity(finding.id.rawValue, severity) + ": " + subject)
                out += wrap(finding.summary, indent: 4)
                out.append("    Evidence")
                for line in evidenceLines(finding.evidence) { out += wrap(line, indent: 6) }
                out.append("    Recommendation")
                out += wrap(finding.recommendation.text, indent: 6)
                if let toml = finding.recommendation.toml {
                    out.append("")
                    // TOML is pasted as is: never wrapped.
                    out += toml.split(separator: "\n", omittingEmptySubsequences: false)
                        .filter { !$0.isEmpty }.map { "      " + $0 }
                }
            }
        }
    }

    private func droppedEventTypes(_ r: Report, _ style: TextStyle, _ out: inout [String]) {
        guard !r.droppedEventTypes.isEmpty else { return }
        out.append("")
        out.append(style.heading("Dropped event types (event_publisher)"))
        let nameWidth = max(24, r.droppedEventTypes.map(\.eventType.count).max() ?? 0)
        for t in r.droppedEventTypes {
            out.append("  " + t.eventType.padding(toLength: nameWidth, withPad: " ", startingAt: 0) + Self.right("\(t.count)", 7))
        }
    }

    private func bulkTaskCreations(_ r: Report, _ style: TextStyle, _ out: inout [String]) {
        let bursts = r.findings.compactMap { f -> BurstEvidence? in
            if case .burst(let b) = f.evidence { return b }
            return nil
        }.sorted { $0.start < $1.start }
        guard !r.bulkTaskCreations.isEmpty || !bursts.isEmpty else { return }
        out.append("")
        out.append(style.heading("Bulk task creations and PGMQ bursts"))
        for bulk in r.bulkTaskCreations {
            var line = "  \(TimeText.seconds(bulk.at))  " + Self.right(bulk.count.map { "\($0) tasks" } ?? "? tasks", 11) + "  "
            let explained = bursts.filter { $0.bulkTaskCreation == bulk }
            if !bulk.countsForCorrelation {
                line += "under 1000 tasks: not a cause"
            } else if explained.isEmpty {
                line += "no burst followed"
            } else {
                line += explained.map { "burst at \(TimeText.seconds($0.start))" }.joined(separator: ", ")
            }
            out.append(line)
        }
        for burst in bursts where burst.bulkTaskCreation == nil {
            out += wrap("burst at \(TimeText.seconds(burst.start)): no bulk task creation of 1000+ tasks from 5m before it", indent: 2)
        }
    }

    // MARK: - Evidence

    private func evidenceLines(_ evidence: Evidence) -> [String] {
        func span(_ count: String, _ start: Timestamp, _ end: Timestamp) -> String {
            start == end
                ? "\(count) at \(TimeText.seconds(start))"
                : "\(count) from \(TimeText.seconds(start)) to \(TimeText.seconds(end)) (\(TimeText.duration(end.nanoseconds - start.nanoseconds)))"
        }
        func status(_ recovered: Bool) -> String { recovered ? "recovered" : "ongoing at the end of the input" }
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
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
            let types = d.eventTypes.map { "\($0.eventType) \($0.count)" }.joined(separator: ", ")
            return [
                span(plural(d.drops, "drop"), d.start, d.end) + ", " + status(d.recovered),
                "\(ReportNumber.format(d.rate.perMinute))/min (\(d.rate.level.rawValue)), at most \(d.peakPerMinute) per minute, \(capacity(d.capacity))",
                "drops in \(d.minutesWithDrops) of \(d.minutesCovered) minutes: " + (d.continuous ? "continuous" : "not continuous"),
                "event types: \(types)",
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
                    "\($0.channel): peak \(ReportNumber.format($0.maxUsagePercent))%, \($0.saturationEvents) saturation, \($0.fullEvents) full, \($0.drops) drops"
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

    // MARK: - Layout

    /// `text` wrapped at word boundaries to `width`, every line indented by `indent` spaces.
    private func wrap(_ text: String, indent: Int) -> [String] {
        let pad = String(repeating: " ", count: indent)
        let available = max(width - indent, 20)
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count <= available {
                current += " " + word
            } else {
                lines.append(pad + current)
                current = String(word)
            }
        }
        lines.append(pad + current)
        return lines
    }

    private static func right(_ text: String, _ width: Int) -> String {
        text.count >= width ? " " + text : String(repeating: " ", count: width - text.count) + text
    }

    /// `412 B`, `4.1 KiB`, `1.2 GiB`.
    static func bytes(_ n: Int64) -> String {
        if n < 1024 { return "\(n) B" }
        let units = ["KiB", "MiB", "GiB", "TiB"]
        var value = Double(n) / 1024
        var unit = 0
        while value >= 1024, unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        return ReportNumber.format((value * 10).rounded() / 10) + " " + units[unit]
    }
}
