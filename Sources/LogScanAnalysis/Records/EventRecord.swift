import LogScanEngine

/// An `Event` reduced to 32 bytes: what the analysis keeps instead of the event's strings.
///
/// Dense logs (a drop storm) bring hundreds of thousands of events, and every one of them
/// is kept until the report (sorting needs them all), so each byte here is paid per event.
/// Fields only one kind uses share one word (`payload`); a line that stated a capacity only
/// carries a flag (`statesCapacity`): the size is read back from `CapacityObservations`,
/// which keeps the lines where a channel's size changed.
struct EventRecord: Sendable, Equatable {
    /// `time` of an event without timestamp.
    static let untimed = Int64.min
    /// Index fields use this when the event has no such value.
    static let none: Int32 = -1
    /// Inputs are numbered in the 24 bits `inputAndKind` leaves beside the kind and flags.
    static let maxInputs = 1 << 24
    /// Lines are counted in the 40 bits `lineAndSource` leaves beside the source (10^12 lines).
    static let maxLine = (1 << 40) - 1
    /// Sources (pods, units) are numbered in 24 bits; this index stands for every source past the limit.
    static let otherSources: Int32 = (1 << 24) - 2

    /// Nanoseconds since the epoch, `untimed` when the event had none.
    let time: Int64
    /// Source index + 1 << 40 | 1-based physical line (0 source: the line named none).
    private let lineAndSource: UInt64
    /// By kind: usage percent (saturation) or seconds (slow handler) as `Double` bits,
    /// the task count (bulk task creation), else the event-type index.
    private let payload: UInt64
    /// Index into the analyzer's channel table, `none` for kinds without a channel.
    let channel: Int32
    /// Input index << 8 | statesCapacity << 5 | kind << 2 | isDrop << 1 | isBlocked.
    private let inputAndKind: UInt32

    /// `value` is the usage percent or seconds (NaN when absent), `count` the task count
    /// (-1 when absent), `eventType` the event-type index (`none` when absent); each is kept
    /// only for the kinds that use it.
    init(time: Int64, kind: EventKind, isDrop: Bool, isBlocked: Bool, channel: Int32, eventType: Int32,
         input: Int32, line: Int, value: Double, count: Int, source: Int32 = EventRecord.none,
         statesCapacity: Bool = false) {
        precondition(input >= 0 && Int(input) < EventRecord.maxInputs, "more than 16M inputs")
        self.time = time
        // Beyond the limits the line saturates and sources share one index: never a trap.
        let sourceCode = UInt64(min(max(source, -1), EventRecord.otherSources) + 1)
        lineAndSource = sourceCode << 40 | UInt64(min(max(line, 0), EventRecord.maxLine))
        self.channel = channel
        payload = switch kind {
        case .saturation, .slowHandler: value.bitPattern
        case .bulkTaskCreation: UInt64(bitPattern: Int64(count))
        default: UInt64(bitPattern: Int64(eventType))
        }
        inputAndKind = UInt32(input) << 8 | (statesCapacity ? 0x20 : 0) | UInt32(EventRecord.code(of: kind)) << 2
            | (isDrop ? 2 : 0) | (isBlocked ? 1 : 0)
    }

    private init(time: Int64, lineAndSource: UInt64, payload: UInt64, channel: Int32, inputAndKind: UInt32) {
        self.time = time
        self.lineAndSource = lineAndSource
        self.payload = payload
        self.channel = channel
        self.inputAndKind = inputAndKind
    }

    /// This record in another analyzer's tables (a part appended to the whole): its names
    /// through the maps from the part's indices, its line shifted by `lineOffset`.
    func moved(channel map: (Int32) -> Int32, eventType eventTypeMap: (Int32) -> Int32,
               input inputMap: (Int32) -> Int32, source sourceMap: (Int32) -> Int32, lineOffset: Int) -> EventRecord {
        let oldSource = source
        let newSource = oldSource == EventRecord.none || oldSource == EventRecord.otherSources ? oldSource : sourceMap(oldSource)
        let sourceCode = UInt64(min(max(newSource, -1), EventRecord.otherSources) + 1)
        let (shifted, overflow) = line.addingReportingOverflow(lineOffset)
        let newLine = UInt64(min(max(overflow ? Int.max : shifted, 0), EventRecord.maxLine))
        var newPayload = payload
        switch kind {
        case .saturation, .slowHandler, .bulkTaskCreation: break
        default:
            let type = eventType
            if type != EventRecord.none { newPayload = UInt64(bitPattern: Int64(eventTypeMap(type))) }
        }
        let newInput = inputMap(input)
        precondition(newInput >= 0 && Int(newInput) < EventRecord.maxInputs, "more than 16M inputs")
        return EventRecord(time: time, lineAndSource: sourceCode << 40 | newLine, payload: newPayload,
                           channel: channel == EventRecord.none ? EventRecord.none : map(channel),
                           inputAndKind: UInt32(newInput) << 8 | (inputAndKind & 0xFF))
    }

    /// 1-based physical line within the input.
    var line: Int { Int(lineAndSource & UInt64(EventRecord.maxLine)) }
    /// Index into the source-name table, `none` when the line named no pod or unit.
    var source: Int32 { Int32(lineAndSource >> 40) - 1 }

    var kind: EventKind { EventRecord.kinds[Int(inputAndKind >> 2 & 0x7)] }
    /// A lost message (`full` with action `dropped`, or a dropped event).
    var isDrop: Bool { inputAndKind & 2 != 0 }
    /// The line stated the channel's `buffer_size` (kept in `CapacityObservations`).
    var statesCapacity: Bool { inputAndKind & 0x20 != 0 }
    /// A `full` event whose send blocked (backpressure) rather than dropped.
    var isBlocked: Bool { inputAndKind & 1 != 0 }
    /// Index into the input-name table.
    var input: Int32 { Int32(inputAndKind >> 8) }

    /// Usage percent (saturation) or seconds (slow handler); NaN when absent or for other kinds.
    var value: Double {
        switch kind {
        case .saturation, .slowHandler: Double(bitPattern: payload)
        default: .nan
        }
    }

    /// Tasks of a bulk creation; -1 when absent or for other kinds.
    var count: Int { kind == .bulkTaskCreation ? Int(Int64(bitPattern: payload)) : -1 }

    /// Index into the event-type table (dropped events), else `none`.
    var eventType: Int32 {
        switch kind {
        case .saturation, .slowHandler, .bulkTaskCreation: EventRecord.none
        default: Int32(truncatingIfNeeded: Int64(bitPattern: payload))
        }
    }

    var isTimed: Bool { time != EventRecord.untimed }
    var timestamp: Timestamp { Timestamp(nanoseconds: time) }
    /// A line saying the channel was full (`mpsc_channel_full_events_total`).
    var isFullEvent: Bool { kind == .full || kind == .ffiBackpressure || kind == .droppedEvent }
    /// An event that goes into a channel's windows: saturation, full or drop.
    var isChannelProblem: Bool { kind == .saturation || isFullEvent }

    /// Kinds by their 3-bit code, in `EventKind` order so that codes compare as kinds do.
    private static let kinds: [EventKind] = {
        precondition(EventKind.allCases.count <= 8, "an event kind code has 3 bits")
        return EventKind.allCases.sorted()
    }()

    private static func code(of kind: EventKind) -> Int { kinds.firstIndex(of: kind)! }
}
