import Testing
@testable import LogScanEngine

/// `LineParser.levelLength` picks the word by its first byte; the word list it replaced
/// (tried in turn, WARNING before WARN) is the oracle.
@Suite struct LevelWordTests {
    static let words: [(String, Int)] = [
        ("TRACE", 5), ("DEBUG", 5), ("INFO", 4), ("WARNING", 7), ("WARN", 4), ("ERROR", 5), ("FATAL", 5),
    ]

    static func oracle(_ s: [UInt8]) -> Int? {
        for (word, n) in words where s.starts(with: Array(word.utf8)) && (s.count == n || s[n] == 0x20) { return n }
        return nil
    }

    static func levelLength(_ s: [UInt8]) -> Int? {
        s.withUnsafeBufferPointer { p in
            LineParser.levelLength(ByteSlice(p.baseAddress ?? UnsafePointer(bitPattern: 1)!, p.count))
        }
    }

    @Test func everyWordPrefixAndSuffixReadsAsTheWordListDid() {
        var cases: [[UInt8]] = [[], [0x20], Array("  INFO".utf8), Array("info x".utf8)]
        for (word, _) in Self.words {
            let w = Array(word.utf8)
            for cut in 0...w.count {
                for tail in ["", " ", "x", "ING", "ING ", "  msg", "\t", ":"] {
                    cases.append(Array(w[..<cut]) + Array(tail.utf8))
                }
            }
        }
        for s in cases {
            #expect(Self.levelLength(s) == Self.oracle(s), "\(String(decoding: s, as: UTF8.self).debugDescription)")
        }
        #expect(Self.levelLength(Array("WARNING x".utf8)) == 7)
        #expect(Self.levelLength(Array("WARN x".utf8)) == 4)
        #expect(Self.levelLength(Array("WARNINGS x".utf8)) == nil)
    }
}
