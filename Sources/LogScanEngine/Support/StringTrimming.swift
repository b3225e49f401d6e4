extension String {
    /// Without leading and trailing spaces (option values, TOML keys).
    package var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }

    /// Without leading and trailing tabs and spaces: the characters Foundation's
    /// `trimmingCharacters(in: .whitespaces)` removes (CoreFoundation's list: tab, the space
    /// separators and the zero-width space U+200B), line ends kept.
    package var trimmingWhitespace: String {
        func isWhitespace(_ s: Unicode.Scalar) -> Bool {
            switch s.value {
            case 0x09, 0x20, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: true
            default: false
            }
        }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !isWhitespace($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !isWhitespace($0) })!
        return String(scalars[first...last])
    }
}

extension Substring {
    /// As `String.trimmingWhitespace`.
    package var trimmingWhitespace: String { String(self).trimmingWhitespace }
}
