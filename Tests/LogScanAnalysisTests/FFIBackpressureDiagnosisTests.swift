import Testing
@testable import LogScanEngine
@testable import LogScanAnalysis
import TestSupport

@Suite struct FFIBackpressureDiagnosisTests {
    typealias S = ScenarioBuilder

    /// `count` backpressure events every 6s from 10:00.
    func run(_ count: Int, slowHandlerAt: Timestamp? = nil) -> S {
        var s = S()
        for i in 0..<count { s.ffiBackpressure(at: S.at(10).adding(nanoseconds: Int64(i) * 6_000_000_000)) }
        if let slowHandlerAt { s.slowHandler(7.25, at: slowHandlerAt) }
        return s
    }

    @Test func tenPerMinuteIsAWarningAboveIsCritical() throws {
        let fifty = try #require(run(50).analyze(end: S.at(40)).findings(.rubyFFIBackpressure).first)
        #expect(fifty.severity == .warning)
        #expect(fifty.ffi?.rate.perMinute == 10)
        let fiftyOne = try #require(run(51).analyze(end: S.at(40)).findings(.rubyFFIBackpressure).first)
        #expect(fiftyOne.severity == .critical)
        #expect(fiftyOne.ffi?.rate.perMinute == 10.2)
    }

    @Test func withoutSlowHandlersTheBufferDoubles() throws {
        let finding = try #require(run(3).analyze(end: S.at(40)).findings.first)
        #expect(finding.ffi == FFIBackpressureEvidence(
            start: S.at(10), end: S.at(10, 12), events: 3, rate: DropRate(perMinute: 0.6), peakPerMinute: 3,
            recovered: true, slowHandlersNearby: 0, slowestHandlerSeconds: nil, capacity: 2000,
            firstLine: LineReference(input: "test.log", line: 1), lastLine: LineReference(input: "test.log", line: 3)))
        #expect(finding.summary == "Ruby FFI backpressure: 3 events in 12s (0.6/min); recovered.")
        #expect(finding.recommendation == Recommendation(
            text: "No slow Ruby handlers near it: the FFI buffer is too small, or Rust produces too fast (rate-limit or batch events before the FFI crossing). Set ruby_event_buffer_size = 4000 (now 2000; 2x 2000).",
            size: 4000, configKey: "mpsc_channels.shared.ffi.ruby_event_buffer_size",
            file: "config/tasker/environments/production/mpsc_channels.toml",
            toml: "# config/tasker/environments/production/mpsc_channels.toml\n[mpsc_channels.shared.ffi]\nruby_event_buffer_size = 4000\n"))
    }

    @Test func slowHandlersWithinAWindowBlameTheHandlers() throws {
        // The run is 10:00–10:12; a window (5m) before its start is 5:00.
        let near = try #require(run(3, slowHandlerAt: S.at(5)).analyze(end: S.at(40)).findings.first)
        #expect(near.ffi?.slowHandlersNearby == 1)
        #expect(near.ffi?.slowestHandlerSeconds == 7.25)
        #expect(near.summary == "Ruby FFI backpressure: 3 events in 12s (0.6/min) with 1 slow Ruby handler nearby (slowest 7.25s); recovered.")
        #expect(near.recommendation == Recommendation(text: "The Ruby handlers are slow: optimise the Ruby handler code, consider async Ruby processing, profile handler performance. A bigger FFI buffer would only hide it."))
        let far = try #require(run(3, slowHandlerAt: S.at(4, 59)).analyze(end: S.at(40)).findings.first)
        #expect(far.ffi?.slowHandlersNearby == 0)
        #expect(far.recommendation.size == 4000)
    }

    @Test func runsSplitAtTheEpisodeGap() throws {
        var s = S()
        s.ffiBackpressure(at: S.at(0))
        s.ffiBackpressure(at: S.at(5))
        s.ffiBackpressure(at: S.at(10, 1))
        let findings = s.analyze(end: S.at(40)).findings(.rubyFFIBackpressure)
        #expect(findings.map { $0.ffi?.events } == [2, 1])
    }
}
