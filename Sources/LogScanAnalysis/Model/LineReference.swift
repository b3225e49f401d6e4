/// Where an event was read: the input's display name and the 1-based physical line.
public struct LineReference: Sendable, Equatable, Comparable, CustomStringConvertible {
    public var input: String
    public var line: Int

    public init(input: String, line: Int) {
        self.input = input
        self.line = line
    }

    /// `input:line`, the form editors and `grep -n` use.
    public var description: String { "\(input):\(line)" }

    public static func < (lhs: LineReference, rhs: LineReference) -> Bool {
        (lhs.input, lhs.line) < (rhs.input, rhs.line)
    }
}
