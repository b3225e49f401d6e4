import ArgumentParser
import CMalloc

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
          # nightly job: what is new since last night
          tasker-logscan --json --baseline last.json --fail-on critical /var/log/tasker/*.log.gz

        Exit status: 0 done; 1 a finding at or above --fail-on; 2 usage or input error.
        """,
        version: TaskerLogscan.version,
        subcommands: [ReportCommand.self, EventsCommand.self, CheckConfigCommand.self, SizeCommand.self],
        defaultSubcommand: ReportCommand.self,
        helpNames: [.short, .long]
    )

    /// What `--version` prints.
    static let version = "tasker-logscan 0.4.0"
}

// A closed standard output or error gets a read-only /dev/null as placeholder: otherwise the
// first descriptor anything opens takes its number (an input file, or the thread pool's
// event loop, whose writes then fail with EINVAL), while writes to the placeholder fail with
// EBADF, so a closed standard output is still "standard output: Bad file descriptor".
for descriptor in [STDOUT_FILENO, STDERR_FILENO] where fcntl(descriptor, F_GETFD) == -1 && errno == EBADF {
    let placeholder = open("/dev/null", O_RDONLY)
    if placeholder >= 0, placeholder != descriptor {
        _ = dup2(placeholder, descriptor)
        close(placeholder)
    }
}

// A fixed mmap threshold: the analysis's 2 MiB record blocks and the scan threads' parts
// are given back to the system when freed instead of staying in glibc's heap arenas
// (storm, two threads: peak RSS 61-63 MiB before, 58 after; no measurable cost, as the
// read buffers are reused).
_ = logscan_fix_mmap_threshold(128 * 1024)

extension TaskerLogscan {
    /// The command line's command, when `QuickReportArguments` did not read it.
    /// `tasker-logscan [OPTIONS] FILE…` (the report, the default subcommand) is parsed by the
    /// report command alone: the root parser first walks every subcommand's arguments. A
    /// subcommand, help, version or completion request, and any command line the report
    /// rejects, go to the root parser, which answers them as always (the same messages).
    static func parsedCommand(_ arguments: [String]) throws -> ParsableCommand {
        let subcommands = Set(configuration.subcommands.map { $0.configuration.commandName ?? "" } + ["help"])
        let rootFlags: Set<String> = ["-h", "--help", "--version"]
        if arguments.first.map({ !subcommands.contains($0) }) ?? true,
           !arguments.contains(where: { rootFlags.contains($0) || $0.hasPrefix("--generate-completion") || $0.hasPrefix("--experimental") }),
           let command = try? ReportCommand.parseAsRoot(arguments) {
            return command
        }
        return try parseAsRoot(arguments)
    }
}

// Usage errors exit with 2 (SPEC §1), not ArgumentParser's 64.
do {
    let arguments = Array(CommandLine.arguments.dropFirst())
    if let request = QuickReportArguments.parse(arguments) {
        try request.run()
    } else {
        var command = try TaskerLogscan.parsedCommand(arguments)
        try command.run()
    }
} catch let status as ExitCode {
    // A finding at --fail-on, an input error: the status alone. ArgumentParser's error
    // handling (its type lookups) cost as much as the rest of a small run.
    StandardOutput.shared.flush()
    exit(status.rawValue)
} catch {
    let code = TaskerLogscan.exitCode(for: error)
    if code == .validationFailure {
        // One line naming the option and the hint, not the whole usage (SPEC §1).
        let message = TaskerLogscan.message(for: error)
            .split(separator: "\n", omittingEmptySubsequences: true).first.map(String.init) ?? "usage error"
        Diagnostics.error(message.hasPrefix("Error: ") ? String(message.dropFirst(7)) : message)
        Diagnostics.plain("See 'tasker-logscan --help'.")
        StandardOutput.shared.flush()
        exit(2)
    }
    StandardOutput.shared.flush()
    TaskerLogscan.exit(withError: error)
}
