import Testing
@testable import LogScanConfig

@Suite struct ConfigCheckReportTests {
    @Test func printsTheRunbookTableComputedFromTheFiles() throws {
        let root = ConfigFixtures.root("seed")
        let report = try ConfigCheckReport.run(root: root)
        #expect(!report.hasErrors)
        #expect(report.render() == """
            Config tree: \(root) (seed layout: [mpsc_channels.*] in mpsc_channels.toml)
            Environments: test, development, production

            Effective capacities (base, then each environment's overrides):
            channel                                       base   test  development  production
            orchestration_command                         1000    100         1000        5000
            pgmq_notifications                           10000  10000        10000       50000
            task_readiness                                1000    100          500        5000
            worker_command                                1000   1000         1000        2000
            event_publisher                               5000   5000         5000       10000
            ruby_ffi                                      1000   1000          500        2000
            orchestration_event_driven_event_channel      1000   1000         1000        1000
            orchestration_hybrid_event_channel            1000   1000         1000        1000
            worker_event_channel                          1000   1000         1000        1000
            worker_subscriber_completion_channel          1000   1000         1000        1000
            worker_subscriber_correlated_result_channel   1000   1000         1000        1000

            No problems found.

            """)
    }

    @Test func oneEnvironmentShowsWhereEachValueIsSet() throws {
        let root = ConfigFixtures.root("broken-sizes")
        let report = try ConfigCheckReport.run(root: root, environment: "production")
        #expect(report.hasErrors)
        let production = root + "/environments/production/mpsc_channels.toml"
        let base = root + "/base/mpsc_channels.toml"
        let lines = report.render().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(Array(lines[3...10]) == [
            "Effective capacities in production:",
            "channel                                      capacity  set by",
            "orchestration_command                         invalid  \(production):2 (0, not a positive integer)",
            "pgmq_notifications                            invalid  \(production):5 (-50000, not a positive integer)",
            "task_readiness                                invalid  \(production):8 (5000.0, not a positive integer)",
            "worker_command                                     50  \(production):17",
            "event_publisher                               invalid  \(production):11 (\"10000\", not a positive integer)",
            "ruby_ffi                                        60000  \(production):14",
        ])
        #expect(lines[11] == "orchestration_event_driven_event_channel         1000  \(base):12")
        #expect(lines.suffix(2) == ["4 errors, 2 warnings", ""])
    }

    @Test func unsetAndInvalidCellsAreExplained() throws {
        let text = try ConfigCheckReport.run(root: ConfigFixtures.root("broken-sizes")).render()
        #expect(text.contains("\norchestration_command                         1000     invalid\n"))
        #expect(text.contains("\n(invalid = not a positive integer: see the problems below)\n"))
        let unset = try ConfigCheckReport.run(root: ConfigFixtures.root("broken-prefix"), environment: "development")
        #expect(!unset.render().contains("not set"))
    }

    @Test func invalidTOMLHidesTheTable() throws {
        let report = try ConfigCheckReport.run(root: ConfigFixtures.root("broken-toml"))
        #expect(report.render().contains("\nCapacities not shown: 2 files are not valid TOML "
            + "(tasker would not start with this tree).\n"))
        #expect(report.hasErrors)
    }

    @Test func anUnknownEnvironmentIsAnError() {
        let root = ConfigFixtures.root("seed")
        #expect(throws: ConfigError(path: root, reason: "no environment 'staging' (found: test, development, production)")) {
            try ConfigCheckReport.run(root: root, environment: "staging")
        }
    }

    @Test func warningsAloneAreNotErrors() throws {
        let report = try ConfigCheckReport.run(root: ConfigFixtures.root("broken-unknown"))
        #expect(!report.hasErrors)
        #expect(report.render().hasSuffix("0 errors, 4 warnings\n"))
    }
}
