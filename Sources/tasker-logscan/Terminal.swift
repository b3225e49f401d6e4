#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the terminal allows: colour, width.
enum Terminal {
    /// Colour only on a terminal, never with `NO_COLOR` set to a non-empty value (no-color.org:
    /// an empty one does not count) or `TERM=dumb`.
    static func wantsColor(fd: Int32) -> Bool {
        guard isatty(fd) != 0 else { return false }
        if let noColor = getenv("NO_COLOR"), noColor[0] != 0 { return false }
        if let term = getenv("TERM"), String(cString: term) == "dumb" { return false }
        return true
    }

    /// The terminal's columns, nil when `fd` is not a terminal.
    static func width(fd: Int32) -> Int? {
        guard isatty(fd) != 0 else { return nil }
        var size = winsize()
        guard ioctl(fd, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }

    /// The narrowest width the text report lays out for: tables keep whole rows at 60.
    static let minimumWidth = 60

    /// The report's width: `COLUMNS` when it is a number, else the terminal's, else 80;
    /// never below 60, never above 1000.
    static func reportWidth(fd: Int32) -> Int {
        var width = 80
        if let text = getenv("COLUMNS").map({ String(cString: $0) }), let columns = Int(text), columns > 0 {
            width = columns
        } else if let columns = Terminal.width(fd: fd) {
            width = columns
        }
        return min(max(width, minimumWidth), 1000)
    }

    static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }
}
