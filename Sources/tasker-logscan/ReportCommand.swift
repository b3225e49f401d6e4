import ArgumentParser
import LogScan

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `tasker-logscan [report]`: the runbook's diagnoses for the given logs.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Diagnose channel saturation, bursts, backpressure and drops, as the runbook does (default).",
        discussion: """
        Examples:
          Log files, plain or gzip, read as one stream:
            tasker-logscan logs/tasker.log
            tasker-logscan --format markdown logs/*.log > report.md

          From the cluster, once or live (Ctrl-C prints the summary):
            kubectl logs deploy/tasker-orchestration | tasker-logscan
            kubectl logs -f deploy/tasker-orchestration \\
              | tasker-logscan --follow
            tasker-logscan --follow /var/log/tasker/orchestration.log

          Nightly job (exit 1 on critical; metrics for node_exporter):
            tasker-logscan --since 24h --json --fail-on critical logs/*.gz
            tasker-logscan --since 24h --format prometheus logs/*.gz \\
              > /var/lib/node_exporter/textfile/tasker_logscan.prom

        Exit status: 0 done; 1 a finding at or above --fail-on; 2 usage or input error
        (the report for what could be read is still printed).
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, markdown, prometheus
    }

    enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
        case auto, always, never
    }

    @OptionGroup var input: InputOptions

    @Option(help: ArgumentHelp("Output format: text, json, markdown (wiki page, chat post) or prometheus (node_exporter textfile).",
                               valueName: "format"))
    var format: Format = .text

    @Flag(help: "Same as --format json.")
    var json = false

    @Option(help: ArgumentHelp("Aggregation window, as the runbook's [5m] rates.", valueName: "duration"))
    var window = "5m"

    @Option(name: .customLong("episode-gap"),
            help: ArgumentHelp("Events further apart than this start a new episode.", valueName: "duration"))
    var episodeGap = "5m"

    @Option(help: ArgumentHelp("Only events at or after this RFC 3339 instant, or this long before the newest event (24h, 90m).",
                               valueName: "time"))
    var since: String?

    @Option(help: ArgumentHelp("Only events at or before this RFC 3339 instant, or this long before the newest event.",
                               valueName: "time"))
    var until: String?

    @Option(help: ArgumentHelp("Tasker environment for capacities and the TOML to edit (default: $TASKER_ENV, else production).",
                               valueName: "name"))
    var env: String?

    @Option(help: ArgumentHelp("Tasker config root holding base/ and environments/ (default: config/tasker when present).",
                               valueName: "dir"))
    var config: String?

    @Option(name: .customLong("target-usage"),
            help: ArgumentHelp("Usage the resize formula aims for, in percent.", valueName: "percent"))
    var targetUsage: Double = 70

    @Option(help: ArgumentHelp("Report only this channel (repeatable; runbook or raw name).", valueName: "name"))
    var channel: [String] = []

    @Option(name: .customLong("fail-on"),
            help: ArgumentHelp("Exit 1 when a finding at or above this severity exists: info, warning, critical, never.",
                               valueName: "severity"))
    var failOn = "never"

    @Option(help: ArgumentHelp("Colour: auto (terminal only, never with NO_COLOR), always, never.", valueName: "when"))
    var color: ColorChoice = .auto

    @Option(help: ArgumentHelp("Progress on stderr: auto (terminal, inputs taking over half a second), always, never.",
                               valueName: "when"))
    var progress: ProgressDisplay.Choice = .auto

    @Flag(help: ArgumentHelp("Keep reading growing FILEs (merged by timestamp, surviving rotation, waiting for missing ones) or standard input; print a finding when it turns critical and as it closes, and on Ctrl-C the findings still open."))
    var follow = false

    func run() throws {
        let inputs = try input.inputSpecs()
        let options = try analysisOptions()
        guard let failThreshold = FailOn(rawValue: failOn) else {
            throw ValidationError("--fail-on must be info, warning, critical or never, not '\(failOn)'")
        }
        var scanOptions = try input.scanOptions()
        if follow {
            try FollowMode.run(inputs, scanOptions: scanOptions, analysis: options,
                               formatter: try followFormatter(), failOn: failThreshold)
            return
        }
        let readProgress = ReadProgress()
        let display = ProgressDisplay.start(progress, progress: readProgress, inputs: inputs)
        if display != nil { scanOptions.progress = readProgress }
        let scanner = LogScanner(options: scanOptions)
        let analysis = AnalysisSink(Analyzer(options: options))
        // The analysis sorts what it is given, so inputs may be read at once, in any order.
        let summary = scanner.scan(inputs, inOrder: false, onInputDone: { result in
            guard let error = result.error else { return }
            let message = "\(result.name): \(error)"
            if let display {
                display.withLineErased { Diagnostics.error(message) }
            } else {
                Diagnostics.error(message)
            }
        }, onEvent: { analysis.analyzer.add($0) })
        display?.stop()
        let report = analysis.analyzer.finish(scan: summary)
        let out = StandardOutput.shared
        out.write(formatter.format(report))
        out.flush()
        if summary.hadInputError { throw ExitCode(2) }
        let status = failThreshold.exitStatus(for: report)
        if status != 0 { throw ExitCode(status) }
    }

    /// The formatter for `--format` (`--json` wins).
    private var formatter: any ReportFormatter {
        switch json ? .json : format {
        case .json: JSONReportFormatter()
        case .text: TextReportFormatter(color: useColor, width: Terminal.width(fd: 1) ?? 80)
        case .markdown: MarkdownReportFormatter()
        case .prometheus: PrometheusReportFormatter()
        }
    }

    /// How `--follow` writes; Prometheus exposition describes a finished run and cannot stream.
    private func followFormatter() throws -> FollowOutputFormatter {
        let chosen: FollowOutputFormatter.Format
        switch json ? .json : format {
        case .text: chosen = .text
        case .json: chosen = .json
        case .markdown: chosen = .markdown
        case .prometheus:
            throw ValidationError("--follow prints findings as they close: use --format text, json or markdown, not prometheus")
        }
        return FollowOutputFormatter(format: chosen, color: useColor, width: Terminal.width(fd: 1) ?? 80)
    }

    private func analysisOptions() throws -> AnalysisOptions {
        if let config, !Terminal.isDirectory(config) {
            throw ValidationError("--config \(config): not a directory")
        }
        do {
            var options = AnalysisOptions(
                window: try HumanDuration.parse(window),
                episodeGap: try HumanDuration.parse(episodeGap),
                since: try since.map(TimeBound.init(parsing:)),
                until: try until.map(TimeBound.init(parsing:)),
                channels: Set(channel),
                targetUsage: targetUsage,
                environment: env ?? environmentVariable("TASKER_ENV") ?? "production"
            )
            options.configuration = ConfigTree.forReport(root: config)
            try options.validate()
            return options
        } catch let error as OptionValueError {
            throw ValidationError(error.description)
        }
    }

    private var useColor: Bool {
        switch color {
        case .always: true
        case .never: false
        case .auto: Terminal.wantsColor(fd: 1)
        }
    }

    private func environmentVariable(_ name: String) -> String? {
        guard let value = getenv(name), value[0] != 0 else { return nil }
        return String(cString: value)
    }
}

/// Holds the analyzer for the scanner's event callback.
final class AnalysisSink {
    var analyzer: Analyzer
    init(_ analyzer: Analyzer) { self.analyzer = analyzer }
}
