import Testing
@testable import LogScanEngine

/// Field values shared between events are exactly the strings made from their bytes, whatever
/// the cache holds: collisions, a value longer than the cache takes, invalid UTF-8.
@Suite struct RecentStringsTests {
    @Test func everyStringEqualsTheOneMadeFromItsBytes() {
        let values: [[UInt8]] = [
            Array("orchestration_command_channel".utf8), Array("pgmq_notify_listener".utf8),
            Array("orchestration_command_channel".utf8), Array("WARN".utf8), Array("ab".utf8), Array("ba".utf8),
            [0x61, 0xFF, 0x62], [0x61, 0xFF, 0x62], Array(String(repeating: "x", count: 65).utf8),
            Array("pgmq_notify_listener".utf8), Array("ruby_ffi_event_handler".utf8), [0xE2, 0x82], Array("€".utf8),
        ]
        let recent = RecentStrings()
        for _ in 0..<3 {
            for value in values {
                value.withUnsafeBufferPointer { buffer in
                    let bytes = ByteSlice(buffer.baseAddress!, buffer.count)
                    #expect(recent.string(bytes) == bytes.string)
                    #expect(Array(recent.string(bytes).utf8) == Array(bytes.string.utf8))
                }
            }
        }
    }

    @Test func anEmptyValueIsTheEmptyString() {
        let recent = RecentStrings()
        let byte: [UInt8] = [0x41]
        byte.withUnsafeBufferPointer { buffer in
            #expect(recent.string(ByteSlice(buffer.baseAddress!, 0)) == "")
        }
    }
}

/// `String.unshared`: the same text in a storage of its own, so that the threads of a
/// parallel scan do not retain and release one shared string per event.
@Suite struct UnsharedStringTests {
    @Test func aLongStringGetsStorageOfItsOwnAndTheSameText() {
        var original = "/var/log/tasker/orchestration-2025-10-14.log"
        var copy = original.unshared
        #expect(copy == original)
        let a = original.withUTF8 { UInt(bitPattern: $0.baseAddress) }
        let b = copy.withUTF8 { UInt(bitPattern: $0.baseAddress) }
        #expect(a != b)
        // Non-ASCII text keeps its bytes.
        let accented = "pgmq_notifications_événements_⚠️"
        #expect(accented.unshared == accented)
        #expect(Array(accented.unshared.utf8) == Array(accented.utf8))
    }

    @Test func shortStringsAreInlineAndReturnedAsTheyAre() {
        for s in ["", "WARN", "worker_command", "event_publisher"] {
            #expect(s.unshared == s)
        }
    }
}
