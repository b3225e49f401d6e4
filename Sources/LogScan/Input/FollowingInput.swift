#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Opens an input for `--follow`: a regular file (or standard input redirected from one) is
/// followed as it grows and rotates; a pipe, FIFO or terminal is read until its writer closes it.
enum FollowingInput {
    static func open(_ input: InputSpec, control: FollowControl) throws(InputError) -> ByteSource {
        switch input {
        case .path(let path):
            let fd = path.withCString { Glibc.open($0, O_RDONLY | O_CLOEXEC) }
            guard fd >= 0 else { throw InputError.errno(errno) }
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
