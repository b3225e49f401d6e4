import CZstd

/// zstd frames, one after the other (the library goes on to the next frame itself).
final class ZstdDecoder: StreamDecoder {
    let formatName = "zstd"
    private let stream: OpaquePointer
    private(set) var atBoundary = true

    init() throws(InputError) {
        guard let stream = ZSTD_createDStream() else { throw InputError("cannot initialise zstd") }
        self.stream = stream
        ZSTD_initDStream(stream)
    }

    deinit { ZSTD_freeDStream(stream) }

    func decode(_ input: UnsafePointer<UInt8>, count inCount: Int,
                into output: UnsafeMutablePointer<UInt8>, capacity outCount: Int, inputEnded: Bool) -> DecodeStep {
        var inBuffer = ZSTD_inBuffer(src: input, size: inCount, pos: 0)
        var outBuffer = ZSTD_outBuffer(dst: output, size: outCount, pos: 0)
        let rc = ZSTD_decompressStream(stream, &outBuffer, &inBuffer)
        if ZSTD_isError(rc) != 0 {
            return DecodeStep(consumed: inBuffer.pos, produced: outBuffer.pos, error: String(cString: ZSTD_getErrorName(rc)))
        }
        // 0: a frame is done and flushed; the next byte starts another frame or ends the file.
        // A call that moved nothing (the last one, with no input left) says nothing new.
        if inBuffer.pos > 0 || outBuffer.pos > 0 { atBoundary = rc == 0 }
        return DecodeStep(consumed: inBuffer.pos, produced: outBuffer.pos)
    }
}
