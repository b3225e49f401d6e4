import Foundation
import Testing
@testable import LogScan

/// `tasker-logscan --follow` as operators run it: on a growing file, then Ctrl-C; on a pipe
/// (`kubectl logs -f | tasker-logscan --follow`) until it ends.
@Suite(.serialized) struct FollowCommandTests {
    static let episode = """
        [2025-10-14T10:00:00Z] WARN mpsc_channel_saturation channel=orchestration_command usage_percent=82.5
        [2025-10-14T10:01:00Z] WARN mpsc_channel_saturation channel=orchestration_command usage_percent=85

        """
    /// Any later line moves the clock past the gap: the episode's window has closed.
    static let later = "[2025-10-14T10:07:00Z] INFO tasker_orchestration: heartbeat\n"

    static let finding = """
        INFO channel_saturation: orchestration_command
            orchestration_command saturated for 1m (2 events, peak 85%); brief,
            recovered quickly.
            Evidence
              2 events from 2025-10-14T10:00:00Z to 2025-10-14T10:01:00Z (1m), recovered
              peak 85%, at most 1 per minute, capacity 5000
              lines NAME:1 to NAME:2
            Recommendation
              Brief, recovers quickly: don't increase the buffer.


        """

    static func summary(_ name: String, bytes: Int) -> String {
        """
        tasker-logscan report
          Inputs       \(name): \(bytes) B, 3 lines, 100% recognised: runbook
          Time range   2025-10-14T10:00:00Z to 2025-10-14T10:07:00Z (7m)
          Read         3 lines, 2 events
          Environment  production; config: none (runbook defaults)
          Settings     window 5m, episode gap 5m, target usage 70%

        Actions
          None: the findings need no change.

        Channels
          CHANNEL                CAPACITY       SAT   MAX% FULL DROPS
          orchestration_command  5000 default     2     85    0     0

        Peak usage per window
          one column per 5m from 2025-10-14T10:00:00Z; ▁ up to 82.5%, each step 2.5
          points, █ above 97.5%, · full or drops only
          orchestration_command  ▂

        Findings: 0 critical, 0 warning, 1 info

        INFO (1)

          channel_saturation: orchestration_command
            orchestration_command saturated for 1m (2 events, peak 85%); brief,
            recovered quickly.
            Evidence
              2 events from 2025-10-14T10:00:00Z to 2025-10-14T10:01:00Z (1m), recovered
              peak 85%, at most 1 per minute, capacity 5000
              lines \(name):1 to \(name):2
            Recommendation
              Brief, recovers quickly: don't increase the buffer.

        """
    }

    @Test func growingFileThenCtrlC() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("follow-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("tasker.log").path
        try "".write(toFile: path, atomically: false, encoding: .utf8)
        let started = Date()
        let tool = try LiveProcess(["--follow", "tasker.log"], directory: dir)

        try FollowingInputTests.append(Self.episode, to: path)
        // The episode is still open: nothing is printed before time moves on.
        usleep(400_000)
        #expect(tool.stdout.isEmpty)
        try FollowingInputTests.append(Self.later, to: path)
        #expect(tool.waitForOutput("recovered quickly."))
        #expect(tool.waitForOutput("Brief, recovers quickly: don't increase the buffer.\n\n"))
        #expect(tool.stdout == Self.finding.replacingOccurrences(of: "NAME", with: "tasker.log"))

        tool.interrupt()
        #expect(tool.wait() == 0)
        let bytes = (Self.episode + Self.later).utf8.count
        #expect(tool.stdout == Self.finding.replacingOccurrences(of: "NAME", with: "tasker.log")
                + Self.summary("tasker.log", bytes: bytes))
        #expect(tool.stderr.isEmpty)
        #expect(Date().timeIntervalSince(started) < 8)
    }

    @Test func endlessPipeUntilItEnds() throws {
        let tool = try LiveProcess(["--follow", "--json", "--fail-on", "info"])
        try tool.write(Self.episode)
        usleep(300_000)
        try tool.write(Self.later)
        #expect(tool.waitForOutput("\n"))
        let findingLine = tool.stdout
        #expect(findingLine.hasPrefix(#"{"id":"channel_saturation","severity":"info","channel":"orchestration_command","#))
        #expect(findingLine.filter { $0 == "\n" }.count == 1)
        // kubectl ended: the stream closes, the summary follows, --fail-on info trips.
        try tool.closeInput()
        #expect(tool.wait() == 1)
        let lines = tool.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        let bytes = (Self.episode + Self.later).utf8.count
        #expect(lines.last?.hasPrefix(#"{"schema":"tasker-logscan/report/v1","inputs":[{"name":"-","bytes":"# + "\(bytes),\"lines\":3,") == true)
        #expect(tool.stderr.isEmpty)
    }

    @Test func usageErrors() throws {
        let two = try CLIRunner.run(["--follow", "fixtures/plain.log", "fixtures/cri.log"])
        #expect(two.status == 2)
        #expect(two.stderr.hasPrefix("tasker-logscan: --follow reads one FILE or standard input, not 2 inputs\n"))
        let prometheus = try CLIRunner.run(["--follow", "--format", "prometheus", "fixtures/plain.log"])
        #expect(prometheus.status == 2)
        #expect(prometheus.stderr.hasPrefix("tasker-logscan: --follow prints findings as they close: use --format text, json or markdown, not prometheus\n"))
        #expect(two.stdout.isEmpty && prometheus.stdout.isEmpty)
        let missing = try CLIRunner.run(["--follow", "fixtures/no-such.log"])
        #expect(missing.status == 2)
        #expect(missing.stderr == "tasker-logscan: fixtures/no-such.log: No such file or directory\n")
    }
}
