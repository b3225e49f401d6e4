import ArgumentParser
import LogScanEngine

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The inputs every log-reading subcommand takes.
struct InputOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("Log files or folders (plain, gzip, zstd, xz, bzip2); `-` or none for standard input.", valueName: "FILE"),
              completion: .file())
    var files: [String] = []

    @Option(help: ArgumentHelp("Scanning threads for large files.", valueName: "N"))
    var threads: Int = 0

    /// The inputs to scan. No FILE and a terminal on stdin is a usage error:
    /// waiting for typed logs is never what the operator meant.
    func inputSpecs() throws -> [InputSpec] {
        if files.isEmpty {
            if isatty(0) != 0 {
                throw ValidationError("no input: give a log FILE, or pipe logs in (kubectl logs deploy/tasker-orchestration | tasker-logscan)")
            }
            return [.standardInput]
        }
        return DirectoryInputs.expand(files.map(InputSpec.init(argument:)))
    }

    func scanOptions() throws -> ScanOptions {
        guard threads >= 0, threads <= 1024 else {
            throw ValidationError("--threads \(threads): must be 0 (automatic) to 1024")
        }
        return ScanOptions(threads: threads == 0 ? ScanOptions.automaticThreads : threads)
    }
}
