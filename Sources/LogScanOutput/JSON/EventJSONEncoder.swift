import LogScanEngine

/// Encodes events as JSON Lines for `tasker-logscan events`: one object per
/// event, keys in a fixed order, the kind's own fields always present (null
/// when the line did not carry them), so `jq` filters see a stable shape.
public enum EventJSONEncoder {
    /// One event as a single-line JSON object (no trailing newline).
    public static func encode(_ e: Event) -> String {
        var out = "{\"kind\":" + JSONText.quoted(e.kind.rawValue)
        out += ",\"channel\":" + JSONText.quoted(e.channel)
        out += ",\"raw_channel\":" + JSONText.quoted(e.rawChannel)
        out += ",\"timestamp\":" + JSONText.quoted(e.timestamp?.rfc3339)
        out += ",\"source\":" + JSONText.quoted(e.source)
        out += ",\"input\":" + JSONText.quoted(e.input)
        out += ",\"line\":" + String(e.line)
        out += ",\"level\":" + JSONText.quoted(e.level)
        switch e.kind {
        case .saturation:
            out += ",\"usage_percent\":" + JSONText.number(e.usagePercent)
            out += ",\"capacity\":" + JSONText.number(e.capacity)
        case .full:
            out += ",\"action\":" + JSONText.quoted(e.action)
            out += ",\"count\":" + JSONText.number(e.count)
            out += ",\"capacity\":" + JSONText.number(e.capacity)
        case .ffiBackpressure:
            break
        case .droppedEvent:
            out += ",\"event_type\":" + JSONText.quoted(e.eventType)
        case .bulkTaskCreation:
            out += ",\"count\":" + JSONText.number(e.count)
        case .slowHandler:
            out += ",\"seconds\":" + JSONText.number(e.seconds)
        case .channelInit:
            out += ",\"capacity\":" + JSONText.number(e.capacity)
            out += ",\"component\":" + JSONText.quoted(e.component)
        }
        return out + "}"
    }
}
