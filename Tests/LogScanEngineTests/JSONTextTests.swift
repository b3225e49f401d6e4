import Foundation
import Testing
@testable import LogScanEngine

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
}
