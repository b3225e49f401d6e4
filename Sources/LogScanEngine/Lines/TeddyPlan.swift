/// The fingerprint plans of the scanner's own literal sets, as `TeddyMatcher.plan(for:)`
/// computes them: choosing them walks thousands of nibble mixtures through `NoiseTrigrams`
/// (0.3 ms of every run), and they change only with the literals.
/// `TeddyPlanTests` recomputes every entry and checks that both scanner sets are here.
enum TeddyPlan {
    /// The literals (`LiteralSet.messages`, with `criPartial` for CRI input, then the
    /// compression magics) and their offsets and buckets.
    static let plans: [(literals: [[UInt8]], offsets: [Int32], buckets: [Int32])] = {
        let magics = LiteralSet.compressionMagic.map(\.bytes)
        let messages = LiteralSet.messages.map { Array($0.utf8) }
        let cri = LiteralSet.criPartial.map { Array($0.utf8) }
        return [
            (messages + magics, [3, 18, 17, 15, 12, 0, 0, 6, 0, 1, 3, 1], [0, 1, 2, 3, 4, 5, 6, 7, 0, 3, 6, 2]),
            (messages + cri + magics, [3, 18, 17, 15, 12, 0, 0, 6, 6, 6, 0, 1, 3, 1], [0, 1, 2, 3, 4, 5, 6, 7, 3, 3, 0, 4, 6, 2]),
        ]
    }()

    /// The plan for `literals` when it is one of `plans`.
    static func known(for literals: [[UInt8]]) -> (offsets: [Int32], buckets: [Int32])? {
        plans.first { $0.literals == literals }.map { ($0.offsets, $0.buckets) }
    }
}
