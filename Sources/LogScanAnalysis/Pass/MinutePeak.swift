import LogScanEngine

/// The most events in one UTC minute (SPEC §4 *peak_per_minute*), counted as events go by
/// in time order.
struct MinutePeak {
    private(set) var peak = 0
    private var minute = Int64.min
    private var inMinute = 0

    mutating func count(_ time: Timestamp) {
        let m = time.minuteStart.nanoseconds
        if m == minute {
            inMinute += 1
        } else {
            minute = m
            inMinute = 1
        }
        peak = max(peak, inMinute)
    }
}
