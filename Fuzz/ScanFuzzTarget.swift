// libFuzzer entry point over the line parser and the event recogniser; with
// FUZZ_TARGET=report, over the analysis and the formatters (Fuzz/ReportFuzzTarget.swift).
//
// Compiled by `scripts/fuzz` into one module with the sources of every library
// target, Sources/LogScan* (the harness uses internal types), with
// `-sanitize=fuzzer,address`. Each input is one log file's bytes, plain or
// compressed. Besides "no crash, no ASan report" it checks:
//
// 1. Every event's fields obey the recogniser's rules (docs/ROBUSTNESS.md).
// 2. Lines and bytes are counted exactly (for gzip: of the inflated text).
// 3. Reading in 64-byte pieces gives the same events and counts as reading in
//    large pieces: line ends, CRI pieces and overlong lines are cut at every
//    buffer boundary and must not change anything.
// 4. The prefilter never drops an event: parsing every line directly (no
//    prefilter) gives the same events as the scanner, when no CRI line asks
//    for joining. Lines holding ESC or `\` are left out: an ANSI sequence or a
//    JSON escape inside a message phrase hides it from the prefilter (a known
//    limit, see docs/ROBUSTNESS.md and the disabled tests in FuzzFindingsTests).
// 5. A parsed timestamp names the year its text names (no silent wrap-around).

#if canImport(Glibc)
import Glibc
#endif

/// The line limit the fuzzer scans with: small, so overlong lines are cheap to reach.
let fuzzLineLimit = 512

/// Scanners are built once: the harness runs single-threaded and each scan resets them.
nonisolated(unsafe) let largeReads = LogScanner(options: ScanOptions(bufferSize: 1 << 16, maxLineLength: fuzzLineLimit))
nonisolated(unsafe) let smallReads = LogScanner(options: ScanOptions(bufferSize: 64, maxLineLength: fuzzLineLimit))
nonisolated(unsafe) let directWorkspace = LineWorkspace(capacity: fuzzLineLimit + 64)
nonisolated(unsafe) let directParser = LineParser(workspace: directWorkspace)
nonisolated(unsafe) let directRecognizer = EventRecognizer()

/// Stops the run with a message libFuzzer keeps next to the crashing input.
func fuzzFailure(_ message: String) -> Never {
    let text = "fuzz invariant broken: \(message)\n"
    _ = text.withCString { write(2, $0, strlen($0)) }
    abort()
}

/// Checks the rules every recognised event obeys, whatever the input.
func checkFields(_ e: Event, lines: Int64) {
    if e.line < 1 || Int64(e.line) > lines { fuzzFailure("line \(e.line) outside 1...\(lines)") }
    if let p = e.usagePercent, !(p.isFinite && p >= 0 && p <= 100) { fuzzFailure("usage_percent \(p)") }
    if let c = e.capacity, !EventRecognizer.capacities.contains(c) { fuzzFailure("capacity \(c)") }
    if let c = e.count, c < 0 { fuzzFailure("count \(c)") }
    if let s = e.seconds, !(s.isFinite && s >= 0) { fuzzFailure("seconds \(s)") }
    switch e.kind {
    case .saturation, .full, .channelInit:
        if (e.channel ?? "").isEmpty || (e.rawChannel ?? "").isEmpty { fuzzFailure("\(e.kind) without a channel") }
    case .ffiBackpressure:
        if e.channel != "ruby_ffi" { fuzzFailure("ffi_backpressure on \(e.channel ?? "nil")") }
    case .droppedEvent:
        if e.channel != "event_publisher" { fuzzFailure("dropped_event on \(e.channel ?? "nil")") }
        if (e.eventType ?? "").isEmpty { fuzzFailure("dropped_event without event type") }
    case .slowHandler:
        if e.seconds == nil { fuzzFailure("slow_handler without seconds") }
    case .bulkTaskCreation:
        break
    }
    // The events command prints every event: encoding must not trap either.
    _ = EventJSONEncoder.encode(e)
    if let ts = e.timestamp { _ = ts.rfc3339 }
}

/// The year written at the start of `line` when it starts with `YYYY-`.
func leadingYear(_ line: ByteSlice) -> Int64? {
    guard line.count >= 5, line[4] == UInt8(ascii: "-") else { return nil }
    var year: Int64 = 0
    for i in 0..<4 {
        let d = Int64(line[i]) - 48
        guard d >= 0, d <= 9 else { return nil }
        year = year * 10 + d
    }
    return year
}

/// Invariant 5: the instant parsed from `line` is in the year the text says
/// (±1 for a zone offset across New Year).
func checkTimestamp(_ line: ByteSlice) {
    guard let (ts, _) = TimestampParser.parse(line), let year = leadingYear(line) else { return }
    let parsedYear = Timestamp.civil(fromDays: ts.seconds.floorDiv(86_400)).year
    if abs(parsedYear - year) > 1 { fuzzFailure("timestamp of year \(year) parsed as year \(parsedYear)") }
}

/// Events of every line parsed on its own, without the prefilter, as the scanner would number them.
func directEvents(_ bytes: UnsafeBufferPointer<UInt8>) -> [Event]? {
    var events: [Event] = []
    guard let base = bytes.baseAddress, bytes.count > 0 else { return events }
    var start = 0
    var number = 0
    while start < bytes.count {
        let end = (start..<bytes.count).first { bytes[$0] == 0x0A } ?? bytes.count
        number += 1
        let raw = ByteSlice(base + start, end - start)
        let line = raw.withoutCarriageReturn
        checkTimestamp(line)
        // A CRI or Docker line may start or end a join: the scanner's state decides, so no direct oracle.
        if CRIPrefix.parse(line) != nil { return nil }
        let outer = OuterEnvelope.peel(line, workspace: directWorkspace)
        if outer.envelope == .dockerJSON { return nil }
        if raw.count <= fuzzLineLimit, !outer.unreadable,
           directParser.parse(outer.content, outerTimestamp: outer.timestamp, outerSource: outer.source,
                              envelopes: outer.envelope),
           let event = directRecognizer.recognise(directParser, input: "fuzz", line: number) {
            events.append(event)
        }
        start = end + 1
    }
    return events
}

/// Line numbers (1-based) of the lines that hold an ESC byte or a backslash:
/// what the parser rewrites (ANSI removal, JSON unescaping) before matching.
func linesHoldingEscape(_ bytes: [UInt8]) -> Set<Int> {
    var lines: Set<Int> = []
    var number = 1
    for b in bytes {
        if b == 0x0A { number += 1 } else if b == 0x1B || b == 0x5C { lines.insert(number) }
    }
    return lines
}

/// The text a compressed input decompresses to (up to 16 MiB), read as the scanner reads it.
func inflated(_ bytes: [UInt8]) -> [UInt8] {
    var summary = InputSummary(name: "fuzz")
    guard let source = try? LogScanner.decompressing(MemoryByteSource(bytes), summary: &summary) else { return [] }
    var text: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 4096)
    while text.count < 16 << 20 {
        let n = (try? chunk.withUnsafeMutableBytes { try source.read(into: $0.baseAddress!, count: $0.count) }) ?? 0
        if n == 0 { break }
        text += chunk[0..<n]
    }
    return text
}

/// `FUZZ_TARGET=report` fuzzes past scanning; anything else, the scanner.
let fuzzesReports = getenv("FUZZ_TARGET").map { String(cString: $0) == "report" } ?? false

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = size > 0 && data != nil ? Array(UnsafeBufferPointer(start: data, count: size)) : []
    if fuzzesReports {
        fuzzReport(bytes)
        return 0
    }
    let (events, summary) = largeReads.scan(bytes: bytes, name: "fuzz")
    let (smallEvents, smallSummary) = smallReads.scan(bytes: bytes, name: "fuzz")
    for event in events { checkFields(event, lines: summary.lines) }

    let text = summary.compressed ? inflated(bytes) : bytes
    if summary.compressed && text.count >= 16 << 20 { return 0 }
    // How much of a damaged zstd, xz or bzip2 stream comes out before the damage is
    // found depends on the output room (zstd checks a whole frame's checksum at its
    // end): the counts below hold for gzip, which resumes, and for whole streams.
    if summary.error != nil, let c = summary.compression, c != "gzip" { return 0 }
    if events != smallEvents {
        let onlyLarge = events.filter { !smallEvents.contains($0) }.map(\.line)
        let onlySmall = smallEvents.filter { !events.contains($0) }.map(\.line)
        fuzzFailure("64-byte reads gave \(smallEvents.count) events, large reads \(events.count); "
            + "only large reads on lines \(onlyLarge), only 64-byte reads on lines \(onlySmall)")
    }
    if summary.lines != smallSummary.lines || summary.bytes != smallSummary.bytes
        || summary.overlongLines != smallSummary.overlongLines || summary.error != smallSummary.error {
        fuzzFailure("64-byte reads gave \(smallSummary), large reads \(summary)")
    }

    let newlines = text.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    let expectedLines = Int64(newlines + (text.last.map { $0 == 0x0A ? 0 : 1 } ?? 0))
    if summary.lines != expectedLines { fuzzFailure("\(summary.lines) lines counted, \(expectedLines) in the input") }
    if summary.bytes != Int64(text.count) { fuzzFailure("\(summary.bytes) bytes counted, \(text.count) in the input") }
    // Plain input never fails to be read: it may hold no tasker line (SPEC §1), or compressed
    // data starting a line (issue 16); both say so.
    if !summary.compressed, let error = summary.error, !summary.nothingRecognised,
       !LiteralSet.compressionMagic.contains(where: { error.hasPrefix("\($0.name) data after plain text at byte ") }) {
        fuzzFailure("error on plain input: \(error)")
    }
    if summary.nothingRecognised && summary.error == nil { fuzzFailure("nothing recognised, and no error says so") }

    var unchecked = linesHoldingEscape(text)
    // A last line cut by a read error (damaged gzip) is counted but gives no event.
    if summary.error != nil, let last = text.last, last != 0x0A { unchecked.insert(Int(expectedLines)) }
    let withEscape = unchecked
    let direct = text.withUnsafeBufferPointer { directEvents($0) }?.filter { !withEscape.contains($0.line) }
    let scanned = events.filter { !withEscape.contains($0.line) }
    if let direct, direct != scanned {
        let extra = direct.filter { !scanned.contains($0) }.map(\.line)
        let missing = scanned.filter { !direct.contains($0) }.map(\.line)
        fuzzFailure("parsing each line directly gave \(direct.count) events, the scanner \(scanned.count); "
            + "only direct on lines \(extra), only scanner on lines \(missing)")
    }
    return 0
}
