import FoundationEssentials
import LogScanEngine
import LogScanConfig
import LogScanAnalysis

/// The report as one self-contained HTML page (SPEC §5 html): the header and the actions
/// first, then the channel table, one time chart per channel with events on a shared time
/// axis, the findings by severity with evidence and TOML, the dropped event types as a bar
/// chart and the bulk task creations.
///
/// Inline CSS and inline SVG only: no script, font, image or style sheet is fetched, so the
/// file opens offline from a mail attachment or a CI artifact. Every string that came from a
/// log line goes through `HTMLEscaper`.
public struct HTMLReportFormatter: ReportFormatter {
    /// When one id and channel has more findings than this, the worst is shown in full and
    /// the others one line each (as the text report does on a day or a week of logs).
    static let fullFindingsPerGroup = 3
    /// Dropped event types drawn as bars; the rest are one count line.
    static let maxEventTypeBars = 25

    /// A formatter; the page depends on nothing but the report.
    public init() {}

    /// The whole page, from `<!DOCTYPE html>` to `</html>` and a newline.
    public func format(_ report: Report) -> String {
        var out: [String] = []
        out.append("<!DOCTYPE html>")
        out.append("<html lang=\"en\">")
        out.append("<head>")
        out.append("<meta charset=\"utf-8\">")
        out.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        out.append("<meta name=\"color-scheme\" content=\"light dark\">")
        out.append("<title>tasker-logscan report\(Self.titleSuffix(report))</title>")
        out.append("<style>\n\(HTMLStyle.css)\n</style>")
        out.append("</head>")
        out.append("<body>")
        headerSection(report, &out)
        actionsSection(report, &out)
        channelTable(report, &out)
        timeline(report, &out)
        findingsSection(report, &out)
        droppedEventTypes(report, &out)
        bulkTaskCreations(report, &out)
        out.append("</body>")
        out.append("</html>")
        return out.joined(separator: "\n") + "\n"
    }

    // MARK: - Header

    /// Inputs, time range, lines read, settings, filters and warnings.
    /// One row per input: the place to add the share of lines recognised and the shapes seen
    /// once the scan summary carries them.
    func headerSection(_ r: Report, _ out: inout [String]) {
        out.append("<header>")
        out.append("<h1>tasker-logscan report</h1>")
        out.append("<dl class=\"header\">")
        func field(_ name: String, _ html: String, cls: String? = nil) {
            out.append("<dt>\(name)</dt><dd\(cls.map { " class=\"\($0)\"" } ?? "")>\(html)</dd>")
        }
        if r.inputs.isEmpty { field("Inputs", "none") }
        for (i, input) in r.inputs.enumerated() {
            field(i == 0 ? "Inputs" : "", inputRow(input))
        }
        field("Time range", Self.text(ReportHeaderText.timeRange(r)))
        field("Read", Self.text(ReportHeaderText.read(r)))
        field("Environment", Self.text("\(r.environment); config: \(r.configSource)"))
        field("Settings", Self.text("window \(TimeText.duration(r.window)), episode gap \(TimeText.duration(r.episodeGap)), target usage \(ReportNumber.format(r.targetUsagePercent))%"))
        var filters: [String] = []
        if let since = r.since { filters.append("since \(TimeText.seconds(since))") }
        if let until = r.until { filters.append("until \(TimeText.seconds(until))") }
        if !r.channelFilter.isEmpty { filters.append("channels \(r.channelFilter.joined(separator: ", "))") }
        if !filters.isEmpty { field("Filters", Self.text(filters.joined(separator: "; "))) }
        for warning in r.warnings { field("Warning", Self.text(warning), cls: "warning-line") }
        field("Findings", Self.text(Self.findingCounts(r)))
        out.append("</dl>")
        out.append("</header>")
    }

    /// `fixtures/plain.log: 393.8 KiB, 1970 lines, 100% recognised: tracing full`, with
    /// compression, skipped lines and read errors.
    func inputRow(_ input: InputSummary) -> String {
        let details = ReportHeaderText.inputDetails(input)
        var html = "<code>\(Self.text(input.name))</code>: " + Self.text(details.joined(separator: ", "))
        if let error = input.error { html += " <span class=\"warning-line\">(error: \(Self.text(error)))</span>" }
        return html
    }

    // MARK: - Actions

    /// What to do, before why: the report's actions, most severe first (a resize names
    /// its key, size and file), then one TOML block per config file holding every change.
    func actionsSection(_ r: Report, _ out: inout [String]) {
        out.append("<section id=\"actions\">")
        out.append("<h2>Actions</h2>")
        if r.actions.isEmpty {
            let none = r.findings.isEmpty ? "No findings: nothing to do." : ReportHeaderText.noActions(r)
            out.append("<p class=\"muted\">" + Self.text(none) + "</p>")
        }
        for a in r.actions {
            out.append("<div class=\"action\">")
            out.append("<p>\(Self.badge(a.severity)) \(Self.text(a.text))</p>")
            let served = ReportHeaderText.served(a, r)
            if !served.isEmpty { out.append("<p class=\"note\">for \(Self.text(served))</p>") }
            out.append("</div>")
        }
        for change in r.configChanges {
            out.append("<p class=\"note\">In <code>\(Self.text(change.file))</code>:</p>")
            out.append("<pre class=\"toml\">\(HTMLEscaper.escape(Self.trimmedTOML(change.toml), keepNewlines: true))</pre>")
        }
        out.append("</section>")
    }

    // MARK: - Channels

    private func channelTable(_ r: Report, _ out: inout [String]) {
        out.append("<section id=\"channels\">")
        out.append("<h2>Channels</h2>")
        guard !r.channels.isEmpty else {
            out.append("<p class=\"muted\">No channel events.</p>")
            out.append("</section>")
            return
        }
        out.append("<table>")
        out.append("<tr><th>Channel</th><th class=\"num\">Capacity</th><th>Source</th><th class=\"num\">Saturation events</th><th class=\"num\">Max %</th><th class=\"num\">Full</th><th class=\"num\">Drops</th></tr>")
        for c in r.channels {
            WorkMeter.tick()
            let cells = [
                "<td><code>\(Self.text(Self.name(c.channel)))</code></td>",
                "<td class=\"num\">\(c.capacity.map(String.init) ?? "unknown")</td>",
                "<td>\(c.capacitySource?.rawValue ?? "-")</td>",
                "<td class=\"num\">\(c.saturationEvents)</td>",
                "<td class=\"num\">\(c.maxUsagePercent.map(ReportNumber.format) ?? "-")</td>",
                "<td class=\"num\">\(c.fullEvents)</td>",
                "<td class=\"num\">\(c.drops)</td>",
            ]
            out.append("<tr>" + cells.joined() + "</tr>")
        }
        out.append("</table>")
        out.append("</section>")
    }

    /// The findings past the report's limit: one row per id and severity, most severe first.
    private func countedFindings(_ r: Report, _ out: inout [String]) {
        let lines = ReportHeaderText.countedFindings(r)
        guard !lines.isEmpty else { return }
        out.append("<p class=\"note\">\(Self.text(ReportHeaderText.countedHeading(r))):</p>")
        out.append("<ul>" + lines.map { "<li>\(Self.text($0))</li>" }.joined() + "</ul>")
    }

    // MARK: - Timeline

    /// One chart per channel with windows, all on one time axis.
    func timeline(_ r: Report, _ out: inout [String]) {
        let charted = r.channels.filter { !$0.windows.isEmpty }
        guard !charted.isEmpty else { return }
        out.append("<section id=\"timeline\">")
        out.append("<h2>Channels over time</h2>")
        guard let axis = ChartTimeAxis(r, maxColumns: TimeChart.maxColumns()) else {
            out.append("<p class=\"muted\">No chart: no line had a timestamp.</p>")
            out.append("</section>")
            return
        }
        out.append("<p class=\"note\">\(Self.text(Self.axisNote(axis)))</p>")
        func item(_ key: String, _ label: String) -> String {
            "<span class=\"item\"><span class=\"key \(key)\"></span>\(label)</span>"
        }
        var legend = [item("usage", "peak usage % per column"), item("full", "full events"),
                      item("drops", "of which drops (lower scale)")]
        if !r.bulkTaskCreations.isEmpty { legend.append(item("bulk", "bulk task creation (tasks; hollow: under 1000)")) }
        if charted.contains(where: { !Self.capacityChanges($0).isEmpty }) { legend.append(item("capacity", "capacity change")) }
        legend.append(item("ep-critical", "critical") + item("ep-warning", "warning") + item("ep-info", "info finding span"))
        out.append("<p class=\"legend\">" + legend.joined(separator: " ") + "</p>")
        let bulk = r.bulkTaskCreations.map {
            TimeChart.BulkMark(at: $0.at.nanoseconds, count: $0.count, countsForCorrelation: $0.countsForCorrelation)
        }
        let concerning = Self.findingsByChannel(r.findings)
        // The same on every chart: drawn once (a flood of creations times many charts was quadratic).
        let bulkLayer = TimeChart(axis: axis, columns: []).bulkLayer(bulk)
        for c in charted {
            WorkMeter.tick()
            let chart = TimeChart(axis: axis, columns: axis.columns(c.windows))
            let episodes = Self.episodes(concerning[c.channel] ?? [])
            var caption = "<code>\(Self.text(Self.name(c.channel)))</code>"
            if let capacity = c.capacity { caption += " <span class=\"muted\">capacity \(capacity) (\(c.capacitySource?.rawValue ?? "?"))</span>" }
            if c.untimedEvents > 0 {
                caption += " <span class=\"muted\">(\(ReportNumber.counted(c.untimedEvents, "event")) without timestamp: in the totals, not drawn)</span>"
            }
            out.append("<figure>")
            out.append("<figcaption>\(caption)</figcaption>")
            out.append(chart.svg(title: "\(Self.name(c.channel)): peak usage, full events and drops over time", episodes: episodes,
                                 bulkLayer: bulkLayer, capacityChanges: Self.capacityChanges(c)))
            out.append("</figure>")
        }
        out.append("</section>")
    }

    /// `One column per 5m from …`, and when windows were merged, how many and why.
    static func axisNote(_ axis: ChartTimeAxis) -> String {
        let from = TimeText.seconds(Timestamp(nanoseconds: axis.start))
        if axis.windowsPerColumn == 1 {
            return "One column per \(TimeText.duration(axis.window)) window from \(from) (UTC); shading marks the findings' time spans."
        }
        return "One column per \(TimeText.duration(axis.columnWidth)) from \(from) (UTC): \(axis.windowCount) windows of \(TimeText.duration(axis.window)) are more than the chart can show, so every \(axis.windowsPerColumn) are merged (peak usage by maximum, full events and drops summed); shading marks the findings' time spans."
    }

    /// Per channel, the findings that concern it, in report order: gathered in one pass, as
    /// filtering every finding per channel was quadratic (issue 16).
    static func findingsByChannel(_ findings: [Finding]) -> [String: [Finding]] {
        var byChannel: [String: [Finding]] = [:]
        for f in findings {
            WorkMeter.tick()
            if let channel = f.channel {
                byChannel[channel, default: []].append(f)
            } else if case .allChannelsSaturated(let a) = f.evidence {
                // Each channel once, even if a window named it twice.
                var seen = Set<String>()
                for c in a.channels where seen.insert(c.channel).inserted {
                    WorkMeter.tick()
                    byChannel[c.channel, default: []].append(f)
                }
            }
        }
        return byChannel
    }

    /// True when `finding` is about `channel`: its own channel, or one of the channels of an
    /// `all_channels_saturated` window.
    static func concerns(_ finding: Finding, _ channel: String) -> Bool {
        WorkMeter.tick()
        if finding.channel == channel { return true }
        if finding.channel == nil, case .allChannelsSaturated(let a) = finding.evidence {
            return a.channels.contains { $0.channel == channel }
        }
        return false
    }

    /// The time spans of a channel's findings, from their evidence, to shade behind its chart.
    static func episodes(_ findings: [Finding]) -> [TimeChart.Episode] {
        findings.compactMap { f in
            guard let (start, end) = span(f.evidence) else { return nil }
            let label = "\(f.severity.rawValue) \(f.id.rawValue): \(TimeText.seconds(start)) to \(TimeText.seconds(end))"
            return TimeChart.Episode(start: start.nanoseconds, end: end.nanoseconds, severity: f.severity, label: label)
        }
        // Least severe first so that the most severe is drawn on top.
        .sorted { $0.severity < $1.severity }
    }

    /// Start and end of the evidence, when the finding is about a time span.
    static func span(_ e: Evidence) -> (Timestamp, Timestamp)? {
        switch e {
        case .saturation(let s): (s.start, s.end)
        case .burst(let b): (b.start, b.end)
        case .ffiBackpressure(let f): (f.start, f.end)
        case .drops(let d): (d.start, d.end)
        case .full(let f): (f.start, f.end)
        case .allChannelsSaturated(let a): (a.start, a.end)
        case .drift, .prefix: nil
        }
    }

    /// Capacity changes to mark on a channel's chart.
    /// The channel's capacity changes in the logs (restarts with a new size) as chart marks.
    static func capacityChanges(_ channel: ChannelReport) -> [TimeChart.CapacityMark] {
        channel.capacityChanges.map { TimeChart.CapacityMark(at: $0.at.nanoseconds, from: $0.from, to: $0.to) }
    }

    // MARK: - Findings

    private func findingsSection(_ r: Report, _ out: inout [String]) {
        out.append("<section id=\"findings\">")
        out.append("<h2>Findings: \(Self.text(Self.findingCounts(r)))</h2>")
        for severity in Severity.allCases.reversed() {
            let group = r.findings.filter { $0.severity == severity }
            guard !group.isEmpty else { continue }
            out.append("<h3>\(Self.badge(severity)) \(severity.rawValue.capitalized) (\(group.count))</h3>")
            // Findings of one id and channel stay together, in the order of their first.
            var keys: [String] = []
            var byKey: [String: [Finding]] = [:]
            for f in group {
                let key = f.id.rawValue + "\u{0}" + (f.channel ?? "")
                if byKey[key] == nil { keys.append(key) }
                byKey[key, default: []].append(f)
            }
            for key in keys {
                WorkMeter.tick()
                let findings = byKey[key] ?? []
                if findings.count <= Self.fullFindingsPerGroup {
                    for f in findings { finding(f, &out) }
                } else {
                    let worst = Self.worst(findings)
                    finding(worst, &out)
                    others(findings.filter { $0 != worst }, &out)
                }
            }
        }
        countedFindings(r, &out)
        out.append("</section>")
    }

    /// One finding: heading, summary, evidence, recommendation and TOML.
    func finding(_ f: Finding, _ out: inout [String]) {
        out.append("<article class=\"finding sev-\(f.severity.rawValue)\">")
        out.append("<h4>\(Self.badge(f.severity)) <code>\(f.id.rawValue)</code>: \(Self.text(f.channel.map(Self.name) ?? FindingTextBlock.subject(f)))</h4>")
        out.append("<p>\(Self.text(f.summary))</p>")
        out.append("<p class=\"label\">Evidence</p>")
        out.append("<ul>" + EvidenceText.lines(f.evidence).map { "<li>\(Self.text($0))</li>" }.joined() + "</ul>")
        out.append("<p class=\"label\">Recommendation</p>")
        out.append("<p>\(Self.text(f.recommendation.text))</p>")
        if let toml = f.recommendation.toml {
            out.append("<pre class=\"toml\">\(HTMLEscaper.escape(Self.trimmedTOML(toml), keepNewlines: true))</pre>")
        }
        out.append("</article>")
    }

    /// The rest of a large group, one row each: start, duration, peak, severity.
    private func others(_ findings: [Finding], _ out: inout [String]) {
        out.append("<p class=\"note\">\(findings.count) more of the same id and channel:</p>")
        out.append("<table class=\"others\"><tr><th>Start</th><th class=\"num\">Duration</th><th class=\"num\">Peak</th><th>Severity</th></tr>")
        for f in findings {
            WorkMeter.tick()
            let start = f.start.map(TimeText.seconds) ?? "-"
            let duration = f.start.flatMap { s in f.end.map { TimeText.duration($0.nanoseconds - s.nanoseconds) } } ?? "-"
            out.append("<tr><td class=\"mono\">\(start)</td><td class=\"num\">\(duration)</td><td class=\"num\">\(Self.text(Self.peak(f.evidence)))</td><td>\(f.severity.rawValue)</td></tr>")
        }
        out.append("</table>")
    }

    /// The most severe finding, the longest among equals, the first among those.
    static func worst(_ findings: [Finding]) -> Finding {
        func length(_ f: Finding) -> Int64 {
            guard let s = f.start, let e = f.end else { return 0 }
            return e.nanoseconds - s.nanoseconds
        }
        var best = findings[0]
        for f in findings.dropFirst() where f.severity > best.severity || (f.severity == best.severity && length(f) > length(best)) {
            best = f
        }
        return best
    }

    /// `97%` for usage findings, `12/min` for rate findings, what the one-line row shows as its peak.
    static func peak(_ e: Evidence) -> String {
        switch e {
        case .saturation(let s): "\(ReportNumber.format(s.maxUsagePercent))%"
        case .burst(let b): "\(ReportNumber.format(b.maxUsagePercent))%"
        case .ffiBackpressure(let f): "\(f.peakPerMinute)/min"
        case .drops(let d): "\(d.peakPerMinute)/min"
        case .full(let f): "\(f.peakPerMinute)/min"
        case .allChannelsSaturated(let a): "\(ReportNumber.format(a.channels.map(\.maxUsagePercent).max() ?? 0))%"
        case .drift(let d): "\(d.logsCapacity)"
        case .prefix: "-"
        }
    }

    // MARK: - Dropped event types and bulk creations

    private func droppedEventTypes(_ r: Report, _ out: inout [String]) {
        guard !r.droppedEventTypes.isEmpty else { return }
        out.append("<section id=\"dropped-event-types\">")
        out.append("<h2>Dropped event types (event_publisher)</h2>")
        let shown = Array(r.droppedEventTypes.prefix(Self.maxEventTypeBars))
        out.append(EventTypeBarChart(types: shown).svg())
        let rest = r.droppedEventTypes.dropFirst(shown.count)
        if !rest.isEmpty {
            let drops = rest.reduce(0) { $0 &+ $1.count }
            out.append("<p class=\"note\">and \(ReportNumber.counted(rest.count, "more type")) with \(ReportNumber.counted(drops, "drop")) (every type is in the JSON report)</p>")
        }
        out.append("</section>")
    }

    private func bulkTaskCreations(_ r: Report, _ out: inout [String]) {
        // Looked up once per creation: filtering every burst per creation was quadratic.
        let correlations = BurstCorrelations(r)
        let bursts = correlations.bursts
        guard !r.bulkTaskCreations.isEmpty || !bursts.isEmpty else { return }
        out.append("<section id=\"bulk-task-creations\">")
        out.append("<h2>Bulk task creations and PGMQ bursts</h2>")
        out.append("<table><tr><th>At</th><th class=\"num\">Tasks</th><th>PGMQ burst</th></tr>")
        for bulk in r.bulkTaskCreations {
            WorkMeter.tick()
            let explained = correlations.explained(by: bulk)
            let outcome = !bulk.countsForCorrelation ? "under 1000 tasks: not a cause"
                : explained.isEmpty ? "no burst followed"
                : explained.map { "burst at \(TimeText.seconds($0.start))" }.joined(separator: ", ")
            out.append("<tr><td class=\"mono\">\(TimeText.seconds(bulk.at))</td><td class=\"num\">\(bulk.count.map(String.init) ?? "?")</td><td>\(outcome)</td></tr>")
        }
        out.append("</table>")
        if r.countedBulkTaskCreations > 0 {
            out.append("<p class=\"note\">and \(r.countedBulkTaskCreations) more, counted, not listed (the report lists the first \(r.bulkTaskCreations.count))</p>")
        }
        for burst in bursts where burst.bulkTaskCreation == nil {
            out.append("<p class=\"note\">burst at \(TimeText.seconds(burst.start)): no bulk task creation of 1000+ tasks from 5m before it</p>")
        }
        out.append("</section>")
    }

    // MARK: - Pieces

    /// Escaped text for element content.
    static func text(_ s: String) -> String { HTMLEscaper.escape(s) }

    /// A channel name cut to `DisplayText.nameLimit` characters with `…`, as the text report
    /// shows it (the JSON keeps it whole): one 300 KB name must not be copied into every chart.
    static func name(_ s: String) -> String {
        s.count > DisplayText.nameLimit ? String(s.prefix(DisplayText.nameLimit - 1)) + "…" : s
    }

    static func badge(_ severity: Severity) -> String {
        "<span class=\"badge sev-\(severity.rawValue)\">\(severity.rawValue)</span>"
    }

    /// `4 critical, 6 warning, 9 info`, or `none`.
    static func findingCounts(_ r: Report) -> String {
        r.findings.isEmpty && r.countedFindings.isEmpty ? "none"
            : Severity.allCases.reversed().map { "\(r.count(of: $0)) \($0.rawValue)" }.joined(separator: ", ")
    }

    /// ` — 2025-10-14T00:00:00Z to …` for the browser tab, empty without a time range.
    static func titleSuffix(_ r: Report) -> String {
        guard r.timeRange.first != nil else { return "" }
        return " — " + text(ReportHeaderText.timeRange(r))
    }

    /// TOML without the blank lines at its ends.
    static func trimmedTOML(_ toml: String) -> String {
        toml.split(separator: "\n", omittingEmptySubsequences: false)
            .drop { $0.isEmpty }.reversed().drop { $0.isEmpty }.reversed().joined(separator: "\n")
    }
}
