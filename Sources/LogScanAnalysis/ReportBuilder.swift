import LogScanEngine

/// Builds the report from the analyzer's records: sort, filter by time, total per channel
/// and window, run every diagnosis, reconcile resize sizes, order everything.
///
/// The records are never copied: they are sorted as 4-byte arrival positions, and the
/// records in range are one run of them (the order is by time first).
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
        // Untimed events cannot be shown to fall inside --since/--until: then they stay out of the totals.
        let hasTimeBounds = options.since != nil || options.until != nil

        let order = RecordOrder(ranking: inputs)
        let positions = order.sorted(records)
        let sorted = SortedRecords(store: records, positions: positions[...])
        // Untimed records sort first, then the timed ones by time: those in range are one run.
        let firstTimed = sorted.partitionPoint { $0.isTimed }
        let from = sorted.partitionPoint { $0.isTimed && $0.time >= (since ?? .min) }
        let to = max(from, sorted.partitionPoint { $0.time > (until ?? .max) })
        let timed = sorted.slice(from..<to)
        let untimed = sorted.slice(0..<firstTimed)
        let countedUntimed = hasTimeBounds ? sorted.slice(0..<0) : untimed
        let end = min(inputEnd ?? 0, until ?? .max)

        // Every buffer_size per channel, up to --until (before --since still counts: start-up lines).
        var timelines: [String: CapacityTimeline] = [:]
        for (channel, entries) in capacities.timelines(until: until, store: records, sorted: positions) {
            timelines[channelNames[channel]] = CapacityTimeline(entries.map { entry in
                let record = records[entry.record]
                let source = record.source
                return ChannelCapacity.Observation(
                    value: entry.capacity, at: record.isTimed ? record.timestamp : nil,
                    line: LineReference(input: inputs[record.input], line: record.line),
                    source: source == EventRecord.none ? nil
                        : source == EventRecord.otherSources ? SourceCount.other : sources[source])
            })
        }
        let observed = timelines.compactMapValues(\.latest)

        // Reported channels: every channel with an event or a buffer size, and every --channel.
        var seen = Set<Int32>()
        for record in timed where record.channel != EventRecord.none { seen.insert(record.channel) }
        for record in countedUntimed where record.channel != EventRecord.none { seen.insert(record.channel) }
        let names = Set(observed.keys).union(options.selectedChannels).union(seen.map { channelNames[$0] })
        let channelOrder = names.sorted {
            WorkMeter.tick()
            return (ChannelCatalog.rank(of: $0), $0) < (ChannelCatalog.rank(of: $1), $1)
        }

        let (perChannel, slowHandlers, bulkTaskCreations) = index(timed)

        var capacities: [String: ChannelCapacity] = [:]
        for name in channelOrder {
            capacities[name] = ChannelCapacity.resolve(spec: ChannelCatalog.spec(for: name), observed: observed[name],
                                                       options: options)
        }
        let context = AnalysisContext(options: options, records: timed, channelNames: channelNames,
                                      eventTypes: eventTypes, inputs: inputs, end: end, channels: perChannel,
                                      slowHandlers: slowHandlers, bulkTaskCreations: bulkTaskCreations,
                                      capacities: capacities, observedCapacities: observed,
                                      sources: sources, timelines: timelines)

        let (channels, drafts) = totalAndDiagnose(channelOrder, context: context, untimed: countedUntimed)
        let findings = reconcile(drafts, context: context).sorted(by: Finding.reportOrder)

        var dropTypes: [String: Int] = [:]
        var untypedDrops = 0
        for records in [timed, countedUntimed] {
            for record in records where record.isDrop && record.kind == .full { untypedDrops += 1 }
        }
        if let publisher = channelNames.index(of: EventPublisherDropsDiagnosis.channel) {
            for records in [timed, countedUntimed] {
                for record in records where record.isDrop && record.channel == publisher && record.kind != .full {
                    dropTypes[record.eventType == EventRecord.none ? "unknown" : eventTypes[record.eventType], default: 0] += 1
                }
            }
        }

        let first = [inputStart, since].compactMap { $0 }.max()
        let last = [inputEnd, until].compactMap { $0 }.min()
        return Report(
            inputs: scan.inputs,
            linesRead: scan.linesRead,
            eventsFound: timed.count + countedUntimed.count,
            eventsUntimed: untimed.count,
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
            warnings: options.configuration.warnings + channelFilterWarnings() + scan.inputs.compactMap { input in
                input.emptyWarning ?? (input.nothingRecognised ? "\(input.name): \(input.notRecognisedMessage)" : nil)
            },
            channels: channels,
            droppedEventTypes: dropTypes.map { EventTypeCount(eventType: $0.key, count: $0.value) }
                .sorted(by: EventTypeCount.reportOrder),
            bulkTaskCreations: bulkTaskCreations.map(context.bulkTaskCreation),
            findings: findings,
            untypedDrops: untypedDrops)
            .with(inputTimeRange: inputEnd == nil ? TimeRange() : TimeRange(first: inputStart.map(Timestamp.init(nanoseconds:)),
                                                                           last: inputEnd.map(Timestamp.init(nanoseconds:))))
            .withActions()
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

    /// Per channel, the indices of its saturation, full, drop and FFI records in `timed`; and
    /// the slow handlers and bulk task creations. Counted first, so every list is allocated once.
    private func index(_ timed: SortedRecords) -> (channels: [String: ChannelEvents], slowHandlers: [RecordIndex], bulkTaskCreations: [RecordIndex]) {
        var counts = [ChannelEvents.Counts](repeating: ChannelEvents.Counts(), count: channelNames.names.count)
        var slowCount = 0
        var bulkCount = 0
        for record in timed {
            switch record.kind {
            case .slowHandler: slowCount += 1
            case .bulkTaskCreation: bulkCount += 1
            default: break
            }
            guard record.channel != EventRecord.none else { continue }
            counts[Int(record.channel)].count(record)
        }
        var lists = counts.map(ChannelEvents.init(reserving:))
        var slowHandlers: [RecordIndex] = []
        var bulkTaskCreations: [RecordIndex] = []
        slowHandlers.reserveCapacity(slowCount)
        bulkTaskCreations.reserveCapacity(bulkCount)
        // `RecordOrder.sorted` holds at most 4G records: every index fits.
        for (offset, record) in timed.enumerated() {
            let index = RecordIndex(offset)
            switch record.kind {
            case .slowHandler: slowHandlers.append(index)
            case .bulkTaskCreation: bulkTaskCreations.append(index)
            default: break
            }
            guard record.channel != EventRecord.none else { continue }
            lists[Int(record.channel)].add(index, record)
        }
        var channels: [String: ChannelEvents] = [:]
        for (channel, count) in counts.enumerated() where count.any {
            channels[channelNames[Int32(channel)]] = lists[channel]
        }
        return (channels, slowHandlers, bulkTaskCreations)
    }

    /// Totals over timed events in range plus counted untimed ones; windows over timed ones only.
    private func channelReport(_ name: String, context: AnalysisContext, untimed: SortedRecords) -> ChannelReport {
        let spec = ChannelCatalog.spec(for: name)
        let capacity = context.capacities[name]
        var report = ChannelReport(channel: name, aliases: spec?.aliases ?? [],
                                   configKey: spec.map { "\($0.seedTableHeader).\($0.configKey)" },
                                   capacity: capacity?.value, capacitySource: capacity?.source)
        report.capacityChanges = context.timelines[name]?.changes ?? []
        func count(_ record: EventRecord) {
            if record.kind == .saturation {
                report.saturationEvents += 1
                if !record.value.isNaN { report.maxUsagePercent = max(report.maxUsagePercent ?? record.value, record.value) }
            }
            if record.isFullEvent { report.fullEvents += 1 }
            if record.isDrop { report.drops += 1 }
        }
        // The channel's records come in time order, so its windows come one after the other.
        var windows: [WindowStats] = []
        let events = context.channels[name] ?? ChannelEvents()
        // Saturation and full records are disjoint sorted lists: merged, they are the channel's records in order.
        var s = events.saturation.startIndex
        var f = events.fullEvents.startIndex
        while s < events.saturation.endIndex || f < events.fullEvents.endIndex {
            let index: RecordIndex
            if f == events.fullEvents.endIndex || (s < events.saturation.endIndex && events.saturation[s] < events.fullEvents[f]) {
                index = events.saturation[s]
                s += 1
            } else {
                index = events.fullEvents[f]
                f += 1
            }
            let record = context.records[index]
            count(record)
            let start = record.timestamp.windowStart(width: options.window)
            if windows.last?.start != start { windows.append(WindowStats(start: start)) }
            let last = windows.count - 1
            if record.kind == .saturation {
                windows[last].saturationEvents += 1
                if !record.value.isNaN {
                    windows[last].maxUsagePercent = max(windows[last].maxUsagePercent ?? record.value, record.value)
                }
            }
            if record.isFullEvent { windows[last].fullEvents += 1 }
            if record.isDrop { windows[last].drops += 1 }
        }
        let channel = channelNames.index(of: name)
        for record in untimed where record.channel != EventRecord.none && record.channel == channel
            && record.isChannelProblem {
            count(record)
            report.untimedEvents += 1
        }
        report.windows = windows
        return report
    }

    /// What one job of `totalAndDiagnose` gives.
    private enum JobResult {
        case channel(ChannelReport, [DraftFinding])
        case drafts([DraftFinding])
    }

    /// The channel table and every diagnosis of SPEC §4: channel by channel in report order,
    /// then the diagnoses across channels. The jobs only read the context, so they run on
    /// `options.threads` threads; their results are taken in job order, as one thread gives them.
    private func totalAndDiagnose(_ channels: [String], context: AnalysisContext,
                                  untimed: SortedRecords) -> ([ChannelReport], [DraftFinding]) {
        let acrossChannels: [(AnalysisContext) -> [DraftFinding]] = [
            FFIBackpressureDiagnosis.diagnose, EventPublisherDropsDiagnosis.diagnose, AllChannelsSaturatedDiagnosis.diagnose,
        ]
        func job(_ index: Int) -> JobResult {
            guard index < channels.count else { return .drafts(acrossChannels[index - channels.count](context)) }
            let channel = channels[index]
            return .channel(channelReport(channel, context: context, untimed: untimed), diagnose(channel, context: context))
        }
        var reports: [ChannelReport] = []
        var drafts: [DraftFinding] = []
        func take(_ result: JobResult) {
            switch result {
            case .channel(let report, let found):
                reports.append(report)
                drafts += found
            case .drafts(let found): drafts += found
            }
        }
        let jobs = channels.count + acrossChannels.count
        if options.threads > 1, context.records.count >= options.parallelMinimumEvents {
            OrderedWorkPool<JobResult>(jobs: jobs, threads: options.threads, lookAhead: jobs)
                .run(makeWorker: {}, work: { _, index in job(index) }, deliver: { _, result in take(result) })
        } else {
            for index in 0..<jobs { take(job(index)) }
        }
        drafts += diagnoseConfiguration(channels, context: context)
        return (reports, drafts)
    }

    /// The saturation episodes (or PGMQ bursts) and the full events of one channel.
    private func diagnose(_ channel: String, context: AnalysisContext) -> [DraftFinding] {
        WorkMeter.tick()
        guard let events = context.channels[channel] else { return [] }
        var drafts: [DraftFinding] = []
        for slice in context.episodes(events.saturation) {
            let episode = SaturationEpisode(channel: channel, events: slice, context: context)
            if channel == "pgmq_notifications" && episode.isBurstShaped {
                drafts.append(PGMQBurstDiagnosis.diagnose(episode, context: context))
            } else {
                drafts.append(SaturationDiagnosis.diagnose(episode, context: context))
            }
        }
        if let full = ChannelFullDiagnosis.diagnose(channel: channel, events: events, context: context) {
            drafts.append(full)
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
