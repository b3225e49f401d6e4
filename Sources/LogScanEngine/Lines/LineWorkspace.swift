/// Fixed scratch memory for rewriting one line (ANSI removal, JSON unescaping).
///
/// Allocated once per scanner with room for the longest line the scanner
/// accepts, so slices into it stay valid for the whole line and nothing is
/// allocated per line.
final class LineWorkspace {
    let capacity: Int
    /// Holds the line without ANSI escape sequences.
    let plain: UnsafeMutablePointer<UInt8>
    /// Holds a JSON message with its escapes resolved.
    let message: UnsafeMutablePointer<UInt8>
    /// Holds the line an envelope carried in a JSON string (Docker's `log`, Loki's
    /// `line`, journald's `MESSAGE`), unescaped.
    let envelope: UnsafeMutablePointer<UInt8>

    init(capacity: Int) {
        self.capacity = capacity
        plain = .allocate(capacity: capacity)
        message = .allocate(capacity: capacity)
        envelope = .allocate(capacity: capacity)
    }

    deinit {
        plain.deallocate()
        message.deallocate()
        envelope.deallocate()
    }

    /// `line` without ANSI escape sequences (CSI `ESC [ ... final`, and two-byte `ESC x`).
    /// Returns `line` itself when it has none.
    func removingANSI(_ line: ByteSlice) -> ByteSlice {
        guard line.firstIndex(of: 0x1B) != nil else { return line }
        var o = 0
        var i = 0
        let n = min(line.count, capacity)
        while i < n {
            let c = line[i]
            if c == 0x1B {
                i += 1
                if i < n, line[i] == UInt8(ascii: "[") {
                    i += 1
                    // Parameters and intermediates, then one final byte in 0x40...0x7E.
                    while i < n, !(0x40...0x7E).contains(line[i]) { i += 1 }
                    i += 1
                } else {
                    i += 1
                }
                continue
            }
            plain[o] = c
            o += 1
            i += 1
        }
        return ByteSlice(plain, o)
    }

    /// A JSON string's content with escapes resolved, or the content itself when it has none.
    func unescapingJSON(_ s: ByteSlice, escaped: Bool) -> ByteSlice {
        guard escaped else { return s }
        return ByteSlice(message, JSONUnescape.unescape(s, into: message, capacity: capacity))
    }

    /// An envelope's line with escapes resolved, in `envelope`.
    func unescapingEnvelope(_ s: ByteSlice, escaped: Bool) -> ByteSlice {
        guard escaped else { return s }
        return ByteSlice(envelope, JSONUnescape.unescape(s, into: envelope, capacity: capacity))
    }
}
