import CLZMA

/// xz streams, concatenated ones included (`LZMA_CONCATENATED`).
final class XZDecoder: StreamDecoder {
    let formatName = "xz"
    private var stream = logscan_lzma_stream_init()
    private(set) var atBoundary = false

    init() throws(InputError) {
        guard lzma_stream_decoder(&stream, UInt64.max, logscan_lzma_concatenated) == LZMA_OK else {
            throw InputError("cannot initialise xz")
        }
    }

    deinit { lzma_end(&stream) }

    func decode(_ input: UnsafePointer<UInt8>, count inCount: Int,
                into output: UnsafeMutablePointer<UInt8>, capacity outCount: Int, inputEnded: Bool) -> DecodeStep {
        stream.next_in = input
        stream.avail_in = inCount
        stream.next_out = output
        stream.avail_out = outCount
        // With LZMA_CONCATENATED the decoder learns that the last stream ended only from LZMA_FINISH.
        let rc = lzma_code(&stream, inputEnded ? LZMA_FINISH : LZMA_RUN)
        let step = DecodeStep(consumed: inCount - stream.avail_in, produced: outCount - stream.avail_out)
        switch rc {
        case LZMA_OK:
            return step
        case LZMA_STREAM_END:
            atBoundary = true
            return step
        case LZMA_BUF_ERROR where inputEnded:
            // No progress possible: the input ended inside a stream.
            return step
        case LZMA_BUF_ERROR:
            return step
        case LZMA_DATA_ERROR: return DecodeStep(consumed: step.consumed, produced: step.produced, error: "data error")
        case LZMA_FORMAT_ERROR: return DecodeStep(consumed: step.consumed, produced: step.produced, error: "not xz data")
        case LZMA_OPTIONS_ERROR: return DecodeStep(consumed: step.consumed, produced: step.produced, error: "unsupported options")
        case LZMA_MEM_ERROR: return DecodeStep(consumed: step.consumed, produced: step.produced, error: "out of memory")
        default: return DecodeStep(consumed: step.consumed, produced: step.produced, error: "error \(rc.rawValue)")
        }
    }
}
