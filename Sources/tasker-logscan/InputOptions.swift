import ArgumentParser
import LogScanEngine

/// The inputs every log-reading subcommand takes.
struct InputOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("Log files or folders (plain, gzip, zstd, xz, bzip2); `-` or none for standard input.", valueName: "FILE"),
              completion: .file())
    var files: [String] = []

    @Option(help: ArgumentHelp("Scanning threads for large files.", valueName: "N"))
    var threads: Int = 0

    /// The parsed values, as the commands use them.
    var selection: InputSelection { InputSelection(files: files, threads: threads) }
}
