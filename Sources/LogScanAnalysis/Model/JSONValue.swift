import FoundationEssentials

/// A JSON document read without a schema (a baseline report, whatever version wrote it).
///
/// Decoded by FoundationEssentials' `JSONDecoder`; Foundation's `JSONSerialization` would
/// link Foundation's Objective-C layer, CoreFoundation and ICU into the binary, 1.5 ms of
/// every start-up (docs/PERFORMANCE.md, seventh pass). The accessors answer as the casts
/// of a `JSONSerialization` tree did: nil for a member of another type.
enum JSONValue: Decodable {
    case null
    case bool(Bool)
    /// A number written as an integer that fits 64 bits.
    case integer(Int64)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    /// The document in `data`; nil when it is not JSON.
    static func parse(_ data: Data) -> JSONValue? {
        try? JSONDecoder().decode(JSONValue.self, from: data)
    }

    subscript(key: String) -> JSONValue? {
        if case .object(let members) = self { members[key] } else { nil }
    }

    var object: [String: JSONValue]? {
        if case .object(let members) = self { members } else { nil }
    }

    /// The elements when every one is an object (as `as? [[String: Any]]` answered).
    var objects: [JSONValue]? {
        guard case .array(let elements) = self else { return nil }
        return elements.allSatisfy { $0.object != nil } ? elements : nil
    }

    var string: String? {
        if case .string(let text) = self { text } else { nil }
    }

    var bool: Bool? {
        if case .bool(let value) = self { value } else { nil }
    }

    var double: Double? {
        switch self {
        case .integer(let value): Double(value)
        case .number(let value): value
        default: nil
        }
    }

    /// The number toward zero as a 64-bit integer; nil beyond its range or for NaN.
    var int64: Int64? {
        switch self {
        case .integer(let value): value
        case .number(let value): value.isFinite && abs(value) < 9.2e18 ? Int64(value.rounded(.towardZero)) : nil
        default: nil
        }
    }
}
