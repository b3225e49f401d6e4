/// Reads one physical line on its own — every envelope peeled, its format and
/// timestamp found — for the places that look at a line without joining pieces:
/// the shape census, the input's time range, and the follow clock. The scanner's
/// event path peels the same way (`OuterEnvelope`, then `LineParser`) but joins
/// partial lines first.
final class LineReader {
    /// Longer lines are not looked at here (the scanner still counts them).
    let maxLineLength: Int
    private let workspace: LineWorkspace
    private let parser: LineParser

    init(maxLineLength: Int) {
        self.maxLineLength = maxLineLength
        workspace = LineWorkspace(capacity: maxLineLength + 64)
        parser = LineParser(workspace: workspace)
    }

    /// What `read` found on one line.
    struct Reading {
        var shape = LineShape()
        var timestamp: Timestamp?
        /// The line is a piece of a longer one (CRI `P`, a Docker entry without `\n`),
        /// continued on `stream`'s next line.
        var isPartial = false
        /// 0 stdout, 1 stderr; meaningful for CRI and Docker lines.
        var stream = 0
    }

    /// The shape and timestamp of `raw` (no line end; a trailing `\r` is dropped).
    func read(_ raw: ByteSlice) -> Reading {
        guard raw.count <= maxLineLength else { return Reading() }
        let line = raw.withoutCarriageReturn
        let outer = OuterEnvelope.peel(line, workspace: workspace)
        var reading = Reading(timestamp: outer.timestamp, isPartial: outer.isPartial, stream: outer.stream)
        if outer.unreadable {
            reading.shape = LineShape(envelopes: outer.envelope)
            return reading
        }
        _ = parser.parse(outer.content, outerTimestamp: outer.timestamp, outerSource: outer.source,
                         envelopes: outer.envelope, depth: .shape)
        reading.shape = parser.shape
        reading.timestamp = parser.timestamp
        return reading
    }
}
