import LogScanEngine
import LogScanConfig

/// A config tree stand-in: fixed capacities and prefix problems, seed-layout overrides.
package struct FixedConfiguration: CapacityConfiguration {
    package var capacities: [String: Int] = [:]
    package var prefixProblems: [ConfigPrefixProblem] = []
    package var warnings: [String] = []

    package init(capacities: [String: Int] = [:], prefixProblems: [ConfigPrefixProblem] = [], warnings: [String] = []) {
        self.capacities = capacities
        self.prefixProblems = prefixProblems
        self.warnings = warnings
    }

    package var description: String { "config/tasker (seed layout)" }

    package func configuredCapacity(channel: ChannelSpec, environment: String) -> (value: Int, file: String)? {
        capacities[channel.name].map { ($0, "config/tasker/environments/\(environment)/mpsc_channels.toml") }
    }

    package func override(channel: ChannelSpec, size: Int, environment: String) -> ConfigOverride {
        RunbookDefaults().override(channel: channel, size: size, environment: environment)
    }
}
