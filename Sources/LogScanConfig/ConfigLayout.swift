/// How a config tree arranges the channel tables.
///
/// - `seed`: the runbook's layout, one `mpsc_channels.toml` per folder with
///   `[mpsc_channels.<group>.<table>]` (groups `orchestration`, `task_readiness`, `worker`, `shared`).
/// - `component`: tasker-core's newer layout, one file per component with the tables nested
///   below it: `orchestration.toml` holds `[orchestration.mpsc_channels.*]` (and
///   `[orchestration.mpsc_channels.task_readiness.*]`), `worker.toml` holds
///   `[worker.mpsc_channels.*]`, `common.toml` holds `[common.mpsc_channels.*]` (the seed's
///   `shared` group and `overflow_policy`).
public enum ConfigLayout: String, Sendable, Equatable, CaseIterable {
    case seed
    case component

    /// The other layout.
    public var other: ConfigLayout { self == .seed ? .component : .seed }

    /// Where a seed table (the path below `mpsc_channels`, e.g. `["shared", "ffi"]`) lives
    /// in this layout: `["mpsc_channels", "shared", "ffi"]` or `["common", "mpsc_channels", "ffi"]`.
    public func tablePath(seedTable: [String]) -> [String] {
        switch self {
        case .seed:
            return ["mpsc_channels"] + seedTable
        case .component:
            let (component, rest) = Self.component(of: seedTable)
            return [component, "mpsc_channels"] + rest
        }
    }

    /// The file of a folder that holds a seed table in this layout (`mpsc_channels.toml`,
    /// `orchestration.toml`, `worker.toml` or `common.toml`).
    public func fileName(seedTable: [String]) -> String {
        switch self {
        case .seed: "mpsc_channels.toml"
        case .component: Self.component(of: seedTable).component + ".toml"
        }
    }

    /// The seed table a full table path of this layout names, `nil` when the path is not
    /// below this layout's `mpsc_channels` tables.
    public func seedTable(forTablePath path: [String]) -> [String]? {
        switch self {
        case .seed:
            guard path.first == "mpsc_channels" else { return nil }
            return Array(path.dropFirst())
        case .component:
            guard path.count >= 2, path[1] == "mpsc_channels" else { return nil }
            let rest = Array(path.dropFirst(2))
            switch path[0] {
            case "orchestration":
                return rest.first == "task_readiness" ? rest : ["orchestration"] + rest
            case "worker":
                return ["worker"] + rest
            case "common":
                // `overflow_policy` keeps its name; every other shared table is the seed's `shared` group.
                return rest.first == "overflow_policy" ? rest : ["shared"] + rest
            default:
                return nil
            }
        }
    }

    /// The component of a seed table and the path below `<component>.mpsc_channels`.
    private static func component(of seedTable: [String]) -> (component: String, rest: [String]) {
        let rest = Array(seedTable.dropFirst())
        switch seedTable.first {
        case "orchestration": return ("orchestration", rest)
        case "task_readiness": return ("orchestration", seedTable)
        case "worker": return ("worker", rest)
        case "shared": return ("common", rest)
        default: return ("common", seedTable)
        }
    }

    /// How reports name the layout.
    public var displayName: String {
        switch self {
        case .seed: "seed layout: [mpsc_channels.*] in mpsc_channels.toml"
        case .component: "component layout: [<component>.mpsc_channels.*] in orchestration/worker/common.toml"
        }
    }
}
