/// The records of a store that spilled, in report order, as sort(1) sorts a large input:
/// the spilled records sorted in runs of `memoryLimit` into a temporary file of their own,
/// the records still in memory sorted as the last run, and the runs merged as they are read.
///
/// Memory: one run's records and positions while the runs are written, then the merge's
/// buffers (about 2 MiB, at least 128 entries a run, at most `maxRuns` runs) and the last
/// run's positions.
struct SortedRunMerge {
    /// A record with its arrival position, as the runs' file holds it: 40 bytes, native order.
    struct Entry {
        var record: EventRecord
        /// 8 bytes: arrival positions are global and are not bounded by 4G.
        var arrival: UInt64
    }

    /// The merge reads every run through one buffer of this size, divided among the runs.
    static let mergeBufferBytes = 2 << 20
    /// Entries buffered per run at least, however many runs: a read brings 5 KiB or more.
    static let minimumRunBuffer = 128
    /// Runs at most: past `maxRuns × memoryLimit` spilled records (268M at the default), runs
    /// grow beyond the limit instead, so that the merge's buffers (128 entries a run at the
    /// least) stay a few MiB, whatever the limit (`TASKER_LOGSCAN_MEMORY_RECORDS=1` included).
    static let maxRuns = 1024
    /// Entries written at a time while the runs are written: 1.25 MiB.
    static let writeBufferEntries = 1 << 15
    static let entrySize = MemoryLayout<Entry>.stride

    private let store: RecordStore
    private let order: RecordOrder
    private let file: SpillFile
    /// Each spilled run as a range of entries of `file`; run `i` holds the records that
    /// arrived in the same range, sorted.
    private let runs: [Range<Int>]
    /// The records in memory (the last run), sorted, as positions from `store.spilledCount`.
    private let tail: [UInt32]

    /// Writes the sorted runs of `store`'s spilled records to a new temporary file.
    init(store: RecordStore, order: RecordOrder) throws(SpillFile.Failure) {
        let spilled = store.spilledCount
        guard !spilled.multipliedReportingOverflow(by: SortedRunMerge.entrySize).overflow else {
            throw SpillFile.Failure("too many events for a temporary file")
        }
        let file = try SpillFile(in: store.temporaryDirectory)
        let runLength = Swift.min(Swift.max(store.memoryLimit, (spilled + SortedRunMerge.maxRuns - 1) / SortedRunMerge.maxRuns), spilled)
        let records = UnsafeMutableBufferPointer<EventRecord>.allocate(capacity: runLength)
        defer { records.deallocate() }
        let output = UnsafeMutableBufferPointer<Entry>.allocate(capacity: SortedRunMerge.writeBufferEntries)
        defer { output.deallocate() }
        var positions: [UInt32] = []
        positions.reserveCapacity(runLength)
        var runs: [Range<Int>] = []
        var start = 0
        while start < spilled {
            let n = Swift.min(runLength, spilled - start)
            let run = UnsafeMutableBufferPointer(rebasing: records[0..<n])
            try store.readSpilledOrThrow(from: start, into: run)
            positions.removeAll(keepingCapacity: true)
            positions.append(contentsOf: 0..<UInt32(n))
            // The standard sort takes runs already in order as they are: logs are nearly sorted.
            positions.sort { order.precedes(run[Int($0)], start + Int($0), run[Int($1)], start + Int($1)) }
            var used = 0
            for position in positions {
                (output.baseAddress! + used).initialize(to: Entry(record: run[Int(position)], arrival: UInt64(start + Int(position))))
                used += 1
                if used == output.count {
                    try file.append(UnsafeRawBufferPointer(output))
                    used = 0
                }
            }
            try file.append(UnsafeRawBufferPointer(UnsafeMutableBufferPointer(rebasing: output[0..<used])))
            runs.append(start..<(start + n))
            start += n
        }
        let inMemory = store.recordsInMemory
        // More only when spilling failed part way: 4G records would be 128 GiB in memory.
        precondition(inMemory <= Int(UInt32.max), "more than 4G events in memory")
        var tail = Array(0..<UInt32(inMemory))
        tail.sort { order.precedes(store[spilled + Int($0)], spilled + Int($0), store[spilled + Int($1)], spilled + Int($1)) }
        self.store = store
        self.order = order
        self.file = file
        self.runs = runs
        self.tail = tail
    }

    /// The runs in the temporary file (the records in memory are one more).
    var runCount: Int { runs.count }

    /// Calls `body` with every record and its arrival position, in report order: a k-way
    /// merge through a binary min-heap of the runs' next entries. Stops (with a warning) if
    /// a run cannot be read back.
    func forEach(_ body: (EventRecord, Int) -> Void) {
        let diskRuns = runs.count
        let perRun = Swift.max(SortedRunMerge.minimumRunBuffer, SortedRunMerge.mergeBufferBytes / SortedRunMerge.entrySize / Swift.max(diskRuns, 1))
        // At most count / memoryLimit runs of 128 or more entries: no overflow below 2^56 records.
        let (bufferCount, overflow) = perRun.multipliedReportingOverflow(by: diskRuns)
        precondition(!overflow, "too many sorted runs")
        let buffer = UnsafeMutableBufferPointer<Entry>.allocate(capacity: Swift.max(bufferCount, 1))
        defer { buffer.deallocate() }
        // Source `diskRuns` is the tail; the others are the runs of the file.
        let heads = UnsafeMutableBufferPointer<Entry>.allocate(capacity: diskRuns + 1)
        defer { heads.deallocate() }
        var nextRead = runs.map(\.lowerBound)
        var filled = [Int](repeating: 0, count: diskRuns)
        var taken = [Int](repeating: 0, count: diskRuns)
        var tailNext = 0
        var failed = false
        let spilled = store.spilledCount

        /// Puts source `s`'s next entry in `heads[s]`; false when it has no more (or a read failed).
        func advance(_ s: Int) -> Bool {
            if s == diskRuns {
                guard tailNext < tail.count else { return false }
                let position = spilled + Int(tail[tailNext])
                tailNext += 1
                (heads.baseAddress! + s).initialize(to: Entry(record: store[position], arrival: UInt64(position)))
                return true
            }
            if taken[s] == filled[s] {
                let n = Swift.min(perRun, runs[s].upperBound - nextRead[s])
                guard n > 0 else { return false }
                let slot = UnsafeMutableBufferPointer(rebasing: buffer[(s * perRun)..<(s * perRun + n)])
                do throws(SpillFile.Failure) {
                    // No overflow: the runs' size was checked when they were written.
                    try file.read(into: UnsafeMutableRawBufferPointer(slot), at: nextRead[s] * SortedRunMerge.entrySize)
                } catch {
                    store.storageWarnings.couldNotRead(in: file.directory, error)
                    failed = true
                    return false
                }
                nextRead[s] += n
                filled[s] = n
                taken[s] = 0
            }
            (heads.baseAddress! + s).initialize(to: buffer[s * perRun + taken[s]])
            taken[s] += 1
            return true
        }

        /// Whether source `a`'s next entry comes before source `b`'s.
        func precedes(_ a: Int32, _ b: Int32) -> Bool {
            let x = heads[Int(a)]
            let y = heads[Int(b)]
            return order.precedes(x.record, Int(x.arrival), y.record, Int(y.arrival))
        }

        var heap: [Int32] = []
        heap.reserveCapacity(diskRuns + 1)

        /// Moves the source at heap index `start` down until neither child comes before it.
        func siftDown(_ start: Int) {
            var i = start
            while true {
                let left = 2 * i + 1
                guard left < heap.count else { return }
                var child = left
                if left + 1 < heap.count, precedes(heap[left + 1], heap[left]) { child = left + 1 }
                guard precedes(heap[child], heap[i]) else { return }
                heap.swapAt(i, child)
                i = child
            }
        }

        for s in 0...diskRuns where advance(s) { heap.append(Int32(s)) }
        if failed { return }
        for i in stride(from: heap.count / 2 - 1, through: 0, by: -1) { siftDown(i) }
        while let top = heap.first {
            let entry = heads[Int(top)]
            body(entry.record, Int(entry.arrival))
            if !advance(Int(top)) {
                if failed { return }
                let last = heap.removeLast()
                guard !heap.isEmpty else { return }
                heap[0] = last
            }
            siftDown(0)
        }
    }
}
