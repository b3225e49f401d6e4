import LogScanEngine

/// Where the axes of a chart get their ticks: UTC times at nice steps and round counts.
enum ChartTicks {
    static let second: Int64 = 1_000_000_000
    static let minute: Int64 = 60 * second
    static let hour: Int64 = 60 * minute
    static let day: Int64 = 24 * hour

    /// Time steps a reader counts in, smallest first.
    static let timeSteps: [Int64] = [
        10 * second, 30 * second, minute, 5 * minute, 15 * minute, 30 * minute,
        hour, 3 * hour, 6 * hour, 12 * hour, day, 2 * day, 7 * day, 14 * day, 28 * day,
    ]

    /// The smallest nice step giving at most `maxTicks` ticks in `[start, end]` (ns), and those
    /// ticks: multiples of the step since the Unix epoch, so that labels fall on round UTC times.
    static func time(start: Int64, end: Int64, maxTicks: Int) -> (step: Int64, ticks: [Int64]) {
        let limit = max(1, maxTicks)
        for step in timeSteps where count(of: step, from: start, to: end) <= limit {
            return (step, multiples(of: step, from: start, to: end))
        }
        // Beyond the largest step (years of logs): multiples of it, thinned.
        let step = timeSteps[timeSteps.count - 1] * Int64((end - start) / (timeSteps[timeSteps.count - 1] * Int64(limit)) + 1)
        return (step, multiples(of: step, from: start, to: end))
    }

    /// `00:15`, or the day (`14 Oct`) at midnight and for steps of a day or more, with the year
    /// (`14 Oct 2025`) for steps over a fortnight; `00:00:30` for steps under a minute.
    static func label(_ t: Int64, step: Int64) -> String {
        let seconds = t.floorDiv(second)
        let days = seconds.floorDiv(86_400)
        let inDay = seconds - days * 86_400
        if step >= day || inDay == 0 {
            let (year, month, dayOfMonth) = Timestamp.civil(fromDays: days)
            // Past a fortnight per tick the axis spans months or years: say which year.
            return "\(dayOfMonth) \(monthNames[month - 1])" + (step > 14 * day ? " \(year)" : "")
        }
        let hh = two(inDay / 3600), mm = two(inDay / 60 % 60)
        return step < minute ? "\(hh):\(mm):\(two(inDay % 60))" : "\(hh):\(mm)"
    }

    /// The smallest of 1, 2, 5 × 10ⁿ at or above `value` (at least 1): the top of a count axis.
    static func niceCeiling(_ value: Int) -> Int {
        guard value > 1 else { return 1 }
        var magnitude = 1
        while magnitude <= Int.max / 10, magnitude * 10 < value { magnitude *= 10 }
        for factor in [1, 2, 5, 10] where magnitude <= Int.max / factor && magnitude * factor >= value {
            return magnitude * factor
        }
        return value
    }

    private static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    private static func two(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// How many multiples of `step` lie in `[start, end]`, without listing them.
    private static func count(of step: Int64, from start: Int64, to end: Int64) -> Int {
        guard end >= start else { return 0 }
        let first = start.floorDiv(step) + (start.floorMod(step) == 0 ? 0 : 1)
        return Int(max(0, end.floorDiv(step) - first + 1))
    }

    private static func multiples(of step: Int64, from start: Int64, to end: Int64) -> [Int64] {
        guard end >= start else { return [] }
        var t = start.floorDiv(step) * step
        if t < start { t += step }
        var ticks: [Int64] = []
        while t <= end {
            ticks.append(t)
            t += step
        }
        return ticks
    }
}
