import LogScanEngine
import LogScanConfig

/// `config_prefix` (Change procedure step 3): an override table without the `mpsc_channels`
/// prefix, which creates a conflicting top-level key instead of overriding the channel.
enum ConfigPrefixDiagnosis {
    static func diagnose(_ problem: ConfigPrefixProblem, configuration: any CapacityConfiguration) -> DraftFinding {
        // The channel whose seed table the corrected header names, when exactly one does.
        let named = ChannelCatalog.channels.filter { "[\($0.seedTableHeader)]" == problem.correctedHeader }
        let channel = named.count == 1 ? named[0].name : nil
        let evidence = ConfigPrefixEvidence(file: problem.file, line: problem.line, header: problem.header,
                                            correctedHeader: problem.correctedHeader)
        let summary = "\(problem.file):\(problem.line): \(problem.header) lacks the mpsc_channels prefix: it creates a conflicting top-level key and does not override the channel."
        let advice = "Rename the table header to \(problem.correctedHeader)."
        // The fix carries the table's keys and values: a bare header would set nothing.
        var toml = "# \(problem.file)\n\(problem.correctedHeader)\n"
        if let tree = configuration as? ConfigTree {
            for file in tree.files where file.path == problem.file {
                for entry in file.entries where TOMLKeyPath.header(entry.tablePath) == problem.header {
                    toml += "\(TOMLKeyPath.renderKey(entry.key)) = \(entry.value)\n"
                }
            }
        }
        return DraftFinding(Finding(id: .configPrefix, severity: .critical, channel: channel, summary: summary,
                                    start: nil, end: nil, evidence: .prefix(evidence),
                                    recommendation: Recommendation(text: advice, file: problem.file, toml: toml)))
    }
}
