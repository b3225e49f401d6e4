#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Testing
@testable import LogScanEngine
@testable import LogScanAnalysis
import TestSupport

/// A store holds at most `memoryLimit` records in memory and spills the older ones to an
/// unlinked temporary file: every pass gives exactly what the in-memory store gives, for
/// any size around the limit and any order, and a directory that cannot be written only
/// costs memory (with one warning).
@Suite struct RecordSpillTests {
    /// A record and its arrival position, as a pass gives them.
    struct Seen: Equatable, CustomStringConvertible {
        let record: EventRecord
        let position: Int
        var description: String { "#\(position) t=\(record.time) in=\(record.input) line=\(record.line) \(record.kind)" }
    }

    /// `n` records whose times have `shape` (as in `theOnePassSortEqualsAFullSort`), over
    /// two inputs, with every field varied: kinds, lines, channels, values, counts, sources.
    static func records(_ shape: String, _ n: Int, seed: UInt64 = 42) -> [EventRecord] {
        var generator = SplitMix(seed: seed)
        var times: [Int64] = (0..<n).map { Int64($0) * 1_000 }
        switch shape {
        case "few late":
            for _ in 0..<Swift.max(1, n / 75) where n > 0 { let i = Int(generator.next() % UInt64(n)); times[i] -= 50_000 }
        case "reversed": times.reverse()
        case "one far ahead": if n > 0 { times[0] = Int64(n) * 10_000 }
        case "equal times": times = times.map { $0 / 100_000 * 100_000 }
        case "shuffled": times.shuffle(using: &generator)
        case "untimed mixed": times = times.map { $0 % 7_000 == 0 ? EventRecord.untimed : $0 }
        default: break
        }
        return times.enumerated().map { i, time in
            let kinds: [EventKind] = [.saturation, .full, .droppedEvent, .bulkTaskCreation, .slowHandler, .channelInit]
            let kind = kinds[Int(generator.next() % UInt64(kinds.count))]
            return EventRecord(time: time, kind: kind, isDrop: i % 3 == 0, isBlocked: i % 5 == 0,
                               channel: Int32(generator.next() % 4), eventType: Int32(i % 9),
                               input: Int32(generator.next() % 2), line: i / 2 + 1, value: Double(i % 97) + 0.18,
                               count: i * 3, source: i % 4 == 0 ? EventRecord.none : Int32(i % 11),
                               statesCapacity: i % 13 == 0)
        }
    }

    /// A store of `records` that holds `limit` of them in memory, spilling to `directory`.
    static func store(_ records: [EventRecord], limit: Int = RecordStore.defaultMemoryLimit,
                      directory: String? = nil) -> RecordStore {
        var store = RecordStore(memoryLimit: limit, spillDirectory: directory)
        for record in records { store.append(record) }
        return store
    }

    /// What `forEachInArrivalOrder` gives.
    static func arrival(_ store: RecordStore) -> [Seen] {
        var seen: [Seen] = []
        store.forEachInArrivalOrder { seen.append(Seen(record: $0, position: $1)) }
        return seen
    }

    /// What one pass over `stream` gives.
    static func sorted(_ stream: SortedRecordStream) -> [Seen] {
        var seen: [Seen] = []
        stream.forEach { seen.append(Seen(record: $0, position: $1)) }
        return seen
    }

    /// Input "b.log" is index 0 and "a.log" index 1: equal times are ordered by name, not index.
    static let order: RecordOrder = {
        var inputs = NameTable()
        _ = inputs.intern("b.log")
        _ = inputs.intern("a.log")
        return RecordOrder(ranking: inputs)
    }()

    /// What a full sort of `records` by the report's order gives.
    static func fullSort(_ records: [EventRecord]) -> [Seen] {
        records.indices.sorted { order.precedes(records[$0], $0, records[$1], $1) }.map { Seen(record: records[$0], position: $0) }
    }

    /// A new empty directory for one test's spill files; the caller removes it.
    static func directory() throws -> String {
        try TemporaryFiles.directory("logscan-spill").path
    }

    @Test(arguments: [0, 1, 7, 999, 1000, 1001, 2047, 4500])
    func arrivalOrderComesBackExactly(size: Int) {
        let records = Self.records("shuffled", size)
        let store = Self.store(records, limit: 1000)
        #expect(store.count == size)
        #expect(store.recordsInMemory <= 1000)
        #expect((store.spilledCount > 0) == (size > 1000))
        let expected = records.enumerated().map { Seen(record: $1, position: $0) }
        #expect(Self.arrival(store) == expected)
        for i in [0, 1, 511, 512, 999, 1000, size - 1] where i >= 0 && i < size { #expect(store[i] == records[i]) }
        #expect(store.warnings.isEmpty)
    }

    @Test(arguments: [1, 7, 1000, 100_000])
    func memoryHoldsAtMostTheLimit(limit: Int) {
        var store = RecordStore(memoryLimit: limit)
        let records = Self.records("sorted", 3 * limit + 5)
        var most = 0
        for record in records {
            store.append(record)
            most = Swift.max(most, store.recordsInMemory)
        }
        #expect(most == limit)
        #expect(store.spilledCount + store.recordsInMemory == records.count)
        #expect(store.spilledCount >= 2 * limit)
        #expect(Self.arrival(store).map(\.record) == records)
    }

    @Test(arguments: ["sorted", "few late", "reversed", "one far ahead", "equal times", "shuffled", "untimed mixed"],
          [1, 7, 999, 1000, 1001, 5_003])
    func theSortedStreamOfASpilledStoreEqualsTheInMemorySort(shape: String, size: Int) {
        let records = Self.records(shape, size)
        let inMemory = Self.store(records)
        let spilled = Self.store(records, limit: 1000)
        #expect(inMemory.spilledCount == 0)
        let expected = Self.sorted(inMemory.sorted(by: Self.order))
        #expect(expected == Self.fullSort(records))
        #expect(Self.sorted(spilled.sorted(by: Self.order)) == expected)
        // The random-access positions (the report's run of records) are merged the same way.
        #expect(Self.order.sorted(spilled) == expected.map { UInt32($0.position) })
        #expect(spilled.warnings.isEmpty)
    }

    /// Runs of one record (a heap of every run), of 7 and of a block that does not divide the limit.
    @Test(arguments: [(1, 300), (7, 1_000), (3, 20), (70_000, 150_001)])
    func manyRunsMergeExactly(limit: Int, size: Int) {
        let records = Self.records("few late", size, seed: UInt64(limit))
        let store = Self.store(records, limit: limit)
        #expect(store.spilledCount > 0)
        #expect(Self.sorted(store.sorted(by: Self.order)) == Self.fullSort(records))
    }

    /// However small the limit, the merge reads at most `maxRuns` runs: with one record in
    /// memory, a run per record would take a buffer of 128 entries per record.
    @Test func theRunsAreAtMostMaxRuns() throws {
        let size = 3 * SortedRunMerge.maxRuns + 5
        let records = Self.records("shuffled", size)
        let store = Self.store(records, limit: 1)
        let merge = try SortedRunMerge(store: store, order: Self.order)
        #expect(merge.runCount <= SortedRunMerge.maxRuns)
        #expect(merge.runCount == (store.spilledCount + 3) / 4)
        #expect(Self.sorted(store.sorted(by: Self.order)) == Self.fullSort(records))
    }

    @Test func aStreamGivesTheSameInEveryPass() {
        let records = Self.records("shuffled", 4_321)
        let stream = Self.store(records, limit: 1000).sorted(by: Self.order)
        let first = Self.sorted(stream)
        #expect(first == Self.fullSort(records))
        #expect(Self.sorted(stream) == first)
        #expect(Self.sorted(stream) == first)
    }

    @Test func anUnwritableDirectoryWarnsOnceAndKeepsEveryRecord() {
        let records = Self.records("reversed", 3_500)
        let store = Self.store(records, limit: 1000, directory: "/nonexistent")
        #expect(store.spilledCount == 0)
        #expect(store.recordsInMemory == 3_500)
        #expect(store.warnings == [
            "could not spill events to temporary storage in /nonexistent (No such file or directory): they are kept in memory",
        ])
        #expect(Self.arrival(store) == records.enumerated().map { Seen(record: $1, position: $0) })
        #expect(Self.sorted(store.sorted(by: Self.order)) == Self.fullSort(records))
        #expect(store.warnings.count == 1)
    }

    /// The files are unlinked as soon as they are made: nothing is left, even after a crash.
    /// With the directory gone, the runs cannot be written: they are sorted in memory.
    @Test func nothingIsLeftBehindAndSortingFallsBackToMemory() throws {
        let directory = try Self.directory()
        let records = Self.records("few late", 2_600)
        let store = Self.store(records, limit: 500, directory: directory)
        // Blocks of 256 go out whenever 500 are held: 9 of them.
        #expect(store.spilledCount == 2_304)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty)
        let stream = store.sorted(by: Self.order)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty)
        #expect(Self.sorted(stream) == Self.fullSort(records))
        #expect(store.warnings.isEmpty)

        #expect(rmdir(directory) == 0)
        let fallback = store.sorted(by: Self.order)
        #expect(store.warnings == [
            "could not sort events in temporary storage in \(directory) (No such file or directory): they are sorted in memory",
        ])
        #expect(Self.sorted(fallback) == Self.fullSort(records))
        // The spilled records are still read back from the (unlinked) file.
        #expect(Self.arrival(store) == records.enumerated().map { Seen(record: $1, position: $0) })
    }

    /// Two copies that both append after the copy each keep their own records.
    @Test func copiesThatBothAppendKeepTheirOwnRecords() {
        let records = Self.records("shuffled", 3_000)
        var first = Self.store(Array(records[..<1_500]), limit: 256)
        var second = first
        for record in records[1_500...] { first.append(record) }
        let others = Self.records("reversed", 1_000, seed: 7)
        for record in others { second.append(record) }
        #expect(Self.arrival(first).map(\.record) == records)
        #expect(Self.arrival(second).map(\.record) == Array(records[..<1_500]) + others)
        #expect(Self.sorted(first.sorted(by: Self.order)) == Self.fullSort(records))
        #expect(Self.sorted(second.sorted(by: Self.order)) == Self.fullSort(Array(records[..<1_500]) + others))
    }

    @Test func theLimitIsAnAnalysisOption() {
        #expect(AnalysisOptions().memoryRecords == 1 << 18)
        #expect(RecordStore().memoryLimit == 262_144)
        // Below 1 a store still holds one record; above 4G it holds 4G (positions have 4 bytes).
        #expect(RecordStore(memoryLimit: 0).memoryLimit == 1)
        #expect(RecordStore(memoryLimit: .max).memoryLimit == Int(UInt32.max))
    }

    /// The whole report of a storm is the same when nearly all its records were spilled,
    /// with and without time bounds (a relative `--since` resolves after the pass).
    @Test(arguments: [
        AnalysisOptions(),
        AnalysisOptions(since: .beforeNewest(15 * 3600 * 1_000_000_000), until: .beforeNewest(3600 * 1_000_000_000)),
    ])
    func aSpilledStormGivesTheSameReport(options: AnalysisOptions) {
        let events = RecordStorageTests.shuffled(RecordStorageTests.storm())
        var options = options
        let reference = RecordStorageTests.report(events, options)
        options.memoryRecords = 1000
        #expect(RecordStorageTests.report(events, options) == reference)
    }

    /// Parts (ranges read on other threads) that spilled are appended exactly.
    @Test func spilledPartsGiveTheReportOfOneAnalyzer() {
        let events = AnalyzerPartTests.events()
        let reference = AnalyzerPartTests.whole(events, AnalyzerPartTests.options(limit: 8))
        var options = AnalyzerPartTests.options(limit: 8)
        options.memoryRecords = 16
        #expect(AnalyzerPartTests.whole(events, options) == reference)
        for cuts in [[7, 100, 249], Array(stride(from: 10, to: 400, by: 30))] {
            #expect(AnalyzerPartTests.inParts(events, cuts: cuts, options) == reference, "cuts \(cuts)")
        }
    }
}
