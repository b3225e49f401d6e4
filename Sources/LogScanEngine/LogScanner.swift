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
    public func scan(_ inputs: [InputSpec], onInputDone: (InputSummary) -> Void = { _ in },
                     onEvent: @escaping (Event) -> Void) -> ScanSummary {
        var callback = EventCallback(onEvent)
        return scan(inputs, into: &callback, onInputDone: onInputDone)
    }

    /// Scans `inputs` into `sink`, several at once when `options.threads` allows (one thread
    /// per input); events and `onInputDone` come in input order, as from a sequential scan.
    /// A single input uses all threads.
    public func scan<Sink: EventSink>(_ inputs: [InputSpec], into sink: inout Sink,
                                      onInputDone: (InputSummary) -> Void = { _ in }) -> ScanSummary {
        if options.threads > 1, inputs.count > 1 {
            return ConcurrentInputScan(options: options, inputs: inputs).run(into: &sink, onInputDone: onInputDone)
        }
        var summary = ScanSummary()
        for input in inputs {
            let result = scan(input, into: &sink)
            onInputDone(result)
            summary.inputs.append(result)
        }
        return summary
    }

    /// Scans one input, calling `onEvent` for every event in order.
    public func scan(_ input: InputSpec, onEvent: @escaping (Event) -> Void) -> InputSummary {
        var callback = EventCallback(onEvent)
        return scan(input, into: &callback)
    }

    /// Scans one input into `sink`.
    public func scan<Sink: EventSink>(_ input: InputSpec, into sink: inout Sink) -> InputSummary {
        var summary = InputSummary(name: input.displayName)
        let raw: ByteSource
        // For the progress display: a file's size counts whole once it is done, however it was read.
        var size: Int64?
        let progressInput = options.progress?.beginInput() ?? 0
        defer { options.progress?.finishInput(progressInput, size: size) }
        do {
            switch input {
            case .path(let path):
                let file = try FileByteSource.open(path: path)
                size = file.regularFileSize
                // An uncompressed regular file: in ranges on several threads when large, else mapped.
                if let size, try LogScanner.compression(fd: file.fd) == nil {
                    if options.threads > 1, size > options.parallelChunkBytes {
                        ParallelFileScan(options: options, fd: file.fd, name: summary.name, size: size, progressInput: progressInput)
                            .run(into: &summary, sink: &sink)
                        summary.checkRecognised()
                        return summary
                    }
                    // Not an empty one: files of /proc and /sys say 0 bytes and still read.
                    if options.mapsFiles, size > 0 {
                        let windows = MappedFileWindows(fd: file.fd, windowBytes: options.mappedWindowBytes,
                                                        progress: options.progress.map { ($0, progressInput) },
                                                        reading: options.mappedWindowsRead)
                        scanInto(&sink) { scanner, emit in scanner.scan(mapped: windows, into: &summary, onEvent: emit) }
                        summary.checkRecognised()
                        return summary
                    }
                }
                raw = file
            case .standardInput:
                let file = try FileByteSource.standardInput()
                size = file.regularFileSize
                raw = file
            case .bytes(_, let bytes): raw = MemoryByteSource(bytes)
            }
            let counted = options.progress.map { ProgressByteSource(raw, progress: $0, input: progressInput) } ?? raw
            // Decompressed on the scanning thread: inflating on a thread of its own and handing
            // the bytes over cost more than the scan it overlapped (256 MB plain log as gzip,
            // medians of 9: 387 ms with the hand-over, 294 without; a gzipped event storm 1,756
            // against 1,786 ms), since the scan runs at several times ISA-L's speed.
            let source = try LogScanner.decompressing(counted, summary: &summary)
            scanInto(&sink) { scanner, emit in scanner.scan(source, into: &summary, onEvent: emit) }
            summary.checkRecognised()
        } catch {
            summary.error = error.message
        }
        return summary
    }

    /// Runs `scan` with a callback that adds to `sink`. The scanner's callback escapes: the
    /// sink moves into a box for the scan and back, never copied (a copy would duplicate
    /// every record on the first event).
    private func scanInto<Sink: EventSink>(_ sink: inout Sink,
                                           _ scan: (InputScanner, @escaping (Event) -> Void) -> Void) {
        var taken = sink.emptyPart()
        swap(&taken, &sink)
        let box = EventSinkBox(consume taken)
        scan(scanner) { box.sink.add($0) }
        swap(&sink, &box.sink)
    }

    /// Reads `input` like `tail -F` until `control` says stop, or until a piped input ends,
    /// calling `onEvent` for each event as soon as its line is complete. A file is followed
    /// across rotation by rename and truncation; `control.onIdle` runs whenever there is
    /// nothing new to read.
    public func follow(_ input: InputSpec, control: FollowControl, onEvent: @escaping (Event) -> Void) -> InputSummary {
        var summary = InputSummary(name: input.displayName)
        do {
            let raw = try FollowingInput.open(input, control: control)
            let source = try LogScanner.decompressing(raw, summary: &summary)
            scanner.scan(source, into: &summary, onEvent: onEvent)
            // Followed for a while and not one tasker line: say so at the stop.
            summary.checkRecognised()
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

    /// The compression a regular file starts with (read without moving the file position).
    private static func compression(fd: Int32) throws(InputError) -> CompressionFormat? {
        var magic = [UInt8](repeating: 0, count: CompressionFormat.magicLength)
        let n = magic.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, $0.count, 0) }
        guard n >= 0 else { throw InputError.errno(errno) }
        return magic.withUnsafeBytes { CompressionFormat.detect(UnsafeRawBufferPointer(rebasing: $0.prefix(n))) }
    }

    /// Compression is recognised by its magic bytes, not by the file name. A
    /// compression that cannot be read is scanned as it is (binary: nothing is
    /// recognised) and named in the "not recognised" message.
    static func decompressing(_ source: ByteSource, summary: inout InputSummary) throws(InputError) -> ByteSource {
        let magic = UnsafeMutableRawPointer.allocate(byteCount: CompressionFormat.magicLength, alignment: 1)
        defer { magic.deallocate() }
        var got = 0
        while got < CompressionFormat.magicLength {
            let n = try source.read(into: magic + got, count: CompressionFormat.magicLength - got)
            if n == 0 { break }
            got += n
        }
        let prefix = Array(UnsafeRawBufferPointer(start: magic, count: got))
        let format = prefix.withUnsafeBytes { CompressionFormat.detect($0) }
        switch format {
        case nil:
            return PrefixedByteSource(prefix: prefix, source: source)
        case .unsupported(let name)?:
            summary.unreadableCompression = name
            return PrefixedByteSource(prefix: prefix, source: source)
        case .gzip?:
            summary.compression = "gzip"
            return try GzipByteSource(source: source, prefix: UnsafeRawBufferPointer(start: magic, count: got))
        case .zstd?:
            summary.compression = "zstd"
            return DecompressingByteSource(source: source, prefix: prefix, decoder: try ZstdDecoder())
        case .xz?:
            summary.compression = "xz"
            return DecompressingByteSource(source: source, prefix: prefix, decoder: try XZDecoder())
        case .bzip2?:
            summary.compression = "bzip2"
            return DecompressingByteSource(source: source, prefix: prefix, decoder: try BZip2Decoder())
        }
    }
}
