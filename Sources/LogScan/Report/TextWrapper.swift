/// Word wrapping for the text formats.
enum TextWrapper {
    /// `text` wrapped at word boundaries to `width` columns, every line indented by
    /// `indent` spaces; a word longer than the room is left whole on its own line.
    static func lines(_ text: String, indent: Int, width: Int) -> [String] {
        let pad = String(repeating: " ", count: indent)
        let available = max(width - indent, 20)
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count <= available {
                current += " " + word
            } else {
                lines.append(pad + current)
                current = String(word)
            }
        }
        lines.append(pad + current)
        return lines
    }
}
