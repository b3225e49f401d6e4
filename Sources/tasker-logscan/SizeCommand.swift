import ArgumentParser
import LogScan

// Placeholder until the config work lands; replaced by the real command.
struct SizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "size")
}
