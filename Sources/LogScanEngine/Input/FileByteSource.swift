#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a file descriptor with read(2), retrying on EINTR.
final class FileByteSource: ByteSource {
    /// The descriptor, for ranged parallel reads of a regular file.
    let fd: Int32
    private let ownsDescriptor: Bool
    /// A regular file's size when opened: ending before it means it was truncated.
    private let sizeAtOpen: Int64?

    private init(fd: Int32, ownsDescriptor: Bool) {
        self.fd = fd
        self.ownsDescriptor = ownsDescriptor
        var st = stat()
        sizeAtOpen = fstat(fd, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG ? Int64(st.st_size) : nil
    }

    deinit {
        if ownsDescriptor { close(fd) }
    }

    /// Standard input (not closed when done).
    static func standardInput() throws(InputError) -> FileByteSource {
        try checkReadable(fd: 0)
        return FileByteSource(fd: 0, ownsDescriptor: false)
    }

    /// Opens `path` for reading; a directory or an unreadable file is an error.
    static func open(path: String) throws(InputError) -> FileByteSource {
        let fd = path.withCString { Glibc.open($0, O_RDONLY | O_CLOEXEC) }
        guard fd >= 0 else { throw InputError.errno(errno) }
        do {
            try checkReadable(fd: fd)
        } catch {
            close(fd)
            throw error
        }
        #if os(Linux)
        // We read once, front to back: let the kernel read ahead generously.
        _ = posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL)
        #endif
        return FileByteSource(fd: fd, ownsDescriptor: true)
    }

    /// The size when the descriptor is a regular file (for progress and splitting).
    var regularFileSize: Int64? {
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int64(st.st_size)
    }

    private static func checkReadable(fd: Int32) throws(InputError) {
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw InputError.errno(errno) }
        if (st.st_mode & S_IFMT) == S_IFDIR { throw InputError.errno(EISDIR) }
    }

    func read(into buffer: UnsafeMutableRawPointer, count: Int) throws(InputError) -> Int {
        while true {
            let n = Glibc.read(fd, buffer, count)
            if n > 0 { return n }
            if n == 0 {
                if count > 0 { try checkNotTruncated() }
                return 0
            }
            let code = errno
            if code == EINTR || code == EAGAIN {
                if code == EAGAIN { waitReadable() }
                continue
            }
            throw InputError.errno(code)
        }
    }

    /// At the end of a regular file: a file now shorter than where we are, or one that
    /// ended before the size it had when opened, was truncated under us (ahead of the
    /// reader too, as a parallel scan's ranges notice), and lines are lost to us.
    private func checkNotTruncated() throws(InputError) {
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return }
        let offset = Int64(lseek(fd, 0, SEEK_CUR))
        if offset > Int64(st.st_size) || sizeAtOpen.map({ offset < $0 }) == true {
            throw InputError.truncated(size: Int64(st.st_size), read: offset)
        }
    }

    /// A non-blocking descriptor (a terminal or pipe set O_NONBLOCK by someone
    /// else) said EAGAIN: wait for data instead of spinning.
    private func waitReadable() {
        var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        _ = poll(&p, 1, -1)
    }
}
