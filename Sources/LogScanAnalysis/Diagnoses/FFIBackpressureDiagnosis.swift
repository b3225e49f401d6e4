import LogScanEngine
import LogScanConfig

/// `ruby_ffi_backpressure` (runbook Issue 3): one finding per run of FFI backpressure events.
enum FFIBackpressureDiagnosis {
    static let channel = "ruby_ffi"

    static func diagnose(run: EventRun, context: AnalysisContext) -> DraftFinding {
        let start = run.start
        let end = run.end
        let span = run.span
        let rate = DropRate(events: run.count, span: span)
        let recovered = context.isRecovered(lastTime: end.nanoseconds)
        let slow = context.slowHandlers(near: start, end)
        let capacity = context.capacity(of: channel, at: start)
        let severity: Severity = rate.perMinute > RunbookThresholds.stormRate ? .critical : .warning
        let evidence = FFIBackpressureEvidence(
            start: start, end: end, events: run.count, rate: rate, peakPerMinute: run.peakPerMinute,
            recovered: recovered, slowHandlersNearby: slow.count, slowestHandlerSeconds: slow.slowest,
            capacity: capacity, firstLine: context.lineReference(run.first), lastLine: context.lineReference(run.last))

        var summary = "Ruby FFI backpressure: \(run.count) event\(run.count == 1 ? "" : "s") in \(TimeText.duration(span)) (\(ReportNumber.format(rate.perMinute))/min)"
        if slow.count > 0 {
            summary += " with \(slow.count) slow Ruby handler\(slow.count == 1 ? "" : "s") nearby"
            if let slowest = slow.slowest { summary += " (slowest \(ReportNumber.format(slowest))s)" }
        }
        summary += recovered ? "; recovered." : "; ongoing at the end of the input."

        let advice: String
        var resize: ResizeRecommendation?
        if slow.count > 0 {
            advice = "The Ruby handlers are slow: optimise the Ruby handler code, consider async Ruby processing, profile handler performance. A bigger FFI buffer would only hide it."
        } else {
            advice = "No slow Ruby handlers near it: the FFI buffer is too small, or Rust produces too fast (rate-limit or batch events before the FFI crossing)."
            resize = capacity.flatMap { ResizeRecommendation(channel: ChannelCatalog.spec(for: channel), current: $0, rule: .double) }
        }
        let finding = Finding(id: .rubyFFIBackpressure, severity: severity, channel: channel, summary: summary,
                              start: start, end: end, evidence: .ffiBackpressure(evidence),
                              recommendation: Recommendation(text: advice), sources: context.sources(run))
        return DraftFinding(finding, resize: resize)
    }
}
