import Foundation
import Testing
@testable import LogScanAnalysis
import TestSupport

#if canImport(Glibc)
import Glibc
#endif

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
        tasker-logscan --follow stopped
          Inputs       \(name): \(bytes) B, 3 lines, 100% recognised: runbook
          Time range   2025-10-14T10:00:00Z to 2025-10-14T10:07:00Z (7m)
          Read         3 lines, 2 events
          Closed       1 printed (0 critical, 0 warning, 1 info)
          Still open   0 (0 critical, 0 warning, 0 info)

        """
    }

    /// Above 95% for twenty minutes: critical while it lasts.
    static func storm(from minute: Int, to last: Int) -> String {
        (minute...last).map {
            String(format: "[2025-10-14T10:%02d:00Z] WARN mpsc_channel_saturation channel=orchestration_command usage_percent=97\n", $0)
        }.joined()
    }

    static func jsonLines(_ text: String) throws -> [NSDictionary] {
        try text.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? NSDictionary)
        }
    }

    @Test func growingFileThenCtrlC() throws {
        let dir = try TemporaryFiles.directory("follow-cli")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("tasker.log").path
        try "".write(toFile: path, atomically: false, encoding: .utf8)
        let started = Date()
        let tool = try LiveProcess(["--follow", "tasker.log"], directory: dir)

        try TemporaryFiles.append(Self.episode, to: path)
        // The episode is still open: nothing is printed before time moves on.
        usleep(400_000)
        #expect(tool.stdout.isEmpty)
        try TemporaryFiles.append(Self.later, to: path)
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
        #expect(findingLine.hasPrefix(#"{"state":"closed","finding":{"id":"channel_saturation","severity":"info","channel":"orchestration_command","#))
        #expect(findingLine.filter { $0 == "\n" }.count == 1)
        // kubectl ended: the stream closes, the summary follows, --fail-on info trips.
        try tool.closeInput()
        #expect(tool.wait() == 1)
        let lines = tool.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        let bytes = (Self.episode + Self.later).utf8.count
        #expect(lines.last?.hasPrefix(#"{"state":"summary","inputs":[{"name":"-","bytes":"# + "\(bytes),\"lines\":3,") == true)
        #expect(lines.last?.hasSuffix(#""events":2,"closed":{"critical":0,"warning":0,"info":1},"open":{"critical":0,"warning":0,"info":0},"warnings":[],"still_open":[]}"#) == true)
        #expect(tool.stderr.isEmpty)
    }

    /// Issue 13: the stream stays open after a critical episode starts; the OPEN line is out
    /// before anything ends, in JSON Lines that `jq` can filter by state.
    @Test func criticalIsOpenBeforeTheStreamEndsAsJSONLines() throws {
        let tool = try LiveProcess(["--follow", "--json", "--fail-on", "critical"])
        try tool.write(Self.storm(from: 0, to: 20))
        #expect(tool.waitForOutput(#"{"state":"open","finding":{"id":"channel_saturation","severity":"critical","channel":"orchestration_command","#))
        #expect(tool.process.isRunning)
        let opened = try Self.jsonLines(tool.stdout)
        #expect(opened.count == 1)
        // Time moves on past the gap: the episode closes, with its final evidence.
        try tool.write(Self.later.replacingOccurrences(of: "10:07", with: "10:26"))
        #expect(tool.waitForOutput(#"{"state":"closed""#))
        try tool.closeInput()
        #expect(tool.wait() == 1)
        let lines = try Self.jsonLines(tool.stdout)
        #expect(lines.map { $0["state"] as? String } == ["open", "closed", "summary"])
        let open = try #require(lines[0]["finding"] as? NSDictionary)
        let closed = try #require(lines[1]["finding"] as? NSDictionary)
        #expect(open["start"] as? String == closed["start"] as? String)
        // Evidence so far when it turned critical (97% from the first line on), final when closed.
        let openEnd = try #require(open["end"] as? String)
        #expect(openEnd >= "2025-10-14T10:00:00Z" && openEnd <= "2025-10-14T10:20:00Z")
        #expect(closed["end"] as? String == "2025-10-14T10:20:00Z")
        #expect(closed["severity"] as? String == "critical")
        #expect(lines[2]["closed"] as? NSDictionary == ["critical": 1, "warning": 0, "info": 0])
        #expect(lines[2]["open"] as? NSDictionary == ["critical": 0, "warning": 0, "info": 0])
        #expect(tool.stderr.isEmpty)
    }

    /// Ctrl-C during a critical episode: the finding was printed OPEN, the summary shows it
    /// still open, and nothing is printed a third time.
    @Test func ctrlCPrintsWhatIsStillOpenAndTheCounts() throws {
        let dir = try TemporaryFiles.directory("follow-cli")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("tasker.log").path
        try (Self.episode + Self.later).write(toFile: path, atomically: false, encoding: .utf8)
        let tool = try LiveProcess(["--follow", "tasker.log"], directory: dir)
        #expect(tool.waitForOutput("recovered quickly."))
        try TemporaryFiles.append(Self.storm(from: 8, to: 28), to: path)
        #expect(tool.waitForOutput("OPEN CRITICAL channel_saturation: orchestration_command\n"))
        tool.interrupt()
        #expect(tool.wait() == 0)
        let out = tool.stdout
        let heading = "channel_saturation: orchestration_command\n"
        #expect(out.components(separatedBy: heading).count - 1 == 3)
        #expect(out.components(separatedBy: "CRITICAL " + heading).count - 1 == 2)
        let summary = try #require(out.range(of: "tasker-logscan --follow stopped\n"))
        #expect(String(out[summary.lowerBound...]).hasPrefix("""
            tasker-logscan --follow stopped
              Inputs       tasker.log: 2.3 KiB, 24 lines, 100% recognised: runbook
              Time range   2025-10-14T10:00:00Z to 2025-10-14T10:28:00Z (28m)
              Read         24 lines, 23 events
              Closed       1 printed (0 critical, 0 warning, 1 info)
              Still open   1 (1 critical, 0 warning, 0 info)

            STILL OPEN (1)

              CRITICAL channel_saturation: orchestration_command
                  orchestration_command saturated for 20m (21 events, peak 97%), above 90% for
                  20m in a row; ongoing at the end of the input.
            """))
        #expect(tool.stderr.isEmpty)
    }

    /// Two files and a third created later, merged by timestamp into one analysis.
    @Test func twoFilesPlusOneCreatedLater() throws {
        let dir = try TemporaryFiles.directory("follow-cli")
        defer { try? FileManager.default.removeItem(at: dir) }
        func line(_ minute: Int, _ channel: String) -> String {
            String(format: "[2025-10-14T10:%02d:00Z] WARN mpsc_channel_saturation channel=%@ usage_percent=85\n", minute, channel)
        }
        try (line(0, "orchestration_command") + line(2, "orchestration_command"))
            .write(toFile: dir.appendingPathComponent("a.log").path, atomically: false, encoding: .utf8)
        try line(1, "worker_command").write(toFile: dir.appendingPathComponent("b.log").path, atomically: false, encoding: .utf8)
        let tool = try LiveProcess(["--follow", "--json", "a.log", "b.log", "c.log"], directory: dir)
        usleep(500_000)
        // Nothing has closed: no line is later than the gap.
        #expect(tool.stdout.isEmpty)
        try line(3, "orchestration_command").write(toFile: dir.appendingPathComponent("c.log").path, atomically: false, encoding: .utf8)
        usleep(500_000)
        try TemporaryFiles.append(Self.later.replacingOccurrences(of: "10:07", with: "10:09"), to: dir.appendingPathComponent("b.log").path)
        #expect(tool.waitForOutput(#""channel":"orchestration_command""#))
        tool.interrupt()
        #expect(tool.wait() == 0)
        let lines = try Self.jsonLines(tool.stdout)
        #expect(lines.map { $0["state"] as? String } == ["closed", "closed", "summary"])
        let findings = try lines.dropLast().map { try #require($0["finding"] as? NSDictionary) }
        // By end time: worker_command's single event (10:01), then orchestration_command's three (10:00-10:03).
        #expect(findings.map { $0["channel"] as? String } == ["worker_command", "orchestration_command"])
        let evidence = try #require(findings[1]["evidence"] as? NSDictionary)
        #expect(evidence["events"] as? Int == 3)
        let inputs = try #require(lines[2]["inputs"] as? [NSDictionary])
        #expect(inputs.map { $0["name"] as? String } == ["a.log", "b.log", "c.log"])
        #expect(inputs.map { $0["lines"] as? Int } == [2, 2, 1])
        #expect(tool.stderr == "tasker-logscan: c.log: does not exist yet; waiting for it\n")
    }

    /// Issue 16: SIGTERM or SIGINT while following a FIFO no one has opened for writing: the
    /// summary, exit 0 (it was "Interrupted system call", exit 2).
    @Test(arguments: [SIGTERM, SIGINT])
    func aSignalOnAFifoWithNoWriterGivesTheSummary(signal: Int32) throws {
        let dir = try TemporaryFiles.directory("follow-cli")
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(mkfifo(dir.appendingPathComponent("pipe").path, 0o600) == 0)
        let tool = try LiveProcess(["--follow", "pipe"], directory: dir)
        usleep(300_000)
        kill(tool.process.processIdentifier, signal)
        #expect(tool.wait() == 0)
        #expect(tool.stdout.hasPrefix("tasker-logscan --follow stopped\n  Inputs       pipe: 0 B, 0 lines\n"))
        #expect(tool.stderr.isEmpty)
    }

    @Test func usageErrors() throws {
        let prometheus = try CLIRunner.run(["--follow", "--format", "prometheus", "fixtures/plain.log"])
        #expect(prometheus.status == 2)
        #expect(prometheus.stderr.hasPrefix("tasker-logscan: --follow prints findings as they close: use --format text, json or markdown, not prometheus\n"))
        #expect(prometheus.stdout.isEmpty)
        let notADirectory = try CLIRunner.run(["--follow", "fixtures/plain.log/tasker.log"])
        #expect(notADirectory.status == 2)
        #expect(notADirectory.stderr == "tasker-logscan: fixtures/plain.log/tasker.log: Not a directory\n")
    }
}
