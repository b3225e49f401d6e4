import LogScanEngine

/// A channel capacity a config tree sets for one environment, and where it is set.
public struct EffectiveCapacity: Sendable, Equatable {
    /// The channel.
    public var channel: ChannelSpec
    /// Its capacity in messages.
    public var value: Int
    /// The file whose value wins (the environment's override, else base).
    public var file: String
    /// 1-based line of the key in `file`.
    public var line: Int

    /// A capacity set at `file:line`.
    public init(channel: ChannelSpec, value: Int, file: String, line: Int) {
        self.channel = channel
        self.value = value
        self.file = file
        self.line = line
    }
}
