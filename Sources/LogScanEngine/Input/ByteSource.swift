/// A stream of bytes: a file, standard input, decompressed gzip, or memory.
protocol ByteSource: AnyObject {
    /// Reads up to `count` bytes into `buffer`; 0 means end of input.
    /// Throws `InputError` when the input cannot be read further.
    func read(into buffer: UnsafeMutableRawPointer, count: Int) throws(InputError) -> Int
}

/// Why an input could not be read: one line for the user, naming no path (the
/// caller prints `tasker-logscan: PATH: <message>`).
public struct InputError: Error, Equatable, CustomStringConvertible, Sendable {
    public let message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }

    /// The message for an `errno` value (`No such file or directory`).
    static func errno(_ code: Int32) -> InputError {
        InputError(String(cString: strerror(code)))
    }

    /// Compressed data (a gzip member, say) starts a line of a text input at `offset`:
    /// `cat old.log new.log.gz` cannot be read as one text.
    static func compressedDataInText(_ format: String, at offset: Int64) -> InputError {
        InputError("\(format) data after plain text at byte \(offset): its lines are not read (decompress that part on its own)")
    }

    /// A regular file got shorter than what was already read from it
    /// (`logrotate`'s copytruncate, or `> file`, during the scan).
    static func truncated(size: Int64, read: Int64) -> InputError {
        InputError("file was truncated while being read (now \(size) bytes; reading had reached byte \(read))")
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
