/// The "did you mean" of option values: the known name closest to what was typed.
public enum ClosestName {
    /// The candidate that `name` abbreviates (`prod` → `production`), else the one at the
    /// smallest edit distance when that is at most a third of the name (at least 2); `nil`
    /// when nothing is close. Ties go to the first in name order.
    public static func find<S: Sequence>(_ name: String, among candidates: S) -> String? where S.Element == String {
        let sorted = candidates.filter { $0 != name }.sorted()
        if name.count >= 2, let prefixed = sorted.first(where: { $0.hasPrefix(name) }) { return prefixed }
        let limit = max(2, name.count / 3)
        var best: (name: String, distance: Int)?
        for candidate in sorted {
            let distance = editDistance(name, candidate, limit: limit)
            if distance <= limit, distance < (best?.distance ?? .max) { best = (candidate, distance) }
        }
        return best?.name
    }

    /// Levenshtein distance over bytes; stops early (returning `limit + 1`) once it exceeds `limit`.
    static func editDistance(_ a: String, _ b: String, limit: Int) -> Int {
        let a = Array(a.utf8.prefix(256)), b = Array(b.utf8.prefix(256))
        guard abs(a.count - b.count) <= limit else { return limit + 1 }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            current[0] = i
            var rowMin = current[0]
            for j in 1..<(b.count + 1) {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                rowMin = min(rowMin, current[j])
            }
            if rowMin > limit { return limit + 1 }
            swap(&previous, &current)
        }
        return a.isEmpty ? b.count : previous[b.count]
    }
}
