import ArgumentParser
import FoundationEssentials
import LogScanConfig

/// `tasker-logscan check-config [--env ENV] DIR`: the effective capacity of every channel
/// in every environment of a tasker config tree, and the tree's lint problems.
struct CheckConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-config",
        abstract: "Show a tasker config tree's channel capacities per environment and lint it.",
        discussion: """
        Reads base/*.toml and environments/<env>/*.toml (seed layout: mpsc_channels.toml; \
        component layout: orchestration.toml, worker.toml, common.toml), prints the effective \
        capacity of every channel in every environment, and reports channel tables without \
        the mpsc_channels prefix, tables in the wrong layout, unknown tables and keys, sizes \
        that are not positive integers or lie outside the usual range, environment files that \
        override nothing, and invalid TOML, each with its file and line.

        Exit status: 0 no errors (warnings allowed), 1 errors found, 2 the folder cannot be read.
        """
    )

    @Option(name: .long, help: ArgumentHelp("Show and lint only base/ and this environment.", valueName: "env"))
    var env: String?

    @Argument(help: ArgumentHelp("The config root holding base/ and environments/ (default: config/tasker).",
                                 valueName: "dir"))
    var dir: String?

    func run() throws {
        let root = dir ?? ConfigTree.defaultRoot
        if dir == nil, !FileManager.default.fileExists(atPath: root) {
            Diagnostics.error("no config tree given and \(root) does not exist here (usage: check-config [--env ENV] DIR)")
            throw ExitCode(2)
        }
        let report: ConfigCheckReport
        do {
            report = try ConfigCheckReport.run(root: root, environment: env)
        } catch {
            Diagnostics.error(error.description)
            throw ExitCode(2)
        }
        let out = StandardOutput.shared
        out.write(report.render())
        out.flush()
        if report.hasErrors { throw ExitCode(1) }
    }
}
