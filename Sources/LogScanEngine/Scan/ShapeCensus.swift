/// Counts an input's lines by shape without classifying every line (SPEC §1:
/// never a silent all-clear, at no cost to the hot path).
///
/// Every line that starts in the input's first `exactBytes` is classified; after
/// that, the line holding each byte offset that is a multiple of `sampleStride`.
/// A sampled line of length L stands for `sampleStride / L` lines (a line is
/// picked with a probability proportional to its length), so long and short
/// lines are weighed fairly. Offsets are absolute, so the sample — and the
/// estimate — do not depend on read sizes or on how a file is split between
/// threads; weights are fixed-point integers, so merging is exact in any order.
public struct ShapeCensus: Sendable, Equatable {
    /// Lines starting before this byte offset are all classified.
    static let exactBytes: Int64 = 1024 * 1024
    /// After `exactBytes`, one line per this many bytes is classified.
    static let sampleStride: Int64 = 512 * 1024
    /// Fixed-point unit of one line's weight.
    static let unit: Int64 = 1 << 16

    /// Lines classified exactly, by shape code.
    private(set) var exact: [UInt32: Int64] = [:]
    private(set) var exactLines: Int64 = 0
    /// Weights of the sampled lines, by shape code, in `unit`s.
    private(set) var sampled: [UInt32: Int64] = [:]
    private(set) var sampledWeight: Int64 = 0

    public init() {}

    mutating func countExact(_ shape: LineShape) {
        exact[shape.code, default: 0] += 1
        exactLines += 1
    }

    /// A sampled line of `length` bytes (with its newline).
    mutating func countSample(_ shape: LineShape, length: Int) {
        let w = ShapeCensus.sampleStride * ShapeCensus.unit / Int64(max(length, 1))
        sampled[shape.code, default: 0] += w
        sampledWeight += w
    }

    mutating func merge(_ other: ShapeCensus) {
        for (k, v) in other.exact { exact[k, default: 0] += v }
        exactLines += other.exactLines
        for (k, v) in other.sampled { sampled[k, default: 0] += v }
        sampledWeight += other.sampledWeight
    }

    /// Lines per shape for an input of `lines` lines: exact counts plus the lines
    /// not classified, shared out by the sample's weights (by the exact counts'
    /// proportions when nothing was sampled).
    public func estimate(lines: Int64) -> [LineShape: Int64] {
        var out: [LineShape: Int64] = [:]
        for (k, v) in exact { out[LineShape(code: k), default: 0] += v }
        let rest = max(0, lines - exactLines)
        guard rest > 0 else { return out }
        let (weights, total) = sampledWeight > 0 ? (sampled, sampledWeight) : (exact, exactLines)
        guard total > 0 else { return out }
        for (k, w) in weights {
            // rest × w / total without overflow: w / total ≤ 1.
            let share = Int64((Double(rest) * Double(w) / Double(total)).rounded())
            if share > 0 { out[LineShape(code: k), default: 0] += share }
        }
        return out
    }
}
