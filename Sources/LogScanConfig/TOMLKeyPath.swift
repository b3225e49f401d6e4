/// Writing TOML key paths the way a person would type them in a table header.
package enum TOMLKeyPath {
    /// `["mpsc_channels", "shared", "ffi"]` → `mpsc_channels.shared.ffi`; keys that are not
    /// bare keys are quoted.
    static func render(_ path: [String]) -> String {
        path.map(renderKey).joined(separator: ".")
    }

    /// One key, quoted when it is not a bare key (`A-Za-z0-9_-`).
    package static func renderKey(_ key: String) -> String {
        let bare = !key.isEmpty && key.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == 0x5F || byte == 0x2D
        }
        if bare { return key }
        var quoted = "\""
        for scalar in key.unicodeScalars {
            switch scalar {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case "\n": quoted += "\\n"
            case "\t": quoted += "\\t"
            default: quoted.unicodeScalars.append(scalar)
            }
        }
        return quoted + "\""
    }

    /// The table header for a path, e.g. `[mpsc_channels.shared.ffi]`.
    package static func header(_ path: [String]) -> String { "[" + render(path) + "]" }
}
