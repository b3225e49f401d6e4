import LogScanEngine
import LogScanConfig
import LogScanAnalysis

/// The report as one JSON object, schema `tasker-logscan/report/v1` (docs/report.schema.json).
/// Keys are always written in the same order and every array is sorted, so the same input
/// gives byte-identical output.
public struct JSONReportFormatter: ReportFormatter {
    public init() {}

    public func format(_ report: Report) -> String {
        json(report).rendered(lineEnd: true)
    }

    func json(_ r: Report) -> OrderedJSON {
        .object([
            ("schema", .string(Report.schemaID)),
            ("inputs", .array(r.inputs.map(input))),
            ("lines_read", .integer(r.linesRead)),
            ("events_found", .integer(r.eventsFound)),
            ("events_untimed", .integer(r.eventsUntimed)),
            ("time_range", .object([
                ("first", .optional(r.timeRange.first, OrderedJSON.time)),
                ("last", .optional(r.timeRange.last, OrderedJSON.time)),
            ])),
            ("window_seconds", .seconds(r.window)),
            ("episode_gap_seconds", .seconds(r.episodeGap)),
            ("environment", .string(r.environment)),
            ("target_usage_percent", .number(r.targetUsagePercent)),
            ("config_source", .string(r.configSource)),
            ("filters", .object([
                ("since", .optional(r.since, OrderedJSON.time)),
                ("until", .optional(r.until, OrderedJSON.time)),
                ("channels", .array(r.channelFilter.map(OrderedJSON.string))),
            ])),
            ("warnings", .array(r.warnings.map(OrderedJSON.string))),
            ("finding_counts", .object(Severity.allCases.reversed().map { ($0.rawValue, .integer(r.count(of: $0))) })),
            ("baseline", .optional(r.baseline, OrderedJSON.string)),
            ("known_findings", .integer(r.knownCount)),
            ("actions", .array(r.actions.map(action))),
            ("config_changes", .array(r.configChanges.map { c in
                .object([("file", .string(c.file)), ("toml", .string(c.toml))])
            })),
            ("channels", .array(r.channels.map(channel))),
            ("dropped_event_types", .array(r.droppedEventTypes.map(eventType))),
            ("untyped_drops", .integer(r.untypedDrops)),
            ("bulk_task_creations", .array(r.bulkTaskCreations.map(bulk))),
            ("bulk_task_creations_counted", .integer(r.countedBulkTaskCreations)),
            ("counted_findings", .array(r.countedFindings.map { c in
                .object([
                    ("id", .string(c.id.rawValue)),
                    ("severity", .string(c.severity.rawValue)),
                    ("count", .integer(c.count)),
                    ("known", .integer(c.known)),
                ])
            })),
            ("findings", .array(r.findings.map(finding))),
        ])
    }

    private func input(_ i: InputSummary) -> OrderedJSON {
        .object([
            ("name", .string(i.name)),
            ("bytes", .integer(i.bytes)),
            ("lines", .integer(i.lines)),
            ("compressed", .bool(i.compressed)),
            ("compression", .optional(i.compression, OrderedJSON.string)),
            ("overlong_lines", .integer(i.overlongLines)),
            ("recognised_lines", .integer(i.recognisedLines)),
            ("shapes", .object(i.shapes.sorted { $0.key < $1.key }.map { ($0.key, OrderedJSON.integer($0.value)) })),
            ("error", .optional(i.error, OrderedJSON.string)),
        ])
    }

    private func channel(_ c: ChannelReport) -> OrderedJSON {
        .object([
            ("channel", .string(c.channel)),
            ("aliases", .array(c.aliases.map(OrderedJSON.string))),
            ("config_key", .optional(c.configKey, OrderedJSON.string)),
            ("capacity", .optional(c.capacity, OrderedJSON.integer)),
            ("capacity_source", .optional(c.capacitySource) { .string($0.rawValue) }),
            ("saturation_events", .integer(c.saturationEvents)),
            ("max_usage_percent", .optional(c.maxUsagePercent, OrderedJSON.number)),
            ("full_events", .integer(c.fullEvents)),
            ("drops", .integer(c.drops)),
            ("untimed_events", .integer(c.untimedEvents)),
            ("capacity_changes", .array(c.capacityChanges.map { change in
                .object([
                    ("at", .time(change.at)),
                    ("from", .integer(change.from)),
                    ("to", .integer(change.to)),
                    ("line", line(change.line)),
                ])
            })),
            ("windows", .array(c.windows.map { w in
                .object([
                    ("start", .time(w.start)),
                    ("saturation_events", .integer(w.saturationEvents)),
                    ("max_usage_percent", .optional(w.maxUsagePercent, OrderedJSON.number)),
                    ("full_events", .integer(w.fullEvents)),
                    ("drops", .integer(w.drops)),
                ])
            })),
        ])
    }

    private func action(_ a: Action) -> OrderedJSON {
        .object([
            ("kind", .string(a.kind.rawValue)),
            ("severity", .string(a.severity.rawValue)),
            ("channel", .optional(a.channel, OrderedJSON.string)),
            ("config_key", .optional(a.configKey, OrderedJSON.string)),
            ("file", .optional(a.file, OrderedJSON.string)),
            ("current", .optional(a.current, OrderedJSON.integer)),
            ("size", .optional(a.size, OrderedJSON.integer)),
            ("toml", .optional(a.toml, OrderedJSON.string)),
            ("text", .string(a.text)),
            ("findings", .array(a.findings.map(OrderedJSON.integer))),
            ("unlisted_findings", .integer(a.unlistedFindings)),
        ])
    }

    private func eventType(_ e: EventTypeCount) -> OrderedJSON {
        .object([("event_type", .string(e.eventType)), ("count", .integer(e.count))])
    }

    private func line(_ l: LineReference) -> OrderedJSON {
        .object([("input", .string(l.input)), ("line", .integer(l.line))])
    }

    private func bulk(_ b: BulkTaskCreation) -> OrderedJSON {
        .object([
            ("at", .time(b.at)),
            ("count", .optional(b.count, OrderedJSON.integer)),
            ("counts_for_correlation", .bool(b.countsForCorrelation)),
            ("line", line(b.line)),
        ])
    }

    private func finding(_ f: Finding) -> OrderedJSON {
        .object([
            ("id", .string(f.id.rawValue)),
            ("severity", .string(f.severity.rawValue)),
            ("channel", .optional(f.channel, OrderedJSON.string)),
            ("summary", .string(f.summary)),
            ("start", .optional(f.start, OrderedJSON.time)),
            ("end", .optional(f.end, OrderedJSON.time)),
            ("evidence", withSources(evidence(f.evidence), f.sources)),
            ("recommendation", .object([
                ("text", .string(f.recommendation.text)),
                ("size", .optional(f.recommendation.size, OrderedJSON.integer)),
                ("config_key", .optional(f.recommendation.configKey, OrderedJSON.string)),
                ("file", .optional(f.recommendation.file, OrderedJSON.string)),
                ("toml", .optional(f.recommendation.toml, OrderedJSON.string)),
                ("already_applied", .optional(f.recommendation.alreadyApplied) { a in
                    .object([("capacity", .integer(a.capacity)), ("since", .time(a.since)), ("line", line(a.line))])
                }),
            ])),
            ("known", .bool(f.known)),
        ])
    }

    /// The evidence object with `sources[] {source, events}` last.
    private func withSources(_ evidence: OrderedJSON, _ sources: [SourceCount]) -> OrderedJSON {
        guard case .object(let members) = evidence else { return evidence }
        return .object(members + [("sources", .array(sources.map { s in
            .object([("source", .string(s.source)), ("events", .integer(s.events))])
        }))])
    }

    private func span(_ start: Timestamp, _ end: Timestamp) -> [(String, OrderedJSON)] {
        [("start", .time(start)), ("end", .time(end)), ("duration_seconds", .seconds(end.nanoseconds - start.nanoseconds))]
    }

    private func lines(_ first: LineReference, _ last: LineReference) -> [(String, OrderedJSON)] {
        [("first_line", line(first)), ("last_line", line(last))]
    }

    private func evidence(_ e: Evidence) -> OrderedJSON {
        switch e {
        case .saturation(let s):
            return .object(span(s.start, s.end) + [
                ("max_usage_percent", .number(s.maxUsagePercent)),
                ("events", .integer(s.events)),
                ("recovered", .bool(s.recovered)),
                ("peak_per_minute", .integer(s.peakPerMinute)),
                ("longest_run_above_90", .optional(s.longestRunAbove90) { run in
                    .object(span(run.start, run.end) + [("events", .integer(run.events))])
                }),
                ("capacity", .optional(s.capacity, OrderedJSON.integer)),
                ("slow_handlers_nearby", .integer(s.slowHandlersNearby)),
            ] + lines(s.firstLine, s.lastLine))
        case .burst(let b):
            return .object(span(b.start, b.end) + [
                ("max_usage_percent", .number(b.maxUsagePercent)),
                ("events", .integer(b.events)),
                ("recovered", .bool(true)),
                ("peak_per_minute", .integer(b.peakPerMinute)),
                ("correlated", .bool(b.correlated)),
                ("bulk_task_creation", .optional(b.bulkTaskCreation, bulk)),
                ("capacity", .optional(b.capacity, OrderedJSON.integer)),
            ] + lines(b.firstLine, b.lastLine))
        case .ffiBackpressure(let f):
            return .object(span(f.start, f.end) + [
                ("events", .integer(f.events)),
                ("rate_per_minute", .number(f.rate.perMinute)),
                ("peak_per_minute", .integer(f.peakPerMinute)),
                ("recovered", .bool(f.recovered)),
                ("slow_handlers_nearby", .integer(f.slowHandlersNearby)),
                ("slowest_handler_seconds", .optional(f.slowestHandlerSeconds, OrderedJSON.number)),
                ("capacity", .optional(f.capacity, OrderedJSON.integer)),
            ] + lines(f.firstLine, f.lastLine))
        case .drops(let d):
            return .object(span(d.start, d.end) + [
                ("drops", .integer(d.drops)),
                ("rate_per_minute", .number(d.rate.perMinute)),
                ("rate_level", .string(d.rate.level.rawValue)),
                ("peak_per_minute", .integer(d.peakPerMinute)),
                ("continuous", .bool(d.continuous)),
                ("minutes_covered", .integer(d.minutesCovered)),
                ("minutes_with_drops", .integer(d.minutesWithDrops)),
                ("recovered", .bool(d.recovered)),
                ("event_types", .array(d.eventTypes.map(eventType))),
                ("untyped_drops", .integer(d.untypedDrops)),
                ("capacity", .optional(d.capacity, OrderedJSON.integer)),
            ] + lines(d.firstLine, d.lastLine))
        case .full(let f):
            return .object(span(f.start, f.end) + [
                ("events", .integer(f.events)),
                ("blocked", .integer(f.blocked)),
                ("dropped", .integer(f.dropped)),
                ("peak_per_minute", .integer(f.peakPerMinute)),
            ] + lines(f.firstLine, f.lastLine))
        case .allChannelsSaturated(let a):
            return .object(span(a.start, a.end) + [
                ("events", .integer(a.events)),
                ("peak_per_minute", .integer(a.peakPerMinute)),
                ("channels", .array(a.channels.map { c in
                    .object([
                        ("channel", .string(c.channel)),
                        ("max_usage_percent", .number(c.maxUsagePercent)),
                        ("saturation_events", .integer(c.saturationEvents)),
                        ("full_events", .integer(c.fullEvents)),
                        ("drops", .integer(c.drops)),
                    ])
                })),
            ])
        case .drift(let d):
            return .object([
                ("logs_capacity", .integer(d.logsCapacity)),
                ("expected_capacity", .integer(d.expectedCapacity)),
                ("expected_source", .string(d.expectedSource.rawValue)),
                ("environment", .string(d.environment)),
                ("config_file", .optional(d.configFile, OrderedJSON.string)),
                ("seen_at", .optional(d.seenAt, OrderedJSON.time)),
                ("line", line(d.line)),
                ("matching_environments", .array(d.matchingEnvironments.map(OrderedJSON.string))),
            ])
        case .prefix(let p):
            return .object([
                ("file", .string(p.file)),
                ("line", .integer(p.line)),
                ("header", .string(p.header)),
                ("corrected_header", .string(p.correctedHeader)),
            ])
        }
    }
}
