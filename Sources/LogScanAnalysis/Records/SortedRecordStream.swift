/// The records of a store in report order (`RecordOrder`), each with its arrival position:
/// what the report is built from, in as many passes as it needs.
///
/// Records held in memory are read through their sorted positions (4 bytes each); a store
/// that spilled is merged from sorted runs (`SortedRunMerge`).
struct SortedRecordStream {
    /// Where the records come from, in order.
    private enum Source {
        /// Every record in memory: `positions` in order.
        case memory(store: RecordStore, positions: [UInt32])
        case runs(SortedRunMerge)
    }

    private let source: Source

    /// Sorts `store`'s records in `order`: their positions in memory, or runs in a temporary file.
    init(store: RecordStore, order: RecordOrder) {
        guard store.spilledCount > 0 else {
            source = .memory(store: store, positions: order.sorted(store))
            return
        }
        do throws(SpillFile.Failure) {
            source = .runs(try SortedRunMerge(store: store, order: order))
        } catch {
            // As when spilling fails: exact results, with the memory they take.
            store.storageWarnings.couldNotSort(in: store.temporaryDirectory, error)
            let loaded = store.loadedIntoMemory()
            source = .memory(store: loaded, positions: order.sorted(loaded))
        }
    }

    /// Calls `body` with every record and its arrival position, in report order.
    func forEach(_ body: (EventRecord, Int) -> Void) {
        switch source {
        case .memory(let store, let positions):
            for position in positions { body(store[Int(position)], Int(position)) }
        case .runs(let merge):
            merge.forEach(body)
        }
    }
}
