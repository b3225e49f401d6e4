import Foundation
import Testing
@testable import LogScanEngine
import TestSupport

/// JSON string literals, written into a String or into bytes: the same escapes, exact text,
/// and text that every JSON parser reads back as the original string.
@Suite struct JSONTextTests {
    static let cases: [(String, String)] = [
        ("plain_channel", #""plain_channel""#),
        ("say \"hi\"", #""say \"hi\"""#),
        (#"C:\logs"#, #""C:\\logs""#),
        ("a\nb\rc\td", #""a\nb\rc\td""#),
        ("bell\u{07} del\u{7F} esc\u{1B}[31m", #""bell\u0007 del\u007f esc\u001b[31m""#),
        ("ünïcödé ✓ 🚀 \u{202E}", "\"ünïcödé ✓ 🚀 \u{202E}\""),
        ("", #""""#),
    ]

    @Test(arguments: 0..<cases.count)
    func stringsAndBytesGiveTheSameLiteral(index: Int) throws {
        let (value, literal) = Self.cases[index]
        var text = ""
        JSONText.appendQuoted(value, to: &text)
        var bytes: [UInt8] = []
        JSONText.appendQuoted(value, to: &bytes)
        #expect(text == literal)
        #expect(bytes == Array(literal.utf8))
        let decoded = try JSONDecoder().decode(String.self, from: Data(bytes))
        #expect(decoded == value)
    }

    /// The word-at-a-time check finds an escape byte at every position of strings of every
    /// length up to 40, among bytes next to the escaped ones (0x1F–0x21, 0x5B–0x5D, 0x7E,
    /// 0x80, 0xFF: a borrow must not hide or invent one), and says none where there is none.
    @Test func theWordCheckFindsEveryEscapeByte() {
        let plain: [UInt8] = [0x20, 0x21, 0x23, 0x5B, 0x5D, 0x7E, 0x80, 0x81, 0xDF, 0xFF, 0x41]
        let escaped: [UInt8] = [0x00, 0x01, 0x09, 0x0A, 0x1F, 0x22, 0x5C, 0x7F]
        var random = SplitMix(seed: 0x15C)
        for length in 0...40 {
            for _ in 0..<20 {
                let bytes = (0..<length).map { _ in plain.randomElement(using: &random)! }
                #expect(!bytes.withUnsafeBufferPointer(JSONText.containsEscape), "\(bytes)")
                for position in 0..<length {
                    var with = bytes
                    with[position] = escaped.randomElement(using: &random)!
                    #expect(with.withUnsafeBufferPointer(JSONText.containsEscape), "\(with) at \(position)")
                }
            }
        }
    }
}
