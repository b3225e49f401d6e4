import LogScanEngine

/// The sorted, filtered records of one analysis and the helpers every diagnosis shares.
struct AnalysisContext {
    let options: AnalysisOptions
    /// Timestamped records in the analysed range, by (time, input, line, kind, arrival).
    let records: SortedRecords
    let channelNames: NameTable
    let eventTypes: NameTable
    let inputs: NameTable
    /// The input end (SPEC §4), clipped to `--until`: episodes ending more than a gap before it recovered.
    let end: Int64
    let channels: [String: ChannelEvents]
    /// Indices of slow handler records.
    let slowHandlers: [RecordIndex]
    /// Indices of bulk task creation records.
    let bulkTaskCreations: [RecordIndex]
    /// Resolved capacity per reported channel.
    let capacities: [String: ChannelCapacity]
    /// The latest `buffer_size` the logs showed per channel.
    let observedCapacities: [String: ChannelCapacity.Observation]
    let sources: NameTable
    /// Every `buffer_size` the logs showed per channel, in time order.
    let timelines: [String: CapacityTimeline]

    func timestamp(_ index: RecordIndex) -> Timestamp { records[index].timestamp }

    func lineReference(_ index: RecordIndex) -> LineReference {
        LineReference(input: inputs[records[index].input], line: records[index].line)
    }

    func channelName(_ index: RecordIndex) -> String { channelNames[records[index].channel] }

    /// The most events in one UTC minute; `indices` are in time order.
    func peakPerMinute<C: Collection>(_ indices: C) -> Int where C.Element == RecordIndex {
        var peak = MinutePeak()
        for index in indices { peak.count(records[index].timestamp) }
        return peak.peak
    }

    /// Maximal runs whose consecutive events are at most `--episode-gap` apart.
    func episodes(_ indices: [RecordIndex]) -> [ArraySlice<RecordIndex>] {
        var result: [ArraySlice<RecordIndex>] = []
        var start = 0
        for k in indices.indices.dropFirst() where records[indices[k]].time - records[indices[k - 1]].time > options.episodeGap {
            result.append(indices[start..<k])
            start = k
        }
        if !indices.isEmpty { result.append(indices[start...]) }
        return result
    }

    /// Recovered: the input went on for more than one gap after the last event.
    func isRecovered(lastTime: Int64) -> Bool { end - lastTime > options.episodeGap }

    /// The records at `indices` (in time order) from `from` to `to`, both included: found by
    /// binary search, so that every episode looking up its neighbours stays n·log n.
    func inTimeRange(_ indices: [RecordIndex], from: Int64, to: Int64) -> ArraySlice<RecordIndex> {
        func firstIndex(_ isAfter: (Int64) -> Bool) -> Int {
            var low = 0, high = indices.count
            while low < high {
                let middle = low + (high - low) / 2
                if isAfter(records[indices[middle]].time) { high = middle } else { low = middle + 1 }
            }
            return low
        }
        let lower = firstIndex { $0 >= from }
        let upper = max(lower, firstIndex { $0 > to })
        return indices[lower..<upper]
    }

    /// Slow handlers within one `--window` before `start` or after `end` (or in between).
    func slowHandlers(near start: Int64, _ end: Int64) -> (count: Int, slowest: Double?) {
        var count = 0
        var slowest: Double?
        // Saturating: a window of 100 years next to an instant of 1900 must not trap.
        for index in inTimeRange(slowHandlers, from: start.subtractingClamped(options.window), to: end.addingClamped(options.window)) {
            count += 1
            let seconds = records[index].value
            if !seconds.isNaN { slowest = max(slowest ?? seconds, seconds) }
        }
        return (count, slowest)
    }

    func bulkTaskCreation(_ index: RecordIndex) -> BulkTaskCreation {
        let record = records[index]
        return BulkTaskCreation(at: record.timestamp, count: record.count >= 0 ? record.count : nil,
                                line: lineReference(index))
    }

    /// The capacity of `channel` at the end of the input, `nil` when unknown.
    func capacity(of channel: String) -> Int? { capacities[channel]?.value }

    /// The capacity in force for `channel` at `time` (SPEC §3): the logs at that instant,
    /// else the config tree, else the runbook's table; `nil` when unknown.
    func capacity(of channel: String, at time: Timestamp) -> Int? {
        timelines[channel]?.inForce(at: time.nanoseconds)?.value ?? capacities[channel]?.value
    }

    /// The sources (pods, units) of the records at `indices` with their counts, most first.
    func sources<C: Collection>(_ indices: C) -> [SourceCount] where C.Element == RecordIndex {
        var counts: [Int32: Int] = [:]
        for index in indices {
            let source = records[index].source
            if source != EventRecord.none { counts[source, default: 0] += 1 }
        }
        return sourceCounts(counts)
    }

    /// Source indices with their counts as named counts, most first.
    func sourceCounts(_ counts: [Int32: Int]) -> [SourceCount] {
        counts.map { key, events in
            SourceCount(source: key == EventRecord.otherSources ? SourceCount.other : sources[key], events: events)
        }.sorted(by: SourceCount.reportOrder)
    }
}
