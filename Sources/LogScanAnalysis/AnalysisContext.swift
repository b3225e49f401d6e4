import LogScanEngine

/// What every diagnosis shares once the records went by: names, the input end, capacities
/// and the slow handlers near each episode.
struct AnalysisContext {
    let options: AnalysisOptions
    let channelNames: NameTable
    let eventTypes: NameTable
    let inputs: NameTable
    let sources: NameTable
    /// The input end (SPEC §4), clipped to `--until`: episodes ending more than a gap before it recovered.
    let end: Int64
    /// Resolved capacity per reported channel.
    let capacities: [String: ChannelCapacity]
    /// The latest `buffer_size` the logs showed per channel.
    let observedCapacities: [String: ChannelCapacity.Observation]
    /// Every `buffer_size` the logs showed per channel, in time order.
    let timelines: [String: CapacityTimeline]
    /// The slow handlers near each episode that asked.
    let slowHandlers: SlowHandlerQueries

    func lineReference(_ record: EventRecord) -> LineReference {
        LineReference(input: inputs[record.input], line: record.line)
    }

    /// Recovered: the input went on for more than one gap after the last event.
    func isRecovered(lastTime: Int64) -> Bool { end - lastTime > options.episodeGap }

    /// Slow handlers within one `--window` before `start` or after `end` (or in between).
    func slowHandlers(near start: Timestamp, _ end: Timestamp) -> (count: Int, slowest: Double?) {
        let answer = slowHandlers.near(start.nanoseconds, end.nanoseconds)
        return (answer.count, answer.slowest)
    }

    func bulkTaskCreation(_ record: EventRecord) -> BulkTaskCreation {
        BulkTaskCreation(at: record.timestamp, count: record.count >= 0 ? record.count : nil,
                         line: lineReference(record))
    }

    /// The capacity of `channel` at the end of the input, `nil` when unknown.
    func capacity(of channel: String) -> Int? { capacities[channel]?.value }

    /// The capacity in force for `channel` at `time` (SPEC §3): the logs at that instant,
    /// else the config tree, else the runbook's table; `nil` when unknown.
    func capacity(of channel: String, at time: Timestamp) -> Int? {
        timelines[channel]?.inForce(at: time.nanoseconds)?.value ?? capacities[channel]?.value
    }

    /// The sources (pods, units) of a run of events with their counts, most first.
    func sources(_ run: EventRun) -> [SourceCount] { sourceCounts(run.sources) }

    /// Source indices with their counts as named counts, most first.
    func sourceCounts(_ counts: [Int32: Int]) -> [SourceCount] {
        counts.map { key, events in
            SourceCount(source: key == EventRecord.otherSources ? SourceCount.other : sources[key], events: events)
        }.sorted(by: SourceCount.reportOrder)
    }
}
