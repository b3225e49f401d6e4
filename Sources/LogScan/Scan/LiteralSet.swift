/// The literals the prefilter looks for: every line that can be an event holds
/// one of them (SPEC §3), and a CRI partial line holds the last one so that
/// its pieces can be joined before the message is looked at.
enum LiteralSet {
    static let messages: [String] = [
        "mpsc_channel_",            // mpsc_channel_saturation, mpsc_channel_full
        "Channel ",                 // approaching capacity, critically full, overflow, monitor initialized
        "vent channel full",        // Ruby FFI event channel full; Event channel full, dropping event
        "Bulk task creation",
        "Slow handler",
    ]

    /// `TS stdout P CONTENT`: the stream and the tag (a bare " P " is too common a pair).
    static let criPartial: [String] = ["stdout P ", "stderr P "]

}
