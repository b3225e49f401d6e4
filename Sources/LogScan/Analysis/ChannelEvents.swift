/// One channel's timed events in the analysed range, as indices into the sorted records.
struct ChannelEvents {
    var saturation: [Int] = []
    /// Every line saying the channel was full (full, FFI backpressure, dropped events).
    var fullEvents: [Int] = []
    /// Lost messages (full events with action dropped, dropped events).
    var drops: [Int] = []
    /// Ruby FFI backpressure events (Issue 3).
    var ffiBackpressure: [Int] = []
}
