import ArgumentParser
import LogScan

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The root command: `report` is the default subcommand.
struct TaskerLogscan: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tasker-logscan",
        abstract: "Diagnose tasker MPSC channel problems from logs, as the channel tuning runbook does.",
        discussion: """
        Examples:
          tasker-logscan logs/tasker.log
          kubectl logs deploy/tasker-orchestration --timestamps | tasker-logscan
          kubectl logs -f deploy/tasker-orchestration | tasker-logscan --follow
          # nightly job:
          tasker-logscan --json --fail-on critical /var/log/tasker/*.log.gz
        """,
        subcommands: [ReportCommand.self, EventsCommand.self, CheckConfigCommand.self, SizeCommand.self],
        defaultSubcommand: ReportCommand.self
    )
}

// Usage errors exit with 2 (SPEC §1), not ArgumentParser's 64.
do {
    var command = try TaskerLogscan.parseAsRoot()
    try command.run()
} catch {
    let code = TaskerLogscan.exitCode(for: error)
    if code == .validationFailure {
        Diagnostics.error(TaskerLogscan.message(for: error))
        let usage = TaskerLogscan.fullMessage(for: error)
            .split(separator: "\n", omittingEmptySubsequences: false)
            .first { $0.hasPrefix("Usage:") }
        if let usage { Diagnostics.plain(String(usage) + "\n  See 'tasker-logscan --help'.") }
        StandardOutput.shared.flush()
        exit(2)
    }
    StandardOutput.shared.flush()
    TaskerLogscan.exit(withError: error)
}
