import Foundation
import Testing
@testable import LogScanEngine
import TestSupport

/// Field numbers read by the fast path for plain decimals are bit for bit what `strtod`
/// reads, and every other text still goes through `strtod` (or is refused) as before.
@Suite struct DecimalParsingTests {
    static func parsed(_ text: String) -> Double? {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { ByteSlice($0.baseAddress!, $0.count).double }
    }

    static func strtodValue(_ text: String) -> Double? {
        var end: UnsafeMutablePointer<CChar>?
        return text.withCString { start -> Double? in
            let v = strtod(start, &end)
            guard let end, end - UnsafeMutablePointer(mutating: start) == text.utf8.count, v.isFinite else { return nil }
            return v
        }
    }

    @Test func plainDecimalsAreReadAsStrtodReadsThem() {
        var generator = SplitMix(seed: 14)
        var texts = ["0", "0.0", "-0", "-0.0", "+5", "100", "82.38", "82.41000000000001", "84.11999999999999",
                     "96.17999999999999", "99.96000000000001", "0.05639821847698018", "9007199254740992",
                     "9007199254740993", "900719925474099.3", "123456789012345678", "1.0000000000000002",
                     "0.1", "0.2", "0.30000000000000004", "1e5", "1.5E-3", ".5", "5.", "1.2.3", "--1", "+", "-", ""]
        for _ in 0..<20_000 {
            let whole = UInt64.random(in: 0...999, using: &generator)
            let fractionDigits = Int.random(in: 0...17, using: &generator)
            var text = String(whole)
            if fractionDigits > 0 {
                text += "." + String((0..<fractionDigits).map { _ in Character(String(Int.random(in: 0...9, using: &generator))) })
            }
            texts.append(Bool.random(using: &generator) ? text : "-" + text)
        }
        for text in texts where !text.isEmpty {
            let fast = Self.parsed(text)
            let reference = Self.strtodValue(text)
            #expect(fast?.bitPattern == reference?.bitPattern, "\(text)")
        }
    }

    @Test func hexInfinityAndNoiseAreStillRefused() {
        for text in ["0x10", "inf", "nan", "1e999", " 5", "5 ", "5%", "½"] {
            #expect(Self.parsed(text) == nil, "\(text)")
        }
    }
}
