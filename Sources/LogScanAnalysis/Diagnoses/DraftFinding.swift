/// A finding before sizes are reconciled: its recommendation text holds the advice only,
/// the resize (if any) is added once every finding for the same config key is known.
struct DraftFinding {
    var finding: Finding
    var resize: ResizeRecommendation?

    init(_ finding: Finding, resize: ResizeRecommendation? = nil) {
        self.finding = finding
        self.resize = resize
    }
}
