/// What to do, derived from the findings for the HTML page's Actions section: one resize per
/// config key (the largest size any finding asks for, with that finding's TOML) and one entry
/// per distinct advice without TOML from warning and critical findings. Most severe first.
///
/// Stands in until the report model carries its own `actions` (SPEC §5); then the page
/// renders those instead and this type goes.
struct FindingActions {
    struct Resize: Equatable {
        var severity: Severity
        var configKey: String
        var file: String?
        var size: Int
        var toml: String
        var findings: [String]
    }

    struct Advice: Equatable {
        var severity: Severity
        var text: String
        var findings: [String]
    }

    var resizes: [Resize] = []
    var advice: [Advice] = []

    init(_ findings: [Finding]) {
        for f in findings {
            let name = "\(f.id.rawValue) \(FindingTextBlock.subject(f))"
            let r = f.recommendation
            if let toml = r.toml, let key = r.configKey ?? r.file {
                if let i = resizes.firstIndex(where: { $0.configKey == key && $0.file == r.file }) {
                    resizes[i].severity = max(resizes[i].severity, f.severity)
                    if let size = r.size, size > resizes[i].size {
                        resizes[i].size = size
                        resizes[i].toml = toml
                    }
                    if !resizes[i].findings.contains(name) { resizes[i].findings.append(name) }
                } else {
                    resizes.append(Resize(severity: f.severity, configKey: key, file: r.file, size: r.size ?? 0,
                                          toml: toml, findings: [name]))
                }
            } else if f.severity >= .warning {
                if let i = advice.firstIndex(where: { $0.text == r.text }) {
                    advice[i].severity = max(advice[i].severity, f.severity)
                    if !advice[i].findings.contains(name) { advice[i].findings.append(name) }
                } else {
                    advice.append(Advice(severity: f.severity, text: r.text, findings: [name]))
                }
            }
        }
        // Stable: findings arrive most severe first, so equal severities keep the report's order.
        resizes = resizes.enumerated().sorted { a, b in
            a.element.severity != b.element.severity ? a.element.severity > b.element.severity : a.offset < b.offset
        }.map(\.element)
        advice = advice.enumerated().sorted { a, b in
            a.element.severity != b.element.severity ? a.element.severity > b.element.severity : a.offset < b.offset
        }.map(\.element)
    }
}
