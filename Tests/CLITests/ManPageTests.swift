import Foundation
import Testing
import TestSupport

/// docs/man/tasker-logscan.1 as `scripts/gen-man` writes it: what the generated page lacked.
@Suite struct ManPageTests {
    static let page = Result {
        try String(contentsOf: EngineFixtures.packageRoot.appendingPathComponent("docs/man/tasker-logscan.1"), encoding: .utf8)
    }

    @Test func exitStatusSaysZeroOneTwo() throws {
        let page = try Self.page.get()
        #expect(!page.contains(".Ex -std"))
        let status = try #require(page.components(separatedBy: ".Sh EXIT STATUS\n").last)
        #expect(status.hasPrefix(".Bl -tag -width 3n\n.It 0\nDone;"))
        #expect(status.contains("\n.It 1\n") && status.contains("\n.It 2\nA usage error"))
    }

    @Test func signsAndExamplesSurvive() throws {
        let page = try Self.page.get()
        #expect(page.contains("buffer_size = (peak_message_rate_per_sec \\(mu avg_processing_time_sec) \\(mu safety_factor"))
        // The jq example is a literal line: never filled, never hyphenated.
        #expect(page.contains(".Bd -literal -offset indent\ntasker-logscan events logs/tasker.log | jq -r"))
        #expect(page.contains(".Op Fl -version"))
        for option in ["-baseline", "-label", "summary"] { #expect(page.contains(option)) }
    }
}
