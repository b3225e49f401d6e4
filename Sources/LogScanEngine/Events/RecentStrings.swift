#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The `String`s of a few recent field values, so that a storm of events naming the same
/// channel, pod or level shares one `String` each instead of allocating one per event.
///
/// Direct-mapped by length and last byte: a miss only costs the `String` it would have made
/// anyway. The strings handed out are equal to `ByteSlice.string` of the same bytes, and
/// the same object each time, which also makes later equality checks on them cheap.
///
/// A class over raw storage: its owner calls it on every event, and a mutated stored
/// property of a class would cost a dynamic exclusivity check per call.
final class RecentStrings {
    private static let slotCount = 16
    /// Longer values are made afresh: they are rare, and comparing them costs more.
    private static let maxCachedLength = 64

    private let slots: UnsafeMutablePointer<String?>

    init() {
        slots = .allocate(capacity: RecentStrings.slotCount)
        slots.initialize(repeating: nil, count: RecentStrings.slotCount)
    }

    deinit {
        slots.deinitialize(count: RecentStrings.slotCount)
        slots.deallocate()
    }

    /// `bytes.string`, from the cache when the same bytes were seen recently.
    func string(_ bytes: ByteSlice) -> String {
        let count = bytes.count
        guard count > 0, count <= RecentStrings.maxCachedLength else { return bytes.string }
        let slot = (count &* 7 &+ Int(bytes[count - 1])) & (RecentStrings.slotCount - 1)
        if let cached = slots[slot], RecentStrings.same(cached, bytes) { return cached }
        let string = bytes.string
        slots[slot] = string
        return string
    }

    /// Whether `string`'s UTF-8 is exactly `bytes`: a string made from invalid UTF-8 was
    /// repaired, so it never matches its bytes and is never reused for them.
    private static func same(_ string: String, _ bytes: ByteSlice) -> Bool {
        var string = string
        return string.withUTF8 { utf8 in
            utf8.count == bytes.count && memcmp(utf8.baseAddress!, bytes.base, bytes.count) == 0
        }
    }
}
