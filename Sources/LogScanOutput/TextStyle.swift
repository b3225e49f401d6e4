import LogScanConfig

/// ANSI styling for the text report; every method returns its input unchanged without colour.
struct TextStyle {
    let color: Bool

    private func wrap(_ text: String, _ code: String) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    func heading(_ text: String) -> String { wrap(text, "1") }

    func dim(_ text: String) -> String { wrap(text, "2") }

    func severity(_ text: String, _ severity: Severity) -> String {
        switch severity {
        case .critical: wrap(text, "1;31")
        case .warning: wrap(text, "1;33")
        case .info: wrap(text, "1;36")
        }
    }
}
