/// The `key=value` fields of one line, as slices into the line (no copies).
///
/// Reused from line to line: `removeAll` keeps the storage.
struct LineFields {
    struct Field {
        let key: ByteSlice
        let value: ByteSlice
        /// True when the value was a quoted string that still holds `\` escapes.
        let escaped: Bool
    }

    private(set) var items: [Field] = []

    init() { items.reserveCapacity(16) }

    mutating func removeAll() { items.removeAll(keepingCapacity: true) }

    mutating func append(key: ByteSlice, value: ByteSlice, escaped: Bool = false) {
        items.append(Field(key: key, value: value, escaped: escaped))
    }

    /// The first field named `key` (duplicates: the first one wins).
    func value(_ key: StaticString) -> ByteSlice? {
        for item in items where item.key.equals(key) { return item.value }
        return nil
    }

    /// The first field named `key`, as a String with quoted-string escapes resolved.
    func string(_ key: StaticString) -> String? {
        for item in items where item.key.equals(key) {
            return item.escaped ? LineFields.unescape(item.value) : item.value.string
        }
        return nil
    }

    /// `string(key)`, sharing the `String` of a recent equal value (escaped values are made afresh).
    func string(_ key: StaticString, cache: RecentStrings) -> String? {
        for item in items where item.key.equals(key) {
            return item.escaped ? LineFields.unescape(item.value) : cache.string(item.value)
        }
        return nil
    }

    /// Resolves `\"`, `\\`, `\n`, `\t`, `\uXXXX` (with surrogate pairs) in a quoted value.
    static func unescape(_ s: ByteSlice) -> String {
        // Unescaping never lengthens: `\uXXXX` (6 bytes) is at most 3 UTF-8 bytes, a pair (12) 4.
        String(unsafeUninitializedCapacity: max(s.count, 1)) { buffer in
            JSONUnescape.unescape(s, into: buffer.baseAddress!, capacity: buffer.count)
        }
    }
}
