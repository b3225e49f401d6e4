import ArgumentParser
import LogScanEngine
import LogScanOutput

/// `tasker-logscan events`: every recognised event as one JSON object per line.
struct EventsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events",
        abstract: "Print every recognised channel event as JSON Lines (for jq and tests).",
        discussion: """
        Each line is one JSON object with kind, channel, raw_channel, timestamp, source,
        input, line, level and the kind's own fields. Example:
          tasker-logscan events logs/tasker.log | jq -r 'select(.kind=="dropped_event") | .event_type' | sort | uniq -c
        """
    )

    @OptionGroup var input: InputOptions

    func run() throws {
        let inputs = try input.selection.inputSpecs()
        let scanner = LogScanner(options: try input.selection.scanOptions())
        let out = StandardOutput.shared
        var failed = false
        _ = scanner.scan(inputs, onInputDone: { summary in
            guard let error = summary.error else { return }
            out.flush()
            Diagnostics.error("\(summary.name): \(error)")
            failed = true
        }, onEvent: { out.writeLine(EventJSONEncoder.encode($0)) })
        out.flush()
        if failed { throw ExitCode(2) }
    }
}
