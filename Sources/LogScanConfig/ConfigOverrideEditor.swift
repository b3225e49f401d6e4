import FoundationEssentials
import TOMLKit

/// Applies a `ConfigOverride` snippet to its file the way a person would: the key's value
/// is replaced where the file already sets it, the key is added to its table when the
/// table is there, and the snippet is appended otherwise. TOML forbids defining a table
/// twice, so pasting the snippet at the end of a file that has the table would break it.
public enum ConfigOverrideEditor {
    /// Applies the override to its file on disk, creating the file and its folders when missing.
    public static func apply(_ override: ConfigOverride) throws(ConfigError) {
        let url = URL(fileURLWithPath: override.file)
        var text = ""
        if FileManager.default.fileExists(atPath: override.file) {
            do {
                text = try String(contentsOf: url, encoding: .utf8)
            } catch {
                throw ConfigError(path: override.file, reason: ConfigFile.readFailureReason(path: override.file, error: error))
            }
        }
        let edited = try apply(override.toml, to: text, file: override.file)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try edited.write(to: url, atomically: true, encoding: .utf8)
        } catch {
            throw ConfigError(path: override.file, reason: "cannot write: \(FileErrorReason.of(error))")
        }
    }

    /// The text of a file after applying a snippet of one table header and one `key = value`.
    /// `file` names the file in errors.
    public static func apply(_ snippet: String, to text: String, file: String) throws(ConfigError) -> String {
        let (snippetHeaders, snippetKeys) = TOMLLineScanner.scan(snippet)
        guard let header = snippetHeaders.last, snippetKeys.count == 1, let key = snippetKeys.first,
              key.path.starts(with: header.path), key.path.count > header.path.count else {
            throw ConfigError(path: file, reason: "the override is not one table header and one key")
        }
        let snippetBytes = Array(snippet.utf8)
        let valueText = Array(snippetBytes[key.valueRange])
        let relativeKey = TOMLKeyPath.render(Array(key.path.dropFirst(header.path.count)))

        var bytes = Array(text.utf8)
        let (headers, keys) = TOMLLineScanner.scan(text)
        if let existing = keys.first(where: { $0.path == key.path && !$0.inArrayTable }) {
            guard existing.line == existing.valueEndLine else {
                throw ConfigError(path: file, line: existing.line, column: 1,
                                  reason: "`\(relativeKey)` spans several lines: edit it by hand")
            }
            bytes.replaceSubrange(existing.valueRange, with: valueText)
        } else if let table = headers.first(where: { $0.path == header.path && !$0.isArrayTable }) {
            let nextHeaderLine = headers.first { $0.line > table.line }?.line ?? Int.max
            let lastLine = keys.filter { $0.line > table.line && $0.line < nextHeaderLine }.map(\.valueEndLine).max()
                ?? table.line
            let offset = startOfLine(lastLine + 1, in: &bytes)
            bytes.insert(contentsOf: Array("\(relativeKey) = ".utf8) + valueText + [0x0A], at: offset)
        } else {
            if let last = bytes.last, last != 0x0A { bytes.append(0x0A) }
            if !bytes.isEmpty { bytes.append(0x0A) }
            bytes += Array("\(TOMLKeyPath.header(header.path))\n\(relativeKey) = ".utf8) + valueText + [0x0A]
        }
        let edited = String(decoding: bytes, as: UTF8.self)
        do {
            _ = try TOMLTable(string: edited)
        } catch let error as TOMLParseError {
            throw ConfigError(path: file, line: error.source.begin.line, column: error.source.begin.column,
                              reason: "the override does not fit this file: \(error.description)")
        } catch {
            throw ConfigError(path: file, reason: "the override does not fit this file: \(error)")
        }
        return edited
    }

    /// Byte offset where 1-based `line` starts; past the last line, the end of the text
    /// (after adding the missing final newline).
    private static func startOfLine(_ line: Int, in bytes: inout [UInt8]) -> Int {
        var current = 1
        var offset = 0
        while current < line {
            guard let newline = bytes[offset...].firstIndex(of: 0x0A) else {
                bytes.append(0x0A)
                return bytes.count
            }
            offset = newline + 1
            current += 1
        }
        return offset
    }
}
