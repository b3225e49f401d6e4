#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads inputs as byte streams and turns their relevant lines into events.
///
/// Inputs are read one after the other as one stream of events; an input that
/// fails is recorded in its summary and the others are still read.
public final class LogScanner {
    public let options: ScanOptions
    private let scanner: InputScanner

    public init(options: ScanOptions = ScanOptions()) {
        self.options = options
        scanner = InputScanner(options: options)
    }

    /// Scans `inputs` in order, calling `onEvent` for every event in input order.
    public func scan(_ inputs: [InputSpec], onEvent: @escaping (Event) -> Void) -> ScanSummary {
        scan(inputs, inOrder: true, onInputDone: { _ in }, onEvent: onEvent)
    }

    /// Scans `inputs`, several at once when `options.threads` allows (one thread per
    /// input). `inOrder`: events and `onInputDone` come in input order, as from a
    /// sequential scan; otherwise each as soon as it is found (never two calls at once),
    /// for consumers that do not depend on the order. A single input uses all threads.
    public func scan(_ inputs: [InputSpec], inOrder: Bool, onInputDone: (InputSummary) -> Void,
                     onEvent: @escaping (Event) -> Void) -> ScanSummary {
        if options.threads > 1, inputs.count > 1 {
            return ConcurrentInputScan(options: options, inputs: inputs, inOrder: inOrder)
                .run(onInputDone: onInputDone, onEvent: onEvent)
        }
        var summary = ScanSummary()
        for input in inputs {
            let result = scan(input, onEvent: onEvent)
            onInputDone(result)
            summary.inputs.append(result)
        }
        return summary
    }

    /// Scans one input.
    public func scan(_ input: InputSpec, onEvent: @escaping (Event) -> Void) -> InputSummary {
        var summary = InputSummary(name: input.displayName)
        let raw: ByteSource
        // For the progress display: a file's size counts whole once it is done, however it was read.
        var size: Int64?
        options.progress?.beginInput()
        defer { options.progress?.finishInput(size: size) }
        do {
            switch input {
            case .path(let path):
                let file = try FileByteSource.open(path: path)
                size = file.regularFileSize
                if options.threads > 1, let size, size > options.parallelChunkBytes,
                   try !LogScanner.startsWithGzipMagic(fd: file.fd) {
                    ParallelFileScan(options: options, fd: file.fd, name: summary.name, size: size)
                        .run(into: &summary, onEvent: onEvent)
                    return summary
                }
                raw = file
            case .standardInput:
                let file = try FileByteSource.standardInput()
                size = file.regularFileSize
                raw = file
            case .bytes(_, let bytes): raw = MemoryByteSource(bytes)
            }
            let counted = options.progress.map { ProgressByteSource(raw, progress: $0) } ?? raw
            var source = try LogScanner.decompressingIfGzip(counted, summary: &summary)
            if summary.compressed, options.threads > 1, size != nil {
                // Inflate on its own thread while this one scans.
                source = PrefetchingByteSource(source, bufferSize: options.bufferSize)
            }
            scanner.scan(source, into: &summary, onEvent: onEvent)
        } catch {
            summary.error = error.message
        }
        return summary
    }

    /// Reads `input` like `tail -F` until `control` says stop, or until a piped input ends,
    /// calling `onEvent` for each event as soon as its line is complete. A file is followed
    /// across rotation by rename and truncation; `control.onIdle` runs whenever there is
    /// nothing new to read.
    public func follow(_ input: InputSpec, control: FollowControl, onEvent: @escaping (Event) -> Void) -> InputSummary {
        var summary = InputSummary(name: input.displayName)
        do {
            let raw = try FollowingInput.open(input, control: control)
            let source = try LogScanner.decompressingIfGzip(raw, summary: &summary)
            scanner.scan(source, into: &summary, onEvent: onEvent)
        } catch {
            summary.error = error.message
        }
        return summary
    }

    /// Convenience for tests: all events of one in-memory input, with its summary.
    public func scan(bytes: [UInt8], name: String = "-") -> (events: [Event], summary: InputSummary) {
        var events: [Event] = []
        let summary = scan(.bytes(name: name, bytes)) { events.append($0) }
        return (events, summary)
    }

    /// Whether a regular file starts with the gzip magic (read without moving the file position).
    private static func startsWithGzipMagic(fd: Int32) throws(InputError) -> Bool {
        var magic: (UInt8, UInt8) = (0, 0)
        let n = withUnsafeMutableBytes(of: &magic) { pread(fd, $0.baseAddress!, 2, 0) }
        guard n >= 0 else { throw InputError.errno(errno) }
        return n == 2 && magic.0 == 0x1F && magic.1 == 0x8B
    }

    /// Gzip is recognised by its magic bytes, not by the file name.
    private static func decompressingIfGzip(_ source: ByteSource, summary: inout InputSummary) throws(InputError) -> ByteSource {
        let magic = UnsafeMutableRawPointer.allocate(byteCount: 2, alignment: 1)
        defer { magic.deallocate() }
        var got = 0
        while got < 2 {
            let n = try source.read(into: magic + got, count: 2 - got)
            if n == 0 { break }
            got += n
        }
        let prefix = UnsafeRawBufferPointer(start: magic, count: got)
        if got == 2, prefix[0] == 0x1F, prefix[1] == 0x8B {
            summary.compressed = true
            return try GzipByteSource(source: source, prefix: prefix)
        }
        return PrefixedByteSource(prefix: Array(prefix), source: source)
    }
}
