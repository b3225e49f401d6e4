import LogScanEngine
import LogScanConfig

/// `config_drift` (Troubleshooting checklist): the logs' buffer size differs from the config
/// tree for `--env` (warning) or, without a tree, from the runbook's table (info).
enum ConfigDriftDiagnosis {
    static func diagnose(channel: String, context: AnalysisContext) -> DraftFinding? {
        guard let spec = ChannelCatalog.spec(for: channel),
              let observed = context.observedCapacities[channel] else { return nil }
        let options = context.options
        let env = options.environment
        let expected: Int
        let source: CapacitySource
        let file: String?
        if let configured = options.configuration.configuredCapacity(channel: spec, environment: env) {
            (expected, source, file) = (configured.value, .config, configured.file)
        } else {
            (expected, source, file) = (spec.defaultCapacity(environment: env), .runbookDefault, nil)
        }
        guard observed.value != expected else { return nil }
        let matching = TaskerEnvironment.allCases.filter { spec.defaults[$0] == observed.value }.map(\.rawValue)
        let evidence = ConfigDriftEvidence(logsCapacity: observed.value, expectedCapacity: expected,
                                           expectedSource: source, environment: env, configFile: file,
                                           seenAt: observed.at, line: observed.line, matchingEnvironments: matching)
        // Which side is which, once: the logs are what ran, the config (or the table) what was expected.
        let others = listed(matching.filter { $0 != env })
        var summary = "\(DisplayText.name(channel)): the service ran with \(observed.value) (\(observed.line)); "
        var advice: String
        if let file {
            summary += "\(file) says \(expected) for \(env): the config is not in force."
            advice = "Check TASKER_ENV and the deployment before resizing"
            if matching.contains(env) {
                advice += "; \(observed.value) is the runbook's default for \(env): the service may run without this config tree."
            } else {
                advice += others.isEmpty ? "." : "; \(observed.value) is the runbook's default for \(others)."
            }
        } else {
            summary += "the runbook's default for \(env) is \(expected)."
            advice = "Check that TASKER_ENV is \(env) on the service"
            advice += others.isEmpty ? "." : ": \(observed.value) is the runbook's default for \(others)."
        }
        let severity: Severity = source == .config ? .warning : .info
        return DraftFinding(Finding(id: .configDrift, severity: severity, channel: channel, summary: summary,
                                    start: observed.at, end: observed.at, evidence: .drift(evidence),
                                    recommendation: Recommendation(text: advice),
                                    sources: observed.source.map { [SourceCount(source: $0, events: 1)] } ?? []))
    }

    /// `a`, `a or b`, `a, b or c`.
    private static func listed(_ names: [String]) -> String {
        names.count <= 1 ? names.joined() : names.dropLast().joined(separator: ", ") + " or " + names.last!
    }
}
