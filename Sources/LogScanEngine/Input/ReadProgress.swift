#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How many input bytes a scan has read so far, for a progress display on another thread.
///
/// Counts the bytes as they come from the file or pipe (compressed bytes for gzip input),
/// so that they compare with the files' sizes. Shared by reference: put it in
/// `ScanOptions.progress` and read `bytesRead` from any thread.
public final class ReadProgress: @unchecked Sendable, Equatable {
    private let lock = ConditionLock()
    private var read: Int64 = 0
    /// Bytes counted so far per input being read (several are read at once).
    private var counted: [Int: Int64] = [:]
    private var nextInput = 0

    public init() {}

    /// Bytes read from all inputs so far.
    public var bytesRead: Int64 { lock.withLock { read } }

    /// A new input starts; its reads and `finishInput` name it by the number returned.
    func beginInput() -> Int {
        lock.withLock {
            nextInput += 1
            counted[nextInput] = 0
            return nextInput
        }
    }

    /// Counts `count` more bytes of `input`.
    func add(_ count: Int, input: Int) {
        lock.withLock {
            read += Int64(count)
            counted[input, default: 0] += Int64(count)
        }
    }

    /// `input` is done; when its size is known it counts whole, even if its reads were
    /// not counted one by one (a scan split over threads), and never twice, however many
    /// other inputs are read at the same time.
    func finishInput(_ input: Int, size: Int64?) {
        lock.withLock {
            guard let done = counted.removeValue(forKey: input) else { return }
            if let size, size > done { read += size - done }
        }
    }

    /// Two values are equal when they are the same counter.
    public static func == (lhs: ReadProgress, rhs: ReadProgress) -> Bool { lhs === rhs }

    /// The bytes `inputs` will give, when every one is a regular file (standard input
    /// redirected from a file counts); `nil` when one is a pipe or terminal, or missing.
    public static func expectedBytes(of inputs: [InputSpec]) -> Int64? {
        var total: Int64 = 0
        for input in inputs {
            var st = stat()
            let ok: Bool
            switch input {
            case .path(let path): ok = stat(path, &st) == 0
            case .standardInput: ok = fstat(0, &st) == 0
            case .bytes(_, let bytes):
                total += Int64(bytes.count)
                continue
            }
            guard ok, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
            total += Int64(st.st_size)
        }
        return total
    }
}
