// The harness's second mode (`FUZZ_TARGET=report scripts/fuzz`): past scanning, through
// the analysis, every report format, the follow analysis and option parsing (issue 16).
//
// The input is one log. Its last eight bytes also choose the options (window, episode
// gap, since/until, target usage, channels, environment, name limit, the follow
// analysis's bounds), and its first lines are fed to every option parser as fuzzed
// option strings. Besides "no crash, no AddressSanitizer report" it checks:
//
// 1. Every JSON output parses (JSONSerialization): the report, the `events` lines, the
//    follow lines.
// 2. No control character (C0 but `\n` and `\t`, DEL, C1), line separator or bidi
//    control reaches text (60 and 200 columns, with and without colour, once the
//    formatter's own SGR sequences are taken out), Markdown, summary, HTML or the
//    follow text and Markdown: whatever came from a log line is escaped.
// 3. Work stays linear: every output is at most `outputBytesPerInputByte` bytes per
//    input byte plus `outputBytesConstant` (64 B/byte + 64 KiB).
// 4. Option parsing never traps; what parses is in range (instants in 1900-2100,
//    durations in 0 < d <= 100 years, a `--label` adds no line).
// 5. The report marked with its own JSON as the baseline has every finding known.

import Foundation

/// Output bytes allowed per input byte: a line of the input appears in a bounded number of
/// rows, findings and evidence lists, each with a bounded amount of text around it.
let outputBytesPerInputByte = 64
/// Output bytes allowed on top: the HTML page's style sheet and script (about 22 KB), the report headers.
let outputBytesConstant = 64 * 1024

/// The option values the last input bytes choose among, with the edges of each range.
enum FuzzOptionTables {
    static let durations: [Int64] = [1_000_000, 1_000_000_000, 60_000_000_000, AnalysisOptions.fiveMinutes,
                                     3_600_000_000_000, 86_400_000_000_000, TimeBound.longestDuration]
    static let gaps: [Int64] = [0, 1] + durations
    static let instants: [String] = ["1900-01-01T00:00:00Z", "2025-10-14T00:00:00Z", "2025-10-14T10:20:00+02:00",
                                     "2100-12-31T23:59:59.999999999Z"]
    static let usages: [Double] = [70, 0.001, 1, 50, 99, 99.999]
    static let channels: [String] = ["worker_command", "orchestration_command_channel", "event_publisher", "ruby_ffi", "nope"]
    static let environments = ["production", "test", "development"]
    static let nameLimits = [10_000, 1, 2, 3]
}

/// `FUZZ_SIZES=1 FUZZ_TARGET=report scripts/fuzz repro FILE…` prints each output's size per
/// input, to see how far from the bound the outputs are.
let printsSizes = getenv("FUZZ_SIZES") != nil

/// Invariant 3 for one output.
func checkSize(_ text: String, _ format: String, inputBytes: Int) {
    let size = text.utf8.count
    if printsSizes { print("size \(format) \(size) input \(inputBytes)") }
    if size > outputBytesPerInputByte * inputBytes + outputBytesConstant {
        fuzzFailure("\(format) output of \(size) bytes for \(inputBytes) input bytes")
    }
}

/// Formats `report` every way and checks every output (invariants 1 to 3).
func checkFormats(_ report: Report, inputBytes: Int) {
    func bounded(_ text: String, _ format: String) -> String {
        checkSize(text, format, inputBytes: inputBytes)
        return text
    }
    for width in [60, 200] {
        checkDisplayText(bounded(TextReportFormatter(color: false, width: width).format(report), "text"), "text \(width)")
        let coloured = bounded(TextReportFormatter(color: true, width: width).format(report), "colour text")
        checkDisplayText(withoutSGR(coloured), "colour text \(width)")
    }
    checkDisplayText(bounded(MarkdownReportFormatter().format(report), "markdown"), "markdown")
    for width in [40, 200] {
        checkDisplayText(bounded(SummaryReportFormatter(width: width).format(report), "summary"), "summary \(width)")
    }
    checkDisplayText(bounded(HTMLReportFormatter().format(report), "html"), "html")
    let json = bounded(JSONReportFormatter().format(report), "json")
    checkJSON(json, "report")
    _ = bounded(PrometheusReportFormatter(labels: [("cluster", "eu\n\"1\\")]).format(report), "prometheus")

    // Invariant 5: read back as a baseline, the report knows every one of its findings.
    do {
        let baseline = try Baseline.parse(Data(json.utf8), path: "fuzz.json")
        let marked = report.marking(baseline)
        if marked.knownCount != marked.findings.count {
            fuzzFailure("its own baseline knows \(marked.knownCount) of \(marked.findings.count) findings")
        }
        checkDisplayText(TextReportFormatter(color: false).format(marked), "text with baseline")
    } catch {
        fuzzFailure("the report's own JSON is no baseline: \(error)")
    }
}

/// Invariant 2: nothing in `text` can move a terminal's cursor, recolour it or reorder what is read.
func checkDisplayText(_ text: String, _ format: String) {
    for (offset, scalar) in text.unicodeScalars.enumerated() where scalar != "\n" && scalar != "\t" && DisplayText.needsEscape(scalar) {
        fuzzFailure("\(format) output holds U+\(String(scalar.value, radix: 16, uppercase: true)) at scalar \(offset)")
    }
}

/// The text without the SGR sequences (`ESC[…m`) the text formatter writes for colour.
func withoutSGR(_ text: String) -> String {
    var out = String.UnicodeScalarView()
    var scalars = text.unicodeScalars[...]
    while let c = scalars.first {
        scalars.removeFirst()
        guard c == "\u{1B}", scalars.first == "[" else {
            out.append(c)
            continue
        }
        var rest = scalars.dropFirst()
        while let d = rest.first, d == ";" || ("0"..."9").contains(d) { rest.removeFirst() }
        guard rest.first == "m" else {
            out.append(c)
            continue
        }
        scalars = rest.dropFirst()
    }
    return String(out)
}

/// Invariant 1: `text` holds JSON values, one per line when `lines`.
func checkJSON(_ text: String, _ what: String, lines: Bool = false) {
    let documents = lines ? text.split(separator: "\n").map(String.init) : [text]
    for document in documents {
        do {
            _ = try JSONSerialization.jsonObject(with: Data(document.utf8), options: [.fragmentsAllowed])
        } catch {
            fuzzFailure("\(what) JSON does not parse: \(error); \(document.prefix(200))")
        }
    }
}

/// The Prometheus lines of an empty report, without constant labels.
let emptyExposition = PrometheusReportFormatter().format(Report()).split(separator: "\n")

/// Invariant 4: every option parser on a fuzzed string; what it accepts is in range.
func checkOptionParsing(_ text: String) {
    let instants = Timestamp(seconds: -2_208_988_800)...Timestamp(seconds: 4_133_980_799, nanos: 999_999_999)
    if let bound = try? TimeBound(option: "--since", text) {
        switch bound {
        case .instant(let t):
            if !instants.contains(t) { fuzzFailure("--since \(text) parsed as \(t.rfc3339)") }
            _ = t.rfc3339
        case .beforeNewest(let d):
            if d <= 0 || d > TimeBound.longestDuration { fuzzFailure("--since \(text) parsed as \(d) ns back") }
            _ = bound.resolve(newest: instants.lowerBound)
            _ = bound.resolve(newest: instants.upperBound)
        }
    }
    if let d = try? TimeBound.duration(option: "--window", text), d <= 0 || d > TimeBound.longestDuration {
        fuzzFailure("--window \(text) parsed as \(d) ns")
    }
    if let d = try? HumanDuration.parse(text), d < 0 { fuzzFailure("duration \(text) parsed as \(d) ns") }
    if let label = try? PrometheusReportFormatter.constantLabel(text) {
        // A constant label is on every sample's line and never makes a line of its own.
        let lines = PrometheusReportFormatter(labels: [label]).format(Report()).split(separator: "\n")
        if lines.count != emptyExposition.count { fuzzFailure("label \(text) gives \(lines.count) lines, not \(emptyExposition.count)") }
    }
    _ = FailOn(rawValue: text)
    _ = ChannelCatalog.canonicalName(text)
    _ = DisplayText.name(text)
    _ = ClosestName.find(text, among: FuzzOptionTables.environments)
}

/// The analysis options the input's last bytes choose (`nil`: a combination `validate` refuses).
func fuzzOptions(_ bytes: [UInt8], events: [Event], fuzzedStrings: [String]) -> AnalysisOptions? {
    var choice = Array(bytes.suffix(8))
    while choice.count < 8 { choice.insert(0, at: 0) }
    func pick<T>(_ table: [T], _ byte: UInt8) -> T { table[Int(byte) % table.count] }
    /// A bound: none, a table instant, a span back from the newest event, or a fuzzed string.
    func bound(_ byte: UInt8) -> TimeBound? {
        switch byte % 4 {
        case 0: return nil
        case 1: return try? TimeBound(parsing: pick(FuzzOptionTables.instants, byte >> 2))
        case 2: return .beforeNewest(pick(FuzzOptionTables.durations, byte >> 2))
        default: return fuzzedStrings.isEmpty ? nil : try? TimeBound(parsing: pick(fuzzedStrings, byte >> 2))
        }
    }
    var channels: Set<String> = []
    if choice[5] & 1 != 0 { channels.insert(pick(FuzzOptionTables.channels, choice[5] >> 1)) }
    // A channel of the input itself, hostile names and all.
    if choice[5] & 0x80 != 0, let name = events.compactMap(\.rawChannel).first { channels.insert(name) }
    var options = AnalysisOptions(window: pick(FuzzOptionTables.durations, choice[0]),
                                  episodeGap: pick(FuzzOptionTables.gaps, choice[1]),
                                  since: bound(choice[2]), until: bound(choice[3]), channels: channels,
                                  targetUsage: pick(FuzzOptionTables.usages, choice[4]),
                                  environment: pick(FuzzOptionTables.environments, choice[6]))
    options.nameLimit = pick(FuzzOptionTables.nameLimits, choice[6] >> 2)
    guard (try? options.validate()) != nil else { return nil }
    return options
}

/// The follow analysis over the same events, as `--follow` runs it (looks only when the
/// analysis asks for one, and at the end: no clock), every output checked.
func checkFollow(_ events: [Event], options: AnalysisOptions, scan: ScanSummary, choice: UInt8, inputBytes: Int) {
    // Small bounds make the analysis prune and start afresh; the defaults, not.
    let small = choice & 1 != 0
    let analyzer = small ? FollowAnalyzer(options: options, maxEvents: 16, carriedEvents: 4, pruneMinimum: 2)
                         : FollowAnalyzer(options: options)
    for format in FollowOutputFormatter.Format.allCases {
        var output = ""
        let session = FollowSession(analyzer: analyzer, formatter: FollowOutputFormatter(format: format, width: 60),
                                    interval: .infinity) { output += $0 }
        var newest: Timestamp?
        for event in events {
            if let t = event.timestamp { newest = max(newest ?? t, t) }
            session.add(event, now: newest)
        }
        session.advance(now: newest, quiet: true)
        let summary = session.finish(scan: scan)
        if summary.eventsRead != events.count { fuzzFailure("follow read \(summary.eventsRead) of \(events.count) events") }
        checkSize(output, "follow \(format)", inputBytes: inputBytes)
        switch format {
        case .json: checkJSON(output, "follow", lines: true)
        case .text, .markdown: checkDisplayText(output, "follow \(format)")
        }
    }
}

/// The report mode's entry: scan, analyse, format, follow.
func fuzzReport(_ bytes: [UInt8]) {
    var events: [Event] = []
    let scan = largeReads.scan([.bytes(name: "fuzz", bytes)]) { events.append($0) }

    // The first lines (at most 16, each at most 256 bytes) as option strings.
    var fuzzedStrings: [String] = []
    for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false).prefix(16) {
        let text = String(decoding: line.prefix(256), as: UTF8.self)
        checkOptionParsing(text)
        fuzzedStrings.append(text)
    }
    // The input as a baseline file: an error or a baseline, never a trap.
    _ = try? Baseline.parse(Data(bytes), path: "fuzz.json")

    // The `events` command's lines.
    var eventLines = ""
    for event in events { eventLines += EventJSONEncoder.encode(event) + "\n" }
    checkJSON(eventLines, "events", lines: true)
    checkSize(eventLines, "events", inputBytes: bytes.count)

    guard let options = fuzzOptions(bytes, events: events, fuzzedStrings: fuzzedStrings) else { return }
    var analyzer = Analyzer(options: options)
    for event in events { analyzer.add(event) }
    let report = analyzer.finish(scan: scan)
    checkFormats(report, inputBytes: bytes.count)
    checkFollow(events, options: options, scan: scan, choice: bytes.last ?? 0, inputBytes: bytes.count)
}
