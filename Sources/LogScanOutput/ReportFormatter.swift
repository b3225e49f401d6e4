import LogScanAnalysis

/// Renders a report in one output format; one conforming type per format.
public protocol ReportFormatter {
    /// The whole output, ending with a newline.
    func format(_ report: Report) -> String
}
