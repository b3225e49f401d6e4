/// Builds the report from the analyzer's records: sort, filter by time, total per channel
/// and window, run every diagnosis, reconcile resize sizes, order everything.
struct ReportBuilder {
    let options: AnalysisOptions
    let records: [EventRecord]
    let channelNames: NameTable
    let eventTypes: NameTable
    let inputs: NameTable
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

        let sorted = sortedRecords()
        let timed = sorted.filter { $0.isTimed && $0.time >= (since ?? .min) && $0.time <= (until ?? .max) }
        let untimed = sorted.filter { !$0.isTimed }
        let countedUntimed = hasTimeBounds ? [] : untimed
        let end = min(inputEnd ?? 0, until ?? .max)

        // The latest buffer_size per channel, up to --until (before --since still counts: start-up lines).
        var observed: [String: ChannelCapacity.Observation] = [:]
        for record in sorted where record.capacity >= 0 && record.channel != EventRecord.none
            && (!record.isTimed || record.time <= (until ?? .max)) {
            observed[channelNames[record.channel]] = ChannelCapacity.Observation(
                value: record.capacity, at: record.isTimed ? record.timestamp : nil,
                line: LineReference(input: inputs[record.input], line: record.line))
        }

        // Reported channels: every channel with an event or a buffer size, and every --channel.
        var names = Set(observed.keys).union(options.selectedChannels)
        for record in timed + countedUntimed where record.channel != EventRecord.none {
            names.insert(channelNames[record.channel])
        }
        let channelOrder = names.sorted { (ChannelCatalog.rank(of: $0), $0) < (ChannelCatalog.rank(of: $1), $1) }

        var perChannel: [String: ChannelEvents] = [:]
        var slowHandlers: [Int] = []
        var bulkTaskCreations: [Int] = []
        for (index, record) in timed.enumerated() {
            switch record.kind {
            case .slowHandler: slowHandlers.append(index)
            case .bulkTaskCreation: bulkTaskCreations.append(index)
            default: break
            }
            guard record.channel != EventRecord.none else { continue }
            let name = channelNames[record.channel]
            if record.kind == .saturation { perChannel[name, default: ChannelEvents()].saturation.append(index) }
            if record.isFullEvent { perChannel[name, default: ChannelEvents()].fullEvents.append(index) }
            if record.isDrop { perChannel[name, default: ChannelEvents()].drops.append(index) }
            if record.kind == .ffiBackpressure { perChannel[name, default: ChannelEvents()].ffiBackpressure.append(index) }
        }

        var capacities: [String: ChannelCapacity] = [:]
        for name in channelOrder {
            capacities[name] = ChannelCapacity.resolve(spec: ChannelCatalog.spec(for: name), observed: observed[name],
                                                       options: options)
        }
        let context = AnalysisContext(options: options, records: timed, channelNames: channelNames,
                                      eventTypes: eventTypes, inputs: inputs, end: end, channels: perChannel,
                                      slowHandlers: slowHandlers, bulkTaskCreations: bulkTaskCreations,
                                      capacities: capacities, observedCapacities: observed)

        let channels = channelOrder.map { channelReport($0, context: context, untimed: countedUntimed) }
        let findings = reconcile(diagnose(channelOrder, context: context))
            .sorted(by: Finding.reportOrder)

        var dropTypes: [String: Int] = [:]
        for record in timed + countedUntimed
            where record.isDrop && record.channel != EventRecord.none
            && channelNames[record.channel] == EventPublisherDropsDiagnosis.channel {
            dropTypes[record.eventType == EventRecord.none ? "unknown" : eventTypes[record.eventType], default: 0] += 1
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
            warnings: options.configuration.warnings,
            channels: channels,
            droppedEventTypes: dropTypes.map { EventTypeCount(eventType: $0.key, count: $0.value) }
                .sorted(by: EventTypeCount.reportOrder),
            bulkTaskCreations: bulkTaskCreations.map(context.bulkTaskCreation),
            findings: findings)
    }

    /// Records by (time, input name, line, kind, arrival): the same events in any input order
    /// give the same sequence. Untimed records come first (their time is `Int64.min`).
    private func sortedRecords() -> [EventRecord] {
        let byName = inputs.names.indices.sorted { inputs.names[$0] < inputs.names[$1] }
        var rank = [Int](repeating: 0, count: inputs.names.count)
        for (position, index) in byName.enumerated() { rank[index] = position }
        return records.sorted { a, b in
            if a.time != b.time { return a.time < b.time }
            let (ra, rb) = (rank[Int(a.input)], rank[Int(b.input)])
            if ra != rb { return ra < rb }
            if a.line != b.line { return a.line < b.line }
            if a.kind != b.kind { return a.kind < b.kind }
            return a.sequence < b.sequence
        }
    }

    /// Totals over timed events in range plus counted untimed ones; windows over timed ones only.
    private func channelReport(_ name: String, context: AnalysisContext, untimed: [EventRecord]) -> ChannelReport {
        let spec = ChannelCatalog.spec(for: name)
        let capacity = context.capacities[name]
        var report = ChannelReport(channel: name, aliases: spec?.aliases ?? [],
                                   configKey: spec.map { "\($0.seedTableHeader).\($0.configKey)" },
                                   capacity: capacity?.value, capacitySource: capacity?.source)
        func count(_ record: EventRecord) {
            if record.kind == .saturation {
                report.saturationEvents += 1
                if !record.value.isNaN { report.maxUsagePercent = max(report.maxUsagePercent ?? record.value, record.value) }
            }
            if record.isFullEvent { report.fullEvents += 1 }
            if record.isDrop { report.drops += 1 }
        }
        var windows: [Int64: WindowStats] = [:]
        let events = context.channels[name] ?? ChannelEvents()
        for index in Set(events.saturation + events.fullEvents).sorted() {
            let record = context.records[index]
            count(record)
            let start = record.timestamp.windowStart(width: options.window)
            var window = windows[start.nanoseconds] ?? WindowStats(start: start)
            if record.kind == .saturation {
                window.saturationEvents += 1
                if !record.value.isNaN { window.maxUsagePercent = max(window.maxUsagePercent ?? record.value, record.value) }
            }
            if record.isFullEvent { window.fullEvents += 1 }
            if record.isDrop { window.drops += 1 }
            windows[start.nanoseconds] = window
        }
        for record in untimed where record.channel != EventRecord.none && channelNames[record.channel] == name
            && record.isChannelProblem {
            count(record)
            report.untimedEvents += 1
        }
        report.windows = windows.keys.sorted().map { windows[$0]! }
        return report
    }

    /// Every diagnosis of SPEC §4, channel by channel in report order.
    private func diagnose(_ channels: [String], context: AnalysisContext) -> [DraftFinding] {
        var drafts: [DraftFinding] = []
        for channel in channels {
            guard let events = context.channels[channel] else { continue }
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
        }
        drafts += FFIBackpressureDiagnosis.diagnose(context: context)
        drafts += EventPublisherDropsDiagnosis.diagnose(context: context)
        drafts += AllChannelsSaturatedDiagnosis.diagnose(context: context)
        drafts += channels.compactMap { ConfigDriftDiagnosis.diagnose(channel: $0, context: context) }
        let selected = options.selectedChannels
        drafts += options.configuration.prefixProblems.map(ConfigPrefixDiagnosis.diagnose).filter { draft in
            selected.isEmpty || draft.finding.channel.map(selected.contains) ?? true
        }
        return drafts
    }

    /// Gives every resize of one config key the largest size any finding asks for it,
    /// then writes the sentence and the TOML for `--env`.
    private func reconcile(_ drafts: [DraftFinding]) -> [Finding] {
        var largest: [String: Int] = [:]
        for draft in drafts {
            if let resize = draft.resize, let key = resize.configKey { largest[key] = max(largest[key] ?? 0, resize.size) }
        }
        return drafts.map { draft in
            var finding = draft.finding
            guard let resize = draft.resize else { return finding }
            let size = resize.configKey.flatMap { largest[$0] } ?? resize.size
            let key = resize.channel?.configKey ?? "the channel's buffer"
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
