import LogScanEngine
import LogScanConfig

/// Derives a report's actions from its findings (SPEC §4): one per config key from the
/// findings that recommend a size for it, one per distinct non-TOML advice, one per
/// `config_prefix` table; known findings (`--baseline`) and resizes already applied are
/// no action. Then merges every TOML change of one file into one block.
enum ActionPlanner {
    static func plan(findings: [Finding], channels: [ChannelReport]) -> ([Action], [ConfigFileChange]) {
        var resizes: [String: Action] = [:]
        // At most one per kind, eight kinds: a list (a Dictionary keyed by the kind looked up its
        // Hashable conformance on first use, 0.35 M instructions).
        var advice: [Action] = []
        var prefixes: [Action] = []
        var order: [String] = []
        let capacity = Dictionary(channels.map { ($0.channel, $0.capacity) }, uniquingKeysWith: { a, _ in a })
        for (i, f) in findings.enumerated() where !f.known {
            WorkMeter.tick()
            let r = f.recommendation
            if f.id == .configPrefix {
                if case .prefix(let p) = f.evidence {
                    prefixes.append(Action(kind: .fixConfigPrefix, severity: f.severity, channel: f.channel,
                                           file: p.file, toml: r.toml,
                                           text: "Rename \(p.header) to \(p.correctedHeader) in \(p.file):\(p.line)",
                                           findings: [i]))
                }
                continue
            }
            if let size = r.size, r.alreadyApplied == nil {
                let key = r.configKey ?? "channel " + (f.channel ?? "?")
                if var action = resizes[key] {
                    action.severity = max(action.severity, f.severity)
                    action.findings.append(i)
                    if size > action.size ?? 0 { (action.size, action.toml, action.file) = (size, r.toml, r.file) }
                    resizes[key] = action
                } else {
                    order.append(key)
                    resizes[key] = Action(kind: .resize, severity: f.severity, channel: f.channel, configKey: r.configKey,
                                          file: r.file, current: f.channel.flatMap { capacity[$0] ?? nil }, size: size,
                                          toml: r.toml, text: "", findings: [i])
                }
            }
            for kind in adviceKinds(f) {
                if !advice.contains(where: { $0.kind == kind }) {
                    advice.append(Action(kind: kind, severity: f.severity, channel: f.channel, text: "", findings: []))
                }
                let at = advice.firstIndex { $0.kind == kind }!
                advice[at].severity = max(advice[at].severity, f.severity)
                if advice[at].channel != f.channel { advice[at].channel = nil }
                advice[at].findings.append(i)
            }
        }
        var actions = order.map { key -> Action in
            var action = resizes[key]!
            action.text = resizeText(action)
            return action
        }
        actions += prefixes
        for kind in Action.Kind.allCases {
            guard var action = advice.first(where: { $0.kind == kind }) else { continue }
            action.text = adviceText(action, findings: findings)
            actions.append(action)
        }
        // Most severe first; then config changes before advice, each in the order found.
        let ranked = actions.enumerated().sorted { a, b in
            a.element.severity != b.element.severity ? a.element.severity > b.element.severity : a.offset < b.offset
        }.map(\.element)
        return (ranked, mergedChanges(ranked))
    }

    /// The non-TOML advice a finding gives, read from its evidence.
    static func adviceKinds(_ f: Finding) -> [Action.Kind] {
        switch f.evidence {
        case .saturation(let s):
            return s.slowHandlersNearby > 0 && f.severity != .info ? [.optimiseConsumer] : []
        case .ffiBackpressure(let e):
            return e.slowHandlersNearby > 0 ? [.optimiseConsumer] : []
        case .drops(let d):
            return d.continuous ? [.investigateEventStorm] : []
        case .burst(let b):
            var kinds: [Action.Kind] = []
            if !b.correlated { kinds.append(.findOtherProducer) }
            if (b.capacity ?? 0) >= RunbookThresholds.pgmqProductionSize { kinds.append(.reducePGMQLoad) }
            return kinds
        case .allChannelsSaturated:
            return [.scaleOutConsumers]
        case .drift:
            return [.checkDeployment]
        case .full, .prefix:
            return []
        }
    }

    private static func resizeText(_ a: Action) -> String {
        let key = a.configKey.map { String($0.split(separator: ".").last ?? "") } ?? "the buffer"
        var text = "\(a.channel ?? "channel"): set \(key) = \(a.size ?? 0)"
        if let current = a.current { text += " (now \(current))" }
        // No full stop after a path: it would be read as part of it.
        return text + (a.file.map { " in \($0)" } ?? "; no config key is known for this channel")
    }

    private static func adviceText(_ a: Action, findings: [Finding]) -> String {
        let n = a.findings.count
        switch a.kind {
        case .optimiseConsumer:
            return "ruby_ffi: the consumer is the bottleneck (slow Ruby handlers near \(ReportNumber.counted(n, "finding"))): optimise the Ruby handlers, consider async processing; do not grow the buffer."
        case .investigateEventStorm:
            return "event_publisher: drops are continuous (\(ReportNumber.counted(n, "episode"))): investigate the event storm's cause, consider event sampling/filtering, review subscriber performance."
        case .findOtherProducer:
            return "pgmq_notifications: \(ReportNumber.counted(n, "burst")) with no bulk task creation of 1000+ tasks before: look for another producer of PGMQ notifications."
        case .reducePGMQLoad:
            return "pgmq_notifications is at 50000 already (\(ReportNumber.counted(n, "burst"))): consider notification coalescing, batch notification processing, or scaling orchestration horizontally."
        case .scaleOutConsumers:
            return "Every channel with problems was above 95% at once (\(ReportNumber.counted(n, "window"))): check for a downstream bottleneck (database, queue service) and scale out consumers."
        case .checkDeployment:
            var channels: [String] = []
            // A drift per channel of a flood of made-up names: a list search here was quadratic.
            var seen = Set<String>()
            var notInForce = false
            var environment = ""
            for i in a.findings {
                WorkMeter.tick()
                if let c = findings[i].channel, seen.insert(c).inserted { channels.append(c) }
                if case .drift(let d) = findings[i].evidence {
                    notInForce = notInForce || d.expectedSource == .config
                    environment = d.environment
                }
            }
            let list = channels.joined(separator: ", ")
            return notInForce
                ? "The config for \(environment) is not in force (\(list)): check TASKER_ENV and the deployment before resizing."
                : "The logs' capacities are not the runbook's for \(environment) (\(list)): check TASKER_ENV on the service."
        case .resize, .fixConfigPrefix:
            return a.text
        }
    }

    /// One block per file: each table once; a key set twice keeps the resize's value (a
    /// corrected table brings its old values, the resize the new one).
    static func mergedChanges(_ actions: [Action]) -> [ConfigFileChange] {
        var files: [String] = []
        var tables: [String: [(header: String, keys: [(String, String)])]] = [:]
        let ordered = actions.filter { $0.kind == .fixConfigPrefix } + actions.filter { $0.kind != .fixConfigPrefix }
        for action in ordered {
            guard let file = action.file, let toml = action.toml else { continue }
            if tables[file] == nil { files.append(file); tables[file] = [] }
            var header = ""
            for line in toml.split(separator: "\n").map(String.init) {
                if line.hasPrefix("#") || line.isEmpty { continue }
                if line.hasPrefix("[") {
                    header = line
                    if !tables[file]!.contains(where: { $0.header == header }) { tables[file]!.append((header, [])) }
                    continue
                }
                let name = String(line.prefix { $0 != "=" }).trimmingSpaces
                guard let t = tables[file]!.firstIndex(where: { $0.header == header }) else { continue }
                if let k = tables[file]![t].keys.firstIndex(where: { $0.0 == name }) {
                    tables[file]![t].keys[k] = (name, line)
                } else {
                    tables[file]![t].keys.append((name, line))
                }
            }
        }
        return files.map { file in
            let body = tables[file]!.map { table in ([table.header] + table.keys.map(\.1)).joined(separator: "\n") }
            return ConfigFileChange(file: file, toml: "# \(file)\n" + body.joined(separator: "\n\n") + "\n")
        }
    }
}
