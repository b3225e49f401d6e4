/// The literals the prefilter looks for: every line that can be an event holds
/// one of them (derived from `MessageForm`, with the recogniser's pattern), and a
/// CRI partial line holds one of `criPartial`, so that its pieces can be joined
/// before the message is looked at.
enum LiteralSet {
    static let messages: [String] = MessageForm.literals

    /// `TS stdout P CONTENT`: the stream and the tag (a bare " P " is too common a pair).
    static let criPartial: [String] = ["stdout P ", "stderr P "]

    /// Magic bytes of compressed data (gzip, zstd, xz; bzip2's block magic `1AY&SY`
    /// after `BZh1`…`BZh9`): a member appended to plain text starts a line with them
    /// (`cat old.log new.log.gz > day.log`), and its lines cannot be read as text.
    static let compressionMagic: [(name: String, bytes: [UInt8], lookBack: Int)] = [
        ("gzip", [0x1F, 0x8B, 0x08], 0),
        ("zstd", [0x28, 0xB5, 0x2F, 0xFD], 0),
        ("xz", [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], 0),
        ("bzip2", [0x31, 0x41, 0x59, 0x26, 0x53, 0x59], 4),
    ]
}
