import FoundationEssentials
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The short reason a file operation failed, for one-line messages: `no such file or
/// directory`, `permission denied`, `read-only file system`.
///
/// FoundationEssentials' errors carry the system's error number (the `POSIXError`
/// underneath a `CocoaError`) but no localized text; the C library's names it.
enum FileErrorReason {
    static func of(_ error: Error) -> String {
        if let posix = error as? POSIXError { return describe(posix.code.rawValue) }
        if let cocoa = error as? CocoaError {
            if let posix = cocoa.userInfo["NSUnderlyingError"] as? POSIXError { return describe(posix.code.rawValue) }
            return describe(cocoa.code)
        }
        return String(describing: error)
    }

    /// The errors FoundationEssentials raises without a system error number under them.
    static func describe(_ code: CocoaError.Code) -> String {
        switch code {
        case .fileNoSuchFile, .fileReadNoSuchFile: "no such file or directory"
        case .fileReadNoPermission, .fileWriteNoPermission: "permission denied"
        // Raised when text read as UTF-8 is not (the tool reads and writes only UTF-8).
        case .fileReadCorruptFile, .fileReadInapplicableStringEncoding, .fileWriteInapplicableStringEncoding: "not valid UTF-8"
        case .fileWriteOutOfSpace: "no space left on device"
        case .fileWriteVolumeReadOnly: "read-only file system"
        case .fileWriteFileExists: "file exists"
        default: "error \(code.rawValue)"
        }
    }

    /// `strerror`'s text with a lower-case first letter, as the tool's other reasons read.
    static func describe(_ number: Int32) -> String {
        let text = String(cString: strerror(number))
        guard let first = text.first else { return "error \(number)" }
        return first.lowercased() + text.dropFirst()
    }
}
