/// The runbook's "Environment-Specific Guidelines": the buffer sizes each environment uses.
public struct EnvironmentGuideline: Sendable, Equatable {
    /// The environment's name (`test`, `development`, `production`).
    public let environment: String
    /// The runbook's words for the size (`small buffers`).
    public let label: String
    /// The buffer sizes the runbook advises.
    public let range: ClosedRange<Int>
    /// Why the environment uses that size, in the runbook's words.
    public let reason: String

    /// Test, development and production, in the runbook's order.
    public static let all: [EnvironmentGuideline] = [
        EnvironmentGuideline(environment: "test", label: "small buffers", range: 100...500,
                             reason: "exposes backpressure issues early"),
        EnvironmentGuideline(environment: "development", label: "moderate buffers", range: 500...1000,
                             reason: "balances local resource usage"),
        EnvironmentGuideline(environment: "production", label: "large buffers", range: 2000...50000,
                             reason: "handles real-world burst traffic"),
    ]

    /// The guideline of an environment name, nil for environments the runbook does not list.
    public static func named(_ environment: String) -> EnvironmentGuideline? {
        all.first { $0.environment == environment }
    }
}
