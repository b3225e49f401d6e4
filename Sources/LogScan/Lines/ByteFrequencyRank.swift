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
}
