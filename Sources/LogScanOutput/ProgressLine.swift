import LogScanAnalysis

/// The one line of the progress display: bytes read and speed, and when the total is known
/// (files) a bar, the percentage and the time left. Plain ASCII, never wider than `width - 1`
/// columns, so that the terminal does not wrap it and `\r` can redraw it in place.
public enum ProgressLine {
    /// The widest bar, in characters between the brackets.
    static let maxBarWidth = 30
    /// Narrower than this, the bar is left out rather than drawn uselessly short.
    static let minBarWidth = 10

    /// The line for `bytesRead` of `totalBytes` (nil: unknown, such as a pipe) after `elapsedSeconds`.
    public static func render(bytesRead: Int64, totalBytes: Int64?, elapsedSeconds: Double, width: Int) -> String {
        let room = max(width - 1, 1)
        let rate = elapsedSeconds > 0 ? Double(bytesRead) / elapsedSeconds : 0
        let speed = TextReportFormatter.bytes(Int64(rate.rounded())) + "/s"
        guard let total = totalBytes, total > 0 else {
            return fit([TextReportFormatter.bytes(bytesRead) + " read  " + speed, TextReportFormatter.bytes(bytesRead) + " read"],
                       room)
        }
        let done = min(max(bytesRead, 0), total)
        let percent = Int(done * 100 / total)
        let totalText = TextReportFormatter.bytes(total)
        var eta = ""
        if rate > 0, done < total {
            let seconds = (Double(total - done) / rate).rounded(.up)
            // Beyond 100 hours the estimate says nothing useful (and would not fit its column).
            if seconds < maxSecondsLeft {
                eta = HumanDuration.format(Int64(seconds) * 1_000_000_000) + " left"
            }
        }
        // Fixed-width columns keep the bar and the numbers still while the values change.
        let columns = [right("\(percent)%", 4), right(TextReportFormatter.bytes(done), 10) + " of " + totalText,
                       right(speed, 12)]
        let fixed = columns.joined(separator: "  ")
        let barWidth = min(maxBarWidth, room - 3 - fixed.count - 2 - etaWidth)
        if barWidth >= minBarWidth {
            let filled = Int(done * Int64(barWidth) / total)
            let bar = "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: barWidth - filled) + "] "
            return bar + fixed + (eta.isEmpty ? "" : "  " + eta)
        }
        let compact = ["\(percent)%", TextReportFormatter.bytes(done) + " of " + totalText, speed, eta].filter { !$0.isEmpty }
        return fit([compact.joined(separator: "  "), compact.prefix(3).joined(separator: "  "),
                    compact.prefix(2).joined(separator: "  "), compact[0]], room)
    }

    /// Room kept for the time left (`4d3h59m59s left`), so that the bar does not move.
    static let etaWidth = 15
    /// Longer estimates are not shown.
    static let maxSecondsLeft = 360_000.0

    private static func right(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
    }

    /// The first candidate that fits `room` columns, else the last one cut to it.
    private static func fit(_ candidates: [String], _ room: Int) -> String {
        if let fitting = candidates.first(where: { $0.count <= room }) { return fitting }
        return String(candidates.last!.prefix(room))
    }
}
