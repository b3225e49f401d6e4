import Foundation
import Testing
@testable import LogScanEngine
import TestSupport

/// The engine's own versions of the few Foundation calls it made (the binary no longer
/// links Foundation's Objective-C layer): each answers as Foundation did, checked against
/// Foundation itself, which the tests may link.
@Suite struct FoundationReplacementTests {
    // MARK: - FixedDecimalText (was String(format: "%.Nf"))

    @Test(arguments: [0, 1, 2, 3, 6])
    func fixedDecimalsAsStringFormat(digits: Int) {
        var random = SplitMix(seed: 0x5EED_0000 + UInt64(digits))
        var values: [Double] = [0, -0.0, 0.5, 1.5, 2.5, -2.5, 0.125, 0.135, 1e9, 1_234_567_890.125,
                                9.995, 1e15, 1.7976931348623157e308, -1e-300, 5e-324,
                                .infinity, -.infinity, .nan]
        for _ in 0..<2000 {
            let magnitude = Double.random(in: -3...15, using: &random)
            values.append((Bool.random(using: &random) ? -1 : 1) * Foundation.pow(10, magnitude) * Double.random(in: 1..<10, using: &random))
            values.append(Double(bitPattern: random.next()))
        }
        for value in values {
            #expect(FixedDecimalText.format(value, fractionDigits: digits) == String(format: "%.\(digits)f", value), "\(value)")
        }
    }

    @Test func fixedDecimalsOutOfRangeAreClamped() {
        #expect(FixedDecimalText.format(1.25, fractionDigits: -3) == "1")
        #expect(FixedDecimalText.format(0.1, fractionDigits: 99) == String(format: "%.20f", 0.1))
    }

    // MARK: - replacingEvery (was replacingOccurrences(of:with:))

    @Test func replacingEveryAsFoundationOnPlainText() {
        let cases = ["", "no quote", "\"", "a\"b\"\"c", "\"\"\"", "é\"ü\"漢字", "tab\tand \"quote\"", "emoji 🧯\"🔥"]
        for text in cases {
            #expect(text.replacingEvery("\"", with: "\\\"") == text.replacingOccurrences(of: "\"", with: "\\\""), "\(text)")
            #expect(text.replacingEvery("\"", with: "") == text.replacingOccurrences(of: "\"", with: ""), "\(text)")
        }
    }

    /// By scalar, deliberately: a `\n` inside a `\r\n` grapheme or a quote carrying a
    /// combining mark is still found (an escape must not miss one a grapheme hides).
    @Test func replacingEveryFindsScalarsGraphemesHide() {
        #expect("a\r\nb".replacingEvery("\n", with: "\\n") == "a\r\\nb")
        #expect("x\"\u{301}y".replacingEvery("\"", with: "'") == "x'\u{301}y")
        #expect("1_000_000".replacingEvery("_", with: "") == "1000000")
    }

    // MARK: - trimmingWhitespace (was trimmingCharacters(in: .whitespaces))

    @Test func trimmingWhitespaceAsFoundation() {
        let spaces = [" ", "\t", "\u{A0}", "\u{1680}", "\u{2000}", "\u{2003}", "\u{200A}", "\u{200B}", "\u{202F}", "\u{205F}", "\u{3000}"]
        let kept = ["", "x", "a b", "\n", "x\n", "\r\n", "\u{200C}", "\u{180E}", "\u{FEFF}", "é", "\u{1F525}", "\u{85}", "\u{2028}", "\u{0B}"]
        var random = SplitMix(seed: 7)
        for _ in 0..<3000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...6, using: &random) {
                text += Bool.random(using: &random) ? spaces.randomElement(using: &random)! : kept.randomElement(using: &random)!
            }
            #expect(text.trimmingWhitespace == text.trimmingCharacters(in: .whitespaces), "\(Array(text.unicodeScalars))")
            #expect(text[...].trimmingWhitespace == text.trimmingCharacters(in: .whitespaces))
        }
    }

    // MARK: - padded(to:) (was padding(toLength:withPad:startingAt:) on short labels)

    @Test func paddedFillsToTheWidthAndKeepsLongerText() {
        #expect("warning".padded(to: 9) == "warning  ")
        #expect("".padded(to: 3) == "   ")
        #expect("critical".padded(to: 8) == "critical")
        #expect("Time range".padded(to: 13) == "Time range".padding(toLength: 13, withPad: " ", startingAt: 0))
        // Counted in characters, as a terminal shows them.
        #expect("café".padded(to: 6) == "café  ")
        #expect("a very long label".padded(to: 5) == "a very long label")
    }

    // MARK: - ConditionLock (was NSCondition)

    @Test func aTimedWaitRunsOutWithoutABroadcast() {
        let lock = ConditionLock()
        let start = DispatchTime.now().uptimeNanoseconds
        let woken = lock.withLock { lock.wait(seconds: 0.05) }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        #expect(!woken)
        #expect(elapsed >= 0.045)
        #expect(lock.withLock { lock.wait(seconds: 0) } == false)
        #expect(lock.withLock { lock.wait(seconds: -1) } == false)
        #expect(lock.withLock { lock.wait(seconds: .nan) } == false)
    }

    @Test func aBroadcastWakesTheWaiter() {
        final class Box: @unchecked Sendable { var ready = false }
        let lock = ConditionLock()
        let box = Box()
        let started = WorkerThreads.startDetached(name: "test-broadcast") {
            lock.withLock {
                box.ready = true
                lock.broadcast()
            }
        }
        #expect(started)
        let deadline = DispatchTime.now().uptimeNanoseconds + 10_000_000_000
        lock.withLock {
            while !box.ready, DispatchTime.now().uptimeNanoseconds < deadline { lock.wait(seconds: 1) }
        }
        #expect(lock.withLock { box.ready })
    }
}
