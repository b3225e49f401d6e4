/// A tasker environment whose default capacities the runbook lists.
public enum TaskerEnvironment: String, Sendable, CaseIterable {
    case base, test, development, production
}

/// A channel tasker-core monitors: its runbook name, the raw names its logs use,
/// and where its capacity lives in the config tree.
public struct ChannelSpec: Sendable, Equatable {
    /// The runbook's name (`orchestration_command`), or tasker-core's own for other channels.
    public let name: String
    /// Raw names tasker-core logs for this channel, other than `name`.
    public let aliases: [String]
    /// The table below `mpsc_channels` in the seed layout, e.g. `["orchestration", "command_processor"]`.
    public let configTable: [String]
    /// The size key in that table, e.g. `command_buffer_size`.
    public let configKey: String
    /// The runbook's "Default Buffer Sizes" for base, test, development, production.
    public let defaults: [TaskerEnvironment: Int]

    /// The seed-layout table header, e.g. `mpsc_channels.orchestration.command_processor`.
    public var seedTableHeader: String { (["mpsc_channels"] + configTable).joined(separator: ".") }

    /// The default capacity for an environment name; unknown environments use `base`.
    public func defaultCapacity(environment: String) -> Int {
        let env = TaskerEnvironment(rawValue: environment) ?? .base
        return defaults[env] ?? defaults[.base] ?? 1000
    }
}

/// The channel table of SPEC §3: runbook names, raw aliases, config keys and defaults.
public enum ChannelCatalog {
    private static func sizes(_ base: Int, _ test: Int, _ dev: Int, _ prod: Int) -> [TaskerEnvironment: Int] {
        [.base: base, .test: test, .development: dev, .production: prod]
    }

    /// Every channel with a config key, the runbook's six first, in the runbook's order.
    public static let channels: [ChannelSpec] = [
        ChannelSpec(name: "orchestration_command", aliases: ["orchestration_command_channel"],
                    configTable: ["orchestration", "command_processor"], configKey: "command_buffer_size",
                    defaults: sizes(1000, 100, 1000, 5000)),
        ChannelSpec(name: "pgmq_notifications", aliases: ["pgmq_notify_listener"],
                    configTable: ["orchestration", "event_listeners"], configKey: "pgmq_event_buffer_size",
                    defaults: sizes(10000, 10000, 10000, 50000)),
        ChannelSpec(name: "task_readiness", aliases: [],
                    configTable: ["task_readiness", "event_channel"], configKey: "buffer_size",
                    defaults: sizes(1000, 100, 500, 5000)),
        ChannelSpec(name: "worker_command", aliases: ["worker_command_channel"],
                    configTable: ["worker", "command_processor"], configKey: "command_buffer_size",
                    defaults: sizes(1000, 1000, 1000, 2000)),
        ChannelSpec(name: "event_publisher", aliases: ["event_publisher_queue"],
                    configTable: ["shared", "event_publisher"], configKey: "event_queue_buffer_size",
                    defaults: sizes(5000, 5000, 5000, 10000)),
        ChannelSpec(name: "ruby_ffi", aliases: ["ruby_ffi_event_handler"],
                    configTable: ["shared", "ffi"], configKey: "ruby_event_buffer_size",
                    defaults: sizes(1000, 1000, 500, 2000)),
        ChannelSpec(name: "orchestration_event_driven_event_channel", aliases: [],
                    configTable: ["orchestration", "event_systems"], configKey: "event_channel_buffer_size",
                    defaults: sizes(1000, 1000, 1000, 1000)),
        ChannelSpec(name: "orchestration_hybrid_event_channel", aliases: [],
                    configTable: ["orchestration", "event_systems"], configKey: "event_channel_buffer_size",
                    defaults: sizes(1000, 1000, 1000, 1000)),
        ChannelSpec(name: "worker_event_channel", aliases: [],
                    configTable: ["worker", "event_systems"], configKey: "event_channel_buffer_size",
                    defaults: sizes(1000, 1000, 1000, 1000)),
        ChannelSpec(name: "worker_subscriber_completion_channel", aliases: [],
                    configTable: ["worker", "event_subscribers"], configKey: "completion_buffer_size",
                    defaults: sizes(1000, 1000, 1000, 1000)),
        ChannelSpec(name: "worker_subscriber_correlated_result_channel", aliases: [],
                    configTable: ["worker", "event_subscribers"], configKey: "result_buffer_size",
                    defaults: sizes(1000, 1000, 1000, 1000)),
    ]

    private static let byName: [String: ChannelSpec] = {
        var map: [String: ChannelSpec] = [:]
        for spec in channels {
            map[spec.name] = spec
            for alias in spec.aliases { map[alias] = spec }
        }
        return map
    }()

    /// The spec for a runbook name or a raw alias, `nil` for channels the catalog does not know.
    public static func spec(for name: String) -> ChannelSpec? { byName[name] }

    /// The name reports use: the runbook name for known channels and aliases, else `raw` itself.
    public static func canonicalName(_ raw: String) -> String { byName[raw]?.name ?? raw }

    /// Position in the report's channel order: catalog order first, then other names.
    /// A table lookup: sorts of many channels call it for every comparison.
    public static func rank(of name: String) -> Int { ranks[name] ?? channels.count }

    private static let ranks: [String: Int] = {
        var map: [String: Int] = [:]
        for (i, spec) in channels.enumerated() where map[spec.name] == nil { map[spec.name] = i }
        return map
    }()
}
