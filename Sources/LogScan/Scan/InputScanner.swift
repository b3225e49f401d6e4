import CPCRE2
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Scans the bytes of one input at a time: reads into one reusable buffer,
/// skips noise with the prefilter, counts lines with SIMD, and turns candidate
/// lines into events. Not thread-safe: one per thread.
final class InputScanner {
    private let options: ScanOptions
    /// Prefilter for logs as services write them: the message literals only.
    private let messagePrefilter = LiteralPrefilter(literals: LiteralSet.messages)
    /// Prefilter for container runtime files: also the partial-line tag, so that
    /// the pieces of a split line are joined before the message is looked at.
    private let criPrefilter = LiteralPrefilter(literals: LiteralSet.messages + LiteralSet.criPartial)
    /// The one in use for this input: the CRI one when one of its first lines is a
    /// CRI line, or from the first CRI line the prefilter picks on.
    private var prefilter: LiteralPrefilter
    /// How many of the input's first lines are still to be looked at for the CRI
    /// format (counted in lines, so the decision does not depend on read sizes).
    private var formatSearchBudget = 0
    private let workspace: LineWorkspace
    private let parser: LineParser
    private let recognizer = EventRecognizer()
    private let buffer: UnsafeMutablePointer<UInt8>
    /// Room for a carried-over partial line (< maxLineLength) plus one read.
    private let capacity: Int
    private var joins: [CRIJoin]

    // State of the input being scanned.
    private var inputName = ""
    private var lines: Int64 = 0
    private var overlong: Int64 = 0
    private var firstTimestamp: Timestamp?
    private var lastTimestamp: Timestamp?
    /// How many more lines may be tried for the input's first timestamp.
    private var firstTimestampBudget = 0
    private var activeJoins = 0
    private var emit: (Event) -> Void = { _ in }

    /// How many lines at each end of an input are tried for its first/last timestamp.
    static let timestampSearchLines = 64

    init(options: ScanOptions) {
        self.options = options
        prefilter = criPrefilter
        workspace = LineWorkspace(capacity: options.maxLineLength + 64)
        parser = LineParser(workspace: workspace)
        capacity = options.bufferSize + options.maxLineLength + 64
        buffer = .allocate(capacity: capacity)
        joins = [CRIJoin(capacity: options.maxLineLength), CRIJoin(capacity: options.maxLineLength)]
    }

    deinit {
        buffer.deallocate()
        for join in joins { join.deallocate() }
    }

    /// Reads `source` to its end (or its first error) and calls `onEvent` for each event.
    func scan(_ source: ByteSource, into summary: inout InputSummary, onEvent: @escaping (Event) -> Void) {
        inputName = summary.name
        lines = 0
        overlong = 0
        firstTimestamp = nil
        lastTimestamp = nil
        firstTimestampBudget = InputScanner.timestampSearchLines
        activeJoins = 0
        prefilter = messagePrefilter
        formatSearchBudget = InputScanner.timestampSearchLines
        for k in joins.indices { joins[k].active = false }
        emit = onEvent
        defer { emit = { _ in } }

        var filled = 0
        var discarding = false
        var readFailed = false
        var bytes: Int64 = 0
        while true {
            let n: Int
            do {
                n = try source.read(into: buffer + filled, count: min(options.bufferSize, capacity - filled))
            } catch {
                summary.error = error.message
                readFailed = true
                break
            }
            if n == 0 { break }
            bytes += Int64(n)
            var start = 0
            let end = filled + n
            if discarding {
                // The rest of an overlong line: drop everything up to its newline.
                guard let nl = memchr(buffer + filled, 0x0A, n) else {
                    filled = 0
                    continue
                }
                start = UnsafeRawPointer(nl) - UnsafeRawPointer(buffer) + 1
                lines += 1
                discarding = false
            }
            if let nl = memrchr(buffer + start, 0x0A, end - start) {
                let regionEnd = UnsafeRawPointer(nl) - UnsafeRawPointer(buffer) + 1
                scanRegion(from: start, to: regionEnd)
                filled = end - regionEnd
                if filled > 0 { memmove(buffer, buffer + regionEnd, filled) }
            } else {
                filled = end - start
                if start > 0, filled > 0 { memmove(buffer, buffer + start, filled) }
            }
            if filled > options.maxLineLength {
                // Longer than any line we parse: count it, drop it, skip to its end.
                overlong += 1
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
            // A last line without a newline is still a line.
            scanFinalLine(length: filled)
        }
        flushJoins()
        summary.bytes = bytes
        summary.lines = lines
        summary.overlongLines = overlong
        summary.firstTimestamp = firstTimestamp
        summary.lastTimestamp = lastTimestamp
    }

    // MARK: - Regions of complete lines

    /// Scans `[from, to)`, which starts at a line start and ends just after a newline.
    private func scanRegion(from: Int, to: Int) {
        if formatSearchBudget > 0 { lookForCRILines(from: from, to: to) }
        if firstTimestamp == nil, firstTimestampBudget > 0 { searchFirstTimestamp(from: from, to: to) }
        var pos = from
        while pos < to {
            if activeJoins > 0 {
                pos = scanLineWhileJoining(at: pos, to: to)
                continue
            }
            // One pass finds the next candidate and counts the lines before it.
            let found = prefilter.scan(buffer, from: pos, to: to, longerThan: options.maxLineLength)
            guard let (hit, _) = found.match else {
                addLines(found, from: pos, to: to)
                break
            }
            let lineStart = memrchr(buffer + pos, 0x0A, hit - pos).map { UnsafeRawPointer($0) - UnsafeRawPointer(buffer) + 1 } ?? pos
            addLines(found, from: pos, to: lineStart)
            let lineEnd = UnsafeRawPointer(memchr(buffer + hit, 0x0A, to - hit)!) - UnsafeRawPointer(buffer)
            candidateLine(from: lineStart, to: lineEnd)
            pos = lineEnd + 1
        }
        searchLastTimestamp(before: to, notBefore: from)
    }

    /// Container runtime files need the partial-line literals; other logs do not,
    /// and every needle fewer is faster on every byte. An input is a CRI file when
    /// one of its first lines is a CRI line (or, later, from the first CRI line the
    /// prefilter picks on).
    private func lookForCRILines(from: Int, to: Int) {
        var pos = from
        while formatSearchBudget > 0, pos < to {
            let end = memchr(buffer + pos, 0x0A, to - pos).map { UnsafeRawPointer($0) - UnsafeRawPointer(buffer) } ?? to
            formatSearchBudget -= 1
            if CRIPrefix.parse(ByteSlice(buffer + pos, end - pos).withoutCarriageReturn) != nil {
                prefilter = criPrefilter
                formatSearchBudget = 0
                return
            }
            pos = end + 1
        }
    }

    private func addLines(_ found: LiteralPrefilter.Scan, from: Int, to: Int) {
        lines += Int64(found.newlines)
        if found.mayHaveLongLine, to > from {
            overlong += Int64(NewlineCounter.longLines(buffer, from: from, to: to, longerThan: options.maxLineLength))
        }
    }

    /// A line the prefilter picked: `[from, to)` without its newline.
    private func candidateLine(from: Int, to: Int) {
        lines += 1
        let length = to - from
        guard length <= options.maxLineLength else {
            overlong += 1
            return
        }
        processLine(ByteSlice(buffer + from, length), number: Int(lines))
    }

    /// While a CRI partial line waits for its continuation every line is looked
    /// at, since the continuation need not hold any literal. Returns the next line start.
    private func scanLineWhileJoining(at pos: Int, to: Int) -> Int {
        let lineEnd = UnsafeRawPointer(memchr(buffer + pos, 0x0A, to - pos)!) - UnsafeRawPointer(buffer)
        lines += 1
        let length = lineEnd - pos
        if length > options.maxLineLength {
            overlong += 1
            return lineEnd + 1
        }
        let line = ByteSlice(buffer + pos, length)
        if let cri = CRIPrefix.parse(line.withoutCarriageReturn), joins[cri.stream].active {
            processLine(line, number: Int(lines))
        } else if prefilter.firstMatch(in: buffer, from: pos, to: lineEnd) != nil {
            processLine(line, number: Int(lines))
        }
        return lineEnd + 1
    }

    /// The input's last bytes, with no newline after them.
    private func scanFinalLine(length: Int) {
        if firstTimestamp == nil, firstTimestampBudget > 0 { searchFirstTimestamp(from: 0, to: length) }
        lines += 1
        if length > options.maxLineLength {
            overlong += 1
            return
        }
        let line = ByteSlice(buffer, length)
        if activeJoins > 0 || prefilter.firstMatch(in: buffer, from: 0, to: length) != nil {
            processLine(line, number: Int(lines))
        }
        if let ts = timestamp(of: line) { lastTimestamp = ts }
    }

    // MARK: - One line

    /// Peels a CRI prefix (joining partial lines), then parses and recognises.
    private func processLine(_ raw: ByteSlice, number: Int) {
        let line = raw.withoutCarriageReturn
        guard let cri = CRIPrefix.parse(line) else {
            recognise(line, outer: nil, number: number)
            return
        }
        // A CRI line further in: from here on, look for partial lines too.
        if prefilter.needles.count != criPrefilter.needles.count { prefilter = criPrefilter }
        let s = cri.stream
        if cri.isPartial {
            if !joins[s].active {
                joins[s].start(line: number, timestamp: cri.timestamp)
                activeJoins += 1
            }
            joins[s].append(cri.content)
            return
        }
        guard joins[s].active else {
            recognise(cri.content, outer: cri.timestamp, number: number)
            return
        }
        joins[s].append(cri.content)
        finishJoin(s)
    }

    private func finishJoin(_ s: Int) {
        activeJoins -= 1
        let overflowed = joins[s].overflowed
        let first = joins[s].firstLine
        let outer = joins[s].timestamp
        let joined = joins[s].finish()
        if overflowed {
            overlong += 1
            return
        }
        recognise(joined, outer: outer, number: first)
    }

    /// At the end of an input a partial line without its last piece is parsed as it is.
    private func flushJoins() {
        for s in joins.indices where joins[s].active { finishJoin(s) }
    }

    private func recognise(_ line: ByteSlice, outer: Timestamp?, number: Int) {
        guard parser.parse(line, outerTimestamp: outer),
              let event = recognizer.recognise(parser, input: inputName, line: number) else { return }
        emit(event)
    }

    // MARK: - First and last timestamps

    private func timestamp(of raw: ByteSlice) -> Timestamp? {
        let line = raw.withoutCarriageReturn
        if let cri = CRIPrefix.parse(line) {
            _ = parser.parse(cri.content, outerTimestamp: cri.timestamp)
        } else {
            _ = parser.parse(line, outerTimestamp: nil)
        }
        return parser.timestamp
    }

    private func searchFirstTimestamp(from: Int, to: Int) {
        var pos = from
        while pos < to, firstTimestampBudget > 0, firstTimestamp == nil {
            let end = memchr(buffer + pos, 0x0A, to - pos).map { UnsafeRawPointer($0) - UnsafeRawPointer(buffer) } ?? to
            firstTimestampBudget -= 1
            if end - pos <= options.maxLineLength, let ts = timestamp(of: ByteSlice(buffer + pos, end - pos)) {
                firstTimestamp = ts
            }
            pos = end + 1
        }
    }

    /// The last timestamped line among the last lines of `[notBefore, before)`.
    private func searchLastTimestamp(before: Int, notBefore: Int) {
        var end = before - 1 // the newline of the last line
        var tries = InputScanner.timestampSearchLines
        while end > notBefore, tries > 0 {
            let start = memrchr(buffer + notBefore, 0x0A, end - notBefore).map { UnsafeRawPointer($0) - UnsafeRawPointer(buffer) + 1 } ?? notBefore
            tries -= 1
            if end - start <= options.maxLineLength, let ts = timestamp(of: ByteSlice(buffer + start, end - start)) {
                lastTimestamp = ts
                return
            }
            end = start - 1
        }
    }
}

extension ByteSlice {
    /// Without one trailing `\r` (CRLF line ends).
    var withoutCarriageReturn: ByteSlice {
        count > 0 && self[count - 1] == 0x0D ? prefix(count - 1) : self
    }
}
