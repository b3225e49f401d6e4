/// A command-line value that cannot be used, with a message that says what to write instead.
public struct OptionValueError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
