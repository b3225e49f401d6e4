#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Tuning knobs of the scanner; the defaults suit every real input.
public struct ScanOptions: Sendable, Equatable {
    /// Size of each read buffer in bytes.
    public var bufferSize: Int
    /// Lines longer than this are counted and skipped for parsing (memory stays bounded).
    public var maxLineLength: Int
    /// Threads for scanning large regular files (1 = single-threaded).
    public var threads: Int
    /// Files smaller than this are scanned on one thread; a quarter of it is the smallest range a thread gets.
    public var parallelChunkBytes: Int64
    /// Uncompressed regular files scanned on one thread are read through mappings, without
    /// the copy of `read(2)` (`MappedFileWindows`); false: with `read(2)`, as pipes,
    /// compressed files and the ranges of a parallel scan are.
    public var mapsFiles = true
    /// Bytes per mapping of `MappedFileWindows` (tests make it small, to cut lines at window ends).
    package var mappedWindowBytes = MappedFileWindows.windowBytes
    /// `MappedFileWindows` reads its windows with `pread`, as when a file cannot be mapped (tests).
    package var mappedWindowsRead = false
    /// Counts the input bytes read as the scan goes, for a progress display; `nil`: not counted.
    public var progress: ReadProgress? = nil

    /// One thread per core, at most 8 (scanning is memory-bound beyond that).
    public static var automaticThreads: Int {
        min(max(sysconf(Int32(_SC_NPROCESSORS_ONLN)), 1), 8)
    }

    public init(bufferSize: Int = 1 << 20, maxLineLength: Int = 1 << 20, threads: Int = 1,
                parallelChunkBytes: Int64 = 32 << 20) {
        self.parallelChunkBytes = max(parallelChunkBytes, 1)
        self.bufferSize = max(bufferSize, 64)
        self.maxLineLength = max(maxLineLength, 16)
        self.threads = max(threads, 1)
    }
}
