import LogScanEngine
import LogScanConfig
import LogScanAnalysis

/// The report as Prometheus text exposition (format 0.0.4) for node_exporter's textfile
/// collector: `tasker_logscan_*` gauges with HELP and TYPE lines, labelled by channel and
/// severity. `promtool check metrics` accepts it without lint warnings.
///
/// Every metric is a gauge: each run describes the logs it read (`--since 24h` of a nightly
/// job), so a value may go down from one run to the next, which a counter must never do.
/// Usage is a ratio (0.97, not 97) as Prometheus' base-unit convention asks.
public struct PrometheusReportFormatter: ReportFormatter {
    /// `--label k=v`: constant labels first on every sample, so reports of several clusters
    /// or deployments can share one textfile directory.
    public let labels: [(name: String, value: String)]

    public init(labels: [(name: String, value: String)] = []) { self.labels = labels }

    /// Label names the formatter writes itself.
    static let ownLabels: Set<String> = ["channel", "severity", "source"]

    /// Parses `name=value` for `--label`: a Prometheus label name (not `__`-reserved, not one
    /// the formatter writes) and any value.
    public static func constantLabel(_ text: String) throws -> (name: String, value: String) {
        guard let equals = text.firstIndex(of: "=") else {
            throw OptionValueError("--label \(text): expected name=value, e.g. cluster=eu1")
        }
        let name = String(text[..<equals])
        let value = String(text[text.index(after: equals)...])
        let bytes = Array(name.utf8)
        let valid = !bytes.isEmpty && bytes.enumerated().allSatisfy { i, b in
            b == 0x5F || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || (i > 0 && b >= 0x30 && b <= 0x39)
        }
        guard valid, !name.hasPrefix("__") else {
            throw OptionValueError("--label \(text): \"\(name)\" is not a Prometheus label name ([a-zA-Z_][a-zA-Z0-9_]*, not starting with __)")
        }
        guard !ownLabels.contains(name) else {
            throw OptionValueError("--label \(text): \"\(name)\" is a label of the metrics themselves")
        }
        return (name, value)
    }

    public func format(_ report: Report) -> String {
        var out = ""
        family(&out, "lines_read", "Physical lines read from the inputs.",
               [([], .integer(report.linesRead))])
        family(&out, "read_bytes", "Bytes of log text read from the inputs (after decompression).",
               [([], .integer(report.inputs.reduce(0) { $0 + $1.bytes }))])
        family(&out, "input_errors", "Inputs that could not be read to their end (missing, unreadable, corrupt gzip).",
               [([], .integer(Int64(report.inputs.filter { $0.error != nil }.count)))])
        family(&out, "events", "Channel events found in the analysed range.",
               [([], .integer(Int64(report.eventsFound)))])
        family(&out, "events_untimed", "Channel events without a timestamp (in totals, in no window or finding).",
               [([], .integer(Int64(report.eventsUntimed)))])
        family(&out, "first_event_timestamp_seconds", "Oldest timestamp read from the logs (start of the analysed range), Unix time.",
               report.timeRange.first.map { [([], .time($0))] } ?? [])
        family(&out, "last_event_timestamp_seconds", "Newest timestamp read from the logs (end of the analysed range), Unix time.",
               report.timeRange.last.map { [([], .time($0))] } ?? [])

        let channels = report.channels
        family(&out, "channel_capacity", "Channel capacity the diagnoses used; source is config, logs or default.",
               channels.compactMap { c in
                   c.capacity.map { ([("channel", c.channel), ("source", c.capacitySource?.rawValue ?? "unknown")], .integer(Int64($0))) }
               })
        family(&out, "saturation_events", "Saturation warnings logged per channel (usage above 80%).",
               channels.map { ([("channel", $0.channel)], .integer(Int64($0.saturationEvents))) })
        family(&out, "peak_usage_ratio", "Highest channel usage logged, as a ratio of capacity (0.97 = 97%).",
               channels.compactMap { c in c.maxUsagePercent.map { ([("channel", c.channel)], .ratio(percent: $0)) } })
        family(&out, "full_events", "Lines saying the channel was full: overflow, FFI backpressure and dropped events (the runbook's mpsc_channel_full_events_total).",
               channels.map { ([("channel", $0.channel)], .integer(Int64($0.fullEvents))) })
        family(&out, "drops", "Messages lost per channel: full events with action dropped plus dropped events.",
               channels.map { ([("channel", $0.channel)], .integer(Int64($0.drops))) })

        let severities = Severity.allCases.reversed()
        family(&out, "findings", "Findings of the runbook's diagnoses per severity.",
               severities.map { ([("severity", $0.rawValue)], .integer(Int64(report.count(of: $0)))) })
        // Counted in one pass: filtering every finding per channel and severity was quadratic.
        var perChannel: [String: [Severity: Int]] = [:]
        for finding in report.findings {
            WorkMeter.tick()
            guard let channel = finding.channel else { continue }
            perChannel[channel, default: [:]][finding.severity, default: 0] += 1
        }
        family(&out, "counted_findings", "Findings past the report's limit of findings listed (0 when every finding is listed); they count in tasker_logscan_findings, not in tasker_logscan_channel_findings.",
               severities.map { severity in
                   ([("severity", severity.rawValue)],
                    .integer(Int64(report.countedFindings.reduce(0) { $0 + ($1.severity == severity ? $1.count : 0) })))
               })
        family(&out, "channel_findings", "Findings per channel and severity (findings about several channels or a config table, and those past the report's limit, are only in tasker_logscan_findings).",
               channels.flatMap { c in
                   severities.map { severity in
                       let n = perChannel[c.channel]?[severity] ?? 0
                       return ([("channel", c.channel), ("severity", severity.rawValue)], Value.integer(Int64(n)))
                   }
               })
        family(&out, "known_findings", "Findings the --baseline report already held (0 without one); they count in tasker_logscan_findings too.",
               [([], .integer(Int64(report.knownCount)))])
        family(&out, "actions", "Actions to take (config changes and advice) from the findings not known, per severity.",
               severities.map { severity in
                   ([("severity", severity.rawValue)], .integer(Int64(report.actions.filter { $0.severity == severity }.count)))
               })
        return out
    }

    /// A sample value, written without the rounding noise of binary floating point.
    enum Value {
        case integer(Int64)
        /// A percentage written as a ratio with at most four decimals (96.18 → 0.9618).
        case ratio(percent: Double)
        /// Unix time in seconds, with the timestamp's fraction (trailing zeros trimmed).
        case time(Timestamp)

        var text: String {
            switch self {
            case .integer(let n):
                return String(n)
            case .ratio(let percent):
                guard percent.isFinite else { return "NaN" }
                let tenThousandths = Int64((percent * 100).rounded())
                return Self.decimal(tenThousandths, digits: 4)
            case .time(let t):
                return Self.decimal(t.nanoseconds, digits: 9)
            }
        }

        /// `value / 10^digits` in decimal, fraction trimmed (`9618, 4` → `0.9618`).
        private static func decimal(_ value: Int64, digits: Int) -> String {
            var scale: Int64 = 1
            for _ in 0..<digits { scale *= 10 }
            let sign = value < 0 ? "-" : ""
            let magnitude = value.magnitude
            let whole = magnitude / UInt64(scale)
            var fraction = String(magnitude % UInt64(scale))
            fraction = String(repeating: "0", count: digits - fraction.count) + fraction
            while fraction.hasSuffix("0") { fraction.removeLast() }
            return sign + String(whole) + (fraction.isEmpty ? "" : "." + fraction)
        }
    }

    /// One metric family: HELP, TYPE, then its samples; nothing when it has no sample.
    private func family(_ out: inout String, _ name: String, _ help: String,
                        _ samples: [(labels: [(String, String)], value: Value)]) {
        guard !samples.isEmpty else { return }
        let metric = "tasker_logscan_" + name
        out += "# HELP \(metric) \(Self.escapedHelp(help))\n"
        out += "# TYPE \(metric) gauge\n"
        for sample in samples {
            WorkMeter.tick()
            out += metric
            let all = labels.map { ($0.name, $0.value) } + sample.labels
            if !all.isEmpty {
                out += "{" + all.map { "\($0.0)=\"\(Self.escapedLabel($0.1))\"" }.joined(separator: ",") + "}"
            }
            out += " " + sample.value.text + "\n"
        }
    }

    /// A label value as the text format wants it: backslash, double quote and line feed escaped.
    static func escapedLabel(_ value: String) -> String {
        var out = ""
        for c in value.unicodeScalars {
            switch c {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// HELP text: backslash and line feed escaped.
    private static func escapedHelp(_ text: String) -> String {
        text.replacingEvery("\\", with: "\\\\").replacingEvery("\n", with: "\\n")
    }
}
