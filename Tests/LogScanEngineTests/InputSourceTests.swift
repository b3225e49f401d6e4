import Foundation
import Testing
@testable import LogScanEngine
import TestSupport

/// Gzip input (single and multi-member, detected by magic bytes), several inputs
/// as one stream, and a missing input among good ones.
@Suite struct InputSourceTests {
    static let plain = EngineFixtures.scan("plain.log")

    @Test(arguments: [
        // gzip -9n -k plain.log
        "plain.log.gz",
        // head -n 1000 plain.log | gzip -9n; tail -n +1001 plain.log | gzip -9n; cat both
        "plain-rotated.log.gz",
        // the same, but the member boundary falls inside line 915's message
        // ("Channel " | "approaching capacity (>80%) ...", byte 199541)
        "plain-midline.log.gz",
    ])
    func gzipOfPlainGivesPlainEvents(name: String) {
        let (events, summary) = EngineFixtures.scan(name)
        EngineFixtures.expectSameEvents(events.map { EngineFixtures.normalized($0) },
                                        Self.plain.events.map { EngineFixtures.normalized($0) }, name)
        #expect(events.first?.input == EngineFixtures.path(name))
        #expect(summary.compressed)
        #expect(summary.bytes == 403_237)
        #expect(summary.lines == 1970)
        #expect(summary.error == nil)
    }

    @Test func multiMemberGzipKeepsTheEventAtTheMemberBoundary() {
        let (events, _) = EngineFixtures.scan("plain-midline.log.gz")
        let at915 = events.filter { $0.line == 915 }
        #expect(at915 == [Event(kind: .saturation, channel: "orchestration_command",
                                rawChannel: "orchestration_command_channel",
                                timestamp: FixtureTime.at("2025-10-14T01:00:21.330871Z"),
                                input: EngineFixtures.path("plain-midline.log.gz"), line: 915, level: "WARN",
                                usagePercent: 89.3, capacity: 5000)])
    }

    @Test func gzipOfKubectlGivesKubectlEvents() {
        let (gz, summary) = EngineFixtures.scan("kubectl-prefixed.log.gz")
        let (text, textSummary) = EngineFixtures.scan("kubectl-prefixed.log")
        EngineFixtures.expectSameEvents(gz.map { EngineFixtures.normalized($0) },
                                        text.map { EngineFixtures.normalized($0) }, "kubectl-prefixed.log.gz")
        #expect(text.count == 699)
        #expect(summary.compressed)
        #expect(summary.bytes == textSummary.bytes)
        #expect(summary.lines == 1970)
    }

    @Test func gzipIsDetectedByMagicBytesNotByName() throws {
        let gz = try EngineFixtures.bytes("plain-rotated.log.gz")
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("logscan-fixtures-\(UUID().uuidString).txt")
        try Data(gz).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }

        var events: [Event] = []
        let summary = LogScanner().scan([.path(url.path)]) { events.append($0) }
        #expect(summary.inputs[0].compressed)
        EngineFixtures.expectSameEvents(events.map { EngineFixtures.normalized($0) },
                                        Self.plain.events.map { EngineFixtures.normalized($0) }, "renamed gzip")

        let (inMemory, memorySummary) = LogScanner().scan(bytes: gz, name: "rotated")
        #expect(memorySummary.compressed)
        #expect(inMemory.count == 699)
    }

    @Test func plainTextIsNotTakenForGzipByItsName() throws {
        // A text file whose name ends in .gz is still read as text.
        let text = try EngineFixtures.bytes("runbook-forms.log")
        let (events, summary) = LogScanner().scan(bytes: text, name: "runbook-forms.log.gz")
        #expect(!summary.compressed)
        #expect(events.count == 8)
    }

    @Test func severalInputsAreOneStreamInOrder() {
        var events: [Event] = []
        let summary = LogScanner().scan([.path(EngineFixtures.path("runbook-forms.log")),
                                         .path(EngineFixtures.path("shapes.log"))]) { events.append($0) }
        #expect(summary.inputs.map(\.lines) == [8, 92])
        #expect(summary.linesRead == 100)
        #expect(events.count == 8 + 85)
        // Line numbers restart per input; each event names its own input.
        #expect(events.prefix(8).allSatisfy { $0.input == EngineFixtures.path("runbook-forms.log") })
        #expect(events.prefix(8).map(\.line) == Array(1...8))
        #expect(events.dropFirst(8).allSatisfy { $0.input == EngineFixtures.path("shapes.log") })
        #expect(events.dropFirst(8).first?.line == 1)
    }

    @Test func aMissingInputIsReportedAndTheOthersAreStillRead() {
        let missing = EngineFixtures.path("no-such-file.log")
        var events: [Event] = []
        let summary = LogScanner().scan([.path(missing), .path(EngineFixtures.path("runbook-forms.log"))]) {
            events.append($0)
        }
        #expect(summary.inputs.count == 2)
        #expect(summary.inputs[0].name == missing)
        #expect(summary.inputs[0].error != nil)
        #expect(summary.inputs[0].lines == 0)
        #expect(summary.inputs[1].error == nil)
        #expect(summary.inputs[1].lines == 8)
        #expect(summary.hadInputError)
        #expect(events.count == 8)
    }
}
