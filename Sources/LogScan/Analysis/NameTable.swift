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

    subscript(index: Int32) -> String { names[Int(index)] }
}
