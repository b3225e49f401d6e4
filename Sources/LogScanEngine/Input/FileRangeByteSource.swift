#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads the byte range `[start, end)` of an open file with pread(2), so that
/// several threads can read one descriptor without sharing a file position.
final class FileRangeByteSource: ByteSource {
    private let fd: Int32
    private var offset: Int64
    private let end: Int64

    init(fd: Int32, start: Int64, end: Int64) {
        self.fd = fd
        offset = start
        self.end = end
    }

    func read(into buffer: UnsafeMutableRawPointer, count: Int) throws(InputError) -> Int {
        let wanted = Int(min(Int64(count), end - offset))
        guard wanted > 0 else { return 0 }
        while true {
            let n = pread(fd, buffer, wanted, off_t(offset))
            if n > 0 {
                offset += Int64(n)
                return n
            }
            if n == 0 {
                // The range was planned on the file's size at the start: it shrank since.
                var st = stat()
                let size = fstat(fd, &st) == 0 ? Int64(st.st_size) : 0
                throw InputError.truncated(size: size, read: offset)
            }
            if errno == EINTR { continue }
            throw InputError.errno(errno)
        }
    }
}
