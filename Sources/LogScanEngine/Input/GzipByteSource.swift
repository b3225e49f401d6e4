import CISAL
import CZlib
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Decompresses gzip data from another source, member after member
/// (rotated logs concatenated with `cat` are one stream).
///
/// Damage does not end the input: after corrupt data, a member cut short, or
/// garbage between members, decompression resumes at the next gzip member
/// header, searched for from just after the start of the damaged member (in the
/// compressed bytes kept since then, at most `historyLimit`). The lines of the
/// damaged member up to the damage and every line of the following members are
/// still read; the problem is reported once, at the end of the input.
///
/// Members are decoded by ISA-L's inflate (about twice zlib's speed; header,
/// CRC-32 and length checked). When ISA-L finds damage, zlib decodes the member
/// again from its start (skipping what was already handed out: deflate decoding
/// is deterministic, so the bytes are the same), so that damage is found, placed
/// and worded exactly as zlib reports it. `stream` holds the input and output
/// pointers for both decoders. ISA-L is loaded when first needed (`CISAL`); where
/// `libisal.so.2` is missing, zlib decodes every member, with the same bytes and words.
final class GzipByteSource: ByteSource {
    /// Which decoder decodes undamaged members.
    enum Decoder: String, Sendable {
        /// ISA-L where it can be loaded, else zlib.
        case best
        /// ISA-L, or the input fails with a message saying it could not be loaded.
        case isal
        /// zlib for every member.
        case zlib
    }

    /// Whether ISA-L could be loaded (it is loaded once, on first use).
    static var isalAvailable: Bool { logscan_isal_available() != 0 }

    /// `TASKER_LOGSCAN_GZIP=isal|zlib` forces a decoder (scripts/release-check checks
    /// that the release binary loads ISA-L); anything else is `.best`.
    static let environmentDecoder: Decoder = {
        guard let value = getenv("TASKER_LOGSCAN_GZIP") else { return .best }
        return Decoder(rawValue: String(cString: value)) ?? .best
    }()

    private let source: ByteSource
    private var stream = z_stream()
    private var initialized = false
    /// ISA-L's state; nil when zlib decodes every member.
    private let isal: UnsafeMutablePointer<inflate_state>?
    /// zlib decodes the current member (after ISA-L found damage in it, or without ISA-L).
    private var usingZlib = false
    /// Bytes of the current member handed out so far.
    private var memberOutput = 0
    /// Bytes zlib still decodes and drops after taking over (ISA-L handed them out).
    private var skip = 0
    /// The current member's first bytes are no longer kept (it is over `historyLimit`).
    private var memberDropped = false
    /// ISA-L's description of damage zlib could not re-decode (member start dropped).
    private var isalDamage: String?
    private var scratch: UnsafeMutablePointer<UInt8>?
    /// How many members zlib re-decoded (tests: ISA-L decodes every undamaged one).
    private(set) var zlibTakeovers = 0
    private let scratchSize = 64 * 1024

    /// Compressed bytes `[0, filled)` read from the source; inflate is at
    /// `stream.next_in`. Bytes from `memberStart` on are kept for resynchronising.
    private let input: UnsafeMutablePointer<UInt8>
    private let readSize = 256 * 1024
    private let capacity: Int
    /// Compressed bytes of the current member kept for the header search after
    /// damage: zlib notices a cut member within bytes or kilobytes, so the next
    /// member's header is well inside the last `historyLimit` bytes.
    private let historyLimit = 1024 * 1024
    private var filled = 0
    private var memberStart = 0
    /// Offset in the compressed input of `input[0]` (for messages).
    private var inputOffset: Int64 = 0
    private var sourceFinished = false
    private var finished = false

    /// The last byte handed out, so a resumed member never glues its first line
    /// onto the damaged member's last, partial one.
    private var lastByte: UInt8 = 0x0A
    /// The first problem met, reported when the input ends.
    private var damage: String?
    private var damageCount = 0
    /// Whether the bytes at `next_in` must be searched for a member header.
    private var searching = false

    /// `prefix` holds bytes already read from `source` (the magic bytes we sniffed).
    init(source: ByteSource, prefix: UnsafeRawBufferPointer, decoder: Decoder = GzipByteSource.environmentDecoder) throws(InputError) {
        self.source = source
        // Twice the history: the kept bytes move once every few reads, not on every one.
        capacity = 2 * historyLimit + readSize + max(prefix.count, 16)
        input = .allocate(capacity: capacity)
        out = .allocate(capacity: holdback + 2 * outputSize)
        if let base = prefix.baseAddress, prefix.count > 0 {
            UnsafeMutableRawPointer(input).copyMemory(from: base, byteCount: prefix.count)
        }
        filled = prefix.count
        stream.next_in = input
        stream.avail_in = UInt32(prefix.count)
        var state: UnsafeMutablePointer<inflate_state>?
        if decoder != .zlib, logscan_isal_available() != 0 {
            state = logscan_isal_new()
            if state == nil {
                input.deallocate()
                out.deallocate()
                throw InputError("out of memory while decompressing gzip data")
            }
        } else if decoder == .isal {
            input.deallocate()
            out.deallocate()
            throw InputError("ISA-L was asked for (TASKER_LOGSCAN_GZIP=isal) but libisal.so.2 could not be loaded")
        }
        isal = state
        usingZlib = state == nil
        // 15 + 16: gzip wrapper only (a zlib or raw stream is not a .gz file).
        guard logscan_inflate_init2(&stream, 15 + 16) == Z_OK else {
            input.deallocate()
            out.deallocate()
            free(state)
            throw InputError("cannot initialise zlib")
        }
        initialized = true
    }

    deinit {
        if initialized { inflateEnd(&stream) }
        free(isal)
        scratch?.deallocate()
        out.deallocate()
        input.deallocate()
    }

    /// Index in `input` of the next byte inflate will read.
    private var position: Int { stream.next_in - input }

    /// Decoded bytes `[outStart, outEnd)` not yet handed out. ISA-L's output is held
    /// back by up to `holdback` bytes until its member's CRC has checked: on
    /// damaged data ISA-L decodes on where zlib stops (an invalid distance code, a
    /// distance too far back), and those bytes are dropped when zlib takes over.
    private let out: UnsafeMutablePointer<UInt8>
    private var outStart = 0
    private var outEnd = 0
    /// Bytes before this index are final (a checked member, zlib's output).
    private var finalEnd = 0
    /// Where the current member's output starts in `out` (0 once handed out and moved).
    private var memberOutStart = 0
    private let holdback = 1 << 20
    /// Every decode step gets exactly this much room, whatever the caller reads, so
    /// that the bytes read never depend on the read size.
    private let outputSize = 256 * 1024
    /// The last byte handed out (for `lastByte` when held-back bytes are dropped).
    private var lastHandedOut: UInt8 = 0x0A

    func read(into buffer: UnsafeMutableRawPointer, count: Int) throws(InputError) -> Int {
        while true {
            let releasable = finished || usingZlib ? outEnd : max(finalEnd, outEnd - holdback)
            if releasable > outStart {
                let n = min(count, releasable - outStart)
                buffer.copyMemory(from: out + outStart, byteCount: n)
                outStart += n
                lastHandedOut = out[outStart - 1]
                return n
            }
            if finished { return try decodeStep(into: out, count: 0) }
            if outEnd + outputSize > holdback + outputSize {
                // Move the held-back bytes to the front.
                memmove(out, out + outStart, outEnd - outStart)
                finalEnd = max(finalEnd - outStart, 0)
                memberOutStart = max(memberOutStart - outStart, 0)
                outEnd -= outStart
                outStart = 0
            }
            stream.next_out = out + outEnd
            _ = try decodeStep(into: out + outEnd, count: outputSize)
            outEnd = stream.next_out - out
        }
    }

    /// Decodes up to `count` bytes into `buffer`; 0 at the end (or the damage, thrown once).
    private func decodeStep(into buffer: UnsafeMutablePointer<UInt8>, count: Int) throws(InputError) -> Int {
        if finished {
            // Everything readable is out: now the damage, once, ends the input.
            if let damage, !damageReported {
                damageReported = true
                throw InputError(damageCount > 1 ? "\(damage), and \(damageCount - 1) more damaged place(s)" : damage)
            }
            return 0
        }
        stream.next_out = buffer
        stream.avail_out = UInt32(min(count, Int(UInt32.max)))
        while stream.avail_out > 0 && !finished {
            if searching {
                if !resynchronise() { finished = true }
                continue
            }
            if stream.avail_in == 0 && !sourceFinished { refill() }
            let before = stream.avail_out
            let rc = decode()
            if before > stream.avail_out { lastByte = stream.next_out[-1] }
            switch rc {
            case Z_STREAM_END:
                finalEnd = stream.next_out - out   // the member's CRC checked
                if !startNextMember() { finished = true }
            case Z_OK:
                break
            case Z_BUF_ERROR where stream.avail_in == 0 && sourceFinished:
                // The input ended inside a member: everything it held is out.
                recordDamage("unexpected end of gzip data (truncated file?)", at: nil)
                finished = true
            case Z_BUF_ERROR:
                break
            case Z_MEM_ERROR:
                throw InputError("out of memory while decompressing gzip data")
            default:
                let detail = isalDamage ?? stream.msg.map { String(cString: $0) } ?? "error \(rc)"
                isalDamage = nil
                recordDamage("corrupt gzip data (\(detail))", at: position)
                beginSearch(after: memberStart)
            }
        }
        return stream.next_out - buffer
    }

    /// One step of the current member's decoder, in zlib's return codes.
    private func decode() -> Int32 {
        guard !usingZlib, let isal else {
            if skip > 0 { return skipHandedOut() }
            let before = stream.avail_out
            let rc = inflate(&stream, Z_NO_FLUSH)
            memberOutput += Int(before - stream.avail_out)
            return rc
        }
        isal.pointee.next_in = stream.next_in
        isal.pointee.avail_in = stream.avail_in
        isal.pointee.next_out = stream.next_out
        isal.pointee.avail_out = stream.avail_out
        let rc = logscan_isal_inflate(isal)
        stream.next_in = isal.pointee.next_in
        stream.avail_in = isal.pointee.avail_in
        // next_out is the truth: after damage ISA-L's avail_out can disagree with it.
        let produced = isal.pointee.next_out - stream.next_out
        stream.next_out += produced
        stream.avail_out -= UInt32(produced)
        memberOutput += produced
        if rc < 0 { return takeOverWithZlib(rc) }
        if logscan_isal_member_done(isal) != 0 {
            // Bytes read ahead into the bit buffer belong to what follows the member.
            let ahead = logscan_isal_buffered_bytes(isal)
            stream.next_in -= Int(ahead)
            stream.avail_in += ahead
            return Z_STREAM_END
        }
        return stream.avail_in == 0 && stream.avail_out > 0 ? Z_BUF_ERROR : Z_OK
    }

    /// ISA-L found damage: zlib decodes the member again from its start, when kept.
    private func takeOverWithZlib(_ rc: Int32) -> Int32 {
        guard !memberDropped else {
            isalDamage = switch rc {
            case ISAL_INCORRECT_CHECKSUM: "incorrect data check"
            case ISAL_INVALID_WRAPPER, ISAL_UNSUPPORTED_METHOD: "incorrect header"
            case ISAL_INVALID_LOOKBACK: "invalid distance too far back"
            default: "invalid deflate data"
            }
            return Z_DATA_ERROR
        }
        stream.next_in = input + memberStart
        stream.avail_in = UInt32(filled - memberStart)
        inflateReset(&stream)
        usingZlib = true
        zlibTakeovers += 1
        // Drop this member's held-back bytes; zlib skips only what was handed out.
        let keep = max(memberOutStart, outStart)
        let dropped = (stream.next_out - out) - keep
        skip = memberOutput - dropped
        memberOutput = 0
        stream.next_out = out + keep
        stream.avail_out = UInt32(min(outputSize, holdback + 2 * outputSize - keep))
        lastByte = keep > 0 ? out[keep - 1] : lastHandedOut
        return Z_OK
    }

    /// zlib re-decodes what ISA-L already handed out, into a scratch buffer.
    private func skipHandedOut() -> Int32 {
        if scratch == nil { scratch = .allocate(capacity: scratchSize) }
        let (out, room) = (stream.next_out, stream.avail_out)
        stream.next_out = scratch
        stream.avail_out = UInt32(min(skip, scratchSize))
        let rc = inflate(&stream, Z_NO_FLUSH)
        skip -= Int(UInt32(min(skip, scratchSize)) - stream.avail_out)
        (stream.next_out, stream.avail_out) = (out, room)
        return rc
    }

    /// Both decoders at the start of a member (at `next_in`).
    private func beginMember() {
        inflateReset(&stream)
        if let isal {
            isal.pointee.next_in = stream.next_in
            isal.pointee.avail_in = stream.avail_in
            logscan_isal_begin_member(isal)
        }
        usingZlib = isal == nil
        memberOutput = 0
        skip = 0
        memberDropped = false
        // What came before (a checked member, or zlib's output up to damage) is final.
        finalEnd = stream.next_out - out
        memberOutStart = finalEnd
    }

    private var damageReported = false
    /// The source threw: its error is the one reported.
    private var sourceFailed = false

    /// Remembers the first problem (with where it was, when that helps) and counts them all.
    private func recordDamage(_ message: String, at index: Int?) {
        // After the source failed, the cut-off member is a consequence, not more damage.
        guard !sourceFailed else { return }
        damageCount += 1
        guard damage == nil else { return }
        damage = index.map { "\(message) at compressed byte \(inputOffset + Int64($0))" } ?? message
    }

    /// Reads more compressed bytes after the ones inflate has, keeping the
    /// current member's bytes (up to `historyLimit`) for a header search.
    /// A failing source ends the compressed input: what is decompressed is
    /// still handed out, then its error is reported.
    private func refill() {
        // Compact only when the next read would not fit.
        let keepFrom = max(min(memberStart, position), filled - historyLimit, 0)
        if filled + readSize > capacity, keepFrom > 0 {
            let next = position - keepFrom
            memmove(input, input + keepFrom, filled - keepFrom)
            filled -= keepFrom
            if memberStart < keepFrom { memberDropped = true }
            memberStart = max(memberStart - keepFrom, 0)
            inputOffset += Int64(keepFrom)
            stream.next_in = input + next
        }
        let n: Int
        do {
            n = try source.read(into: input + filled, count: min(readSize, capacity - filled))
        } catch {
            recordDamage(error.message, at: nil)
            sourceFailed = true
            n = 0
        }
        if n == 0 { sourceFinished = true }
        filled += n
        stream.avail_in = UInt32(filled - position)
    }

    /// After a member ends: another member follows → reset and go on; zero
    /// padding (tape archives, preallocated files) → skipped; nothing → done;
    /// anything else is damage → search for the next member.
    private func startNextMember() -> Bool {
        while true {
            if stream.avail_in == 0 && !sourceFinished { refill() }
            memberStart = position
            guard stream.avail_in > 0 else { return false }
            if stream.next_in[0] == 0x1F {
                beginMember()
                return true
            }
            guard stream.next_in[0] == 0 else { break }
            var zeros = 0
            while zeros < Int(stream.avail_in), stream.next_in[zeros] == 0 { zeros += 1 }
            stream.next_in += zeros
            stream.avail_in -= UInt32(zeros)
        }
        recordDamage("garbage after a gzip member", at: position)
        beginSearch(after: position - 1)
        return true
    }

    /// The next member header is to be found after index `start`.
    private func beginSearch(after start: Int) {
        searching = true
        stream.next_in = input + start + 1
        stream.avail_in = UInt32(filled - (start + 1))
    }

    /// Finds the next plausible member header from `next_in` on, reading more
    /// input as needed, and restarts inflate there. False at the end of input.
    private func resynchronise() -> Bool {
        while true {
            var i = position
            // A header: 1F 8B, method 8 (deflate), no reserved flag bits.
            while i + 4 <= filled {
                if input[i] == 0x1F, input[i + 1] == 0x8B, input[i + 2] == 0x08, input[i + 3] & 0xE0 == 0 {
                    searching = false
                    memberStart = i
                    stream.next_in = input + i
                    stream.avail_in = UInt32(filled - i)
                    beginMember()
                    // The damaged member's last line ends here, not in the next member's first.
                    if lastByte != 0x0A, stream.avail_out > 0 {
                        stream.next_out.pointee = 0x0A
                        stream.next_out += 1
                        stream.avail_out -= 1
                        lastByte = 0x0A
                        finalEnd = stream.next_out - out
                        memberOutStart = finalEnd
                    }
                    return true
                }
                i += 1
            }
            // Keep the last bytes: a header may straddle the end of what we have.
            stream.next_in = input + i
            stream.avail_in = UInt32(filled - i)
            memberStart = i
            if sourceFinished { return false }
            refill()
        }
    }
}
