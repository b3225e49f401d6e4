/// The report's common command lines, read without the argument parser: FILE operands and
/// `--json`, `--format`, `--threads`, `--fail-on`, `--since`, `--until`, `--baseline`, each
/// at most once. ArgumentParser's parse (type lookups by mangled name, conformance scans of
/// an 85 MB binary, reflection of the command's properties) was a third of a small run's
/// start-up; a nightly job or a CI loop pays it on every log. Anything else, or anything
/// doubtful (a repeated option, a value that looks like an option, `--`, a value the parser
/// would reject), is `nil`: the argument parser reads it, with its messages. Tests check
/// that both read every accepted command line alike.
enum QuickReportArguments {
    /// The root command's subcommand names and `help`: a command line starting with one is
    /// not the default report (`QuickReportArgumentsTests` checks this list against the root
    /// command). Arrays, not sets: a `Set<String>`'s first use looks up String's Hashable
    /// conformance among the binary's 5,752 (0.2 ms).
    static let subcommandNames = ["report", "events", "check-config", "size", "help"]

    /// The request for `arguments` (without the program name), or `nil` for the parser.
    static func parse(_ arguments: [String]) -> ReportRequest? {
        if let first = arguments.first, subcommandNames.contains(first) { return nil }
        var request = ReportRequest()
        var seen: [String] = []
        var index = arguments.startIndex
        while index < arguments.endIndex {
            let argument = arguments[index]
            index += 1
            if argument == "-" || !argument.hasPrefix("-") {
                request.input.files.append(argument)
                continue
            }
            guard argument.hasPrefix("--") else { return nil }
            var name = argument
            var value: String?
            if let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                value = String(argument[argument.index(after: equals)...])
            }
            guard !seen.contains(name) else { return nil }
            seen.append(name)
            if name == "--json" {
                guard value == nil else { return nil }
                request.json = true
                continue
            }
            if value == nil {
                guard index < arguments.endIndex else { return nil }
                value = arguments[index]
                index += 1
            }
            guard let value, !value.isEmpty, !value.hasPrefix("-") else { return nil }
            switch name {
            case "--format":
                guard let format = ReportCommand.Format(rawValue: value) else { return nil }
                request.format = format
            case "--threads":
                guard value.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
                      let threads = Int(value) else { return nil }
                request.input.threads = threads
            case "--fail-on": request.failOn = value
            case "--since": request.since = value
            case "--until": request.until = value
            case "--baseline": request.baseline = value
            default: return nil
            }
        }
        return request
    }
}
