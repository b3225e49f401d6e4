import ArgumentParser
import Testing
@testable import tasker_logscan

/// `QuickReportArguments` reads the common report command lines without ArgumentParser
/// (start-up); whatever it reads, ArgumentParser must read to the same request, and
/// whatever it is unsure of it leaves to ArgumentParser.
@Suite struct QuickReportArgumentsTests {
    /// Command lines the quick reader takes.
    static let accepted: [[String]] = [
        [],
        ["-"],
        ["logs/tasker.log"],
        ["a.log", "b.log.gz", "-", "logs/"],
        ["--json", "a.log"],
        ["a.log", "--json"],
        ["--format", "markdown", "a.log"],
        ["--format=html", "a.log"],
        ["--threads", "1", "a.log"],
        ["--threads=2", "a.log"],
        ["--threads", "0007", "a.log"],
        ["--threads", "5000", "a.log"],          // out of range: run() says so, as for the parser
        ["--fail-on", "critical", "a.log"],
        ["--fail-on", "sometimes", "a.log"],     // rejected by run(), as for the parser
        ["--since", "24h", "--until", "1h", "a.log"],
        ["--since=2025-01-15T10:00:00Z", "a.log"],
        ["--json", "--baseline", "last.json", "--fail-on", "critical", "logs/a.gz", "logs/b.gz"],
        ["--baseline=x=y.json", "a.log"],
        ["a.log", "--threads", "1", "b.log", "--format", "summary"],
        ["events.log", "size", "help"],          // not first: FILE operands
    ]

    /// Command lines it leaves to ArgumentParser.
    static let declined: [[String]] = [
        ["report", "a.log"],
        ["events", "a.log"],
        ["size", "--rate", "5"],
        ["check-config"],
        ["help"],
        ["--help"],
        ["-h"],
        ["--version"],
        ["--window", "10m", "a.log"],
        ["--json", "--json", "a.log"],
        ["--json=true", "a.log"],
        ["--threads", "1", "--threads", "2", "a.log"],
        ["--threads", "-1", "a.log"],
        ["--threads", "x", "a.log"],
        ["--threads", "99999999999999999999999", "a.log"],
        ["--threads"],
        ["--threads="],
        ["--format", "yaml", "a.log"],
        ["--since", "--json", "a.log"],
        ["--", "-weird.log"],
        ["-x", "a.log"],
        ["--no-such-option", "a.log"],
        ["--follow", "a.log"],
        ["--generate-completion-script", "bash"],
    ]

    @Test(arguments: accepted)
    func readsAsTheArgumentParserReads(arguments: [String]) throws {
        let quick = try #require(QuickReportArguments.parse(arguments))
        let parsed = try ReportCommand.parseAsRoot(arguments)
        let command = try #require(parsed as? ReportCommand)
        #expect(quick == command.request)
    }

    @Test(arguments: declined)
    func leavesTheRestToTheArgumentParser(arguments: [String]) {
        #expect(QuickReportArguments.parse(arguments) == nil)
    }

    /// A new subcommand must be known to the quick reader, or `tasker-logscan NEW …` would be a report of a file named NEW.
    @Test func knowsEverySubcommand() {
        let names = TaskerLogscan.configuration.subcommands.compactMap { $0.configuration.commandName }
        #expect(Set(names + ["help"]) == Set(QuickReportArguments.subcommandNames))
    }
}
