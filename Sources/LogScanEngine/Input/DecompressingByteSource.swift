/// Decompresses another source through a `StreamDecoder` (zstd, xz, bzip2; gzip
/// has its own, resynchronising `GzipByteSource`).
///
/// Damage ends the input, but not at once: everything decompressed before it is
/// handed out (its lines and events are kept), then the damage is the input's
/// error, naming the format and the compressed byte where it was found.
final class DecompressingByteSource: ByteSource {
    private let source: ByteSource
    private let decoder: StreamDecoder
    private let input: UnsafeMutablePointer<UInt8>
    private let readSize = 256 * 1024
    private var position = 0
    private var filled = 0
    /// Offset in the compressed input of `input[0]` (for messages).
    private var inputOffset: Int64 = 0
    private var sourceFinished = false
    private var finished = false
    private var damage: InputError?

    /// `prefix` holds bytes already read from `source` (the magic bytes we sniffed).
    init(source: ByteSource, prefix: [UInt8], decoder: StreamDecoder) {
        self.source = source
        self.decoder = decoder
        input = .allocate(capacity: readSize + prefix.count)
        prefix.withUnsafeBufferPointer { input.update(from: $0.baseAddress!, count: $0.count) }
        filled = prefix.count
    }

    deinit { input.deallocate() }

    func read(into buffer: UnsafeMutableRawPointer, count: Int) throws(InputError) -> Int {
        let out = buffer.assumingMemoryBound(to: UInt8.self)
        while !finished {
            if position == filled && !sourceFinished { try refill() }
            let step = decoder.decode(input + position, count: filled - position, into: out, capacity: count,
                                      inputEnded: sourceFinished)
            position += step.consumed
            if let error = step.error {
                damage = InputError("corrupt \(decoder.formatName) data (\(error)) at compressed byte \(inputOffset + Int64(position))")
                finished = true
            } else if step.produced == 0 && step.consumed == 0 && position == filled && sourceFinished {
                if !decoder.atBoundary {
                    damage = InputError("unexpected end of \(decoder.formatName) data (truncated file?)")
                }
                finished = true
            }
            if step.produced > 0 { return step.produced }
        }
        if let damage {
            self.damage = nil
            throw damage
        }
        return 0
    }

    private func refill() throws(InputError) {
        inputOffset += Int64(filled)
        position = 0
        filled = 0
        let n: Int
        do {
            n = try source.read(into: input, count: readSize)
        } catch {
            // What was decompressed is out; the source's own error ends the input.
            finished = true
            throw error
        }
        if n == 0 { sourceFinished = true }
        filled = n
    }
}
