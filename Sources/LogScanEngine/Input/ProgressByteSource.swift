/// Passes reads through from another source and counts their bytes in a `ReadProgress`.
final class ProgressByteSource: ByteSource {
    private let source: ByteSource
    private let progress: ReadProgress
    private let input: Int

    /// `input`: the number `ReadProgress.beginInput` gave the input these bytes belong to.
    init(_ source: ByteSource, progress: ReadProgress, input: Int) {
        self.source = source
        self.progress = progress
        self.input = input
    }

    func read(into buffer: UnsafeMutableRawPointer, count: Int) throws(InputError) -> Int {
        let n = try source.read(into: buffer, count: count)
        progress.add(n, input: input)
        return n
    }
}
