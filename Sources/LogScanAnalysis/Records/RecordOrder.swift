/// The report's order of records: by time, input name, line, kind, then arrival. The same
/// events read in any input order (several files, parallel chunks) give the same sequence;
/// untimed records come first (their time is `Int64.min`).
struct RecordOrder {
    private let names: [String]
    /// Each input's position among the names sorted, when computed once for a whole sort.
    private let rank: [Int]?

    /// Ranks the input names once: for sorting every record.
    init(ranking inputs: NameTable) {
        names = inputs.names
        let byName = inputs.names.indices.sorted { inputs.names[$0] < inputs.names[$1] }
        var rank = [Int](repeating: 0, count: inputs.names.count)
        for (position, index) in byName.enumerated() { rank[index] = position }
        self.rank = rank
    }

    /// Whether record `a`, stored at arrival position `arrivalA`, comes before `b` at `arrivalB`.
    func precedes(_ a: EventRecord, _ arrivalA: Int, _ b: EventRecord, _ arrivalB: Int) -> Bool {
        if a.time != b.time { return a.time < b.time }
        if a.input != b.input {
            // Names are interned: different indices are different names.
            if let rank { return rank[Int(a.input)] < rank[Int(b.input)] }
            return names[Int(a.input)] < names[Int(b.input)]
        }
        if a.line != b.line { return a.line < b.line }
        if a.kind != b.kind { return a.kind < b.kind }
        return arrivalA < arrivalB
    }

    /// Arrival positions of every record of `store`, in this order (for random access to
    /// the records; passes over them use `RecordStore.sorted(by:)`).
    ///
    /// Logs arrive nearly in time order (threads and pods interleave a little), so the
    /// records that keep the order so far are taken as they come and only the few others
    /// are sorted, then merged in: about n comparisons instead of n·log(runs), and a copy
    /// of the late positions only. Any input order still gives the same sequence.
    func sorted(_ store: RecordStore) -> [UInt32] {
        // 4 bytes a record instead of a second copy of the records; 4G records would be 128 GiB.
        precondition(store.count <= Int(UInt32.max), "more than 4G events")
        if store.spilledCount > 0 {
            // Compared through the subscript, spilled records would be read one system call each.
            var positions: [UInt32] = []
            positions.reserveCapacity(store.count)
            store.sorted(by: self).forEach { _, arrival in positions.append(UInt32(arrival)) }
            return positions
        }
        let count = store.count
        var positions = [UInt32](repeating: 0, count: count)
        var late: [UInt32] = []
        var kept = 0
        for i in 0..<count {
            if kept > 0 {
                let last = Int(positions[kept - 1])
                if !precedes(store[last], last, store[i], i) {
                    late.append(UInt32(i))
                    continue
                }
            }
            positions[kept] = UInt32(i)
            kept += 1
        }
        guard !late.isEmpty else { return positions }
        late.sort { precedes(store[Int($0)], Int($0), store[Int($1)], Int($1)) }
        // Merge from the back: the kept positions fill the front, the merged end never overtakes them.
        var k = kept - 1
        var l = late.count - 1
        var out = count - 1
        while l >= 0 {
            if k >= 0, precedes(store[Int(late[l])], Int(late[l]), store[Int(positions[k])], Int(positions[k])) {
                positions[out] = positions[k]
                k -= 1
            } else {
                positions[out] = late[l]
                l -= 1
            }
            out -= 1
        }
        return positions
    }
}
