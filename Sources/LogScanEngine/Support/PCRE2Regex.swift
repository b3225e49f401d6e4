import CPCRE2

/// A compiled PCRE2 pattern, JIT-compiled when the platform allows, shared by every thread:
/// matching only reads it (PCRE2's match data and JIT stack are the per-thread parts). Compiled
/// once per process: compiling and JIT-compiling the recogniser's pattern was 0.5 M instructions,
/// paid by every scanner (three in a two-thread scan: the scanner's own and one per thread).
final class PCRE2Pattern: @unchecked Sendable {
    let code: OpaquePointer
    let jitted: Bool

    /// Compiles `pattern`; a bad pattern is a programming error, so it traps with PCRE2's message.
    init(_ pattern: String, options: UInt32 = 0) {
        var errorCode: Int32 = 0
        var errorOffset = 0
        let compiled = pattern.utf8CString.withUnsafeBufferPointer { p -> OpaquePointer? in
            p.baseAddress!.withMemoryRebound(to: UInt8.self, capacity: p.count) {
                pcre2_compile_8($0, p.count - 1, options, &errorCode, &errorOffset, nil)
            }
        }
        guard let compiled else {
            var message = [UInt8](repeating: 0, count: 256)
            let n = pcre2_get_error_message_8(errorCode, &message, message.count)
            fatalError("PCRE2 pattern error at \(errorOffset): \(String(decoding: message.prefix(Int(max(n, 0))), as: UTF8.self))")
        }
        code = compiled
        jitted = pcre2_jit_compile_8(compiled, UInt32(PCRE2_JIT_COMPLETE)) == 0
    }

    deinit { pcre2_code_free_8(code) }
}

/// A `PCRE2Pattern` with its own match data: the last match's groups and mark.
///
/// Not thread-safe: it owns its match data. Give each scanning thread its own.
final class PCRE2Regex {
    private let pattern: PCRE2Pattern
    private let matchData: OpaquePointer

    init(_ pattern: PCRE2Pattern) {
        self.pattern = pattern
        matchData = pcre2_match_data_create_from_pattern_8(pattern.code, nil)
    }

    /// Compiles `pattern` for this regex alone.
    convenience init(_ pattern: String, options: UInt32 = 0) {
        self.init(PCRE2Pattern(pattern, options: options))
    }

    deinit { pcre2_match_data_free_8(matchData) }

    /// Matches at the start of `subject` (the pattern decides whether it is anchored).
    /// Returns false on no match or a PCRE2 error (a resource limit counts as no match).
    func matches(_ subject: ByteSlice) -> Bool {
        let rc: Int32
        if pattern.jitted {
            rc = pcre2_jit_match_8(pattern.code, subject.base, subject.count, 0, 0, matchData, nil)
        } else {
            rc = pcre2_match_8(pattern.code, subject.base, subject.count, 0, 0, matchData, nil)
        }
        return rc > 0
    }

    /// The byte range of capture group `group` of the last successful match, nil when unset.
    func group(_ group: Int) -> Range<Int>? {
        guard group < Int(pcre2_get_ovector_count_8(matchData)) else { return nil }
        let ovector = pcre2_get_ovector_pointer_8(matchData)!
        let start = ovector[2 * group], end = ovector[2 * group + 1]
        // PCRE2_UNSET is SIZE_MAX.
        guard start != Int.max, start != ~0, start <= end else { return nil }
        return Int(start)..<Int(end)
    }

    /// The name of the last `(*MARK:name)` passed in the last successful match.
    var mark: String? {
        guard let p = pcre2_get_mark_8(matchData) else { return nil }
        return String(cString: p)
    }

    /// The last `(*MARK:n)` as a small integer, without making a String.
    var markNumber: Int? {
        guard let p = pcre2_get_mark_8(matchData) else { return nil }
        var value = 0
        var i = 0
        while p[i] != 0 {
            let d = Int(p[i]) - 48
            guard d >= 0, d <= 9 else { return nil }
            value = value * 10 + d
            i += 1
        }
        return i > 0 ? value : nil
    }
}
