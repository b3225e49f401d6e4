#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A double written with a fixed number of decimals, as C's `%.Nf` writes it (correctly
/// rounded, in the C locale: the tool never switches locales).
///
/// Instead of Foundation's `String(format:)`: that one call linked Foundation's
/// Objective-C layer, CoreFoundation and ICU into the binary, 1.5 ms of every start-up
/// (docs/PERFORMANCE.md, seventh pass).
package enum FixedDecimalText {
    /// `value` with `fractionDigits` (0–20) decimals: `1234567890.13`, `-0.0`, `inf`, `nan`.
    package static func format(_ value: Double, fractionDigits: Int) -> String {
        let digits = Int32(min(max(fractionDigits, 0), 20))
        // The largest double has 309 integer digits; with the sign, point and decimals, 340 fit.
        var buffer = [CChar](repeating: 0, count: 340)
        let written = withVaList([digits, value]) { arguments in
            buffer.withUnsafeMutableBufferPointer { p in
                vsnprintf(p.baseAddress!, p.count, "%.*f", arguments)
            }
        }
        guard written > 0 else { return "" }
        // vsnprintf ends the text with a NUL, also when it had to cut it.
        return buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }
}
