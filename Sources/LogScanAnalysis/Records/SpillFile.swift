#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// An unlinked temporary file, written at its end and read back at any offset, closed when
/// the last store or stream that refers to it goes (as sort(1) keeps its temporary runs).
///
/// Sendable: one writer appends (a store's `append` is `mutating`, so a store writes from
/// one thread at a time), and any thread reads with `pread`, which needs no lock, the bytes
/// written before; `size` is atomic, so a copy of the store read on another thread while the
/// original goes on writing sees whole writes only.
final class SpillFile: Sendable {
    /// Why the file could not be created, written or read: the system's message.
    struct Failure: Error, Sendable {
        let reason: String

        /// The message for an `errno` value (`No space left on device`).
        init(errno code: Int32) { reason = String(cString: strerror(code)) }

        /// A failure the system did not report (a short file, a size past `Int`).
        init(_ reason: String) { self.reason = reason }
    }

    /// Where the file was created, for the warnings.
    let directory: String
    private let descriptor: Int32
    private let written = Atomic<Int>(0)

    /// Bytes written so far: the file's offset, where the next `append` writes.
    var size: Int { written.load(ordering: .acquiring) }

    /// The directory for temporary files: `TMPDIR` when set and not empty, else `/tmp`.
    static func temporaryDirectory() -> String {
        if let value = getenv("TMPDIR"), value.pointee != 0 { return String(cString: value) }
        return "/tmp"
    }

    /// Creates an empty file in `directory` and unlinks it at once: its space goes back to
    /// the system when it is closed, however the process ends, and no other process sees it.
    init(in directory: String) throws(Failure) {
        self.directory = directory
        var template = Array("\(directory)/tasker-logscan-spill.XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw Failure(errno: errno) }
        guard unlink(template) == 0 else {
            let code = errno
            close(fd)
            throw Failure(errno: code)
        }
        // Not inherited by a child process: it would keep the space after we close it.
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        descriptor = fd
    }

    deinit { close(descriptor) }

    /// Writes `bytes` at the end of the file, through interrupted and short writes.
    func append(_ bytes: UnsafeRawBufferPointer) throws(Failure) {
        guard let base = bytes.baseAddress else { return }
        var done = 0
        // Counted even when a write fails: `size` stays the file's offset.
        defer { written.add(done, ordering: .releasing) }
        while done < bytes.count {
            let n = write(descriptor, base + done, bytes.count - done)
            if n < 0 {
                if errno == EINTR { continue }
                throw Failure(errno: errno)
            }
            // A regular file only writes nothing when it cannot grow.
            if n == 0 { throw Failure(errno: ENOSPC) }
            done += n
        }
    }

    /// Fills `buffer` with the bytes at `offset`, which were written before.
    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws(Failure) {
        guard let base = buffer.baseAddress else { return }
        let end = size
        guard offset >= 0, offset <= end, buffer.count <= end - offset else {
            throw Failure("read past the end of the temporary file")
        }
        var done = 0
        while done < buffer.count {
            let n = pread(descriptor, base + done, buffer.count - done, off_t(offset + done))
            if n < 0 {
                if errno == EINTR { continue }
                throw Failure(errno: errno)
            }
            if n == 0 { throw Failure("the temporary file is shorter than what was written to it") }
            done += n
        }
    }
}
