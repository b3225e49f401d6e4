import Foundation
import Testing
@testable import LogScanEngine
@testable import LogScanAnalysis
import TestSupport

/// Every option value the report takes is checked (SPEC §1): a usage error is one line naming
/// the option, then the `--help` hint, exit status 2, and no report.
@Suite struct OptionValueTests {
    static let hint = "See 'tasker-logscan --help'.\n"

    @Test(arguments: [
        (["--env", "prod"], "--env prod: no such environment (the runbook has test, development, production); did you mean production?"),
        (["--env", "staging"], "--env staging: no such environment (the runbook has test, development, production)"),
        (["--env", "prod", "--config", "fixtures/config/seed"], "--env prod: no such environment (fixtures/config/seed has test, development, production); did you mean production?"),
        (["--until", "3d", "--since", "1h"], "--since 2025-10-14T00:59:47.649416Z is after --until 2025-10-11T01:59:47.649416Z"),
        (["--since", "2025-10-14T02:00:00Z", "--until", "2025-10-14T01:00:00Z"], "--since 2025-10-14T02:00:00Z is after --until 2025-10-14T01:00:00Z"),
        (["--until", "3d"], "--until 3d: 2025-10-11T01:59:47.649416Z is before the input's first timestamp 2025-10-14T00:00:00.012345Z"),
        (["--since", "2025-10-15"], "--since 2025-10-15: 2025-10-15T00:00:00Z is after the input's last timestamp 2025-10-14T01:59:47.649416Z"),
        (["--since", "2300-01-01T00:00:00Z"], "--since 2300-01-01T00:00:00Z: instant outside the years 1900-2100"),
        (["--until", "1850-01-01"], "--until 1850-01-01: instant outside the years 1900-2100"),
        (["--since", "0s"], "--since 0s: a duration must be longer than 0s"),
        (["--since", "36526d"], "--since 36526d: a duration must be at most 100 years (36525d)"),
        (["--window", "100000d"], "--window 100000d: a duration must be at most 100 years (36525d)"),
        (["--window", "0s"], "--window 0s: a duration must be longer than 0s"),
        (["--episode-gap", "5"], "--episode-gap 5: missing unit after the number (ms, s, m, h or d), e.g. 5m, 90s, 24h, 1h30m"),
        (["--window", "99999999999999999999d"], "--window 99999999999999999999d: too large, at most 100 years (36525d)"),
        (["--target-usage", "100"], "--target-usage 100: must be between 0 and 100 (exclusive), e.g. 70"),
        (["--fail-on", "errors"], "--fail-on errors: must be info, warning, critical or never"),
        (["--channel", "a,,b"], "--channel a,,b: empty channel name"),
        (["--label", "cluster=eu1"], "--label cluster=eu1: only --format prometheus has labels"),
        (["--format", "prometheus", "--label", "cluster"], "--label cluster: expected name=value, e.g. cluster=eu1"),
        (["--format", "prometheus", "--label", "1x=a"], "--label 1x=a: \"1x\" is not a Prometheus label name ([a-zA-Z_][a-zA-Z0-9_]*, not starting with __)"),
        (["--format", "prometheus", "--label", "channel=a"], "--label channel=a: \"channel\" is a label of the metrics themselves"),
        (["--threads", "100000"], "--threads 100000: must be 0 (automatic) to 1024"),
    ])
    func aBadValueIsOneLineAndExitTwo(arguments: [String], message: String) throws {
        let r = try CLIRunner.run(arguments + ["fixtures/plain.log"])
        #expect(r.status == 2)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr == "tasker-logscan: \(message)\n" + Self.hint)
    }

    @Test func tASKER_ENVIsCheckedToo() throws {
        let r = try CLIRunner.run(["fixtures/plain.log"], environment: ["TASKER_ENV": "prodution"])
        #expect(r.status == 2)
        #expect(r.stderr == "tasker-logscan: TASKER_ENV=prodution: no such environment (the runbook has test, development, production); did you mean production?\n" + Self.hint)
        #expect(try CLIRunner.run(["--env", "test", "fixtures/runbook-forms.log"]).status == 0)
    }

    @Test func anUnknownOptionIsOneLineToo() throws {
        let r = try CLIRunner.run(["--frobnicate", "fixtures/plain.log"])
        #expect(r.status == 2)
        #expect(r.stderr == "tasker-logscan: Unknown option '--frobnicate'\n" + Self.hint)
    }

    @Test func channelListsAndDidYouMean() throws {
        let (status, report, stderr) = try ReportCLI.json(["--channel", "ruby_ffi,pgmq_notify_listener", "--channel", "orchestration_comand", "fixtures/plain.log"])
        #expect(status == 0)
        let filters = try #require(report["filters"] as? [String: Any])
        #expect(filters["channels"] as? [String] == ["orchestration_comand", "pgmq_notifications", "ruby_ffi"])
        #expect(stderr == "tasker-logscan: warning: --channel orchestration_comand: no such channel in the channel table or the input; did you mean orchestration_command?\n")
        let nosuch = try CLIRunner.run(["--channel", "nosuch", "fixtures/plain.log"])
        #expect(nosuch.status == 0)
        #expect(nosuch.stderr == "tasker-logscan: warning: --channel nosuch: no such channel in the channel table or the input\n")
        #expect(nosuch.stdout.contains("  Warning      --channel nosuch: no such channel in the channel table or the\n"))
    }

    @Test func versionAndShortHelp() throws {
        let version = try CLIRunner.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout == "tasker-logscan 0.4.0\n")
        let short = try CLIRunner.run(["-h"])
        #expect(short.status == 0)
        #expect(short.stdout == (try CLIRunner.run(["--help"])).stdout)
        #expect(short.stdout.contains("USAGE: tasker-logscan"))
        #expect(try CLIRunner.run(["report", "-h"]).stdout.contains("--baseline <file>"))
    }

    @Test func oneLineIsOneLine() throws {
        let one = try ReportCLI.temporaryFile("one.log", "hello\n")
        let r = try CLIRunner.run([one.path], environment: ["COLUMNS": "300"])
        #expect(r.stdout.contains(": 6 B, 1 line, nothing recognised (error: no tasker log lines recognised (first line: hello))\n"))
        #expect(r.stdout.contains("  Read         1 line, 0 events\n"))
    }

    @Test func durationsAndInstantsAtTheirBounds() throws {
        #expect(try TimeBound.duration(option: "--window", "36525d") == TimeBound.longestDuration)
        #expect(throws: OptionValueError("--window 36525d1ms: a duration must be at most 100 years (36525d)")) {
            try TimeBound.duration(option: "--window", "36525d1ms")
        }
        #expect(try TimeBound(parsing: "2100-12-31T23:59:59Z") == .instant(Timestamp(nanoseconds: 4_133_980_799_000_000_000)))
        #expect(try TimeBound(parsing: "1900-01-01") == .instant(Timestamp(nanoseconds: -2_208_988_800_000_000_000)))
        #expect(throws: OptionValueError("instant outside the years 1900-2100")) { try TimeBound(parsing: "2101-01-01") }
        #expect(TimeBound.parseInstant("2025-10-14T10:00") == Timestamp(nanoseconds: 1_760_436_000_000_000_000))
        #expect(TimeBound.parseInstant("2025-10-14 10:00:00.5+02:00") == Timestamp(nanoseconds: 1_760_428_800_500_000_000))
        #expect(TimeBound.parseInstant("2025-02-30") == nil)
    }
}
