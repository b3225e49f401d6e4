import Foundation
import Testing
@testable import LogScanConfig
import TestSupport

/// `SizingNumber.round` rounds on `Decimal`'s digits; it answers as Foundation's
/// `NSDecimalRound` did (`.plain` and `.up`), which the sizing formula used before the
/// binary stopped linking Foundation's Objective-C layer.
@Suite struct SizingNumberRoundingTests {
    static func foundationRound(_ value: Decimal, _ scale: Int, _ mode: NSDecimalNumber.RoundingMode) -> Decimal {
        var input = value
        var output = Decimal()
        NSDecimalRound(&output, &input, scale, mode)
        return output
    }

    static func randomDecimal(_ random: inout SplitMix) -> Decimal {
        let integer = Int.random(in: 0...6, using: &random)
        let fraction = Int.random(in: 0...9, using: &random)
        var text = Bool.random(using: &random) ? "-" : ""
        text += integer == 0 ? "0" : String((0..<integer).map { _ in "0123456789".randomElement(using: &random)! })
        if fraction > 0 {
            // Ties and carries (…5, …9) more often than chance would give them.
            let digits = Bool.random(using: &random) ? "0123456789" : "0599"
            text += "." + String((0..<fraction).map { _ in digits.randomElement(using: &random)! })
        }
        return Decimal(string: text)!
    }

    @Test func asNSDecimalRoundOnRandomDecimals() {
        var random = SplitMix(seed: 0xDEC1_3A1)
        for _ in 0..<20_000 {
            let value = Self.randomDecimal(&random)
            let scale = Int.random(in: 0...6, using: &random)
            #expect(SizingNumber.round(value, scale: scale, mode: .plain) == Self.foundationRound(value, scale, .plain), "\(value) to \(scale)")
            #expect(SizingNumber.round(value, scale: scale, mode: .up) == Self.foundationRound(value, scale, .up), "\(value) up to \(scale)")
        }
    }

    @Test func theFormulasCases() {
        #expect(SizingNumber.round(Decimal(string: "0.125")!, scale: 2, mode: .plain) == Decimal(string: "0.13")!)
        #expect(SizingNumber.round(Decimal(string: "-0.125")!, scale: 2, mode: .plain) == Decimal(string: "-0.13")!)
        #expect(SizingNumber.round(Decimal(string: "9.995")!, scale: 2, mode: .plain) == 10)
        #expect(SizingNumber.round(Decimal(string: "1.001")!, scale: 0, mode: .up) == 2)
        #expect(SizingNumber.round(Decimal(string: "-1.9")!, scale: 0, mode: .up) == -1)
        #expect(SizingNumber.round(10, scale: 0, mode: .up) == 10)
        #expect(SizingNumber.round(Decimal.nan, scale: 2, mode: .plain).isNaN)
    }

    @Test func formatKeepsTheFractionDigitsAsked() {
        #expect(SizingNumber.format(Decimal(string: "0.01")!, minFraction: 3, maxFraction: 3) == "0.010")
        #expect(SizingNumber.format(10, minFraction: 1, maxFraction: 3) == "10.0")
        #expect(SizingNumber.format(Decimal(string: "2.34567")!, maxFraction: 3) == "2.346")
    }
}
