/// The literals the prefilter looks for: every line that can be an event holds
/// one of them (derived from `MessageForm`, with the recogniser's pattern), and a
/// CRI partial line holds one of `criPartial`, so that its pieces can be joined
/// before the message is looked at.
enum LiteralSet {
    static let messages: [String] = MessageForm.literals

    /// `TS stdout P CONTENT`: the stream and the tag (a bare " P " is too common a pair).
    static let criPartial: [String] = ["stdout P ", "stderr P "]
}
