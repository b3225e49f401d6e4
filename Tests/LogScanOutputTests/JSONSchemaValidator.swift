import Foundation

/// A small JSON Schema (draft 2020-12) validator over `JSONSerialization` values, for the
/// keywords docs/report.schema.json uses: type (with type arrays for nullable values),
/// properties, required, additionalProperties, items, enum, const, oneOf, $ref into $defs,
/// minimum, exclusiveMinimum, exclusiveMaximum. Unknown keywords (format, description) are ignored.
struct JSONSchemaValidator {
    let root: [String: Any]

    init(schema: Data) throws {
        guard let root = try JSONSerialization.jsonObject(with: schema) as? [String: Any] else {
            throw CocoaError(.propertyListReadCorrupt)
        }
        self.root = root
    }

    /// Every violation as `path: message`; empty when `instance` is valid.
    func validate(_ instance: Any) -> [String] {
        var errors: [String] = []
        validate(instance, against: root, at: "$", errors: &errors)
        return errors
    }

    /// Parses `json` and validates it.
    func validate(json: String) throws -> [String] {
        validate(try JSONSerialization.jsonObject(with: Data(json.utf8), options: [.fragmentsAllowed]))
    }

    private func resolve(_ reference: String) -> [String: Any]? {
        guard reference.hasPrefix("#/") else { return nil }
        var node: Any = root
        for part in reference.dropFirst(2).split(separator: "/") {
            guard let object = node as? [String: Any], let next = object[String(part)] else { return nil }
            node = next
        }
        return node as? [String: Any]
    }

    private func validate(_ value: Any, against schema: [String: Any], at path: String, errors: inout [String]) {
        if let reference = schema["$ref"] as? String {
            guard let target = resolve(reference) else {
                errors.append("\(path): unresolvable $ref \(reference)")
                return
            }
            validate(value, against: target, at: path, errors: &errors)
        }
        if let types = schema["type"] {
            let allowed = (types as? [String]) ?? [types as? String].compactMap { $0 }
            if !allowed.contains(where: { Self.matches(value, type: $0) }) {
                errors.append("\(path): expected \(allowed.joined(separator: " or ")), got \(Self.typeName(value))")
                return
            }
        }
        if let options = schema["enum"] as? [Any], !options.contains(where: { Self.equal($0, value) }) {
            errors.append("\(path): \(value) is not one of the enum values")
        }
        if let constant = schema["const"], !Self.equal(constant, value) {
            errors.append("\(path): expected the constant \(constant)")
        }
        if let number = Self.number(value) {
            if let minimum = (schema["minimum"] as? NSNumber)?.doubleValue, number < minimum {
                errors.append("\(path): \(number) is below the minimum \(minimum)")
            }
            if let bound = (schema["exclusiveMinimum"] as? NSNumber)?.doubleValue, number <= bound {
                errors.append("\(path): \(number) is not above \(bound)")
            }
            if let bound = (schema["exclusiveMaximum"] as? NSNumber)?.doubleValue, number >= bound {
                errors.append("\(path): \(number) is not below \(bound)")
            }
        }
        if let branches = schema["oneOf"] as? [[String: Any]] {
            let passing = branches.filter { branch in
                var branchErrors: [String] = []
                validate(value, against: branch, at: path, errors: &branchErrors)
                return branchErrors.isEmpty
            }
            if passing.count != 1 {
                errors.append("\(path): matches \(passing.count) of the oneOf schemas, expected exactly 1")
            }
        }
        if let object = value as? [String: Any] {
            let properties = schema["properties"] as? [String: [String: Any]] ?? [:]
            for name in schema["required"] as? [String] ?? [] where object[name] == nil {
                errors.append("\(path): missing required property \(name)")
            }
            for key in object.keys.sorted() {
                if let propertySchema = properties[key] {
                    validate(object[key]!, against: propertySchema, at: "\(path).\(key)", errors: &errors)
                } else if let additional = schema["additionalProperties"] {
                    if let allowed = additional as? Bool, Self.isBoolean(additional as AnyObject) {
                        if !allowed { errors.append("\(path): unexpected property \(key)") }
                    } else if let additionalSchema = additional as? [String: Any] {
                        validate(object[key]!, against: additionalSchema, at: "\(path).\(key)", errors: &errors)
                    }
                }
            }
        }
        if let array = value as? [Any], let items = schema["items"] as? [String: Any] {
            for (index, item) in array.enumerated() {
                validate(item, against: items, at: "\(path)[\(index)]", errors: &errors)
            }
        }
    }

    // JSONSerialization on Linux gives NSNumber for numbers and a boolean NSNumber subclass for true/false.
    static func isBoolean(_ value: Any) -> Bool { String(describing: type(of: value)).contains("Boolean") }

    static func number(_ value: Any) -> Double? {
        guard !isBoolean(value), let n = value as? NSNumber, !(value is String) else { return nil }
        return n.doubleValue
    }

    static func matches(_ value: Any, type: String) -> Bool {
        switch type {
        case "null": value is NSNull
        case "boolean": isBoolean(value)
        case "string": value is String
        case "number": number(value) != nil
        case "integer": number(value).map { $0.rounded() == $0 } ?? false
        case "array": value is [Any]
        case "object": value is [String: Any]
        default: false
        }
    }

    static func typeName(_ value: Any) -> String {
        for type in ["null", "boolean", "integer", "number", "string", "array", "object"] where matches(value, type: type) {
            return type
        }
        return "\(Swift.type(of: value))"
    }

    static func equal(_ a: Any, _ b: Any) -> Bool {
        if a is NSNull || b is NSNull { return a is NSNull && b is NSNull }
        if isBoolean(a) || isBoolean(b) {
            return isBoolean(a) && isBoolean(b) && (a as? Bool) == (b as? Bool)
        }
        if let x = number(a), let y = number(b) { return x == y }
        if let x = a as? String, let y = b as? String { return x == y }
        return false
    }
}
