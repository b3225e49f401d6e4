#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A directory given as FILE is read as every regular file under it, recursively,
/// in path order, hidden files and folders skipped (as `rg` does; SPEC §1).
public enum DirectoryInputs {
    /// `inputs` with each directory replaced by the files under it. A directory
    /// with no file to read is an empty input (a warning in the report); one that
    /// cannot be listed stays as it is, so that reading it reports why.
    public static func expand(_ inputs: [InputSpec]) -> [InputSpec] {
        inputs.flatMap { input -> [InputSpec] in
            guard case .path(let path) = input, isDirectory(path) else { return [input] }
            guard let files = files(under: path) else { return [input] }
            return files.isEmpty ? [.bytes(name: path, [])] : files.map(InputSpec.path)
        }
    }

    private static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    /// The regular files under `directory` in path order; nil when it cannot be listed.
    static func files(under directory: String) -> [String]? {
        guard let names = entries(of: directory) else { return nil }
        var out: [String] = []
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        for name in names {
            let path = prefix + name
            var st = stat()
            // Symbolic links are followed to files, not to folders (no cycles).
            guard stat(path, &st) == 0 else { continue }
            switch st.st_mode & S_IFMT {
            case S_IFREG: out.append(path)
            case S_IFDIR:
                var link = stat()
                guard lstat(path, &link) == 0, (link.st_mode & S_IFMT) == S_IFDIR else { continue }
                out += files(under: path) ?? []
            default: continue
            }
        }
        return out
    }

    /// The names in `directory` without hidden ones, sorted by their bytes.
    private static func entries(of directory: String) -> [String]? {
        guard let dir = opendir(directory) else { return nil }
        defer { closedir(dir) }
        var names: [[UInt8]] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                Array(raw.prefix { $0 != 0 })
            }
            guard let first = name.first, first != UInt8(ascii: ".") else { continue }
            names.append(name)
        }
        return names.sorted { $0.lexicographicallyPrecedes($1) }.map { String(decoding: $0, as: UTF8.self) }
    }
}
