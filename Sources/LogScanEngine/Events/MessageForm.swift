/// The message forms of SPEC §3, each with the PCRE2 alternative that recognises
/// it at the message start and a literal every such line holds: the prefilter's
/// literals and the recogniser's pattern are both derived from this one table.
enum MessageForm: Int, CaseIterable {
    case mpscSaturation = 1, mpscFull, approaching, critical, overflowBlocked, overflowDropped
    case ffiBackpressure, droppedEvent, bulkCreation, slowHandler, monitorInitialized

    /// The alternative, ending in `(*MARK:n)` with n the raw value. Group 1: the
    /// dropped event type after "dropping event", or a slow handler's duration
    /// (group 2: its unit).
    var pattern: String {
        switch self {
        case .mpscSaturation: #"mpsc_channel_saturation\b"#
        case .mpscFull: #"mpsc_channel_full\b"#
        case .approaching: #"Channel approaching capacity\b"#
        // The shared monitor prefixes "⚠️  "; the pgmq one does not.
        case .critical: #"(?:[\x80-\xff]+\s*)?(?:CRITICAL:\s*)?Channel critically full\b"#
        case .overflowBlocked: #"Channel overflow - message blocked\b"#
        case .overflowDropped: #"Channel overflow - message DROPPED\b"#
        case .ffiBackpressure: #"Ruby FFI event channel full\b"#
        case .droppedEvent: #"Event channel full, dropping event(?:\s+(\S+))?\s*$"#
        case .bulkCreation: #"Bulk task creation\b"#
        case .slowHandler: #"Slow handler:?\s*(\d+(?:\.\d+)?)\s*(ms|s)?\s*$"#
        case .monitorInitialized: #"Channel monitor initialized\b"#
        }
    }

    /// A literal every line of this form holds, short and rare enough for the prefilter.
    var literal: String {
        switch self {
        case .mpscSaturation, .mpscFull: "mpsc_channel_"
        // Whole phrases, not "Channel ": near misses ("Channel throughput milestone")
        // never reach the parser, and Teddy's cost does not grow with the literals.
        case .approaching: "Channel approaching capacity"
        case .critical: "Channel critically full"
        case .overflowBlocked, .overflowDropped: "Channel overflow - message"
        case .monitorInitialized: "Channel monitor initialized"
        case .ffiBackpressure, .droppedEvent: "vent channel full"
        case .bulkCreation: "Bulk task creation"
        case .slowHandler: "Slow handler"
        }
    }

    /// The recogniser's pattern: every form, branch reset so each numbers its groups from 1.
    /// (A loop, not `joined(separator:)` on a mapped collection: that generic path looked up a
    /// conformance at run time, 0.2 ms of every start.)
    static let recognizerPattern: String = {
        var pattern = "(?|"
        for (index, form) in allCases.enumerated() {
            if index > 0 { pattern += "|" }
            pattern += form.pattern + "(*MARK:" + String(form.rawValue) + ")"
        }
        return pattern + ")"
    }()

    /// The prefilter's literals, each once, in table order.
    static let literals: [String] = allCases.reduce(into: []) { out, form in
        if !out.contains(form.literal) { out.append(form.literal) }
    }
}
