import LogScanEngine
import LogScanAnalysis

/// A JSON value whose objects keep their keys in the order written, rendered deterministically.
indirect enum OrderedJSON {
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
        var out = ""
        render(into: &out, indent: 0)
        return out
    }

    /// On one line with no spaces (JSON Lines), with the same number and string rules.
    func renderedCompact() -> String {
        var out = ""
        renderCompact(into: &out)
        return out
    }

    private func renderCompact(into out: inout String) {
        switch self {
        case .array(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                item.renderCompact(into: &out)
            }
            out += "]"
        case .object(let members):
            out += "{"
            for (i, (key, item)) in members.enumerated() {
                if i > 0 { out += "," }
                OrderedJSON.quote(key, into: &out)
                out += ":"
                item.renderCompact(into: &out)
            }
            out += "}"
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

    private func render(into out: inout String, indent: Int) {
        WorkMeter.tick()
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .integer(let i): out += String(i)
        case .number(let d): out += ReportNumber.format(d)
        case .string(let s): OrderedJSON.quote(s, into: &out)
        case .array(let items):
            if items.isEmpty {
                out += "[]"
            } else if items.allSatisfy(\.isScalar) {
                out += "["
                for (i, item) in items.enumerated() {
                    if i > 0 { out += ", " }
                    item.render(into: &out, indent: indent)
                }
                out += "]"
            } else {
                let pad = String(repeating: " ", count: indent + 2)
                out += "[\n"
                for (i, item) in items.enumerated() {
                    out += pad
                    item.render(into: &out, indent: indent + 2)
                    out += i == items.count - 1 ? "\n" : ",\n"
                }
                out += String(repeating: " ", count: indent) + "]"
            }
        case .object(let members):
            if members.isEmpty {
                out += "{}"
                return
            }
            let pad = String(repeating: " ", count: indent + 2)
            out += "{\n"
            for (i, (key, value)) in members.enumerated() {
                out += pad
                OrderedJSON.quote(key, into: &out)
                out += ": "
                value.render(into: &out, indent: indent + 2)
                out += i == members.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: " ", count: indent) + "}"
        }
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped, the rest as UTF-8.
    static func quote(_ s: String, into out: inout String) {
        JSONText.appendQuoted(s, to: &out)
    }
}
