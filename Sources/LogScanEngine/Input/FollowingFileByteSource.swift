#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A regular file read like `tail -F`: at its end, waits for it to grow; survives rotation
/// by rename (the path now names a new file: the old one is read to its end, then the new
/// one from its start) and truncation in place (`copytruncate`: read again from the start).
/// Ends only when the follow control says stop (at once, even with data left to read).
final class FollowingFileByteSource: ByteSource {
    private var fd: Int32
    /// The path to watch for rotation; `nil` for standard input redirected from a file.
    private let path: String?
    private let ownsDescriptor: Bool
    private let control: FollowControl
    /// Bytes read from the current file: a smaller size means it was truncated.
    private var position: Int64 = 0
    /// Rotation was seen: read the old file once more to its end, then switch.
    private var rotationSeen = false

    private init(fd: Int32, path: String?, ownsDescriptor: Bool, control: FollowControl) {
        self.fd = fd
        self.path = path
        self.ownsDescriptor = ownsDescriptor
        self.control = control
    }

    deinit {
        if ownsDescriptor { close(fd) }
    }

    /// Follows the file at `path`, opened by the caller as `fd` (now owned by this source).
    static func following(fd: Int32, path: String, control: FollowControl) -> FollowingFileByteSource {
        FollowingFileByteSource(fd: fd, path: path, ownsDescriptor: true, control: control)
    }

    /// Follows standard input redirected from a regular file (no path: no rotation).
    static func followingStandardInput(control: FollowControl) -> FollowingFileByteSource {
        FollowingFileByteSource(fd: 0, path: nil, ownsDescriptor: false, control: control)
    }

    func read(into buffer: UnsafeMutableRawPointer, count: Int) throws(InputError) -> Int {
        while true {
            // A stop ends the input at once, even with data left: Ctrl-C should not wait for a catch-up.
            if control.isStopRequested { return 0 }
            let n = Glibc.read(fd, buffer, count)
            if n > 0 {
                position += Int64(n)
                control.observe(buffer, count: n)
                return n
            }
            if n < 0 {
                let code = errno
                guard code == EINTR || code == EAGAIN else { throw InputError.errno(code) }
                if code == EAGAIN { control.idle() }
                continue
            }
            // The end of the data for now.
            if try switchedFile() { continue }
            control.idle()
        }
    }

    /// After the end of the data: reopens a rotated file or rewinds a truncated one.
    /// Returns true when there may be new data to read at once.
    private func switchedFile() throws(InputError) -> Bool {
        var current = stat()
        guard fstat(fd, &current) == 0 else { throw InputError.errno(errno) }
        if Int64(current.st_size) < position {
            // Truncated in place: what follows was written from its start again.
            guard lseek(fd, 0, SEEK_SET) >= 0 else { throw InputError.errno(errno) }
            position = 0
            return true
        }
        guard let path else { return false }
        var named = stat()
        // Renamed away and the new file not created yet: keep reading the old one.
        guard stat(path, &named) == 0, named.st_ino != current.st_ino || named.st_dev != current.st_dev else {
            return false
        }
        if !rotationSeen {
            // The writer may still have been appending to the old file: read it to its end once more.
            rotationSeen = true
            return true
        }
        let newFD = path.withCString { open($0, O_RDONLY | O_CLOEXEC) }
        // Not readable yet (created but permissions not set): try again at the next poll.
        guard newFD >= 0 else { return false }
        if ownsDescriptor { close(fd) }
        fd = newFD
        position = 0
        rotationSeen = false
        return true
    }
}
