import Testing
@testable import LogScanConfig

@Suite struct TOMLLineScannerTests {
    @Test func findsHeadersAndKeysWithTheirLines() {
        let text = """
            # comment
            top = 1
            [mpsc_channels.orchestration.command_processor]
            command_buffer_size = 5000  # trailing comment

            [ "quoted key" . 'literal' ]
            a.b = "x"
            [[worker.routes]]
            path = "/v1"
            """
        let (headers, keys) = TOMLLineScanner.scan(text)
        #expect(headers == [
            ConfigTableHeader(path: ["mpsc_channels", "orchestration", "command_processor"], line: 3),
            ConfigTableHeader(path: ["quoted key", "literal"], line: 6),
            ConfigTableHeader(path: ["worker", "routes"], line: 8, isArrayTable: true),
        ])
        #expect(keys.map(\.path) == [["top"], ["mpsc_channels", "orchestration", "command_processor", "command_buffer_size"],
                                     ["quoted key", "literal", "a", "b"], ["worker", "routes", "path"]])
        #expect(keys.map(\.line) == [2, 4, 7, 9])
        #expect(keys.map(\.inArrayTable) == [false, false, false, true])
        let bytes = Array(text.utf8)
        #expect(String(decoding: bytes[keys[1].valueRange], as: UTF8.self) == "5000")
        #expect(String(decoding: bytes[keys[2].valueRange], as: UTF8.self) == "\"x\"")
    }

    @Test func countsTheLinesOfMultilineValues() {
        let text = """
            list = [
              1, # one
              2,
            ]
            doc = \"\"\"
            [not.a.header]
            key = "not a key"
            \"\"\"
            raw = '''
            x = 1'''
            [after]
            size = 10
            """
        let (headers, keys) = TOMLLineScanner.scan(text)
        #expect(headers == [ConfigTableHeader(path: ["after"], line: 11)])
        #expect(keys.map(\.path) == [["list"], ["doc"], ["raw"], ["after", "size"]])
        #expect(keys.map(\.line) == [1, 5, 9, 12])
        #expect(keys.map(\.valueEndLine) == [4, 8, 10, 12])
    }

    @Test func recordsTheKeysOfInlineTables() {
        let text = "ffi = { ruby_event_buffer_size = 1000, nested = { a = 1 } }\nitems = [{ x = 1 }]\n"
        let (_, keys) = TOMLLineScanner.scan(text)
        #expect(keys.map(\.path) == [["ffi", "ruby_event_buffer_size"], ["ffi", "nested", "a"], ["ffi", "nested"],
                                     ["ffi"], ["items"]])
        #expect(keys.map(\.line) == [1, 1, 1, 1, 2])
    }

    @Test func decodesEscapesInQuotedKeys() {
        let (headers, _) = TOMLLineScanner.scan("[\"a\\\"b\".\"\\u00e9\"]\n")
        #expect(headers.map(\.path) == [["a\"b", "é"]])
        #expect(TOMLKeyPath.header(["a\"b", "é", "plain_key-1"]) == "[\"a\\\"b\".\"é\".plain_key-1]")
    }

    @Test func everyEntryOfARealFileGetsItsOwnLine() throws {
        let file = try ConfigFile.read(path: ConfigFixtures.root("seed") + "/base/mpsc_channels.toml",
                                       relativePath: "base/mpsc_channels.toml", environment: nil)
        #expect(file.entries.map(\.dottedPath) == [
            "mpsc_channels.orchestration.command_processor.command_buffer_size",
            "mpsc_channels.orchestration.event_systems.event_channel_buffer_size",
            "mpsc_channels.orchestration.event_listeners.pgmq_event_buffer_size",
            "mpsc_channels.task_readiness.event_channel.buffer_size",
            "mpsc_channels.task_readiness.event_channel.send_timeout_ms",
            "mpsc_channels.worker.command_processor.command_buffer_size",
            "mpsc_channels.worker.event_systems.event_channel_buffer_size",
            "mpsc_channels.worker.event_subscribers.completion_buffer_size",
            "mpsc_channels.worker.event_subscribers.result_buffer_size",
            "mpsc_channels.shared.event_publisher.event_queue_buffer_size",
            "mpsc_channels.shared.ffi.ruby_event_buffer_size",
            "mpsc_channels.overflow_policy.log_warning_threshold",
            "mpsc_channels.overflow_policy.drop_policy",
            "mpsc_channels.overflow_policy.metrics.enabled",
            "mpsc_channels.overflow_policy.metrics.saturation_check_interval_seconds",
        ])
        #expect(file.entries.map(\.line) == [9, 12, 15, 19, 20, 24, 27, 30, 31, 35, 38, 41, 42, 45, 46])
        #expect(file.entries.last?.value == .integer(10))
        #expect(file.entries.first { $0.key == "log_warning_threshold" }?.value == .float(0.8))
        #expect(file.entries.first { $0.key == "drop_policy" }?.value == .string("block"))
    }
}
