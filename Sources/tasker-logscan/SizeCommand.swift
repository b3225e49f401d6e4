import ArgumentParser
import LogScanConfig

/// `tasker-logscan size --rate R --latency T [--safety S]`: the runbook's sizing formula
/// with its working and the environment guidelines.
struct SizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "size",
        abstract: "Compute a channel buffer size with the runbook's sizing formula.",
        discussion: """
        buffer_size = (peak_message_rate_per_sec × avg_processing_time_sec) × safety_factor

        Example (the runbook's): tasker-logscan size --rate 500/s --latency 10ms --safety 2
        """
    )

    @Option(name: .long, help: ArgumentHelp("Peak message rate: 500/s, 30000/min, 1800000/h or 500 (per second).",
                                            valueName: "rate"))
    var rate: String

    @Option(name: .long, help: ArgumentHelp("Average consumer processing time: 10ms, 0.01s, 2s, 500us.",
                                            valueName: "time"))
    var latency: String

    @Option(name: .long, help: ArgumentHelp("Safety factor for bursts (runbook: 2-5).", valueName: "factor"))
    var safety: String?

    @Option(name: .long, help: ArgumentHelp("Advise for this environment only (test, development, production).",
                                            valueName: "env"))
    var env: String?

    func run() throws {
        let sizing: ChannelSizing
        do {
            sizing = try ChannelSizing.parse(rate: rate, latency: latency, safety: safety)
        } catch {
            Diagnostics.error(error.description)
            throw ExitCode(2)
        }
        let out = StandardOutput.shared
        out.write(sizing.render(environment: env))
        out.flush()
    }
}
