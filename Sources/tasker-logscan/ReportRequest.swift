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

/// What `tasker-logscan [report]` was asked to do, as plain values: `ReportCommand` (the
/// argument parser) and `QuickReportArguments` (the common command lines, without it) both
/// make one, and `run()` does the report. The defaults here are the command line's.
struct ReportRequest: Equatable {
    var input = InputSelection()
    var format: ReportCommand.Format = .text
    var json = false
    var window = "5m"
    var episodeGap = "5m"
    var since: String?
    var until: String?
    var env: String?
    var config: String?
    var targetUsage: Double = 70
    var channel: [String] = []
    var baseline: String?
    var label: [String] = []
    var failOn = "never"
    var color: ReportCommand.ColorChoice = .auto
    var progress: ProgressDisplay.Choice = .auto
    var follow = false

    /// The defaults, for the parser's declarations.
    static let defaults = ReportRequest()

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
