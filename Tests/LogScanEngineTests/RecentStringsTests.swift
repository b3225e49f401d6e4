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
