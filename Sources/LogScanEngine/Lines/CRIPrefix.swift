/// The container runtime's file format: `TIMESTAMP STREAM TAG CONTENT`, where
/// STREAM is `stdout`/`stderr` and TAG `F` (full) or `P` (partial, continued on
/// the stream's next line).
struct CRIPrefix {
    let timestamp: Timestamp
    /// 0 for stdout, 1 for stderr: partial lines are joined per stream.
    let stream: Int
    let isPartial: Bool
    let content: ByteSlice

    /// Parses the prefix of `line`; nil when it is not a CRI line.
    static func parse(_ line: ByteSlice) -> CRIPrefix? {
        // A timestamp holds no space but the one a date may have at 10 (`2025-10-14 00:00:00`):
        // the stream name follows the first other space. Most lines are told apart there,
        // without parsing their timestamp.
        guard line.count > 20, line[0] >= UInt8(ascii: "0"), line[0] <= UInt8(ascii: "9"),
              let space = line.firstIndex(of: 0x20, from: line[10] == 0x20 ? 11 : 0),
              line.dropFirst(space + 1).hasPrefix("std"),
              let (ts, used) = TimestampParser.parse(line), used + 10 <= line.count, line[used] == 0x20
        else { return nil }
        let rest = line.dropFirst(used + 1)
        let stream: Int
        if rest.hasPrefix("stdout ") {
            stream = 0
        } else if rest.hasPrefix("stderr ") {
            stream = 1
        } else {
            return nil
        }
        let tag = rest[7]
        guard tag == UInt8(ascii: "F") || tag == UInt8(ascii: "P") else { return nil }
        // "F" may be followed by more tag fields in newer runtimes ("F:x"); the content follows one space.
        guard let space = rest.firstIndex(of: 0x20, from: 8) ?? (rest.count == 8 ? 8 : nil) else { return nil }
        return CRIPrefix(timestamp: ts, stream: stream, isPartial: tag == UInt8(ascii: "P"),
                         content: rest.dropFirst(min(space + 1, rest.count)))
    }
}
