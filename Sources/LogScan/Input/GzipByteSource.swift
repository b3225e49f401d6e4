import CZlib

/// Decompresses gzip data from another source, member after member
/// (rotated logs concatenated with `cat` are one stream).
final class GzipByteSource: ByteSource {
    private let source: ByteSource
    private var stream = z_stream()
    private let input: UnsafeMutablePointer<UInt8>
    private let inputCapacity = 256 * 1024
    private var sourceFinished = false
    private var finished = false
    private var initialized = false
    /// Whether any output of the current member has been produced (for error wording).
    private var memberCount = 0

    /// `prefix` holds bytes already read from `source` (the magic bytes we sniffed).
    init(source: ByteSource, prefix: UnsafeRawBufferPointer) throws(InputError) {
        self.source = source
        input = .allocate(capacity: max(inputCapacity, prefix.count))
        if let base = prefix.baseAddress, prefix.count > 0 {
            UnsafeMutableRawPointer(input).copyMemory(from: base, byteCount: prefix.count)
        }
        stream.next_in = input
        stream.avail_in = UInt32(prefix.count)
        // 15 + 16: gzip wrapper only (a zlib or raw stream is not a .gz file).
        guard logscan_inflate_init2(&stream, 15 + 16) == Z_OK else {
            input.deallocate()
            throw InputError("cannot initialise zlib")
        }
        initialized = true
    }

    deinit {
        if initialized { inflateEnd(&stream) }
        input.deallocate()
    }

    func read(into buffer: UnsafeMutableRawPointer, count: Int) throws(InputError) -> Int {
        if let error = pendingError {
            pendingError = nil
            throw error
        }
        guard !finished else { return 0 }
        stream.next_out = buffer.assumingMemoryBound(to: UInt8.self)
        stream.avail_out = UInt32(min(count, Int(UInt32.max)))
        while stream.avail_out > 0 {
            if stream.avail_in == 0 && !sourceFinished {
                let n = try source.read(into: input, count: inputCapacity)
                if n == 0 { sourceFinished = true }
                stream.next_in = input
                stream.avail_in = UInt32(n)
            }
            let before = stream.avail_out
            let rc = inflate(&stream, Z_NO_FLUSH)
            let produced = Int(before - stream.avail_out)
            switch rc {
            case Z_STREAM_END:
                memberCount += 1
                if try !startNextMember() {
                    finished = true
                    return count - Int(stream.avail_out)
                }
            case Z_OK:
                break
            case Z_BUF_ERROR where stream.avail_in == 0 && sourceFinished:
                // Input ended inside a member: hand out what we have, then fail.
                let got = count - Int(stream.avail_out)
                if got > 0 { return got }
                finished = true
                throw InputError("unexpected end of gzip data (truncated file?)")
            case Z_BUF_ERROR:
                break
            default:
                let got = count - Int(stream.avail_out)
                finished = true
                let detail = stream.msg.map { String(cString: $0) } ?? "error \(rc)"
                if got > 0 {
                    pendingError = InputError("corrupt gzip data: \(detail)")
                    return got
                }
                throw InputError("corrupt gzip data: \(detail)")
            }
            if produced == 0 && stream.avail_in == 0 && sourceFinished && rc != Z_STREAM_END {
                break
            }
        }
        return count - Int(stream.avail_out)
    }

    /// An error seen while data was still being returned; thrown on the next read.
    private var pendingError: InputError?

    /// After a member ends: more gzip data follows → reset and go on; only
    /// trailing NULs/nothing → done; anything else → error (as gzip says).
    private func startNextMember() throws(InputError) -> Bool {
        if stream.avail_in == 0 && !sourceFinished {
            let n = try source.read(into: input, count: inputCapacity)
            if n == 0 { sourceFinished = true }
            stream.next_in = input
            stream.avail_in = UInt32(n)
        }
        guard stream.avail_in > 0 else { return false }
        if stream.next_in[0] == 0x1F {
            inflateReset(&stream)
            return true
        }
        // Tape-archive style zero padding after the last member is harmless.
        var allZero = true
        for i in 0..<Int(stream.avail_in) where stream.next_in[i] != 0 { allZero = false; break }
        if allZero && sourceFinished { return false }
        pendingError = InputError("trailing garbage after gzip data ignored")
        return false
    }
}
