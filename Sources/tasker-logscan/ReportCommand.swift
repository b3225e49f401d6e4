import ArgumentParser
import LogScanAnalysis

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
    var format: Format = ReportRequest.defaults.format

    @Flag(help: "Same as --format json.")
    var json = ReportRequest.defaults.json

    @Option(help: ArgumentHelp("Aggregation window, as the runbook's [5m] rates.", valueName: "duration"))
    var window = ReportRequest.defaults.window

    @Option(name: .customLong("episode-gap"),
            help: ArgumentHelp("Events further apart than this start a new episode.", valueName: "duration"))
    var episodeGap = ReportRequest.defaults.episodeGap

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
    var targetUsage: Double = ReportRequest.defaults.targetUsage

    @Option(help: ArgumentHelp("Report only these channels (repeatable or comma-separated; runbook or raw names).", valueName: "name"))
    var channel: [String] = ReportRequest.defaults.channel

    @Option(help: ArgumentHelp("An earlier JSON report: its findings are known, shown as a count, and do not count for --fail-on.",
                               valueName: "file"), completion: .file(extensions: ["json"]))
    var baseline: String?

    @Option(help: ArgumentHelp("A constant label for every Prometheus sample (repeatable), e.g. cluster=eu1.", valueName: "name=value"))
    var label: [String] = ReportRequest.defaults.label

    @Option(name: .customLong("fail-on"),
            help: ArgumentHelp("Exit 1 when a finding at or above this severity exists: info, warning, critical, never.",
                               valueName: "severity"), completion: .list(FailOn.allCases.map(\.rawValue)))
    var failOn = ReportRequest.defaults.failOn

    @Option(help: ArgumentHelp("Colour: auto (terminal only, never with a non-empty NO_COLOR), always, never.", valueName: "when"))
    var color: ColorChoice = ReportRequest.defaults.color

    @Option(help: ArgumentHelp("Progress on stderr: auto (terminal, inputs taking over half a second), always, never.",
                               valueName: "when"))
    var progress: ProgressDisplay.Choice = ReportRequest.defaults.progress

    @Flag(help: ArgumentHelp("Keep reading growing FILEs (merged by timestamp, surviving rotation, waiting for missing ones) or standard input; print a finding when it turns critical and as it closes, and on Ctrl-C the findings still open."))
    var follow = ReportRequest.defaults.follow

    /// The parsed values.
    var request: ReportRequest {
        ReportRequest(input: input.selection, format: format, json: json, window: window, episodeGap: episodeGap,
                      since: since, until: until, env: env, config: config, targetUsage: targetUsage,
                      channel: channel, baseline: baseline, label: label, failOn: failOn, color: color,
                      progress: progress, follow: follow)
    }

    func run() throws {
        try request.run()
    }
}
