extension String {
    /// Padded with spaces to `width` characters; a longer string is kept whole (labels
    /// and severities are short, and a cut one would mislead).
    package func padded(to width: Int) -> String {
        let count = self.count
        return count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
