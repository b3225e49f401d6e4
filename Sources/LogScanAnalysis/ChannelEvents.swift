/// An index into the sorted records of one analysis: 4 bytes, as a storm files about one per event.
typealias RecordIndex = UInt32

/// One channel's timed events in the analysed range, as indices into the sorted records.
struct ChannelEvents {
    /// How long each list will be: counted first, so each list is allocated once, to size.
    struct Counts {
        var saturation = 0
        var fullEvents = 0
        var drops = 0
        var ffiBackpressure = 0

        mutating func count(_ record: EventRecord) {
            if record.kind == .saturation { saturation += 1 }
            if record.isFullEvent { fullEvents += 1 }
            if record.isDrop { drops += 1 }
            if record.kind == .ffiBackpressure { ffiBackpressure += 1 }
        }

        /// Whether any list holds an event.
        var any: Bool { saturation + fullEvents + drops + ffiBackpressure > 0 }
    }

    var saturation: [RecordIndex] = []
    /// Every line saying the channel was full (full, FFI backpressure, dropped events).
    var fullEvents: [RecordIndex] = []
    /// Lost messages (full events with action dropped, dropped events).
    var drops: [RecordIndex] = []
    /// Ruby FFI backpressure events (Issue 3).
    var ffiBackpressure: [RecordIndex] = []

    init() {}

    /// Empty lists with room for `counts`.
    init(reserving counts: Counts) {
        saturation.reserveCapacity(counts.saturation)
        fullEvents.reserveCapacity(counts.fullEvents)
        drops.reserveCapacity(counts.drops)
        ffiBackpressure.reserveCapacity(counts.ffiBackpressure)
    }

    /// Files the record at `index` in every list it belongs to.
    mutating func add(_ index: RecordIndex, _ record: EventRecord) {
        if record.kind == .saturation { saturation.append(index) }
        if record.isFullEvent { fullEvents.append(index) }
        if record.isDrop { drops.append(index) }
        if record.kind == .ffiBackpressure { ffiBackpressure.append(index) }
    }
}
