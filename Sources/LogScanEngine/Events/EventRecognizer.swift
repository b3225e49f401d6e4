/// Decides whether a parsed line's message is one of the events of SPEC §3 and
/// builds the `Event`, validating the fields the kind needs.
///
/// One PCRE2 pattern (from `MessageForm`), JIT-compiled and anchored at the message start, tells
/// the kinds apart with `(*MARK)`s: a phrase inside some other field's value
/// is never the message, so it never matches.
final class EventRecognizer {
    private static let recognizerPattern = PCRE2Pattern(MessageForm.recognizerPattern, options: UInt32(PCRE2_ANCHORED_FLAG))
    private static let integerPattern = PCRE2Pattern(#"\d+"#)
    private let regex = PCRE2Regex(EventRecognizer.recognizerPattern)
    private let firstInteger = PCRE2Regex(EventRecognizer.integerPattern)
    /// Field values of recent events: a storm names the same few channels, pods and levels.
    private let recent = RecentStrings()
    /// The canonical name of recent raw channel names (the same `String` objects as `recent`'s),
    /// in raw storage: no exclusivity check per event.
    private let canonical: UnsafeMutablePointer<(raw: String, name: String)?>
    private static let canonicalSlots = 8

    init() {
        canonical = .allocate(capacity: EventRecognizer.canonicalSlots)
        canonical.initialize(repeating: nil, count: EventRecognizer.canonicalSlots)
    }

    deinit {
        canonical.deinitialize(count: EventRecognizer.canonicalSlots)
        canonical.deallocate()
    }

    /// The event on the line `parser` just parsed, or nil.
    func recognise(_ parser: LineParser, input: String, line: Int) -> Event? {
        guard let form = form(of: parser) else { return nil }
        var event = Event(kind: .saturation, input: input, line: line)
        return fill(&event, form: form, parser: parser) ? event : nil
    }

    /// Which message the line `parser` just parsed holds, or nil. The match stays in
    /// `regex` for `fill`.
    func form(of parser: LineParser) -> MessageForm? {
        let message = parser.message
        guard !message.isEmpty, regex.matches(message), let mark = regex.markNumber else { return nil }
        return MessageForm(rawValue: mark)
    }

    /// Fills `event` (made with its input and line) from the line `form(of:)` just
    /// matched; false when the fields the kind needs are missing or invalid. In place:
    /// returning a new `Event` (224 bytes, up to eight strings) copied it twice, ~7% of
    /// an event storm's instructions.
    func fill(_ event: inout Event, form: MessageForm, parser: LineParser) -> Bool {
        let message = parser.message
        let fields = parser.fields
        event.timestamp = parser.timestamp
        event.source = parser.source.map { recent.string($0) }
        event.level = parser.level.map(levelName)

        switch form {
        case .mpscSaturation, .approaching, .critical:
            event.kind = .saturation
            guard setChannel(&event, fields) else { return false }
            let percent = fields.value("usage_percent") ?? fields.value("saturation_percent")
            if let percent {
                guard let value = percent.double, value >= 0, value <= 100 else { return false }
                event.usagePercent = value
            }
            guard setCapacity(&event, fields) else { return false }
        case .mpscFull:
            event.kind = .full
            guard setChannel(&event, fields) else { return false }
            event.action = fields.string("action", cache: recent)
            guard setCount(&event, fields.value("overflow_count") ?? fields.value("messages_dropped")) else { return false }
            guard setCapacity(&event, fields) else { return false }
        case .overflowBlocked, .overflowDropped:
            event.kind = .full
            guard setChannel(&event, fields) else { return false }
            event.action = form == .overflowBlocked ? "blocked" : "dropped"
            let count = form == .overflowBlocked ? fields.value("overflow_count") : fields.value("messages_dropped")
            guard setCount(&event, count) else { return false }
            guard setCapacity(&event, fields) else { return false }
        case .ffiBackpressure:
            event.kind = .ffiBackpressure
            event.channel = "ruby_ffi"
            if let raw = fields.string("channel", cache: recent), !raw.isEmpty {
                event.rawChannel = raw
            }
        case .droppedEvent:
            event.kind = .droppedEvent
            event.channel = "event_publisher"
            if let raw = fields.string("channel", cache: recent), !raw.isEmpty { event.rawChannel = raw }
            if let type = fields.string("event_type", cache: recent) ?? fields.string("event", cache: recent), !type.isEmpty {
                event.eventType = type
            } else if let range = regex.group(1) {
                event.eventType = recent.string(message.slice(range.lowerBound, range.upperBound))
            } else {
                event.eventType = "unknown"
            }
        case .bulkCreation:
            event.kind = .bulkTaskCreation
            if let value = fields.value("count") ?? fields.value("tasks") ?? fields.value("task_count") {
                guard let n = value.integer, n >= 0 else { return false }
                event.count = n
            } else if firstInteger.matches(message.dropFirst(18)), let r = firstInteger.group(0) {
                // "Bulk task creation of 1500 tasks": the first integer after the phrase,
                // under the same rule as the fields (one that does not fit rejects the line).
                guard let n = message.dropFirst(18).slice(r.lowerBound, r.upperBound).integer else { return false }
                event.count = n
            }
        case .slowHandler:
            event.kind = .slowHandler
            guard let r = regex.group(1), let value = message.slice(r.lowerBound, r.upperBound).double else { return false }
            let unitIsMillis = regex.group(2).map { message.slice($0.lowerBound, $0.upperBound).equals("ms") } ?? false
            event.seconds = unitIsMillis ? value / 1000 : value
        case .monitorInitialized:
            event.kind = .channelInit
            guard setChannel(&event, fields) else { return false }
            guard setCapacity(&event, fields) else { return false }
            event.component = fields.string("component", cache: recent)
        }
        return true
    }

    /// Sets channel and rawChannel from `channel=`; false when it is missing or empty.
    private func setChannel(_ event: inout Event, _ fields: LineFields) -> Bool {
        guard let raw = fields.string("channel", cache: recent), !raw.isEmpty else { return false }
        event.rawChannel = raw
        event.channel = canonicalName(raw)
        return true
    }

    /// `ChannelCatalog.canonicalName(raw)`, remembered for recent names.
    private func canonicalName(_ raw: String) -> String {
        let slot = raw.utf8.count & (EventRecognizer.canonicalSlots - 1)
        if let entry = canonical[slot], entry.raw == raw { return entry.name }
        // The catalog's names are shared by every thread: this recognizer's events get its own copy.
        let name = ChannelCatalog.canonicalName(raw).unshared
        canonical[slot] = (raw, name)
        return name
    }

    /// The level in upper case (`warn` and `WARN` are one level).
    private func levelName(_ bytes: ByteSlice) -> String {
        let name = recent.string(bytes)
        for i in 0..<bytes.count where (bytes[i] >= UInt8(ascii: "a") && bytes[i] <= UInt8(ascii: "z")) || bytes[i] >= 0x80 {
            return name.uppercased()
        }
        return name
    }

    /// Channel capacities read from `buffer_size=`. The ceiling is far above any
    /// real channel and keeps the resize arithmetic (×100, ×2, rounding up) away
    /// from Int overflow.
    static let capacities: ClosedRange<Int> = 1...1_000_000_000

    /// Sets capacity from `buffer_size=`; false when present but not an integer in `capacities`.
    private func setCapacity(_ event: inout Event, _ fields: LineFields) -> Bool {
        guard let value = fields.value("buffer_size") else { return true }
        guard let n = value.integer, EventRecognizer.capacities.contains(n) else { return false }
        event.capacity = n
        return true
    }

    /// Sets count from a field; false when present but not a non-negative integer.
    private func setCount(_ event: inout Event, _ value: ByteSlice?) -> Bool {
        guard let value else { return true }
        guard let n = value.integer, n >= 0 else { return false }
        event.count = n
        return true
    }
}

import CPCRE2

/// PCRE2_ANCHORED as a plain value (the C macro is a cast Swift may not import).
let PCRE2_ANCHORED_FLAG: UInt32 = 0x8000_0000
