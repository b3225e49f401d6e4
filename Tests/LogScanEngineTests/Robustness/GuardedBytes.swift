#if canImport(Glibc)
import Glibc
#endif
@testable import LogScanEngine

/// Bytes placed so that they end exactly where an inaccessible page begins: a
/// read one byte past them faults at once, in a plain test run, without a
/// sanitizer (the scanner's buffers have slack that hides such reads).
final class GuardedBytes {
    private let region: UnsafeMutableRawPointer
    private let length: Int
    /// The bytes, ending at the guard page.
    let slice: ByteSlice

    init(_ bytes: [UInt8]) {
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let dataPages = (bytes.count + page - 1) / page + 1
        length = (dataPages + 1) * page
        let mapped = mmap(nil, length, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
        precondition(mapped != MAP_FAILED, "mmap failed")
        region = mapped!
        // The last page faults on any access.
        precondition(mprotect(region + dataPages * page, page, PROT_NONE) == 0, "mprotect failed")
        let start = region + dataPages * page - bytes.count
        bytes.withUnsafeBytes { start.copyMemory(from: $0.baseAddress!, byteCount: bytes.count) }
        slice = ByteSlice(start.assumingMemoryBound(to: UInt8.self), bytes.count)
    }

    convenience init(_ text: String) { self.init(Array(text.utf8)) }

    deinit { munmap(region, length) }
}
