import Testing
@testable import LogScanEngine
import TestSupport

/// Several followed inputs merged by timestamp within the reorder horizon.
@Suite struct FollowMergeTests {
    typealias S = ScenarioBuilder

    static func event(_ t: Timestamp?, _ input: String, line: Int) -> Event {
        Event(kind: .saturation, channel: "worker_command", timestamp: t, input: input, line: line, usagePercent: 80)
    }

    static func released(_ merge: inout FollowMerge, _ mark: FollowMerge.Watermark) -> [String] {
        var out: [String] = []
        merge.release(mark) { out.append("\($0.input):\($0.line)") }
        return out
    }

    @Test func eventsGoOutInTimeOrderOnceEveryReadingInputIsPastThem() {
        var merge = FollowMerge(inputs: 2, horizon: 600_000_000_000)
        merge.append(Self.event(S.at(0), "a", line: 1), from: 0)
        merge.append(Self.event(S.at(2), "a", line: 2), from: 0)
        merge.append(Self.event(S.at(4), "a", line: 3), from: 0)
        merge.append(Self.event(S.at(1), "b", line: 1), from: 1)
        // b has read up to minute 1 and is still reading: a's later events wait.
        let mark = FollowMerge.watermark(clocks: [S.at(4), S.at(1)], reading: [true, true], horizon: merge.horizon)
        #expect(mark == FollowMerge.Watermark(release: S.at(1), all: false, now: S.at(1)))
        #expect(Self.released(&merge, mark) == ["a:1", "b:1"])
        #expect(merge.count == 2)
        merge.append(Self.event(S.at(3), "b", line: 2), from: 1)
        let later = FollowMerge.watermark(clocks: [S.at(4), S.at(3)], reading: [true, true], horizon: merge.horizon)
        #expect(Self.released(&merge, later) == ["a:2", "b:2"])
        // Both quiet: everything goes, and "now" is the newest line of any input.
        let quiet = FollowMerge.watermark(clocks: [S.at(4), S.at(3)], reading: [false, false], horizon: merge.horizon)
        #expect(quiet == FollowMerge.Watermark(release: nil, all: true, now: S.at(4)))
        #expect(Self.released(&merge, quiet) == ["a:3"])
        #expect(merge.count == 0)
    }

    @Test func anInputFarBehindHoldsTheOthersForTheHorizonOnly() {
        // b is catching up on yesterday's lines: a's events wait at most one minute.
        let mark = FollowMerge.watermark(clocks: [S.at(30), S.at(-1000)], reading: [true, true], horizon: 60_000_000_000)
        #expect(mark.release == S.at(29))
        // A quiet input does not hold anyone back.
        #expect(FollowMerge.watermark(clocks: [S.at(30), S.at(5)], reading: [true, false], horizon: 60_000_000_000).release == S.at(30))
        #expect(FollowMerge.watermark(clocks: [S.at(30), nil], reading: [true, false], horizon: 60_000_000_000).release == S.at(30))
        // One reading with no time yet (just started) holds everything: its first lines may be older.
        #expect(FollowMerge.watermark(clocks: [S.at(30), nil], reading: [true, true], horizon: 60_000_000_000)
                == FollowMerge.Watermark(release: nil, all: false, now: nil))
    }

    @Test func untimedEventsGoAtOnceAndTheCapacityBoundsWhatIsHeld() {
        var merge = FollowMerge(inputs: 2, horizon: 0, capacity: 2)
        merge.append(Self.event(S.at(5), "a", line: 1), from: 0)
        merge.append(Self.event(nil, "b", line: 1), from: 1)
        merge.append(Self.event(S.at(6), "a", line: 2), from: 0)
        merge.append(Self.event(S.at(7), "a", line: 3), from: 0)
        let holdAll = FollowMerge.Watermark(release: S.at(0), all: false, now: S.at(0))
        // The untimed one at once, then the oldest until two are held.
        #expect(Self.released(&merge, holdAll) == ["b:1", "a:1"])
        #expect(merge.count == 2)
    }
}
