/// Reads inputs as byte streams and turns their relevant lines into events.
public final class LogScanner {
    public let options: ScanOptions

    public init(options: ScanOptions = ScanOptions()) {
        self.options = options
    }

    /// Scans `inputs` in order as one stream, calling `onEvent` for every event in
    /// input order. Errors of one input are recorded in its summary; the others are still read.
    public func scan(_ inputs: [InputSpec], onEvent: (Event) -> Void) -> ScanSummary {
        // Engine under construction.
        ScanSummary(inputs: inputs.map { InputSummary(name: $0.displayName) })
    }

    /// Convenience for tests: all events of one in-memory input, with its summary.
    public func scan(bytes: [UInt8], name: String = "-") -> (events: [Event], summary: InputSummary) {
        var events: [Event] = []
        let summary = scan([.bytes(name: name, bytes)]) { events.append($0) }
        return (events, summary.inputs[0])
    }
}
