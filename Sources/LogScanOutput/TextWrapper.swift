import LogScanEngine

/// Word wrapping for the text formats.
enum TextWrapper {
    /// `text` wrapped at word boundaries to `width` columns, every line indented by
    /// `indent` spaces; a word longer than the room is cut across lines, so no line is
    /// wider than `width` (the room is at least 20 columns).
    static func lines(_ text: String, indent: Int, width: Int) -> [String] {
        let pad = String(repeating: " ", count: indent)
        let available = max(width - indent, 20)
        var lines: [String] = []
        var current = ""
        var currentCount = 0
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            WorkMeter.tick()
            var word = Substring(word)
            var count = word.count
            if currentCount > 0, currentCount + 1 + count <= available {
                current += " " + word
                currentCount += 1 + count
                continue
            }
            if currentCount > 0 { lines.append(pad + current) }
            while count > available {
                lines.append(pad + word.prefix(available))
                word = word.dropFirst(available)
                count -= available
            }
            current = String(word)
            currentCount = count
        }
        lines.append(pad + current)
        return lines
    }
}
