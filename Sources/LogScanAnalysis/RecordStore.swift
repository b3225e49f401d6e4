import LogScanEngine

/// The analyzer's records in arrival order, in blocks of fixed size.
///
/// One growing array would double (and copy) as it grows, holding up to twice what it
/// stores; blocks are never moved, and at most one block is partly empty.
struct RecordStore: RandomAccessCollection {
    /// Records per block: 64K × 32 bytes = 2 MiB.
    static let blockSize = 1 << 16

    private var blocks: [[EventRecord]] = []
    private(set) var count = 0

    var startIndex: Int { 0 }
    var endIndex: Int { count }

    subscript(position: Int) -> EventRecord {
        // Every pass over the records reads them here: the scaling test counts these reads.
        WorkMeter.tick()
        return blocks[position >> 16][position & (RecordStore.blockSize - 1)]
    }

    /// Adds `record` at the end; its position is the previous `count`.
    mutating func append(_ record: EventRecord) {
        if blocks.isEmpty || blocks[blocks.count - 1].count == RecordStore.blockSize {
            blocks.append([])
        }
        let last = blocks.count - 1
        let used = blocks[last].count
        if used == blocks[last].capacity {
            // The first block grows from small (most logs have few events), up to one block;
            // the next ones are allocated whole, once: they never move.
            blocks[last].reserveCapacity(last == 0 ? Swift.min(RecordStore.blockSize, Swift.max(64, used * 2)) : RecordStore.blockSize)
        }
        blocks[last].append(record)
        count += 1
    }
}
