import CSafeMap
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A regular file read through read-only mappings of a few MiB at a time instead of
/// `read(2)`: the scanner works on the mapped pages where they are, so the
/// kernel's copy into a buffer (a third of a quiet log's scan on one thread) is gone.
///
/// A window is unmapped when the scanner is done with it, so memory stays one window. Its
/// pages are faulted in as the scanner reaches them, not read in at once: with
/// `MAP_POPULATE` the kernel walks the window page by page, and the faults, which map a
/// page-cache folio's pages together, cost less (256 MB plain log, one thread, hyperfine,
/// means of 20: 59.7 ms against 69.8). A file that grows while it is read is read to its
/// new end, as `read(2)` would; a range (`end`) is read to its end. A file truncated while
/// mapped reads as zeros past its new end (`CSafeMap`) and the scan reports it as an error,
/// never a SIGBUS.
/// A file that cannot be mapped (a file system without mmap) is read with `pread` into a
/// window-sized buffer instead.
final class MappedFileWindows {
    /// Bytes per mapping: large enough that mapping costs nothing per byte, small enough
    /// to add little to the resident memory (256 MB plain log, one thread, medians of 30, on an
    /// earlier VM and still with `MAP_POPULATE`: 101 ms against 117 with `read(2)`; peak RSS
    /// 20.3 MiB against 17.4).
    static let windowBytes: Int64 = 4 << 20

    private let fd: Int32
    private let windowBytes: Int64
    private var offset: Int64
    /// Where a range ends (a part of a parallel scan); `nil`: at the end of the file.
    private let end: Int64?
    private let progress: (ReadProgress, Int)?
    /// `handle`: the mapping's, `nil` for a window read into `readBuffer`.
    private var window: (data: UnsafePointer<UInt8>, count: Int, handle: UnsafeMutableRawPointer?, offset: Int64)?
    /// How much of the current window the scanner took.
    private var used = 0
    /// Set once a mapping failed: the rest is read into this buffer.
    private var readBuffer: UnsafeMutablePointer<UInt8>?

    /// `start`, `end`: the range to read, planned on the file's size (a file that shrinks
    /// below `end` is reported as truncated). `reading`: read with `pread` from the start,
    /// as when mapping fails (for tests).
    init(fd: Int32, start: Int64 = 0, end: Int64? = nil, windowBytes: Int64 = MappedFileWindows.windowBytes,
         progress: (ReadProgress, Int)? = nil, reading: Bool = false) {
        self.fd = fd
        self.windowBytes = max(windowBytes, 1)
        offset = max(start, 0)
        self.end = end
        self.progress = progress
        if reading { readBuffer = .allocate(capacity: Int(self.windowBytes)) }
    }

    deinit {
        _ = release()
        readBuffer?.deallocate()
    }

    /// The bytes not taken yet of the current window, or of the next one; `nil` at the end.
    func next() throws(InputError) -> UnsafeBufferPointer<UInt8>? {
        if let window, used < window.count {
            return UnsafeBufferPointer(start: window.data + used, count: window.count - used)
        }
        try finishWindow()
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw InputError.errno(errno) }
        let fileSize = Int64(st.st_size)
        let size = end.map { min($0, fileSize) } ?? fileSize
        guard offset < size else {
            if let end, offset < end { throw InputError.truncated(size: fileSize, read: offset) }
            return nil
        }
        // Windows end on multiples of their size from the file's start, wherever a range
        // starts, so that every window but a range's first maps whole 2 MiB folios.
        let gridEnd = (offset / windowBytes + 1) * windowBytes
        let length = Int(min(gridEnd, size) - offset)
        used = 0
        if readBuffer == nil {
            var data: UnsafePointer<UInt8>?
            var handle: UnsafeMutableRawPointer?
            if logscan_map(fd, offset, length, &data, &handle) == 0, let data, let handle {
                window = (data, length, handle, offset)
                return UnsafeBufferPointer(start: data, count: length)
            }
            readBuffer = .allocate(capacity: Int(windowBytes))
        }
        let n = try read(into: readBuffer!, count: length)
        guard n > 0 else {
            // The file shrank between fstat and pread.
            if let end, offset < end { throw InputError.truncated(size: fileSize, read: offset) }
            return nil
        }
        window = (UnsafePointer(readBuffer!), n, nil, offset)
        return UnsafeBufferPointer(start: readBuffer!, count: n)
    }

    /// `pread` at the current offset, retried when interrupted; 0 at the end of the file.
    private func read(into buffer: UnsafeMutablePointer<UInt8>, count: Int) throws(InputError) -> Int {
        while true {
            let n = pread(fd, buffer, count, off_t(offset))
            if n >= 0 { return n }
            if errno != EINTR { throw InputError.errno(errno) }
        }
    }

    /// Whether part of the current window read as zeros: the file was truncated under it,
    /// and the lines read since may hold zeros where their bytes were.
    var isTruncated: Bool {
        guard let handle = window?.handle else { return false }
        return logscan_is_truncated(handle) != 0
    }

    /// The scanner took the first `n` bytes of what `next()` returned.
    func consume(_ n: Int) {
        used += n
        offset += Int64(n)
        if let progress { progress.0.add(n, input: progress.1) }
    }

    private func finishWindow() throws(InputError) {
        guard let zerosFrom = release() else { return }
        var st = stat()
        let size = fstat(fd, &st) == 0 ? Int64(st.st_size) : 0
        throw InputError.truncated(size: size, read: zerosFrom)
    }

    /// Unmaps the window; when the file was truncated while it was mapped, the input
    /// offset from which the window read as zeros.
    private func release() -> Int64? {
        guard let window else { return nil }
        self.window = nil
        guard let handle = window.handle else { return nil }
        let zeros = logscan_unmap(handle)
        return zeros < 0 ? nil : window.offset + zeros
    }
}
