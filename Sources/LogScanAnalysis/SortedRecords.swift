/// A run of records in report order, indexed from 0: a view through the sorted arrival
/// positions into the store, so filtering by time copies no record.
struct SortedRecords: RandomAccessCollection {
    let store: RecordStore
    /// Arrival positions, in `RecordOrder`.
    let positions: ArraySlice<UInt32>

    var startIndex: Int { 0 }
    var endIndex: Int { positions.count }

    subscript(index: Int) -> EventRecord { store[Int(positions[positions.startIndex + index])] }

    subscript(index: RecordIndex) -> EventRecord { self[Int(index)] }

    /// The records from `range` of this run (indices of this run).
    func slice(_ range: Range<Int>) -> SortedRecords {
        let base = positions.startIndex
        return SortedRecords(store: store, positions: positions[(base + range.lowerBound)..<(base + range.upperBound)])
    }

    /// The first index whose record satisfies `predicate`, which must be false then true along the run.
    func partitionPoint(where predicate: (EventRecord) -> Bool) -> Int {
        var low = 0
        var high = count
        while low < high {
            let middle = low + (high - low) / 2
            if predicate(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
