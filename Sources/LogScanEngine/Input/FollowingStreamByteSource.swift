#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A pipe or terminal read while following (`kubectl logs -f | tasker-logscan --follow`):
/// waits for data with poll(2) so that a stop request or idle work is seen within one poll
/// interval, and ends when the writer closes its end. A FIFO is opened non-blocking, so a
/// FIFO with no writer yet is polled too (Linux reports no hang-up before a first writer).
final class FollowingStreamByteSource: ByteSource {
    private let fd: Int32
    private let ownsDescriptor: Bool
    private let control: FollowControl

    init(fd: Int32, ownsDescriptor: Bool, control: FollowControl) {
        self.fd = fd
        self.ownsDescriptor = ownsDescriptor
        self.control = control
    }

    deinit {
        if ownsDescriptor { close(fd) }
    }

    func read(into buffer: UnsafeMutableRawPointer, count: Int) throws(InputError) -> Int {
        let timeout = Int32(control.pollInterval * 1000)
        while true {
            if control.isStopRequested { return 0 }
            var request = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&request, 1, timeout)
            if ready < 0 {
                if errno == EINTR { continue }
                throw InputError.errno(errno)
            }
            if ready == 0 {
                control.waiting()
                continue
            }
            let n = Glibc.read(fd, buffer, count)
            if n > 0 {
                control.observe(buffer, count: n)
                return n
            }
            // The writer closed the pipe: the stream has ended.
            if n == 0 { return 0 }
            let code = errno
            guard code == EINTR || code == EAGAIN else { throw InputError.errno(code) }
        }
    }
}
