/// The literals the prefilter looks for: every line that can be an event holds
/// one of them (SPEC §3), and a CRI partial line holds one of the last two so that
/// its pieces can be joined before the message is looked at.
enum LiteralSet {
    static let messages: [String] = [
        "mpsc_channel_",            // mpsc_channel_saturation, mpsc_channel_full
        "Channel ",                 // approaching capacity, critically full, overflow, monitor initialized
        "FFI event channel full",   // Ruby FFI event channel full - backpressure applied
        "Event channel full",       // Event channel full, dropping event
        "Bulk task creation",
        "Slow handler",
    ]

    static let criPartial: [String] = ["stdout P ", "stderr P "]

    static var all: [String] { messages + criPartial }
}
