/// A linear map from data values to SVG coordinates (`range` may run downwards, as y does).
struct ChartScale: Equatable {
    let domain: (lower: Double, upper: Double)
    let range: (lower: Double, upper: Double)

    init(domain: (Double, Double), range: (Double, Double)) {
        self.domain = (domain.0, domain.1)
        self.range = (range.0, range.1)
    }

    /// The coordinate of `value`; values outside the domain map outside the range
    /// (callers clamp when they must), an empty domain maps everything to the range's lower end.
    func callAsFunction(_ value: Double) -> Double {
        let span = domain.upper - domain.lower
        guard span != 0, span.isFinite, value.isFinite else { return range.lower }
        return range.lower + (value - domain.lower) / span * (range.upper - range.lower)
    }

    /// Like `callAsFunction`, but never outside the range.
    func clamped(_ value: Double) -> Double {
        let y = self(value)
        let low = min(range.lower, range.upper), high = max(range.lower, range.upper)
        return min(max(y, low), high)
    }

    static func == (a: ChartScale, b: ChartScale) -> Bool {
        a.domain == b.domain && a.range == b.range
    }
}
