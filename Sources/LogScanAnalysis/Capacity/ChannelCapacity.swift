import LogScanEngine
import LogScanConfig

/// A channel's capacity in force and where it comes from: logs › config tree › runbook table (SPEC §3).
struct ChannelCapacity: Equatable {
    /// A `buffer_size` the logs showed for a channel.
    struct Observation: Equatable {
        var value: Int
        /// `nil` for a line without timestamp.
        var at: Timestamp?
        var line: LineReference
        /// The pod or unit that wrote the line, `nil` when it named none.
        var source: String? = nil
    }

    var value: Int
    var source: CapacitySource

    /// The first source that knows the channel's size: the logs say what the service ran with,
    /// the config what it should run with. `nil` for an unknown channel the logs never sized.
    static func resolve(spec: ChannelSpec?, observed: Observation?, options: AnalysisOptions) -> ChannelCapacity? {
        if let observed { return ChannelCapacity(value: observed.value, source: .logs) }
        if let spec, let configured = options.configuration.configuredCapacity(channel: spec, environment: options.environment) {
            return ChannelCapacity(value: configured.value, source: .config)
        }
        if let spec { return ChannelCapacity(value: spec.defaultCapacity(environment: options.environment), source: .runbookDefault) }
        return nil
    }
}
