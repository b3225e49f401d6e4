import ArgumentParser
import LogScanEngine
import LogScanConfig
import LogScanAnalysis
import LogScanOutput

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

          Nightly job: what is new since last night (exit 1 on a new critical):
            tasker-logscan --since 24h --json --baseline last.json \\
              --fail-on critical logs/*.gz > tonight.json
            mv tonight.json last.json
          Metrics for node_exporter (written whole, then moved in place):
            tasker-logscan --since 24h --format prometheus --label cluster=eu1 \\
              logs/*.gz > /var/lib/node_exporter/textfile/tasker.prom.tmp
            mv /var/lib/node_exporter/textfile/tasker.prom.tmp \\
              /var/lib/node_exporter/textfile/tasker.prom

        Exit status: 0 done; 1 a finding at or above --fail-on; 2 usage or input error
        (the report for what could be read is still printed).

        Memory: past 262,144 events (8 MiB), events are kept in an unlinked temporary file
        in $TMPDIR (else /tmp), 72 bytes each; TASKER_LOGSCAN_MEMORY_RECORDS sets how many
        stay in memory.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, markdown, summary, prometheus, html
    }

    enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
        case auto, always, never
    }

    @OptionGroup var input: InputOptions

    @Option(help: ArgumentHelp("Output format: text, json, markdown (wiki page, pull request comment), summary (12 lines for chat or cron mail), prometheus (node_exporter textfile) or html (one self-contained page with charts).",
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
                               valueName: "dir"), completion: .directory)
    var config: String?

    @Option(name: .customLong("target-usage"),
            help: ArgumentHelp("Usage the resize formula aims for, in percent.", valueName: "percent"))
    var targetUsage: Double = 70

    @Option(help: ArgumentHelp("Report only these channels (repeatable or comma-separated; runbook or raw names).", valueName: "name"))
    var channel: [String] = []

    @Option(help: ArgumentHelp("An earlier JSON report: its findings are known, shown as a count, and do not count for --fail-on.",
                               valueName: "file"), completion: .file(extensions: ["json"]))
    var baseline: String?

    @Option(help: ArgumentHelp("A constant label for every Prometheus sample (repeatable), e.g. cluster=eu1.", valueName: "name=value"))
    var label: [String] = []

    @Option(name: .customLong("fail-on"),
            help: ArgumentHelp("Exit 1 when a finding at or above this severity exists: info, warning, critical, never.",
                               valueName: "severity"), completion: .list(FailOn.allCases.map(\.rawValue)))
    var failOn = "never"

    @Option(help: ArgumentHelp("Colour: auto (terminal only, never with a non-empty NO_COLOR), always, never.", valueName: "when"))
    var color: ColorChoice = .auto

    @Option(help: ArgumentHelp("Progress on stderr: auto (terminal, inputs taking over half a second), always, never.",
                               valueName: "when"))
    var progress: ProgressDisplay.Choice = .auto

    @Flag(help: ArgumentHelp("Keep reading growing FILEs (merged by timestamp, surviving rotation, waiting for missing ones) or standard input; print a finding when it turns critical and as it closes, and on Ctrl-C the findings still open."))
    var follow = false

    func run() throws {
        let options = try analysisOptions()
        guard let failThreshold = FailOn(rawValue: failOn) else {
            throw ValidationError("--fail-on \(failOn): must be info, warning, critical or never")
        }
        let knownFindings = try baseline.map { path in
            do { return try Baseline.load(path: path) } catch let error as OptionValueError { throw ValidationError(error.message) }
        }
        let formatter = try formatter()
        let inputs = try input.inputSpecs()
        var scanOptions = try input.scanOptions()
        if follow {
            try FollowMode.run(inputs, scanOptions: scanOptions, analysis: options,
                               formatter: try followFormatter(), failOn: failThreshold)
            return
        }
        let readProgress = ReadProgress()
        let display = ProgressDisplay.start(progress, progress: readProgress, inputs: inputs)
        if display != nil { scanOptions.progress = readProgress }
        // The analyzer's records are freed before the report is written: formatting a large
        // report (JSON, HTML) then never adds to the memory the records take.
        let (summary, report) = { () -> (ScanSummary, Report) in
            let scanner = LogScanner(options: scanOptions)
            var analyzer = Analyzer(options: options)
            let summary = scanner.scan(inputs, into: &analyzer, onInputDone: { result in
                guard let error = result.error else { return }
                let message = "\(result.name): \(error)"
                if let display {
                    display.withLineErased { Diagnostics.error(message) }
                } else {
                    Diagnostics.error(message)
                }
            })
            display?.stop()
            // Marked before the report's limits cut what is listed: the counted findings stay known or not.
            return (summary, analyzer.finish(scan: summary, baseline: knownFindings))
        }()
        if let since = report.since, let until = report.until, since > until {
            throw ValidationError("--since \(since.rfc3339) is after --until \(until.rfc3339)")
        }
        // A bound that leaves nothing of the input is a mistake (`--until 3d` on two hours), not an empty report.
        if let first = report.inputTimeRange.first, let until = report.until, let value = self.until, until < first {
            throw ValidationError("--until \(value): \(until.rfc3339) is before the input's first timestamp \(first.rfc3339)")
        }
        if let last = report.inputTimeRange.last, let since = report.since, let value = self.since, since > last {
            throw ValidationError("--since \(value): \(since.rfc3339) is after the input's last timestamp \(last.rfc3339)")
        }
        for warning in report.warnings where warning.hasPrefix("--channel ") { Diagnostics.error("warning: " + warning) }
        let out = StandardOutput.shared
        out.write(formatter.format(report))
        out.flush()
        if summary.hadInputError { throw ExitCode(2) }
        let status = failThreshold.exitStatus(for: report)
        if status != 0 { throw ExitCode(status) }
    }

    /// The formatter for `--format` (`--json` wins).
    private func formatter() throws -> any ReportFormatter {
        guard label.isEmpty || (!json && format == .prometheus) else {
            throw ValidationError("--label \(label[0]): only --format prometheus has labels")
        }
        switch json ? .json : format {
        case .json: return JSONReportFormatter()
        case .text: return TextReportFormatter(color: useColor, width: Terminal.reportWidth(fd: 1))
        case .markdown: return MarkdownReportFormatter()
        case .summary: return SummaryReportFormatter(width: Terminal.reportWidth(fd: 1))
        case .prometheus:
            do {
                return PrometheusReportFormatter(labels: try label.map(PrometheusReportFormatter.constantLabel))
            } catch let error as OptionValueError {
                throw ValidationError(error.message)
            }
        case .html: return HTMLReportFormatter()
        }
    }

    /// How `--follow` writes; Prometheus exposition describes a finished run and cannot stream.
    private func followFormatter() throws -> FollowOutputFormatter {
        let chosen: FollowOutputFormatter.Format
        switch json ? .json : format {
        case .text: chosen = .text
        case .json: chosen = .json
        case .markdown: chosen = .markdown
        case .prometheus, .summary, .html:
            throw ValidationError("--follow prints findings as they close: use --format text, json or markdown, not \((json ? .json : format).rawValue)")
        }
        return FollowOutputFormatter(format: chosen, color: useColor, width: Terminal.reportWidth(fd: 1))
    }

    private func analysisOptions() throws -> AnalysisOptions {
        if let config, !Terminal.isDirectory(config) {
            throw ValidationError("--config \(config): not a directory")
        }
        do {
            guard targetUsage > 0, targetUsage < 100 else {
                throw OptionValueError("--target-usage \(ReportNumber.format(targetUsage)): must be between 0 and 100 (exclusive), e.g. 70")
            }
            let names = channel.map { value in value.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingSpaces } }
            if let empty = names.firstIndex(where: { $0.contains("") }) {
                throw OptionValueError("--channel \(channel[empty]): empty channel name")
            }
            let channels = names.flatMap { $0 }
            var options = AnalysisOptions(
                window: try TimeBound.duration(option: "--window", window),
                episodeGap: try TimeBound.duration(option: "--episode-gap", episodeGap),
                since: try since.map { try TimeBound(option: "--since", $0) },
                until: try until.map { try TimeBound(option: "--until", $0) },
                channels: Set(channels),
                targetUsage: targetUsage,
                environment: "production"
            )
            options.configuration = ConfigTree.forReport(root: config)
            if let limit = environmentVariable("TASKER_LOGSCAN_MEMORY_RECORDS") {
                // For tests and for machines short of memory: records kept before spilling.
                guard let records = Int(limit), records >= 1 else {
                    throw OptionValueError("TASKER_LOGSCAN_MEMORY_RECORDS=\(limit): expected a number of events of at least 1")
                }
                options.memoryRecords = records
            }
            options.environment = try environment(configuration: options.configuration)
            try options.validate()
            return options
        } catch let error as OptionValueError {
            throw ValidationError(error.description)
        }
    }

    /// `--env`, else `$TASKER_ENV`, else production; it must name an environment of the
    /// config tree, or one of the runbook's three when there is none (SPEC §1).
    private func environment(configuration: any CapacityConfiguration) throws -> String {
        let fromVariable = env == nil ? environmentVariable("TASKER_ENV") : nil
        guard let name = env ?? fromVariable else { return "production" }
        let tree = configuration as? ConfigTree
        let known = tree.map { $0.environments() }.flatMap { $0.isEmpty ? nil : $0 } ?? ["test", "development", "production"]
        guard !known.contains(name) else { return name }
        let option = env != nil ? "--env \(name)" : "TASKER_ENV=\(name)"
        let place = tree.map { "\($0.root) has" } ?? "the runbook has"
        var message = "\(option): no such environment (\(place) \(known.joined(separator: ", ")))"
        if let guess = ClosestName.find(name, among: known) { message += "; did you mean \(guess)?" }
        throw OptionValueError(message)
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
