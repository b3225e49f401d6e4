/// Compressions recognised by their magic bytes, never by the file name (SPEC §1).
enum CompressionFormat: Equatable {
    case gzip, zstd, xz, bzip2
    /// Magic bytes of a compression tasker-logscan cannot read (named in the message).
    case unsupported(String)

    /// How many bytes `detect` looks at.
    static let magicLength = 6

    /// The compression `prefix` starts with, or nil for plain text.
    static func detect(_ p: UnsafeRawBufferPointer) -> CompressionFormat? {
        func starts(_ magic: [UInt8]) -> Bool { p.count >= magic.count && zip(p, magic).allSatisfy { $0 == $1 } }
        if starts([0x1F, 0x8B]) { return .gzip }
        if starts([0x28, 0xB5, 0x2F, 0xFD]) { return .zstd }
        if starts([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]) { return .xz }
        if starts([0x42, 0x5A, 0x68]), p.count >= 4, (0x31...0x39).contains(p[3]) { return .bzip2 }
        if starts([0x04, 0x22, 0x4D, 0x18]) { return .unsupported("lz4") }
        if starts([0x50, 0x4B, 0x03, 0x04]) { return .unsupported("zip") }
        if starts([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C]) { return .unsupported("7z") }
        if starts([0x4C, 0x5A, 0x49, 0x50]) { return .unsupported("lzip") }
        if starts([0x1F, 0x9D]) { return .unsupported("compress (.Z)") }
        return nil
    }

    var name: String {
        switch self {
        case .gzip: "gzip"
        case .zstd: "zstd"
        case .xz: "xz"
        case .bzip2: "bzip2"
        case .unsupported(let name): name
        }
    }
}
