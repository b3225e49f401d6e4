import LogScanEngine
/// One channel's `buffer_size` lines in time order: what it ran with at each instant
/// (SPEC §3 "capacity in force") and where that changed (a restart with a new size).
struct CapacityTimeline {
    /// The observations, untimed ones first (they say the size, not when).
    let observations: [ChannelCapacity.Observation]

    init(_ observations: [ChannelCapacity.Observation]) { self.observations = observations }

    /// The latest observation at or before `time`; before the first one, the first.
    func inForce(at time: Int64) -> ChannelCapacity.Observation? {
        // Untimed ones first, then by time: the ones at or before `time` are a prefix.
        var low = 0, high = observations.count
        while low < high {
            let middle = low + (high - low) / 2
            if let at = observations[middle].at, at.nanoseconds > time { high = middle } else { low = middle + 1 }
        }
        return low > 0 ? observations[low - 1] : observations.first
    }

    /// The capacity the input ends with.
    var latest: ChannelCapacity.Observation? { observations.last }

    /// Each line whose size differs from the one before it.
    var changes: [CapacityChange] {
        var result: [CapacityChange] = []
        for (previous, next) in zip(observations, observations.dropFirst()) where previous.value != next.value {
            guard let at = next.at else { continue }
            result.append(CapacityChange(at: at, from: previous.value, to: next.value, line: next.line))
        }
        return result
    }

    /// The first size of at least `size` in force after `time`: a resize already applied.
    func firstAtLeast(_ size: Int, after time: Int64) -> ChannelCapacity.Observation? {
        observations.first { observation in
            guard let at = observation.at else { return false }
            return at.nanoseconds > time && observation.value >= size
        }
    }
}
