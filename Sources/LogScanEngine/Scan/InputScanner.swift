import CPCRE2
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Scans the bytes of one input at a time: reads into one reusable buffer,
/// skips noise with the prefilter, counts lines with SIMD, turns candidate lines
/// into events, and counts the input's line shapes on a sample (`ShapeCensus`).
/// Not thread-safe: one per thread.
final class InputScanner {
    private let options: ScanOptions
    /// Prefilter for logs as services write them: the message literals only.
    /// Both also look for compressed data at a line start (`LiteralSet.compressionMagic`,
    /// the last needles): free with Teddy, whose cost does not grow with the literals.
    /// Built once for every scanner (every thread): choosing the fingerprints and buckets
    /// is start-up work.
    private static let messagePrefilter = LiteralPrefilter(literals: LiteralSet.messages,
                                                    byteLiterals: LiteralSet.compressionMagic.map(\.bytes))
    /// Prefilter for container runtime files: also the partial-line tag, so that
    /// the pieces of a split line are joined before the message is looked at.
    private static let criPrefilter = LiteralPrefilter(literals: LiteralSet.messages + LiteralSet.criPartial,
                                                byteLiterals: LiteralSet.compressionMagic.map(\.bytes))
    /// The one in use for this input: the CRI one from the input's first CRI line on when
    /// that line is among its first lines (`InputFormat`).
    private var prefilter: LiteralPrefilter
    private var usingCRIPrefilter = false
    /// The input holds Docker json-file entries: long lines are looked at (`countLines`).
    private var dockerInput = false
    /// How many of the input's first lines are still to be looked at for the CRI
    /// format (counted in lines, overlong ones too, so the decision does not depend on read sizes).
    private var formatSearchBudget = 0
    /// What the search found so far.
    private var format = InputFormat()
    /// A range of a file scanned on its own thread gets the file's format, decided from the
    /// file's first lines: applied at its offsets instead of searched for.
    private var givenFormat: InputFormat?
    private let workspace: LineWorkspace
    private let parser: LineParser
    /// Reads single lines for the census and the time range (its own workspace:
    /// it runs between the event path's lines, never inside one).
    private let reader: LineReader
    private let recognizer = EventRecognizer()
    /// The bytes being scanned: `ownBuffer`, or a mapped window of the file (read only:
    /// nothing writes through it while it points there).
    private var buffer: UnsafeMutablePointer<UInt8>
    /// Reads land here, and a partial line at a region's end is carried over here.
    private let ownBuffer: UnsafeMutablePointer<UInt8>
    /// Room for a carried-over partial line (< maxLineLength) plus one read.
    private let capacity: Int
    private var joins: [LineJoin]

    // State of the input being scanned.
    private var inputName = ""
    private var lines: Int64 = 0
    private var overlong: Int64 = 0
    private var earliest: Timestamp?
    private var latest: Timestamp?
    /// The timestamp of the last timestamped line seen at a region's end.
    private var lastLineTimestamp: Timestamp?
    private var events: Int64 = 0
    private var census = ShapeCensus()
    /// The shape of the first piece of a split line, per stream, while the census counts exactly.
    private var censusPieces: [LineShape?] = [nil, nil]
    /// Input offset of `buffer[0]` (the source's first byte is at `startOffset`).
    private var base: Int64 = 0
    /// The next input offset whose line the census samples.
    private var nextSample: Int64 = 0
    private var binary = false
    /// Compressed data found at a line start after the input's start: (format, offset).
    private var embeddedCompression: (String, Int64)?
    private var firstLine: [UInt8] = []
    private var firstLineDone = false
    private var activeJoins = 0
    private var emit: (Event) -> Void = { _ in }
    /// The mapped windows being scanned, when the input is a mapped file: asked whether the
    /// file was truncated under them before a line that holds zeros gives an event.
    private var mapped: MappedFileWindows?

    /// How many lines at the end of a region are tried for the time range.
    static let timestampSearchLines = 8
    /// NUL bytes here mark binary data (as ripgrep and git decide it).
    static let binaryProbeBytes: Int64 = 64 * 1024

    init(options: ScanOptions) {
        self.options = options
        prefilter = Self.messagePrefilter // the CRI one is built only for an input that needs it
        workspace = LineWorkspace(capacity: options.maxLineLength + 64)
        parser = LineParser(workspace: workspace)
        reader = LineReader(maxLineLength: options.maxLineLength)
        capacity = options.bufferSize + options.maxLineLength + 64
        ownBuffer = .allocate(capacity: capacity)
        buffer = ownBuffer
        joins = [LineJoin(capacity: options.maxLineLength), LineJoin(capacity: options.maxLineLength)]
    }

    deinit {
        ownBuffer.deallocate()
        for join in joins { join.deallocate() }
    }

    /// Reads `source` to its end (or its first error) and calls `onEvent` for each event.
    /// `startOffset`: where the source starts in its input (a range of a file), so
    /// that the census samples the same lines however the input is split.
    /// `format`: the input's format when already decided (a range of a file: the file's).
    func scan(_ source: ByteSource, startOffset: Int64 = 0, format given: InputFormat? = nil,
              into summary: inout InputSummary, onEvent: @escaping (Event) -> Void) {
        scan(.source(source), startOffset: startOffset, format: given, into: &summary, onEvent: onEvent)
    }

    /// As `scan(_:...)`, over the windows of a mapped file: the same lines, events and
    /// counts as reading it, without copying its bytes.
    func scan(mapped windows: MappedFileWindows, startOffset: Int64 = 0, format given: InputFormat? = nil,
              into summary: inout InputSummary, onEvent: @escaping (Event) -> Void) {
        scan(.mapped(windows), startOffset: startOffset, format: given, into: &summary, onEvent: onEvent)
    }

    private enum Reading {
        case source(ByteSource)
        case mapped(MappedFileWindows)
    }

    private func scan(_ reading: Reading, startOffset: Int64, format given: InputFormat?,
                      into summary: inout InputSummary, onEvent: @escaping (Event) -> Void) {
        if case .mapped(let windows) = reading { mapped = windows } else { mapped = nil }
        defer { mapped = nil }
        // Each thread's events carry a storage of their own (`String.unshared`).
        inputName = summary.name.unshared
        lines = 0
        overlong = 0
        earliest = nil
        latest = nil
        lastLineTimestamp = nil
        events = 0
        census = ShapeCensus()
        censusPieces = [nil, nil]
        binary = false
        embeddedCompression = nil
        firstLine = []
        firstLineDone = false
        activeJoins = 0
        prefilter = Self.messagePrefilter
        usingCRIPrefilter = false
        dockerInput = false
        format = InputFormat()
        givenFormat = given
        formatSearchBudget = given == nil ? InputFormat.lineCount : 0
        // Samples at the multiples of the stride past the exactly counted start.
        let stride = ShapeCensus.sampleStride
        nextSample = max(ShapeCensus.exactBytes, (startOffset + stride - 1) / stride * stride)
        for k in joins.indices { joins[k].active = false }
        emit = onEvent
        defer {
            emit = { _ in }
            buffer = ownBuffer
        }

        var filled = 0
        var discarding = false
        var readFailed = false
        var bytes: Int64 = 0
        while true {
            var n = 0
            do {
                switch reading {
                case .source(let source):
                    n = try source.read(into: ownBuffer + filled, count: min(options.bufferSize, capacity - filled))
                case .mapped(let windows):
                    guard let chunk = try windows.next(), let data = chunk.baseAddress else { break }
                    if filled == 0 {
                        // Lines that start in the window are scanned where they are mapped.
                        buffer = UnsafeMutablePointer(mutating: data)
                        n = chunk.count
                    } else {
                        // The rest of a line begun before: after its start, as a read would put it.
                        let room = min(chunk.count, options.bufferSize, capacity - filled)
                        n = memchr(data, 0x0A, room).map { UnsafeRawPointer($0) - UnsafeRawPointer(data) + 1 } ?? room
                        memcpy(ownBuffer + filled, data, n)
                    }
                    windows.consume(n)
                }
            } catch {
                summary.error = error.message
                readFailed = true
                break
            }
            if n == 0 { break }
            let offsetOfRead = startOffset + bytes
            if offsetOfRead < InputScanner.binaryProbeBytes, !binary {
                let probe = Int(min(Int64(n), InputScanner.binaryProbeBytes - offsetOfRead))
                if memchr(buffer + filled, 0, probe) != nil { binary = true }
            }
            if startOffset == 0, !firstLineDone { keepFirstLine(buffer + filled, count: n) }
            bytes += Int64(n)
            var start = 0
            let end = filled + n
            base = startOffset + bytes - Int64(end)
            if discarding {
                // The rest of an overlong line: drop everything up to its newline.
                guard let nl = memchr(buffer + filled, 0x0A, n) else {
                    filled = 0
                    buffer = ownBuffer
                    continue
                }
                start = UnsafeRawPointer(nl) - UnsafeRawPointer(buffer) + 1
                lines += 1
                discarding = false
            }
            var carryFrom = start
            if let nl = memrchr(buffer + start, 0x0A, end - start) {
                let regionEnd = UnsafeRawPointer(nl) - UnsafeRawPointer(buffer) + 1
                scanRegion(from: start, to: regionEnd)
                carryFrom = regionEnd
            }
            filled = end - carryFrom
            // The partial line moves to the buffer's start; one longer than any line is dropped below.
            if filled > 0, filled <= options.maxLineLength, carryFrom > 0 || buffer != ownBuffer {
                memmove(ownBuffer, buffer + carryFrom, filled)
            }
            buffer = ownBuffer
            if filled > options.maxLineLength {
                // Longer than any line we parse: count it, drop it, skip to its end.
                overlong += 1
                // One of the lines the format search counts, as when a larger read holds it whole.
                if formatSearchBudget > 0 { formatSearchBudget -= 1 }
                discarding = true
                filled = 0
            }
        }
        if discarding {
            lines += 1
        } else if filled > 0 && readFailed {
            // Cut by the read error: a line, but its last field may be cut
            // (`usage_percent=91.5` read as `9`), so it gives no event.
            lines += 1
        } else if filled > 0 {
            // A last line without a newline is still a line: end it (the buffer has room).
            base = startOffset + bytes - Int64(filled)
            buffer[filled] = 0x0A
            scanRegion(from: 0, to: filled + 1)
        }
        flushJoins()
        note(lastLineTimestamp)
        summary.bytes = bytes
        summary.lines = lines
        summary.overlongLines = overlong
        summary.firstTimestamp = earliest
        summary.lastTimestamp = latest
        summary.events = events
        summary.census = census
        summary.binary = binary
        summary.firstLine = firstLine
        summary.scanned = true
        if let (name, offset) = embeddedCompression, summary.error == nil {
            summary.error = InputError.compressedDataInText(name, at: offset).message
        }
    }

    /// The input's first bytes up to its first newline (at most 256), over as many reads as it takes.
    private func keepFirstLine(_ p: UnsafeMutablePointer<UInt8>, count n: Int) {
        let room = 256 - firstLine.count
        let take = min(n, room)
        if let nl = memchr(p, 0x0A, take) {
            firstLine += UnsafeBufferPointer(start: p, count: UnsafeRawPointer(nl) - UnsafeRawPointer(p))
            firstLineDone = true
        } else {
            firstLine += UnsafeBufferPointer(start: p, count: take)
            firstLineDone = firstLine.count >= 256
        }
    }

    // MARK: - Regions of complete lines

    /// The newline ending the line at `pos`. A region ends just after a newline; only a file
    /// truncated under its mapping (read as zeros from then on) can lack one: then its end.
    @inline(__always) private func lineEnd(after pos: Int, to: Int) -> Int {
        guard let nl = memchr(buffer + pos, 0x0A, to - pos) else { return to - 1 }
        return UnsafeRawPointer(nl) - UnsafeRawPointer(buffer)
    }

    /// Scans `[from, to)`, which starts at a line start and ends just after a newline.
    private func scanRegion(from: Int, to: Int) {
        if base + Int64(from) < ShapeCensus.exactBytes { classifyExactly(from: from, to: to) }
        if nextSample < base + Int64(to) { classifySamples(from: from, to: to) }
        noteRegionEnd(from: from, to: to)
        var rest = formatSearchBudget > 0 ? scanLinesSearchingFormat(from: from, to: to) : from
        if givenFormat != nil { rest = applyGivenFormat(from: rest, to: to) }
        scanLines(from: rest, to: to)
    }

    /// Scans the lines of `[from, to)`, which starts at a line start and ends just after a newline.
    private func scanLines(from: Int, to: Int) {
        var pos = from
        while pos < to {
            if activeJoins > 0 {
                pos = scanLineWhileJoining(at: pos, to: to)
                continue
            }
            // One pass finds the next candidate and counts the lines before it.
            let found = prefilter.scan(buffer, from: pos, to: to, longerThan: longLineThreshold)
            guard let (hit, needle) = found.match else {
                addLines(found, from: pos, to: to)
                break
            }
            let lineStart = memrchr(buffer + pos, 0x0A, hit - pos).map { UnsafeRawPointer($0) - UnsafeRawPointer(buffer) + 1 } ?? pos
            addLines(found, from: pos, to: lineStart)
            let end = lineEnd(after: hit, to: to)
            // Like every candidate, only within the line limit (the same whatever the read sizes).
            if needle >= prefilter.needles.count - LiteralSet.compressionMagic.count, end - lineStart <= options.maxLineLength {
                noteCompressedData(needle - (prefilter.needles.count - LiteralSet.compressionMagic.count),
                                   at: hit, lineStart: lineStart)
            }
            candidateLine(from: lineStart, to: end)
            pos = end + 1
        }
    }

    /// Looks for the input's format (`InputFormat`) in its first lines. What a line shows
    /// applies from that line on: the lines of the region before it are scanned first, as a
    /// smaller read would have scanned them before seeing it. Returns where the lines still
    /// to scan start.
    private func scanLinesSearchingFormat(from: Int, to: Int) -> Int {
        var scanned = from
        var pos = from
        while formatSearchBudget > 0, pos < to {
            let end = lineEnd(after: pos, to: to)
            formatSearchBudget -= 1
            // An overlong line is one of the lines counted, but shows nothing: a small read drops it unseen.
            if end - pos <= options.maxLineLength {
                let before = format
                if format.look(at: ByteSlice(buffer + pos, end - pos), offset: base + Int64(pos)) { formatSearchBudget = 0 }
                if format != before {
                    scanLines(from: scanned, to: pos)
                    scanned = pos
                    apply(format)
                }
            }
            pos = end + 1
        }
        return scanned
    }

    /// Switches on what `givenFormat` says at the offsets it says, scanning the lines before
    /// each switch first. Returns where the lines still to scan start.
    private func applyGivenFormat(from: Int, to: Int) -> Int {
        guard let given = givenFormat else { return from }
        var scanned = from
        let regionEnd = base + Int64(to)
        // The earlier offset first, so that the lines between the two see only the first switch.
        let dockerFirst = (given.dockerFrom ?? .max) <= (given.criFrom ?? .max)
        for cri in dockerFirst ? [false, true] : [true, false] {
            guard let offset = cri ? given.criFrom : given.dockerFrom, offset < regionEnd else { continue }
            let local = Int(max(offset - base, Int64(scanned)))
            if local > scanned {
                scanLines(from: scanned, to: local)
                scanned = local
            }
            if cri { useCRIPrefilter() } else { dockerInput = true }
        }
        // Once every switch is on, nothing is left to look for in later regions.
        if (given.criFrom == nil || usingCRIPrefilter) && (given.dockerFrom == nil || dockerInput) { givenFormat = nil }
        return scanned
    }

    private func apply(_ format: InputFormat) {
        if format.dockerFrom != nil { dockerInput = true }
        if format.criFrom != nil { useCRIPrefilter() }
    }

    private func useCRIPrefilter() {
        guard !usingCRIPrefilter else { return }
        prefilter = Self.criPrefilter
        usingCRIPrefilter = true
    }

    /// A line looked at on its own (while a split line waits for its pieces) is checked for
    /// compressed data at its start as the prefilter checks every other line.
    private func noteCompressedDataStarting(at pos: Int, end: Int) {
        guard embeddedCompression == nil else { return }
        for (k, magic) in LiteralSet.compressionMagic.enumerated() {
            let at = pos + magic.lookBack
            guard at + magic.bytes.count <= end,
                  magic.bytes.indices.allSatisfy({ buffer[at + $0] == magic.bytes[$0] }) else { continue }
            noteCompressedData(k, at: at, lineStart: pos)
            return
        }
    }

    /// Compressed data starting a line inside a text input: its lines cannot be read
    /// as text, which the input's error says (never read silently as noise).
    private func noteCompressedData(_ magic: Int, at hit: Int, lineStart: Int) {
        guard embeddedCompression == nil else { return }
        let (name, _, lookBack) = LiteralSet.compressionMagic[magic]
        let start = hit - lookBack
        guard start == lineStart else { return }
        if lookBack > 0 {
            // bzip2: `BZh1`…`BZh9` before the block magic.
            guard buffer[start] == 0x42, buffer[start + 1] == 0x5A, buffer[start + 2] == 0x68,
                  (0x31...0x39).contains(buffer[start + 3]) else { return }
        }
        embeddedCompression = (name, base + Int64(start))
    }

    // MARK: - Census and time range

    /// Every line starting in the input's first `ShapeCensus.exactBytes` is classified.
    private func classifyExactly(from: Int, to: Int) {
        var pos = from
        while pos < to, base + Int64(pos) < ShapeCensus.exactBytes {
            let end = lineEnd(after: pos, to: to)
            let reading = reader.read(ByteSlice(buffer + pos, end - pos))
            // A piece continuing a split line counts as the line it continues.
            let container = reading.shape.envelopes.contains(.cri) || reading.shape.envelopes.contains(.dockerJSON)
            var shape = reading.shape
            if container, let first = censusPieces[reading.stream] { shape = first }
            if container { censusPieces[reading.stream] = reading.isPartial ? shape : nil }
            census.countExact(shape)
            note(reading.timestamp)
            pos = end + 1
        }
    }

    /// The line holding each sampled offset in `[from, to)` (lines counted exactly are skipped).
    private func classifySamples(from: Int, to: Int) {
        let regionEnd = base + Int64(to)
        while nextSample < regionEnd {
            let at = Int(nextSample - base)
            nextSample += ShapeCensus.sampleStride
            guard at >= from else { continue }
            let start = memrchr(buffer + from, 0x0A, at - from).map { UnsafeRawPointer($0) - UnsafeRawPointer(buffer) + 1 } ?? from
            guard base + Int64(start) >= ShapeCensus.exactBytes else { continue }
            let end = lineEnd(after: at, to: to)
            let reading = reader.read(ByteSlice(buffer + start, end - start))
            census.countSample(reading.shape, length: end - start + 1)
            note(reading.timestamp)
        }
    }

    /// The last timestamped line of the region (the last region's is the input's last
    /// line). With the first lines (counted exactly), the sample and every candidate
    /// line, the time range is exact for inputs in time order and in reverse order
    /// (`logcli`'s default, `journalctl -r`), and close for others — and the same
    /// lines are looked at whatever the read sizes or threads.
    private func noteRegionEnd(from: Int, to: Int) {
        var end = to - 1 // the newline of the last line
        var tries = InputScanner.timestampSearchLines
        while end > from, tries > 0 {
            let start = memrchr(buffer + from, 0x0A, end - from).map { UnsafeRawPointer($0) - UnsafeRawPointer(buffer) + 1 } ?? from
            tries -= 1
            if let ts = reader.read(ByteSlice(buffer + start, end - start)).timestamp {
                lastLineTimestamp = ts
                return
            }
            end = start - 1
        }
    }

    @inline(__always) private func note(_ ts: Timestamp?) {
        guard let ts else { return }
        if earliest.map({ ts < $0 }) ?? true { earliest = ts }
        if latest.map({ ts > $0 }) ?? true { latest = ts }
    }

    /// Lines longer than this are looked at once counted: overlong ones are counted as
    /// such, and in a Docker json-file input, a line longer than Docker's 16 KiB piece
    /// may be the first piece of a split line whose literal is in a later piece.
    private var longLineThreshold: Int {
        dockerInput ? min(options.maxLineLength, InputScanner.dockerPieceBytes) : options.maxLineLength
    }

    /// Adds the lines of `[from, to)`, which the prefilter found no literal in and
    /// counted in `found`; long lines, when it saw any, are measured exactly.
    private func addLines(_ found: LiteralPrefilter.Scan, from: Int, to: Int) {
        guard found.mayHaveLongLine, to > from else {
            lines += Int64(found.newlines)
            return
        }
        guard dockerInput else {
            lines += Int64(found.newlines)
            overlong += Int64(NewlineCounter.longLines(buffer, from: from, to: to, longerThan: options.maxLineLength))
            return
        }
        let threshold = longLineThreshold
        var pos = from
        while pos < to {
            if activeJoins > 0 {
                pos = scanLineWhileJoining(at: pos, to: to)
                continue
            }
            let end = lineEnd(after: pos, to: to)
            lines += 1
            let length = end - pos
            if length > options.maxLineLength {
                overlong += 1
            } else if length > threshold {
                processLine(ByteSlice(buffer + pos, length), number: Int(lines))
            }
            pos = end + 1
        }
    }

    /// Docker's json-file driver splits a line into entries of 16 KiB of `log`.
    static let dockerPieceBytes = 16 * 1024

    /// A line the prefilter picked: `[from, to)` without its newline.
    private func candidateLine(from: Int, to: Int) {
        lines += 1
        let length = to - from
        guard length <= options.maxLineLength else {
            overlong += 1
            return
        }
        guard !isCutByTruncation(to: to) else { return }
        processLine(ByteSlice(buffer + from, length), number: Int(lines))
    }

    /// Whether the line ending at `to` (where its newline should be) was cut by the file
    /// being truncated under its mapping: its rest read as zeros, so it has no newline in the
    /// region. Its last fields may be cut (`usage_percent=91.5` read as nothing), so, like a
    /// line cut by a read error, it gives no event; the input reports the truncation.
    @inline(__always) private func isCutByTruncation(to: Int) -> Bool { buffer[to] != 0x0A }

    /// While a partial line waits for its continuation every line is looked at,
    /// since the continuation need not hold any literal. Returns the next line start.
    private func scanLineWhileJoining(at pos: Int, to: Int) -> Int {
        let end = lineEnd(after: pos, to: to)
        lines += 1
        let length = end - pos
        if length > options.maxLineLength {
            overlong += 1
            return end + 1
        }
        let line = ByteSlice(buffer + pos, length)
        noteCompressedDataStarting(at: pos, end: end)
        guard !isCutByTruncation(to: end) else { return end + 1 }
        if continuesJoin(line.withoutCarriageReturn) || prefilter.firstMatch(in: buffer, from: pos, to: end) != nil {
            processLine(line, number: Int(lines))
        }
        return end + 1
    }

    /// Whether `line` is a CRI or Docker entry of a stream whose line is being joined.
    private func continuesJoin(_ line: ByteSlice) -> Bool {
        guard let c = line.first else { return false }
        if c == UInt8(ascii: "{") { return joins.contains { $0.active && $0.envelope == .dockerJSON } }
        if let cri = CRIPrefix.parse(line) { return joins[cri.stream].active }
        return false
    }

    // MARK: - One line

    /// Peels the outer envelope (joining pieces of a split line), then parses and recognises.
    private func processLine(_ raw: ByteSlice, number: Int) {
        let line = raw.withoutCarriageReturn
        let outer = OuterEnvelope.peel(line, workspace: workspace)
        guard outer.envelope == .cri || outer.envelope == .dockerJSON else {
            if !outer.unreadable { recognise(outer, content: outer.content, number: number) }
            return
        }
        let s = outer.stream
        if outer.isPartial {
            if !joins[s].active {
                joins[s].start(line: number, timestamp: outer.timestamp, envelope: outer.envelope)
                activeJoins += 1
            }
            joins[s].append(outer.content)
            return
        }
        guard joins[s].active else {
            recognise(outer, content: outer.content, number: number)
            return
        }
        joins[s].append(outer.content)
        finishJoin(s)
    }

    private func finishJoin(_ s: Int) {
        activeJoins -= 1
        let overflowed = joins[s].overflowed
        let first = joins[s].firstLine
        let outer = OuterEnvelope(envelope: joins[s].envelope, content: ByteSlice(joins[s].storage, 0),
                                  timestamp: joins[s].timestamp)
        let joined = joins[s].finish()
        if overflowed {
            overlong += 1
            return
        }
        // Every event's line holds a message literal; a joined line is a candidate for its
        // `stdout P` tag only. Without a literal its timestamp is all it gives (the CRI
        // bench log's split task contexts: 184 per MB, each parsed in full before), and
        // the line is read only as far as that timestamp.
        if Self.messagePrefilter.firstMatch(in: joined.base, from: 0, to: joined.count) == nil {
            _ = parser.parse(joined, outerTimestamp: outer.timestamp, outerSource: outer.source,
                             envelopes: outer.envelope, depth: .timestamp)
            note(parser.timestamp)
            return
        }
        recognise(outer, content: joined, number: first)
    }

    /// At the end of an input a partial line without its last piece is parsed as it is.
    private func flushJoins() {
        for s in joins.indices where joins[s].active { finishJoin(s) }
    }

    private func recognise(_ outer: OuterEnvelope, content: ByteSlice, number: Int) {
        let parsed = parser.parse(content, outerTimestamp: outer.timestamp, outerSource: outer.source,
                                  envelopes: outer.envelope)
        note(parser.timestamp)
        guard parsed, let form = recognizer.form(of: parser) else { return }
        var event = Event(kind: .saturation, input: inputName, line: number)
        guard recognizer.fill(&event, form: form, parser: parser) else { return }
        // The file truncated under its mapping while the line was read: from then on it
        // reads as zeros, so its fields may be cut. Checked after parsing, since the
        // truncation may come in the middle of it (a real event lost then, never a made-up one).
        if let mapped, mapped.isTruncated, memchr(content.base, 0, content.count) != nil { return }
        events += 1
        emit(event)
    }
}

extension ByteSlice {
    /// Without one trailing `\r` (CRLF line ends).
    var withoutCarriageReturn: ByteSlice {
        count > 0 && self[count - 1] == 0x0D ? prefix(count - 1) : self
    }
}
