import ArgumentParser
import LogScan

/// The root command: `report` is the default subcommand.
struct TaskerLogscan: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tasker-logscan",
        abstract: "Diagnose tasker MPSC channel problems from logs, as the channel tuning runbook does.",
        subcommands: [EventsCommand.self, CheckConfigCommand.self, SizeCommand.self]
    )
}

TaskerLogscan.main()
