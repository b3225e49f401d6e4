import LogScanEngine

/// Times and durations as the text parts of a report print them.
package enum TimeText {
    /// RFC 3339 UTC to the second (`2025-10-14T00:12:00Z`): fractions help machines, not readers.
    package static func seconds(_ t: Timestamp) -> String {
        Timestamp(nanoseconds: t.nanoseconds - t.nanoseconds.floorMod(1_000_000_000)).rfc3339
    }

    /// A duration such as `4m59s`.
    package static func duration(_ nanoseconds: Int64) -> String { HumanDuration.format(nanoseconds) }

    /// `1200 tasks`, or `an unknown number of tasks`.
    package static func tasks(_ count: Int?) -> String { count.map { "\($0) tasks" } ?? "an unknown number of tasks" }
}
