import Testing
@testable import LogScanEngine

/// The one table of message forms (issue 10): the prefilter's literals and the
/// recogniser's pattern come from it and must agree.
@Suite struct MessageFormTests {
    /// A message of each form as tasker-core writes it (samples/plain.log).
    static let messages: [MessageForm: String] = [
        .mpscSaturation: "mpsc_channel_saturation channel=orchestration_command usage_percent=82.5",
        .mpscFull: "mpsc_channel_full channel=event_publisher action=dropped",
        .approaching: "Channel approaching capacity (>80%) channel=pgmq_notify_listener saturation_percent=88.86",
        .critical: "⚠️  CRITICAL: Channel critically full (>95%) channel=event_publisher_queue saturation_percent=99.96",
        .overflowBlocked: "Channel overflow - message blocked (backpressure applied) channel=pgmq_notify_listener overflow_count=1",
        .overflowDropped: "Channel overflow - message DROPPED (consider increasing buffer_size) channel=x messages_dropped=2",
        .ffiBackpressure: "Ruby FFI event channel full - backpressure applied",
        .droppedEvent: "Event channel full, dropping event workflow.transition",
        .bulkCreation: "Bulk task creation count=1500",
        .slowHandler: "Slow handler: 2.5s",
        .monitorInitialized: "Channel monitor initialized channel=orchestration_command_channel buffer_size=5000",
    ]

    @Test(arguments: MessageForm.allCases)
    func everyFormHoldsItsLiteralAndIsRecognisedAsItself(form: MessageForm) throws {
        let message = try #require(Self.messages[form])
        #expect(message.contains(form.literal))
        #expect(MessageForm.literals.contains(form.literal))
        let line = "2025-10-14T00:00:00Z  WARN ThreadId(01) tasker::x: " + message
        let (events, _) = LogScanner().scan(bytes: Array(line.utf8), name: "m")
        #expect(events.count == 1, "\(form)")
    }

    @Test func nearMissesAreNotCandidates() {
        let prefilter = LiteralPrefilter(literals: LiteralSet.messages)
        for text in ["Channel throughput milestone channel=x", "Listening on PostgreSQL channel channel=pgmq",
                     "Published step event event_type=step.completed"] {
            let bytes = Array(text.utf8)
            let hit = bytes.withUnsafeBufferPointer { prefilter.firstMatch(in: $0.baseAddress!, from: 0, to: $0.count) }
            #expect(hit == nil, "\(text)")
        }
    }
}
