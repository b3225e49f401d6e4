import LogScanEngine
import LogScanConfig

/// Builds the report from the analyzer's records: one pass over them in report order
/// (`AnalysisPass`: totals, windows, episodes, capacity timelines), then every diagnosis on
/// what the pass gathered, resize sizes reconciled, everything ordered.
struct ReportBuilder {
    let options: AnalysisOptions
    let records: RecordStore
    let capacities: CapacityObservations
    let channelNames: NameTable
    let eventTypes: NameTable
    let inputs: NameTable
    let sources: NameTable
    /// Channels seen in the input but left out by `--channel`.
    let unselectedChannels: Set<String>
    let oldest: Int64?
    let newest: Int64?
    let scan: ScanSummary

    func build() -> Report {
        // The input's range: lines read (the scan's first/last timestamps) and every event.
        let inputStart = ([oldest] + scan.inputs.map { $0.firstTimestamp?.nanoseconds }).compactMap { $0 }.min()
        let inputEnd = ([newest] + scan.inputs.map { $0.lastTimestamp?.nanoseconds }).compactMap { $0 }.max()
        let since = inputEnd.flatMap { end in options.since.map { $0.resolve(newest: Timestamp(nanoseconds: end)).nanoseconds } }
        let until = inputEnd.flatMap { end in options.until.map { $0.resolve(newest: Timestamp(nanoseconds: end)).nanoseconds } }
        let end = min(inputEnd ?? 0, until ?? .max)

        // One pass in report order gathers everything; a second one only when episodes ask
        // for the slow handlers near them.
        let stream = records.sorted(by: RecordOrder(ranking: inputs))
        var pass = AnalysisPass(options: options, channelNames: channelNames, capacities: capacities,
                                since: since, until: until)
        stream.forEach { record, arrival in pass.take(record, arrival: arrival) }
        pass.finish(inputEnd: end)

        var slowQueries = SlowHandlerQueries(window: options.window)
        if let ruby = channelNames.index(of: FFIBackpressureDiagnosis.channel), let channel = pass.channels[Int(ruby)] {
            for episode in channel.saturation { slowQueries.ask(episode.start.nanoseconds, episode.end.nanoseconds) }
            for run in channel.ffiBackpressure { slowQueries.ask(run.first.time, run.last.time) }
        }
        if !slowQueries.isEmpty, pass.slowHandlers > 0 {
            let inRange = pass.inRange
            slowQueries.answer { body in
                stream.forEach { record, _ in
                    if record.kind == .slowHandler, record.isTimed, inRange(record.time) { body(record.time, record.value) }
                }
            }
        }

        // Every buffer_size per channel, up to --until (before --since still counts: start-up lines).
        var timelines: [String: CapacityTimeline] = [:]
        for (channel, runs) in pass.timelines {
            timelines[channelNames[channel]] = CapacityTimeline(runs.kept.map { statement in
                let record = statement.record
                let source = record.source
                return ChannelCapacity.Observation(
                    value: statement.capacity, at: record.isTimed ? record.timestamp : nil,
                    line: LineReference(input: inputs[record.input], line: record.line),
                    source: source == EventRecord.none ? nil
                        : source == EventRecord.otherSources ? SourceCount.other : sources[source])
            })
        }
        let observed = timelines.compactMapValues(\.latest)

        // Reported channels: every channel with an event or a buffer size, and every --channel.
        let names = Set(observed.keys).union(options.selectedChannels).union(pass.seen.map { channelNames[$0] })
        let channelOrder = names.sorted {
            WorkMeter.tick()
            return (ChannelCatalog.rank(of: $0), $0) < (ChannelCatalog.rank(of: $1), $1)
        }

        var capacities: [String: ChannelCapacity] = [:]
        for name in channelOrder {
            capacities[name] = ChannelCapacity.resolve(spec: ChannelCatalog.spec(for: name), observed: observed[name],
                                                       options: options)
        }
        let context = AnalysisContext(options: options, channelNames: channelNames, eventTypes: eventTypes,
                                      inputs: inputs, sources: sources, end: end,
                                      capacities: capacities,
                                      observedCapacities: observed, timelines: timelines, slowHandlers: slowQueries)

        var accumulators: [String: ChannelAccumulator] = [:]
        for case let channel? in pass.channels { accumulators[channel.name] = channel }
        var drafts: [DraftFinding] = []
        var channels: [ChannelReport] = []
        for name in channelOrder {
            let accumulator = accumulators[name]
            channels.append(channelReport(name, accumulator: accumulator, context: context))
            if let accumulator { drafts += diagnose(accumulator, context: context) }
        }
        // Then the diagnoses across channels, in the order they always came.
        if let ruby = accumulators[FFIBackpressureDiagnosis.channel] {
            drafts += ruby.ffiBackpressure.map { FFIBackpressureDiagnosis.diagnose(run: $0, context: context) }
        }
        if let publisher = accumulators[EventPublisherDropsDiagnosis.channel] {
            drafts += publisher.drops.map { EventPublisherDropsDiagnosis.diagnose(episode: $0, context: context) }
        }
        var allChannels = pass.allChannels
        drafts += allChannels.findings(context: context)
        drafts += diagnoseConfiguration(channelOrder, context: context)
        // Positions sorted by the findings' keys, not the findings: a finding is a large value,
        // and the sort's moves and comparisons copied it, a sixth of a quiet report's analysis.
        let reconciled = reconcile(drafts, context: context)
        let keys = reconciled.map(Finding.OrderKey.init)
        let findings = keys.indices.sorted { keys[$0] < keys[$1] }.map { reconciled[$0] }

        let dropTypes = pass.dropTypes.map { type, count in
            EventTypeCount(eventType: type == EventRecord.none ? "unknown" : eventTypes[type], count: count)
        }
        let first = [inputStart, since].compactMap { $0 }.max()
        let last = [inputEnd, until].compactMap { $0 }.min()
        var report = Report(
            inputs: scan.inputs,
            linesRead: scan.linesRead,
            eventsFound: pass.eventsCounted,
            eventsUntimed: pass.eventsUntimed,
            timeRange: inputEnd == nil ? TimeRange() : TimeRange(first: first.map(Timestamp.init(nanoseconds:)),
                                                                  last: last.map(Timestamp.init(nanoseconds:))),
            window: options.window,
            episodeGap: options.episodeGap,
            environment: options.environment,
            targetUsagePercent: options.targetUsage,
            configSource: options.configuration.description,
            since: since.map(Timestamp.init(nanoseconds:)),
            until: until.map(Timestamp.init(nanoseconds:)),
            channelFilter: options.selectedChannels.sorted(),
            warnings: options.configuration.warnings + records.warnings + channelFilterWarnings() + scan.inputs.compactMap { input in
                input.emptyWarning ?? (input.nothingRecognised ? "\(input.name): \(input.notRecognisedMessage)" : nil)
            } + (pass.countedBulkTaskCreations > 0 ? [options.reportLimits.bulkWarning(counted: pass.countedBulkTaskCreations)] : []),
            channels: channels,
            droppedEventTypes: dropTypes.sorted(by: EventTypeCount.reportOrder),
            bulkTaskCreations: pass.bulkTaskCreations.map(context.bulkTaskCreation),
            findings: findings,
            untypedDrops: pass.untypedDrops)
            .with(inputTimeRange: inputEnd == nil ? TimeRange() : TimeRange(first: inputStart.map(Timestamp.init(nanoseconds:)),
                                                                           last: inputEnd.map(Timestamp.init(nanoseconds:))))
        report.countedBulkTaskCreations = pass.countedBulkTaskCreations
        return report.withActions()
    }

    /// A `--channel` name that is neither in the channel table nor seen in the input: with the closest known name.
    private func channelFilterWarnings() -> [String] {
        let known = Set(ChannelCatalog.channels.flatMap { [$0.name] + $0.aliases })
        var seen = unselectedChannels
        for name in channelNames.names { seen.insert(name) }
        return options.channels.sorted().compactMap { name in
            let canonical = ChannelCatalog.canonicalName(name)
            guard !known.contains(name), !seen.contains(canonical) else { return nil }
            var warning = "--channel \(name): no such channel in the channel table or the input"
            if let guess = ClosestName.find(name, among: known.union(seen)) { warning += "; did you mean \(guess)?" }
            return warning
        }
    }

    /// The channel's row: its totals and windows, with its capacity, names and capacity changes.
    private func channelReport(_ name: String, accumulator: ChannelAccumulator?, context: AnalysisContext) -> ChannelReport {
        let spec = ChannelCatalog.spec(for: name)
        let capacity = context.capacities[name]
        var report = accumulator?.row ?? ChannelReport(channel: name)
        report.aliases = spec?.aliases ?? []
        report.configKey = spec.map { "\($0.seedTableHeader).\($0.configKey)" }
        report.capacity = capacity?.value
        report.capacitySource = capacity?.source
        report.capacityChanges = context.timelines[name]?.changes ?? []
        return report
    }

    /// The saturation episodes (or PGMQ bursts) and the full events of one channel.
    private func diagnose(_ channel: ChannelAccumulator, context: AnalysisContext) -> [DraftFinding] {
        WorkMeter.tick()
        var drafts: [DraftFinding] = []
        for episode in channel.saturation {
            if channel.name == PGMQBurstDiagnosis.channel && episode.isBurstShaped {
                drafts.append(PGMQBurstDiagnosis.diagnose(episode, context: context))
            } else {
                drafts.append(SaturationDiagnosis.diagnose(episode, context: context))
            }
        }
        if let full = channel.full {
            drafts.append(ChannelFullDiagnosis.diagnose(channel: channel.name, full: full, context: context))
        }
        return drafts
    }

    /// Config drift per channel and the config tree's prefix problems.
    private func diagnoseConfiguration(_ channels: [String], context: AnalysisContext) -> [DraftFinding] {
        var drafts = channels.compactMap { ConfigDriftDiagnosis.diagnose(channel: $0, context: context) }
        let selected = options.selectedChannels
        drafts += options.configuration.prefixProblems.map { ConfigPrefixDiagnosis.diagnose($0, configuration: options.configuration) }.filter { draft in
            selected.isEmpty || draft.finding.channel.map(selected.contains) ?? true
        }
        return drafts
    }

    /// Marks the resizes a later capacity in force already covers, gives every other resize of
    /// one config key the largest size any finding asks for it, then writes the sentence and
    /// the TOML for `--env`.
    private func reconcile(_ drafts: [DraftFinding], context: AnalysisContext) -> [Finding] {
        var largest: [String: Int] = [:]
        var applied: [Int: ChannelCapacity.Observation] = [:]
        for (i, draft) in drafts.enumerated() {
            WorkMeter.tick()
            guard let resize = draft.resize else { continue }
            if let channel = draft.finding.channel, let start = draft.finding.start,
               let later = context.timelines[channel]?.firstAtLeast(resize.size, after: start.nanoseconds) {
                applied[i] = later
                continue
            }
            if let key = resize.configKey { largest[key] = max(largest[key] ?? 0, resize.size) }
        }
        return drafts.enumerated().map { i, draft in
            var finding = draft.finding
            guard let resize = draft.resize else { return finding }
            let key = resize.channel?.configKey ?? "the channel's buffer"
            if let later = applied[i], let at = later.at {
                finding.recommendation = Recommendation(
                    text: "It needed \(key) = \(resize.size) (now \(resize.current); \(resize.explanation)): already applied: \(later.value) since \(TimeText.seconds(at)) (\(later.line)). No action.",
                    configKey: resize.configKey,
                    alreadyApplied: AppliedCapacity(capacity: later.value, since: at, line: later.line))
                return finding
            }
            let size = resize.configKey.flatMap { largest[$0] } ?? resize.size
            var sentence = "Set \(key) = \(size) (now \(resize.current); "
            sentence += size == resize.size
                ? "\(resize.explanation))."
                : "this finding alone needs \(resize.size): \(resize.explanation); another finding for the same key needs \(size))."
            var recommendation = Recommendation(text: finding.recommendation.text + " " + sentence, size: size,
                                                configKey: resize.configKey)
            if let spec = resize.channel {
                let override = options.configuration.override(channel: spec, size: size, environment: options.environment)
                recommendation.file = override.file
                recommendation.toml = override.toml
            } else {
                recommendation.text += " No config key is known for this channel."
            }
            finding.recommendation = recommendation
            return finding
        }
    }
}
