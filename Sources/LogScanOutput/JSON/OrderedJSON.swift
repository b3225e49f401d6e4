import LogScanEngine
import LogScanAnalysis

/// A JSON value whose objects keep their keys in the order written, rendered deterministically.
enum OrderedJSON {
    case null
    case bool(Bool)
    case integer(Int64)
    /// Printed with at most two decimals, trimmed (`96.18`, `97`).
    case number(Double)
    case string(String)
    case array([OrderedJSON])
    case object([(String, OrderedJSON)])

    static func integer(_ value: Int) -> OrderedJSON { .integer(Int64(value)) }

    /// `.null` for `nil`, else the transformed value.
    static func optional<T>(_ value: T?, _ transform: (T) -> OrderedJSON) -> OrderedJSON {
        value.map(transform) ?? .null
    }

    /// A timestamp as RFC 3339 UTC.
    static func time(_ t: Timestamp) -> OrderedJSON { .string(t.rfc3339) }

    /// Nanoseconds as seconds.
    static func seconds(_ nanoseconds: Int64) -> OrderedJSON {
        nanoseconds % 1_000_000_000 == 0 ? .integer(nanoseconds / 1_000_000_000) : .number(Double(nanoseconds) / 1e9)
    }

    /// Pretty-printed with two-space indentation; arrays of scalars stay on one line; with a
    /// line end after it when `lineEnd` (a document written to a file: no second copy to add one).
    func rendered(lineEnd: Bool = false) -> String {
        // Written as bytes, then one String: a large report (an event storm's) is hundreds of
        // thousands of small pieces, and appending each to a String cost more than the rest.
        var out: [UInt8] = []
        out.reserveCapacity(1 << 16)
        render(into: &out, indent: 0)
        if lineEnd { out.append(0x0A) }
        return String(decoding: out, as: UTF8.self)
    }

    /// On one line with no spaces (JSON Lines), with the same number and string rules.
    func renderedCompact() -> String {
        var out: [UInt8] = []
        renderCompact(into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private func renderCompact(into out: inout [UInt8]) {
        switch self {
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                item.renderCompact(into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            for (i, (key, item)) in members.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                JSONText.appendQuoted(key, to: &out)
                out.append(UInt8(ascii: ":"))
                item.renderCompact(into: &out)
            }
            out.append(UInt8(ascii: "}"))
        default:
            // Scalars print the same either way.
            render(into: &out, indent: 0)
        }
    }

    private var isScalar: Bool {
        switch self {
        case .array, .object: false
        default: true
        }
    }

    /// Pretty-printed with two-space indentation; arrays of scalars stay on one line.
    private func render(into out: inout [UInt8], indent: Int) {
        WorkMeter.tick()
        switch self {
        case .null: Self.add("null", to: &out)
        case .bool(let b): Self.add(b ? "true" : "false", to: &out)
        case .integer(let i): Self.addDecimal(i, to: &out)
        case .number(let d): out.append(contentsOf: ReportNumber.format(d).utf8)
        case .string(let s): JSONText.appendQuoted(s, to: &out)
        case .array(let items):
            if items.isEmpty {
                Self.add("[]", to: &out)
            } else if items.allSatisfy(\.isScalar) {
                out.append(UInt8(ascii: "["))
                for (i, item) in items.enumerated() {
                    if i > 0 { Self.add(", ", to: &out) }
                    item.render(into: &out, indent: indent)
                }
                out.append(UInt8(ascii: "]"))
            } else {
                Self.add("[\n", to: &out)
                for (i, item) in items.enumerated() {
                    Self.pad(indent + 2, to: &out)
                    item.render(into: &out, indent: indent + 2)
                    Self.add(i == items.count - 1 ? "\n" : ",\n", to: &out)
                }
                Self.pad(indent, to: &out)
                out.append(UInt8(ascii: "]"))
            }
        case .object(let members):
            if members.isEmpty {
                Self.add("{}", to: &out)
                return
            }
            Self.add("{\n", to: &out)
            for (i, (key, value)) in members.enumerated() {
                Self.pad(indent + 2, to: &out)
                JSONText.appendQuoted(key, to: &out)
                Self.add(": ", to: &out)
                value.render(into: &out, indent: indent + 2)
                Self.add(i == members.count - 1 ? "\n" : ",\n", to: &out)
            }
            Self.pad(indent, to: &out)
            out.append(UInt8(ascii: "}"))
        }
    }

    // The pieces are appended from their bytes in place: appending a String's UTF-8 view or
    // a repeated element went through the generic sequence append, 100–180 instructions a
    // piece and over a quarter of writing a report (docs/PERFORMANCE.md, seventh pass).

    @inline(__always)
    private static func add(_ text: StaticString, to out: inout [UInt8]) {
        text.withUTF8Buffer { out.append(contentsOf: $0) }
    }

    private static let spaces: StaticString = "                                                                "

    /// `width` spaces.
    private static func pad(_ width: Int, to out: inout [UInt8]) {
        var left = width
        spaces.withUTF8Buffer { run in
            while left > 0 {
                let n = min(left, run.count)
                out.append(contentsOf: UnsafeBufferPointer(rebasing: run[0..<n]))
                left -= n
            }
        }
    }

    /// `value` in decimal, as `String(value)` writes it.
    private static func addDecimal(_ value: Int64, to out: inout [UInt8]) {
        if value < 0 { out.append(UInt8(ascii: "-")) }
        // The magnitude as unsigned: Int64.min has no positive counterpart.
        var magnitude = value.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0) // 24 bytes: 20 digits fit
        withUnsafeMutableBytes(of: &digits) { buffer in
            var i = buffer.count
            repeat {
                i -= 1
                buffer[i] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[i...]))
        }
    }
}
