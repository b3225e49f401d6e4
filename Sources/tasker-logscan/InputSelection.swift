import ArgumentParser
import LogScanEngine

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The FILE operands and `--threads` of a log-reading command, however they were parsed.
struct InputSelection: Equatable {
    var files: [String] = []
    var threads = 0

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
