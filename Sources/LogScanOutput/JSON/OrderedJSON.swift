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

    /// Pretty-printed with two-space indentation; arrays of scalars stay on one line.
    func rendered() -> String {
        // Written as bytes, then one String: a large report (an event storm's) is hundreds of
        // thousands of small pieces, and appending each to a String cost more than the rest.
        var out: [UInt8] = []
        out.reserveCapacity(1 << 16)
        render(into: &out, indent: 0)
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
        func add(_ text: String) { out.append(contentsOf: text.utf8) }
        func pad(_ width: Int) { out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: width)) }
        switch self {
        case .null: add("null")
        case .bool(let b): add(b ? "true" : "false")
        case .integer(let i): add(String(i))
        case .number(let d): add(ReportNumber.format(d))
        case .string(let s): JSONText.appendQuoted(s, to: &out)
        case .array(let items):
            if items.isEmpty {
                add("[]")
            } else if items.allSatisfy(\.isScalar) {
                out.append(UInt8(ascii: "["))
                for (i, item) in items.enumerated() {
                    if i > 0 { add(", ") }
                    item.render(into: &out, indent: indent)
                }
                out.append(UInt8(ascii: "]"))
            } else {
                add("[\n")
                for (i, item) in items.enumerated() {
                    pad(indent + 2)
                    item.render(into: &out, indent: indent + 2)
                    add(i == items.count - 1 ? "\n" : ",\n")
                }
                pad(indent)
                out.append(UInt8(ascii: "]"))
            }
        case .object(let members):
            if members.isEmpty {
                add("{}")
                return
            }
            add("{\n")
            for (i, (key, value)) in members.enumerated() {
                pad(indent + 2)
                JSONText.appendQuoted(key, to: &out)
                add(": ")
                value.render(into: &out, indent: indent + 2)
                add(i == members.count - 1 ? "\n" : ",\n")
            }
            pad(indent)
            out.append(UInt8(ascii: "}"))
        }
    }
}
