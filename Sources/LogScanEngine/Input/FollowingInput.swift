#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Opens an input for `--follow`: a regular file (or standard input redirected from one) is
/// followed as it grows and rotates; a pipe, FIFO or terminal is read until its writer closes it.
/// A path that does not exist yet is waited for, like `tail -F`.
enum FollowingInput {
    /// Opens `path` without blocking (a FIFO with no writer would block `open` itself, and a
    /// signal would then make it fail with EINTR); waits while it does not exist.
    /// Returns `nil` when a stop came first.
    static func openWaiting(_ path: String, control: FollowControl) throws(InputError) -> Int32? {
        while true {
            if control.isStopRequested { return nil }
            let fd = path.withCString { Glibc.open($0, O_RDONLY | O_CLOEXEC | O_NONBLOCK) }
            if fd >= 0 { return fd }
            let code = errno
            switch code {
            case EINTR: continue
            case ENOENT: control.idle()
            default: throw InputError.errno(code)
            }
        }
    }

    static func open(_ input: InputSpec, control: FollowControl) throws(InputError) -> ByteSource {
        switch input {
        case .path(let path):
            guard let fd = try openWaiting(path, control: control) else {
                // Stopped before the file appeared: an empty input.
                return MemoryByteSource([])
            }
            var st = stat()
            guard fstat(fd, &st) == 0 else {
                let code = errno
                close(fd)
                throw InputError.errno(code)
            }
            switch st.st_mode & S_IFMT {
            case S_IFDIR:
                close(fd)
                throw InputError.errno(EISDIR)
            case S_IFREG:
                return FollowingFileByteSource.following(fd: fd, path: path, control: control)
            default:
                return FollowingStreamByteSource(fd: fd, ownsDescriptor: true, control: control)
            }
        case .standardInput:
            var st = stat()
            guard fstat(0, &st) == 0 else { throw InputError.errno(errno) }
            if (st.st_mode & S_IFMT) == S_IFREG { return FollowingFileByteSource.followingStandardInput(control: control) }
            if (st.st_mode & S_IFMT) == S_IFDIR { throw InputError.errno(EISDIR) }
            return FollowingStreamByteSource(fd: 0, ownsDescriptor: false, control: control)
        case .bytes(_, let bytes):
            // Nothing to wait for: memory is read once.
            return MemoryByteSource(bytes)
        }
    }
}
