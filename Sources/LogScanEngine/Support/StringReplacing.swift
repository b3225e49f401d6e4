extension String {
    /// Every `scalar` replaced by `replacement`, matched by Unicode scalar, not by
    /// `Character`: the `\n` of a `\r\n` pair or a `"` followed by a combining mark is
    /// replaced too (escaping for a report must not miss one that a grapheme hides).
    package func replacingEvery(_ scalar: Unicode.Scalar, with replacement: String) -> String {
        guard unicodeScalars.contains(scalar) else { return self }
        var out = String.UnicodeScalarView()
        for s in unicodeScalars {
            if s == scalar { out.append(contentsOf: replacement.unicodeScalars) } else { out.append(s) }
        }
        return String(out)
    }
}
