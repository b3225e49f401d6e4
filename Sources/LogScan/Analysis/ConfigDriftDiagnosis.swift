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
        let expectation = file.map { "\($0) sets \(expected) for \(env)" }
            ?? "the runbook's default for \(env) is \(expected)"
        let environments = listed(matching)
        var summary = "\(channel) runs with buffer_size=\(observed.value) (\(observed.line)) but \(expectation)"
        summary += matching.isEmpty ? "." : "; \(observed.value) is the runbook's default for \(environments)."
        var advice = "Confirm that TASKER_ENV is \(env) on the service"
        advice += matching.isEmpty ? " and that the deployed config is the one reviewed." : ": it may run with \(environments) settings."
        let severity: Severity = source == .config ? .warning : .info
        return DraftFinding(Finding(id: .configDrift, severity: severity, channel: channel, summary: summary,
                                    start: observed.at, end: observed.at, evidence: .drift(evidence),
                                    recommendation: Recommendation(text: advice)))
    }

    /// `a`, `a or b`, `a, b or c`.
    private static func listed(_ names: [String]) -> String {
        names.count <= 1 ? names.joined() : names.dropLast().joined(separator: ", ") + " or " + names.last!
    }
}
