import ArgumentParser
import LogScan

// Placeholder until the config work lands; replaced by the real command.
struct CheckConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check-config")
}
