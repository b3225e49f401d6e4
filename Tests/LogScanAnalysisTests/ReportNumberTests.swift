import Foundation
import Testing
import LogScanAnalysis

/// `ReportNumber.format` prints what `%.2f`, trimmed, printed (the reports' numbers are
/// compared byte for byte by the golden tests), without Foundation's formatter on the
/// common values.
@Suite struct ReportNumberTests {
    /// The first implementation, kept as the reference.
    static func reference(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        let rounded = (value * 100).rounded() / 100
        if rounded == rounded.rounded(), abs(rounded) < 1e15 {
            let integer = Int64(rounded)
            return integer == 0 ? "0" : String(integer)
        }
        var text = String(format: "%.2f", rounded)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    @Test(arguments: [97.0, 96.17999999999999, 10.100000000000001, 0.005, 0.004999, -0.005, -0.25, -0.001,
                      0.1, 0.01, 0.09, 0.995, 1.005, 2.675, 99.995, 70.0 / 3, 1e9 - 0.01, 1e9 + 0.25,
                      123_456_789.125, 1e15 + 0.5, 5e15, -7.5, .nan, .infinity, -.infinity, 0, -0.0,
                      Double.ulpOfOne, 1e-300, 4_503_599_627_370_495.5])
    func printsWhatPercentTwoFPrinted(value: Double) {
        #expect(ReportNumber.format(value) == Self.reference(value))
    }

    @Test func agreesOnManyValues() {
        var generator = SystemRandomNumberGenerator()
        var differences: [Double] = []
        for i in 0..<200_000 {
            let scale = [1.0, 100, 10_000, 1e7, 1e10, 1e13][i % 6]
            let value = Double.random(in: -scale...scale, using: &generator)
            if ReportNumber.format(value) != Self.reference(value) { differences.append(value) }
            // Values on and next to the two-decimal grid, where rounding decides.
            let grid = (value * 100).rounded() / 100 + 0.005
            for near in [grid, grid.nextUp, grid.nextDown] where ReportNumber.format(near) != Self.reference(near) {
                differences.append(near)
            }
        }
        #expect(differences.isEmpty, "\(differences.prefix(5))")
    }
}
