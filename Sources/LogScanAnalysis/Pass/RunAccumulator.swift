/// What a finding gathers from its run of records (an episode, a channel's full events): the
/// run itself (`EventRun`) and what its kind takes from each record.
protocol RunAccumulator {
    var events: EventRun { get set }
    /// Takes what this kind keeps from one of its records, the first one included.
    mutating func take(_ record: EventRecord)
}

extension RunAccumulator {
    /// Adds the next record of the run, in report order.
    mutating func add(_ record: EventRecord) {
        events.add(record)
        take(record)
    }
}
