import CBZip2

/// bzip2 streams, one after the other (`cat a.bz2 b.bz2` is a valid `bzcat` input).
final class BZip2Decoder: StreamDecoder {
    let formatName = "bzip2"
    private var stream = bz_stream()
    private var initialized = false
    /// The last stream ended; the next byte starts another or ends the file.
    private(set) var atBoundary = false

    init() throws(InputError) {
        guard BZ2_bzDecompressInit(&stream, 0, 0) == BZ_OK else { throw InputError("cannot initialise bzip2") }
        initialized = true
    }

    deinit { if initialized { BZ2_bzDecompressEnd(&stream) } }

    func decode(_ input: UnsafePointer<UInt8>, count inCount: Int,
                into output: UnsafeMutablePointer<UInt8>, capacity outCount: Int, inputEnded: Bool) -> DecodeStep {
        if atBoundary {
            guard inCount > 0 else { return DecodeStep(consumed: 0, produced: 0) }
            // Another stream follows: start over.
            BZ2_bzDecompressEnd(&stream)
            stream = bz_stream()
            guard BZ2_bzDecompressInit(&stream, 0, 0) == BZ_OK else {
                initialized = false
                return DecodeStep(consumed: 0, produced: 0, error: "cannot restart")
            }
            atBoundary = false
        }
        let inChunk = min(inCount, Int(UInt32.max))
        let outChunk = min(outCount, Int(UInt32.max))
        stream.next_in = UnsafeMutableRawPointer(mutating: input).assumingMemoryBound(to: CChar.self)
        stream.avail_in = UInt32(inChunk)
        stream.next_out = UnsafeMutableRawPointer(output).assumingMemoryBound(to: CChar.self)
        stream.avail_out = UInt32(outChunk)
        let rc = BZ2_bzDecompress(&stream)
        let step = DecodeStep(consumed: inChunk - Int(stream.avail_in), produced: outChunk - Int(stream.avail_out))
        switch rc {
        case BZ_OK:
            return step
        case BZ_STREAM_END:
            atBoundary = true
            return step
        case BZ_DATA_ERROR_MAGIC:
            return DecodeStep(consumed: step.consumed, produced: step.produced, error: "garbage after a bzip2 stream")
        case BZ_DATA_ERROR: return DecodeStep(consumed: step.consumed, produced: step.produced, error: "data error")
        case BZ_MEM_ERROR: return DecodeStep(consumed: step.consumed, produced: step.produced, error: "out of memory")
        default: return DecodeStep(consumed: step.consumed, produced: step.produced, error: "error \(rc)")
        }
    }
}
