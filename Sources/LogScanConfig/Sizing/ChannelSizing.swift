import FoundationEssentials
import LogScanEngine

/// The runbook's sizing formula, `buffer_size = (peak_message_rate_per_sec ×
/// avg_processing_time_sec) × safety_factor`, with its working shown.
public struct ChannelSizing: Sendable, Equatable {
    /// Peak message rate.
    public let rate: MessageRate
    /// Average consumer processing time.
    public let latency: ProcessingLatency
    /// Multiplier for bursts.
    public let safetyFactor: Decimal
    /// The safety factor as the user wrote it (`2` when defaulted).
    public let safetyText: String

    /// The runbook's example uses 2x.
    public static let defaultSafetyFactor: Decimal = 2
    /// The runbook's "2-5x for bursts".
    public static let runbookSafetyFactors: ClosedRange<Decimal> = 2...5

    /// The formula for these inputs.
    public init(rate: MessageRate, latency: ProcessingLatency, safetyFactor: Decimal = ChannelSizing.defaultSafetyFactor,
                safetyText: String? = nil) {
        self.rate = rate
        self.latency = latency
        self.safetyFactor = safetyFactor
        self.safetyText = safetyText ?? SizingNumber.format(safetyFactor, maxFraction: 3)
    }

    /// Parses the three inputs as `size --rate R --latency T [--safety S]` takes them.
    public static func parse(rate: String, latency: String, safety: String? = nil) throws(SizingError) -> ChannelSizing {
        let parsedRate = try MessageRate.parse(rate)
        let parsedLatency = try ProcessingLatency.parse(latency)
        var factor = defaultSafetyFactor
        if let safety {
            var body = safety.trimmingWhitespace.lowercased()
            if body.hasSuffix("x") { body.removeLast() }
            guard let value = SizingNumber.parse(body), value > 0 else { throw .invalidSafetyFactor(safety) }
            factor = value
        }
        let sizing = ChannelSizing(rate: parsedRate, latency: parsedLatency, safetyFactor: factor)
        guard sizing.exactBufferSize < 1_000_000_000_000 else { throw .tooLarge }
        return sizing
    }

    /// `rate × latency × safety`, exactly; rounded to nanosecond-level precision so a rate
    /// given per minute does not push a whole number over by a rounding digit.
    public var exactBufferSize: Decimal {
        SizingNumber.round(rate.perSecond * latency.seconds * safetyFactor, scale: 9, mode: .plain)
    }

    /// The formula's result rounded up to whole messages.
    public var minimumBufferSize: Int {
        let rounded = SizingNumber.round(exactBufferSize, scale: 0, mode: .up)
        // A whole number below the 10^12 `parse` allows: its digits fit an Int.
        return max(1, Int(rounded.description) ?? Int.max)
    }

    /// Notes on the inputs: a safety factor outside the runbook's 2-5x.
    public var warnings: [String] {
        guard !Self.runbookSafetyFactors.contains(safetyFactor) else { return [] }
        return ["safety factor \(safetyText) is outside the runbook's 2-5x for bursts"]
    }

    /// `buffer_size = (500 msg/s × 0.010 s) × 2 = 10 messages minimum`.
    public var formula: String {
        let rateText = SizingNumber.format(rate.perSecond, maxFraction: 3)
        let latencyText = SizingNumber.format(latency.seconds, minFraction: 3, maxFraction: 9)
        let exact = exactBufferSize
        let minimum = minimumBufferSize
        let result = exact == Decimal(minimum) ? "\(minimum)" : "\(SizingNumber.format(exact, maxFraction: 3)) → \(minimum)"
        let unit = minimum == 1 ? "message" : "messages"
        return "buffer_size = (\(rateText) msg/s × \(latencyText) s) × \(safetyText) = \(result) \(unit) minimum"
    }

    /// The size to use in an environment: at least the runbook's guideline for it.
    public func recommendedSize(for guideline: EnvironmentGuideline) -> Int {
        max(minimumBufferSize, guideline.range.lowerBound)
    }

    /// The full working and advice; `environment` limits the advice to one environment.
    public func render(environment: String? = nil) -> String {
        var lines = [
            "Sizing formula (runbook, Capacity Planning):",
            "  buffer_size = (peak_message_rate_per_sec × avg_processing_time_sec) × safety_factor",
            "",
            "  peak rate        \(rate.text) = \(SizingNumber.format(rate.perSecond, maxFraction: 3)) msg/s",
            "  processing time  \(latency.text) = \(SizingNumber.format(latency.seconds, minFraction: 3, maxFraction: 9)) s",
            "  safety factor    \(safetyText) (runbook: 2-5x for bursts)",
        ]
        lines += warnings.map { "  warning: \($0)" }
        lines += ["", "  " + formula, ""]

        let guidelines = environment.map { name in EnvironmentGuideline.named(name).map { [$0] } ?? [] }
            ?? EnvironmentGuideline.all
        if let environment, guidelines.isEmpty {
            lines.append("The runbook has no guideline for '\(environment)' (it lists test, development, production):")
            lines.append("use at least \(minimumBufferSize), and more for bursts.")
            return lines.joined(separator: "\n") + "\n"
        }
        lines.append("The formula gives a floor, not the size: use at least the environment's guideline")
        lines.append("(the runbook's example, 10 messages minimum, uses 1000 for burst handling).")
        lines.append("")
        var rows = [["environment", "guideline", "use"]]
        var above = false
        for guideline in guidelines {
            let size = recommendedSize(for: guideline)
            var use = String(size)
            if size > guideline.range.upperBound {
                use += " (above the guideline)"
                above = true
            }
            rows.append([guideline.environment,
                         "\(guideline.label), \(guideline.range.lowerBound)-\(guideline.range.upperBound)", use])
        }
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        for row in rows {
            lines.append("  " + row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[column] - cell.count)
            }.joined(separator: "  "))
        }
        if above {
            lines.append("")
            lines.append("Above the guideline, check that the consumer is not the bottleneck before sizing this")
            lines.append("large (runbook: don't increase if the consumer is the bottleneck; fix the consumer instead).")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
