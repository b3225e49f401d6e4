/// One step of a streaming decompressor: how much it took and gave, and why it stopped.
struct DecodeStep {
    var consumed: Int
    var produced: Int
    /// The data is damaged; decoding cannot go on.
    var error: String?
}

/// A streaming decompressor for `DecompressingByteSource`: zstd, xz, bzip2.
/// Concatenated frames or streams (rotated logs joined with `cat`) are one input.
protocol StreamDecoder: AnyObject {
    /// `zstd`, `xz`, `bzip2`: for the report and messages.
    var formatName: String { get }
    /// Decodes from `input` into `output`. `inputEnded`: no compressed byte follows `input`.
    func decode(_ input: UnsafePointer<UInt8>, count inCount: Int,
                into output: UnsafeMutablePointer<UInt8>, capacity outCount: Int, inputEnded: Bool) -> DecodeStep
    /// True between frames or streams: the input may end here.
    var atBoundary: Bool { get }
}
