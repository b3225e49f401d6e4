import Foundation
import Testing
import TestSupport

/// `tasker-logscan [OPTIONS] FILE…` is read by `QuickReportArguments` or parsed by the report
/// command alone (start-up); every
/// command line says and does what `tasker-logscan report …` says and does, errors included.
@Suite struct DefaultCommandTests {
    static let fixture = EngineFixtures.path("plain.log")

    @Test(arguments: [
        ["--json", fixture],
        ["--format", "summary", "--window", "10m", fixture],
        ["--window", "0s", fixture],
        ["--no-such-option", fixture],
        ["--fail-on", "critical", fixture],
        ["--channel", "orchestration_comand", "--json", fixture],
        ["/no/such/file.log"],
        // Read without ArgumentParser (QuickReportArguments), answered alike, errors included:
        ["--threads", "1", "--json", fixture],
        ["--format=markdown", fixture],
        ["--since", "24h", "--until", "1h", "--json", fixture],
        ["--threads", "5000", fixture],
        ["--fail-on", "sometimes", fixture],
        ["--baseline", "/no/such/baseline.json", fixture],
        ["--since", "tomorrow", fixture],
    ])
    func theDefaultCommandIsTheReport(arguments: [String]) throws {
        let direct = try CLIRunner.run(arguments)
        let named = try CLIRunner.run(["report"] + arguments)
        #expect(direct.status == named.status)
        #expect(direct.stdout == named.stdout)
        #expect(direct.stderr == named.stderr)
    }

    /// Help, version and subcommands still go to the root command.
    @Test func rootRequestsAreAnsweredByTheRoot() throws {
        let version = try CLIRunner.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.hasPrefix("tasker-logscan "))
        let help = try CLIRunner.run(["--help"])
        #expect(help.stdout.contains("SUBCOMMANDS"))
        let events = try CLIRunner.run(["events", Self.fixture])
        #expect(events.status == 0)
        #expect(events.stdout.hasPrefix("{"))
    }
}
