/// Passes reads through from another source and counts their bytes in a `ReadProgress`.
final class ProgressByteSource: ByteSource {
    private let source: ByteSource
    private let progress: ReadProgress

    init(_ source: ByteSource, progress: ReadProgress) {
        self.source = source
        self.progress = progress
    }

    func read(into buffer: UnsafeMutableRawPointer, count: Int) throws(InputError) -> Int {
        let n = try source.read(into: buffer, count: count)
        progress.add(n)
        return n
    }
}
