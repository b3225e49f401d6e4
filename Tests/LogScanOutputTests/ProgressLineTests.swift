import Testing
@testable import LogScanEngine
@testable import LogScanOutput
import TestSupport

/// The progress line on stderr: exact text, fixed columns, never wider than the terminal.
@Suite struct ProgressLineTests {
    static let mib: Int64 = 1 << 20

    @Test func fileOfKnownSizeHasABarPercentAndTimeLeft() {
        let line = ProgressLine.render(bytesRead: 45 * Self.mib, totalBytes: 100 * Self.mib, elapsedSeconds: 1.5, width: 80)
        #expect(line == "[########..........]  45%      45 MiB of 100 MiB      30 MiB/s  2s left")
        #expect(line.count == 71)
    }

    @Test func columnsStayPutAsNumbersChange() {
        let early = ProgressLine.render(bytesRead: 1_300_000, totalBytes: 69 * Self.mib, elapsedSeconds: 1, width: 80)
        let later = ProgressLine.render(bytesRead: 52 * Self.mib, totalBytes: 69 * Self.mib, elapsedSeconds: 60, width: 80)
        #expect(early == "[...................]   1%     1.2 MiB of 69 MiB     1.2 MiB/s  55s left")
        #expect(later == "[##############.....]  75%      52 MiB of 69 MiB   887.5 KiB/s  20s left")
        #expect(early.firstIndex(of: "%") == later.firstIndex(of: "%"))
        #expect(early.range(of: " of ")?.lowerBound == later.range(of: " of ")?.lowerBound)
    }

    @Test func doneHasNoTimeLeft() {
        let line = ProgressLine.render(bytesRead: 400 * 1024, totalBytes: 400 * 1024, elapsedSeconds: 0.5, width: 80)
        #expect(line == "[##################] 100%     400 KiB of 400 KiB     800 KiB/s")
    }

    @Test func anEndlessTimeLeftIsNotShown() {
        // 999 bytes of 1 TiB in 3s: years to go, which says nothing useful.
        let line = ProgressLine.render(bytesRead: 999, totalBytes: 1 << 40, elapsedSeconds: 3, width: 80)
        #expect(line == "[....................]   0%       999 B of 1 TiB       333 B/s")
        let day = ProgressLine.render(bytesRead: 1 << 30, totalBytes: 1 << 40, elapsedSeconds: 100, width: 80)
        #expect(day == "[....................]   0%       1 GiB of 1 TiB    10.2 MiB/s  1d4h25m left")
    }

    @Test func pipeOfUnknownSizeShowsBytesAndSpeed() {
        #expect(ProgressLine.render(bytesRead: 3 * Self.mib / 2, totalBytes: nil, elapsedSeconds: 2, width: 80)
                == "1.5 MiB read  768 KiB/s")
        #expect(ProgressLine.render(bytesRead: 0, totalBytes: nil, elapsedSeconds: 0, width: 80) == "0 B read  0 B/s")
    }

    @Test func narrowTerminalsDropTheBarThenColumns() {
        let args = (bytesRead: 45 * Self.mib, totalBytes: Optional(100 * Self.mib), elapsedSeconds: 1.5)
        #expect(ProgressLine.render(bytesRead: args.0, totalBytes: args.1, elapsedSeconds: args.2, width: 60)
                == "45%  45 MiB of 100 MiB  30 MiB/s  2s left")
        #expect(ProgressLine.render(bytesRead: args.0, totalBytes: args.1, elapsedSeconds: args.2, width: 35)
                == "45%  45 MiB of 100 MiB  30 MiB/s")
        #expect(ProgressLine.render(bytesRead: args.0, totalBytes: args.1, elapsedSeconds: args.2, width: 10) == "45%")
        #expect(ProgressLine.render(bytesRead: args.0, totalBytes: args.1, elapsedSeconds: args.2, width: 3) == "45")
    }

    @Test(arguments: [20, 40, 61, 79, 80, 132, 300])
    func neverReachesTheLastColumn(width: Int) {
        for read in [Int64(0), 999, 5 * Self.mib, 1 << 40] {
            for total in [Optional(Int64(1 << 40)), nil] {
                let line = ProgressLine.render(bytesRead: read, totalBytes: total, elapsedSeconds: 3, width: width)
                #expect(line.count <= width - 1)
                #expect(line.allSatisfy { $0.isASCII })
            }
        }
    }
}

/// Progress over inputs read at the same time (issue 15: one `inputStart` was shared).
@Suite struct ReadProgressTests {
    @Test func inputsReadAtOnceCountEachOnce() {
        let progress = ReadProgress()
        let a = progress.beginInput()
        progress.add(10, input: a)
        let b = progress.beginInput()
        progress.add(5, input: b)
        progress.finishInput(a, size: 10)
        #expect(progress.bytesRead == 15)
        // A split scan counts part of its reads; the size tops it up, once.
        progress.add(2, input: b)
        progress.finishInput(b, size: 40)
        #expect(progress.bytesRead == 50)
        progress.finishInput(b, size: 40)
        #expect(progress.bytesRead == 50)
    }

    @Test func severalFilesOnTwoThreadsCountTheirSizes() throws {
        let names = ["plain.log", "json.log", "cri.log", "plain.log.gz"]
        let progress = ReadProgress()
        var options = ScanOptions(threads: 2)
        options.progress = progress
        _ = LogScanner(options: options).scan(names.map { .path(EngineFixtures.path($0)) },
                                              onInputDone: { _ in }, onEvent: { _ in })
        let sizes = try names.map { try EngineFixtures.bytes($0).count }.reduce(0, +)
        #expect(progress.bytesRead == Int64(sizes))
    }
}
