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

    /// The shape and timestamp of `raw` (no line end; a trailing `\r` is dropped).
    func read(_ raw: ByteSlice) -> (shape: LineShape, timestamp: Timestamp?) {
        guard raw.count <= maxLineLength else { return (LineShape(), nil) }
        let line = raw.withoutCarriageReturn
        let outer = OuterEnvelope.peel(line, workspace: workspace)
        if outer.unreadable { return (LineShape(envelopes: outer.envelope), outer.timestamp) }
        _ = parser.parse(outer.content, outerTimestamp: outer.timestamp, outerSource: outer.source,
                         envelopes: outer.envelope, shapeOnly: true)
        return (parser.shape, parser.timestamp)
    }
}
