/// A static estimate of how common each byte is in log text, used to pick the
/// rarest bytes of a literal for the prefilter.
///
/// The order is a judgement about text logs in general (English words, snake_case
/// identifiers, numbers, timestamps, JSON punctuation), not a measurement of one
/// file, so a real log gets the same speed as the benchmark's. Bytes not listed
/// (control bytes, non-ASCII) are rarest.
enum ByteFrequencyRank {
    /// Bytes from the most common to the least common.
    private static let commonFirst: [UInt8] = Array(
        " e0t1a2:o-i3n4s5r.6_7l8c9dhu=m\"pTf/gZ,ywbvE{}Rk()INSO[]AxCDLMPWqUjFz>BH<GVK;Y+J!XQ#%&*'?@\\^`|~$\t\r\n".utf8
    )

    /// Rank 0 = rarest, 255 = most common.
    static let table: [UInt8] = {
        var ranks = [UInt8](repeating: 0, count: 256)
        let listed = commonFirst.count
        for (i, byte) in commonFirst.enumerated() {
            // Most common gets 255, then downwards; unlisted bytes stay near 0.
            ranks[Int(byte)] = UInt8(255 - i)
        }
        // Line ends are everywhere in a buffer of lines: never choose them.
        ranks[Int(UInt8(ascii: "\n"))] = 255
        _ = listed
        return ranks
    }()

    static func rank(_ byte: UInt8) -> Int { Int(table[Int(byte)]) }

    /// How often each byte occurs in real tasker logs, per million bytes, measured on
    /// `samples/*.log` (all six shapes; 2334795 bytes). Unseen bytes are 0.
    static let perMillion: [UInt32] = [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3641, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 19186, 0, 0, 0, 0,
        34416, 0, 33767, 1, 372, 364, 0, 0, 4272, 4272, 228, 1, 8100, 20000, 7028, 1729,
        46749, 28627, 25772, 14441, 15790, 16613, 9045, 11791, 9928, 14710, 38774, 0, 0, 8409, 364, 0,
        8, 1355, 1225, 1333, 1786, 2722, 2460, 1235, 1173, 6274, 0, 72, 694, 228, 2522, 2722,
        1193, 6, 2980, 1924, 8958, 1318, 168, 1924, 0, 0, 4739, 20320, 252, 1134, 0, 18390,
        0, 40382, 8159, 20898, 30134, 77898, 9283, 5272, 15838, 19773, 0, 11196, 20401, 33904, 27427, 25316,
        16575, 3083, 45134, 34387, 41407, 16820, 5319, 6577, 1760, 3436, 573, 3417, 0, 3417, 0, 0,
        152, 0, 0, 0, 0, 35, 0, 0, 0, 0, 221, 0, 0, 0, 0, 139,
        0, 0, 445, 686, 130, 0, 0, 0, 0, 0, 143, 0, 35, 0, 0, 820,
        139, 0, 0, 0, 0, 0, 148, 130, 19, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 22, 0, 0, 139, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 22, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 323, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 139,
        820, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    ]

    /// Estimated frequency of a run of bytes at a random position: the product of
    /// the bytes' frequencies (unseen bytes count as 1 in a million, so a window
    /// of them still ranks by its other bytes).
    static func windowCost(_ bytes: ArraySlice<UInt8>) -> Double {
        bytes.reduce(1.0) { $0 * Double(max(perMillion[Int($1)], 1)) / 1e6 }
    }
}
