/// Interned strings: each distinct name is stored once and referred to by a small index.
struct NameTable {
    private(set) var names: [String] = []
    private var indices: [String: Int32] = [:]

    /// The index of `name`, adding it on first sight.
    mutating func intern(_ name: String) -> Int32 {
        if let index = indices[name] { return index }
        let index = Int32(names.count)
        names.append(name)
        indices[name] = index
        return index
    }

    /// The index of `name`, `nil` when it was never interned.
    func index(of name: String) -> Int32? { indices[name] }

    subscript(index: Int32) -> String { names[Int(index)] }

    /// The index of `name`, adding it while there are fewer than `limit` names; past
    /// that, a new name gets the index of `other` (added once) and is counted in `spilled`.
    mutating func intern(_ name: String, limit: Int, other: String, spilled: inout Set<String>, spillLimit: Int) -> Int32 {
        if let index = indices[name] { return index }
        guard names.count >= limit else { return intern(name) }
        if spilled.count < spillLimit { spilled.insert(name) }
        return intern(other)
    }
}
