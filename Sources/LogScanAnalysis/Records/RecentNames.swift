/// The answers for a few recently asked names, for a lookup whose answer for a name never
/// changes: a storm names the same channels and pods on every event, and the recognizer
/// hands out the same `String` objects for them, so a hit is one comparison.
///
/// Direct-mapped by length: a miss only costs the lookup it would have made anyway. A value
/// type, so every copy of an analyzer (a part on another thread) has its own.
struct RecentNames<Value> {
    private var slots = [(name: String, value: Value)?](repeating: nil, count: 8)

    /// The value remembered for `name`, `nil` when it is not among the recent ones.
    @inline(__always) func cached(_ name: String) -> Value? {
        guard let entry = slots[slot(name)], entry.name == name else { return nil }
        return entry.value
    }

    /// Remembers `value` as the answer for `name`, in place of the name in its slot.
    @inline(__always) mutating func remember(_ name: String, _ value: Value) {
        slots[slot(name)] = (name, value)
    }

    @inline(__always) private func slot(_ name: String) -> Int { name.utf8.count & (slots.count - 1) }
}

extension RecentNames: Sendable where Value: Sendable {}
