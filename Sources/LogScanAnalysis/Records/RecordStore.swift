import LogScanEngine

/// The analyzer's records in arrival order: the newest (at most `memoryLimit`) in blocks of
/// fixed size, the older ones written in arrival order to an unlinked temporary file, so
/// that memory does not grow with the number of events (SPEC: an event storm).
///
/// One growing array would double (and copy) as it grows, holding up to twice what it
/// stores; blocks are never moved, and at most one block is partly empty. While `count`
/// stays within `memoryLimit` (most logs) nothing is written and nothing is read back.
struct RecordStore {
    /// Records per block: 64K × 32 bytes = 2 MiB (smaller only below a limit of 64K records).
    static let blockSize = 1 << 16
    /// Records kept in memory by default: 256K × 32 bytes = 8 MiB.
    static let defaultMemoryLimit = 1 << 18
    /// Records read back from the file at a time, in arrival order: 1 MiB.
    static let readChunk = 1 << 15
    static let recordSize = MemoryLayout<EventRecord>.stride

    /// Records held in memory at most (while the temporary file can be written).
    let memoryLimit: Int
    /// Records per block, as a shift and a mask: a power of 2 no larger than `memoryLimit`.
    private let blockShift: Int
    private let blockMask: Int
    /// Where the file goes; `nil`: `TMPDIR`, else `/tmp`.
    private let spillDirectory: String?
    /// The records from `spilledCount` on; every block but the last is full.
    private var blocks: [[EventRecord]] = []
    /// The last block written to the file, emptied: the next block reuses its memory.
    private var spare: [EventRecord] = []
    private(set) var count = 0
    /// Records in the file: the first ones to arrive, a whole number of blocks.
    private(set) var spilledCount = 0
    private var spill: SpillFile?
    /// False once the file could not be created or written: from then on records stay in memory.
    private var canSpill = true
    /// Shared with the copies and their streams, which may meet problems after the scan.
    private let log = StorageWarnings()

    /// `memoryLimit` records at most in memory (at least 1, at most 4G: sorted positions
    /// have 4 bytes); the rest in a file in `spillDirectory` (`nil`: `TMPDIR`, else `/tmp`).
    init(memoryLimit: Int = RecordStore.defaultMemoryLimit, spillDirectory: String? = nil) {
        let limit = Swift.min(Swift.max(memoryLimit, 1), Int(UInt32.max))
        self.memoryLimit = limit
        var shift = 16
        while 1 << shift > limit { shift -= 1 }
        blockShift = shift
        blockMask = (1 << shift) - 1
        self.spillDirectory = spillDirectory
    }

    /// Records held in memory now.
    var recordsInMemory: Int { count - spilledCount }

    /// The record at `position`. Records in the file are read one by one (a system call
    /// each): for occasional reads only; passes go through `forEachInArrivalOrder` or
    /// `sorted(by:)`, which read the file in large chunks.
    subscript(position: Int) -> EventRecord {
        // Every pass over the records reads them here: the scaling test counts these reads.
        WorkMeter.tick()
        let local = position &- spilledCount
        guard local >= 0 else { return spilledRecord(at: position) }
        return blocks[local >> blockShift][local & blockMask]
    }

    /// Adds `record` at the end; its position is the previous `count`.
    mutating func append(_ record: EventRecord) {
        // Memory full: the oldest block goes to the file first, and its memory is reused.
        if count &- spilledCount >= memoryLimit, canSpill { spillOldestBlock() }
        let blockSize = blockMask + 1
        if blocks.isEmpty || blocks[blocks.count - 1].count == blockSize {
            blocks.append(spare)
            spare = []
        }
        let last = blocks.count - 1
        let used = blocks[last].count
        if used == blocks[last].capacity {
            // The first block grows from small (most logs have few events), up to one block;
            // the next ones are allocated whole, once: they never move.
            blocks[last].reserveCapacity(count < blockSize ? Swift.min(blockSize, Swift.max(64, used * 2)) : blockSize)
        }
        blocks[last].append(record)
        count += 1
    }

    /// Calls `body` with every record and its arrival position, in arrival order; stops
    /// (with a warning) if the file cannot be read back.
    func forEachInArrivalOrder(_ body: (EventRecord, Int) -> Void) {
        var position = 0
        if spilledCount > 0 {
            let buffer = UnsafeMutableBufferPointer<EventRecord>.allocate(capacity: Swift.min(RecordStore.readChunk, spilledCount))
            defer { buffer.deallocate() }
            while position < spilledCount {
                let chunk = UnsafeMutableBufferPointer(rebasing: buffer[0..<Swift.min(buffer.count, spilledCount - position)])
                guard readSpilled(from: position, into: chunk) else { return }
                for record in chunk {
                    WorkMeter.tick()
                    body(record, position)
                    position += 1
                }
            }
        }
        for block in blocks {
            for record in block {
                WorkMeter.tick()
                body(record, position)
                position += 1
            }
        }
    }

    /// The records in `order`, to read in one or more passes.
    func sorted(by order: RecordOrder) -> SortedRecordStream { SortedRecordStream(store: self, order: order) }

    /// What went wrong storing or reading back the records, for the report's warnings: read
    /// it after the passes, which may add to it.
    var warnings: [String] { log.all }

    // MARK: The file, for the sorted stream

    /// The directory of the spill file, for the sorted runs' file.
    var temporaryDirectory: String {
        spill?.directory ?? spillDirectory.flatMap { $0.isEmpty ? nil : $0 } ?? SpillFile.temporaryDirectory()
    }

    /// Where the store and its streams say what went wrong.
    var storageWarnings: StorageWarnings { log }

    /// Fills `buffer` with the spilled records from position `start`; false (with a
    /// warning) when the file cannot be read back.
    func readSpilled(from start: Int, into buffer: UnsafeMutableBufferPointer<EventRecord>) -> Bool {
        do throws(SpillFile.Failure) {
            try readSpilledOrThrow(from: start, into: buffer)
            return true
        } catch {
            log.couldNotRead(in: temporaryDirectory, error)
            return false
        }
    }

    /// Fills `buffer` with the spilled records from position `start`.
    func readSpilledOrThrow(from start: Int, into buffer: UnsafeMutableBufferPointer<EventRecord>) throws(SpillFile.Failure) {
        precondition(start >= 0 && buffer.count <= spilledCount - start, "spilled records out of range")
        guard let spill, buffer.count > 0 else { return }
        // No overflow: `spilledCount` × 32 was checked when the records were written.
        try spill.read(into: UnsafeMutableRawBufferPointer(buffer), at: start * RecordStore.recordSize)
    }

    /// Every record, in a store that holds them all in memory: when the sorted runs cannot
    /// be written, the records are sorted in memory instead.
    func loadedIntoMemory() -> RecordStore {
        var loaded = RecordStore(memoryLimit: Int(UInt32.max))
        forEachInArrivalOrder { record, _ in loaded.append(record) }
        return loaded
    }

    // MARK: Spilling

    /// One record read back from the file; a failure cannot be reported here, so it stops the program.
    private func spilledRecord(at position: Int) -> EventRecord {
        precondition(position >= 0 && position < spilledCount, "record position \(position) out of range")
        var failure = SpillFile.Failure("")
        let record = withUnsafeTemporaryAllocation(of: EventRecord.self, capacity: 1) { buffer -> EventRecord? in
            do throws(SpillFile.Failure) {
                try readSpilledOrThrow(from: position, into: buffer)
                return buffer[0]
            } catch {
                failure = error
                return nil
            }
        }
        guard let record else {
            fatalError("could not read event \(position) back from temporary storage in \(temporaryDirectory): \(failure.reason)")
        }
        return record
    }

    /// Writes the oldest block (full) to the file and frees it; on failure, warns once and
    /// keeps every record in memory from then on.
    private mutating func spillOldestBlock() {
        let blockSize = blockMask + 1
        let directory = temporaryDirectory
        do throws(SpillFile.Failure) {
            let (end, overflow) = (spilledCount + blockSize).multipliedReportingOverflow(by: RecordStore.recordSize)
            guard !overflow else { throw SpillFile.Failure("too many events for a temporary file") }
            let file = try spillFile(in: directory)
            var failure: SpillFile.Failure?
            blocks[0].withUnsafeBytes { bytes in
                do throws(SpillFile.Failure) { try file.append(bytes) } catch { failure = error }
            }
            if let failure { throw failure }
            precondition(file.size == end, "the spill file is out of step")
        } catch {
            canSpill = false
            log.couldNotSpill(in: directory, error)
            return
        }
        var oldest = blocks.removeFirst()
        oldest.removeAll(keepingCapacity: true)
        spare = oldest
        spilledCount += blockSize
    }

    /// The file to write the next block to: this store's, created on the first spill.
    private mutating func spillFile(in directory: String) throws(SpillFile.Failure) -> SpillFile {
        let written = spilledCount * RecordStore.recordSize
        if let spill, spill.size == written { return spill }
        // A copy of this store wrote past what this one wrote (both appended after the copy):
        // this one gets a file of its own, with its records copied.
        let file = try SpillFile(in: directory)
        if let spill {
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: RecordStore.readChunk * RecordStore.recordSize,
                                                                alignment: MemoryLayout<EventRecord>.alignment)
            defer { buffer.deallocate() }
            var offset = 0
            while offset < written {
                let chunk = UnsafeMutableRawBufferPointer(rebasing: buffer[0..<Swift.min(buffer.count, written - offset)])
                try spill.read(into: chunk, at: offset)
                try file.append(UnsafeRawBufferPointer(chunk))
                offset += chunk.count
            }
        }
        spill = file
        return file
    }
}
