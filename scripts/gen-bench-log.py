#!/usr/bin/env python3
"""Generate a realistic tasker-core log for the benchmark (issue #5).

The lines are tasker-core's tracing-subscriber *full* format exactly as in
samples/plain.log (timestamp, padded level, ThreadId, optional span context,
target, message, key=value fields): step execution chains with UUIDv7s, DEBUG
sqlx lines, heartbeats, step enqueued, JSON-ish task contexts, and near-miss
noise (`channel=` fields, "Listening on PostgreSQL channel", "Channel
throughput milestone", "Published step event event_type=", the words event,
capacity and full).  A fraction of the lines (default 0.05%) are the relevant
lines of every kind of SPEC §3, in the shapes of the samples, grouped into
incidents (a PGMQ burst after a bulk task creation, an event publisher drop
storm, Ruby FFI backpressure with slow handlers, a restart's channel monitor
lines, ...), as a real incident is a run of lines, not scattered ones.

Output is deterministic for a given (--size, --seed, --relevant).  Next to FILE
the generator writes FILE.manifest.json: bytes, lines, time range, and the
expected counts (relevant lines, events per kind, dropped event types) that
scripts/bench uses to check every tool saw the same thing.

--shape writes the same lines as another deployment would store them (the
shapes of samples/): plain (default), json (tracing's .json(): fields, span,
spans, threadId), kubectl (`kubectl logs --prefix --timestamps`), ansi (a TTY's
colours), cri (the container runtime's files on the node: `TS stdout F|P`, long
noise lines split into a P and an F piece), docker (Docker's json-file driver:
`{"log":"...\n","stream":"stdout","time":"..."}`, with Go's HTML escaping), loki
(`logcli query --output=jsonl`: `{"labels":{...},"line":"...","timestamp":"..."}`).
--relevant 1 writes an event storm: every line an event, spread over a day.

Usage:
  scripts/gen-bench-log.py --size 1G --out bench-data/bench-1G.log [--seed 5] [--relevant 0.0005]
                           [--shape plain|json|kubectl|ansi|cri|docker|loki] [--gzip]

Sizes take binary suffixes: K = KiB, M = MiB, G = GiB (1G = 1073741824 bytes).
--gzip also writes FILE.gz with the `gzip` command at level --gzip-level
(default 1, i.e. `gzip -1`: fast to write; zcat and tasker-logscan both read it).
"""

import argparse
import datetime
import json
import math
import os
import random
import re
import subprocess
import sys
import time

# Bumped whenever the output for the same arguments changes, so that
# scripts/bench regenerates data it kept from an older generator.
GENERATOR_VERSION = 2

START = datetime.datetime(2025, 10, 14, tzinfo=datetime.timezone.utc)
# Mean gap between lines: ~50 lines/s, so 1 GiB (~4.8M lines) spans about a day.
MEAN_GAP_US = 18_000
# One line in LATE_EVERY is written up to 40 ms late, as in a stream merged from pods.
LATE_EVERY = 500

# tracing-subscriber pads the level to 5 columns after one space.
LEVEL = {"TRACE": " TRACE", "DEBUG": " DEBUG", "INFO": "  INFO", "WARN": "  WARN", "ERROR": " ERROR"}

ORCH_THREADS = range(2, 10)      # tokio workers of the orchestration pod (as in the sample)
WORKER_THREADS = range(10, 18)   # and of the worker pod

NAMESPACES = ["fulfillment", "inventory", "notifications", "payments", "linear_workflow", "diamond_workflow"]
QUEUES = [ns + "_queue" for ns in NAMESPACES]
HANDLERS = [
    "OrderFulfillment::ValidateOrderHandler", "OrderFulfillment::ReserveInventoryHandler",
    "OrderFulfillment::ProcessPaymentHandler", "OrderFulfillment::ShipOrderHandler",
    "Notifications::SendEmailHandler", "LinearWorkflow::LinearStep1Handler",
    "DiamondWorkflow::DiamondStartHandler",
]
EVENT_TYPES = ["step.completed", "step.failed", "task.finalized", "workflow.transition", "step.enqueued"]
COMMAND_TYPES = ["ProcessStepResult", "EnqueueReadySteps", "InitializeTask", "FinalizeTask"]

# Literal-free noise templates taken from samples/plain.log.
SQL_SUMMARIES = [
    '"SELECT * FROM get_step_readiness_status($1, …)"',
    '"SELECT * FROM get_next_ready_tasks($1)"',
    '"SELECT * FROM pgmq.read($1, $2, $3)"',
    '"SELECT * FROM tasker_tasks WHERE task_uuid = …"',
    '"SELECT pgmq.archive($1, $2)"',
    '"SELECT pgmq.send($1, $2, $3)"',
    '"UPDATE tasker_workflow_steps SET in_process = …"',
    '"INSERT INTO tasker_workflow_step_transitions (workflow_step_uuid, …)"',
]

# Channels as tasker-core logs them: (raw name, component, buffer_size, monitor target).
MONITORED = [
    ("orchestration_command_channel", "orchestration", 5000, "tasker_shared::monitoring::channel_metrics"),
    ("pgmq_notify_listener", "pgmq", 10000, "tasker_pgmq::channel_metrics"),
    ("worker_command_channel", "worker", 2000, "tasker_shared::monitoring::channel_metrics"),
    ("worker_event_channel", "worker", 1000, "tasker_shared::monitoring::channel_metrics"),
    ("event_publisher_queue", "shared", 5000, "tasker_shared::monitoring::channel_metrics"),
    ("ruby_ffi_event_handler", "worker", 1000, "tasker_shared::monitoring::channel_metrics"),
]


SHAPES = ["plain", "json", "kubectl", "ansi", "cri", "docker", "loki"]

# A field of a message or span as tracing's full format prints it: key=value, the
# value quoted ("..."), a JSON-ish object printed with Debug ({...}), or a token.
FIELD = re.compile(r' ([A-Za-z_][\w.]*)=("(?:[^"\\]|\\.)*"|\{\S*\}|\S+)')
SPAN = re.compile(r'(\w+)\{([^}]*)\}')
NUMBER = re.compile(r'-?\d+(\.\d+)?([eE][-+]?\d+)?')
ANSI_LEVEL = {"TRACE": "\x1b[35mTRACE", "DEBUG": "\x1b[34mDEBUG", "INFO": "\x1b[32m INFO", "WARN": "\x1b[33m WARN",
              "ERROR": "\x1b[31mERROR"}
POD = {True: "[pod/tasker-worker-5f8b7/worker] ", False: "[pod/tasker-orchestration-7c9d5/orchestration] "}
# Longer noise lines than this are split by the container runtime's CRI writer in
# the cri shape (as in samples/cri.log: task contexts and step results).
CRI_SPLIT_OVER = 420


def split_message(message):
    """`text key=value ...` -> ("text", [(key, raw value), ...])."""
    m = FIELD.search(message)
    if m is None:
        return message, []
    return message[:m.start()], FIELD.findall(message, m.start())


def json_value(raw):
    if raw.startswith('"') and raw.endswith('"') and len(raw) >= 2:
        return raw[1:-1].replace('\\"', '"')
    if NUMBER.fullmatch(raw):
        return float(raw) if any(c in raw for c in ".eE") else int(raw)
    if raw in ("true", "false"):
        return raw == "true"
    return raw


def parse_spans(spans):
    """`a{k=v k2=v2}:b{...}: ` -> [("a", [(k, v), ...]), ...]."""
    out = []
    for name, body in SPAN.findall(spans):
        fields = [tuple(kv.split("=", 1)) for kv in body.split(" ") if "=" in kv]
        out.append((name, fields))
    return out


def ansi_fields(fields):
    return "".join(f" \x1b[3m{k}\x1b[0m\x1b[2m=\x1b[0m{v}" for k, v in fields)


def go_json(obj):
    """json.dumps as Go's encoding/json writes it (Docker): <, >, & escaped, UTF-8 kept."""
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def render(shape, rng, ts, t_us, level, tid, spans, target, message, relevant):
    """One log line (with its newline) in `shape`; the plain line is tracing's full format."""
    plain = f"{ts}{LEVEL[level]} ThreadId({tid:02d}) {spans}{target}: {message}"
    if shape == "plain":
        return plain + "\n"
    runtime_ts = f"{ts[:-1]}{rng.randrange(1000):03d}Z"      # the runtime's clock: nanoseconds
    if shape == "kubectl":
        late = t_us + rng.randrange(50, 400)
        kube_ts = f"{ts[:20]}{late % 1_000_000:06d}{rng.randrange(1000):03d}Z" if late // 1_000_000 == t_us // 1_000_000 \
            else runtime_ts
        return f"{POD[tid in WORKER_THREADS]}{kube_ts} {plain}\n"
    if shape == "cri":
        if not relevant and len(plain) > CRI_SPLIT_OVER:
            cut = rng.randrange(100, CRI_SPLIT_OVER)
            return f"{runtime_ts} stdout P {plain[:cut]}\n{runtime_ts} stdout F {plain[cut:]}\n"
        return f"{runtime_ts} stdout F {plain}\n"
    if shape == "docker":
        return go_json({"log": plain + "\n", "stream": "stdout", "time": runtime_ts}) + "\n"
    if shape == "loki":
        # logcli marshals a map: keys sorted (labels, line, timestamp).
        pod = POD[tid in WORKER_THREADS].split("/")[1]
        return go_json({"labels": {"app": "tasker", "namespace": "tasker", "pod": pod},
                        "line": plain, "timestamp": runtime_ts}) + "\n"
    text, fields = split_message(message)
    parsed = parse_spans(spans)
    if shape == "ansi":
        out = [f"\x1b[2m{ts}\x1b[0m {ANSI_LEVEL[level]}\x1b[0m ThreadId({tid:02d}) "]
        if parsed:
            out.append("\x1b[2m:\x1b[0m".join(
                f"\x1b[1m{name}\x1b[0m\x1b[1m{{\x1b[0m" + ansi_fields(f)[1:] + "\x1b[1m}\x1b[0m" for name, f in parsed))
            out.append("\x1b[2m:\x1b[0m ")
        out.append(f"\x1b[2m{target}\x1b[0m\x1b[2m:\x1b[0m {text}{ansi_fields(fields)}\n")
        return "".join(out)
    # json: tracing-subscriber's .json() formatter.
    record = {"timestamp": ts, "level": level,
              "fields": dict([("message", text)] + [(k, json_value(v)) for k, v in fields]),
              "target": target}
    if parsed:
        span_objs = [dict(sorted((k, json_value(v)) for k, v in f)) | {"name": name} for name, f in parsed]
        record["span"] = span_objs[-1]
        record["spans"] = span_objs
    record["threadId"] = f"ThreadId({tid})"
    return json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"


def parse_size(text):
    """'1G' -> 1073741824; binary suffixes K, M, G (an optional trailing B/iB is accepted)."""
    t = text.strip().upper().removesuffix("IB").removesuffix("B")
    mult = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30}.get(t[-1:], 1)
    if t[-1:] in "KMG":
        t = t[:-1]
    value = float(t) * mult
    if value < 4096:
        raise argparse.ArgumentTypeError(f"size {text!r} is too small (at least 4K)")
    return int(value)


class Log:
    """Writes lines with advancing timestamps and keeps the counts of the manifest."""

    def __init__(self, rng, out, size, relevant, shape="plain"):
        self.rng = rng
        self.shape = shape
        self.physical_lines = 0             # lines in the file (a CRI split line is two)
        # A storm (every line an event) still covers about a day: ~200-byte lines.
        self.mean_gap_us = MEAN_GAP_US if relevant < 1 else max(1, int(86_400e6 / max(1, size / 200)))
        self.out = out
        self.size = size
        self.relevant = relevant
        self.t_us = 0                       # microseconds since START
        self.sec = -1
        self.sec_text = ""
        self.block = []                     # lines not yet written
        self.block_ts = []                  # their timestamps
        self.block_chars = 0
        self.block_marks = []               # (index in block, kind, event_type) of relevant lines
        self.written = 0
        self.lines = 0
        self.kinds = {}
        self.dropped_types = {}
        self.relevant_lines = 0
        self.untyped_publisher_drops = 0
        self.first_ts = None
        self.last_ts = None
        self.max_ts_us = 0
        self.done = False
        self.next_relevant = self._gap()

    def _gap(self):
        # Geometric gap: each line is relevant with probability `relevant`.
        if self.relevant <= 0:
            return 1 << 62
        if self.relevant >= 1:
            return 1
        u = self.rng.random()
        return 1 + int(math.log(1.0 - u) / math.log(1.0 - self.relevant))

    def uuid7(self):
        ms = (START_MS + self.t_us // 1000) & 0xFFFFFFFFFFFF
        r = self.rng.getrandbits(76)
        return (f"{ms >> 16:08x}-{ms & 0xFFFF:04x}-7{r & 0xFFF:03x}-"
                f"{0x8000 | ((r >> 12) & 0x3FFF):04x}-{r >> 28:012x}")

    def timestamp(self):
        self.t_us += int(self.rng.expovariate(1.0 / self.mean_gap_us)) + 1
        t = self.t_us
        if self.rng.randrange(LATE_EVERY) == 0:
            t = max(0, t - self.rng.randrange(1000, 40000))
        sec = t // 1_000_000
        if sec != self.sec:
            self.sec = sec
            self.sec_text = (START + datetime.timedelta(seconds=sec)).strftime("%Y-%m-%dT%H:%M:%S")
        return f"{self.sec_text}.{t % 1_000_000:06d}Z"

    def line(self, level, tid, spans, target, message, kind=None, event_type=None, publisher_drop=False):
        """One full-format line: `TS  LEVEL ThreadId(NN) spans: target: message`.
        `kind` marks a relevant line; `publisher_drop` an event_publisher drop that names no event type."""
        ts = self.timestamp()
        if self.shape == "plain":
            text = f"{ts}{LEVEL[level]} ThreadId({tid:02d}) {spans}{target}: {message}\n"
        else:
            text = render(self.shape, self.rng, ts, self.t_us, level, tid, spans, target, message, kind is not None)
        if kind is not None:
            self.block_marks.append((len(self.block), kind, event_type, publisher_drop))
        self.block.append(text)
        self.block_ts.append(ts)
        self.block_chars += len(text)
        if self.block_chars >= (1 << 20):
            self.flush()

    def noise_done(self):
        """Called after each noise line: True when a relevant line is due."""
        self.next_relevant -= 1
        if self.next_relevant <= 0:
            self.next_relevant = self._gap()
            return True
        return False

    def _count(self, kind, event_type, publisher_drop):
        self.relevant_lines += 1
        if publisher_drop:
            self.untyped_publisher_drops += 1
        self.kinds[kind] = self.kinds.get(kind, 0) + 1
        if event_type is not None:
            self.dropped_types[event_type] = self.dropped_types.get(event_type, 0) + 1

    def flush(self):
        """Writes the block, or the part of it that fits in --size, then clears it."""
        if self.done or not self.block:
            return
        data = "".join(self.block).encode()
        if self.written + len(data) <= self.size:
            self.out.write(data)
            self.written += len(data)
            self.lines += len(self.block)
            self.physical_lines += data.count(b"\n")
            for _, kind, event_type, publisher_drop in self.block_marks:
                self._count(kind, event_type, publisher_drop)
            self.first_ts = self.first_ts or self.block_ts[0]
            self.last_ts = self.block_ts[-1]
        else:
            # Last block: whole lines only, up to the requested size.
            marks = {i: (kind, event_type, publisher_drop) for i, kind, event_type, publisher_drop in self.block_marks}
            for i, text in enumerate(self.block):
                b = text.encode()
                if self.written + len(b) > self.size:
                    break
                self.out.write(b)
                self.written += len(b)
                self.lines += 1
                self.physical_lines += b.count(b"\n")
                if i in marks:
                    self._count(*marks[i])
                self.first_ts = self.first_ts or self.block_ts[i]
                self.last_ts = self.block_ts[i]
            self.done = True
        self.block = []
        self.block_ts = []
        self.block_marks = []
        self.block_chars = 0


START_MS = int(START.timestamp() * 1000)


class Incidents:
    """Relevant lines, one incident after another; each incident is a short story
    told by several lines, spread over the minutes its relevant slots cover.

    An incident is planned as a list of emitters (closures); each builds its line
    when it is emitted, so that UUIDs and counters belong to that moment."""

    def __init__(self, log):
        self.log = log
        self.rng = log.rng
        self.pending = []
        self.messages_sent = 240_000      # event_publisher_queue's counters for DROPPED lines
        self.messages_dropped = 0

    def emit_next(self):
        if not self.pending:
            self.pending = self.new_incident()
            self.pending.reverse()
        self.pending.pop()()

    def new_incident(self):
        story = self.rng.choices(
            [self.pgmq_burst, self.command_saturation, self.publisher_drops, self.ffi_backpressure,
             self.worker_command, self.restart, self.lone_slow_handler, self.small_bulk],
            weights=[22, 18, 24, 12, 8, 2, 6, 6])[0]
        return story()

    # -- the shapes of the relevant lines (as in samples/plain.log) ------------------

    def percent_curve(self, n, peak):
        """n usage values rising from ~81% to `peak` and falling back."""
        out = []
        for i in range(n):
            x = 1.0 - abs((2.0 * i / max(1, n - 1)) - 1.0)     # 0 -> 1 -> 0
            out.append(80.5 + (peak - 80.5) * x + self.rng.uniform(-0.8, 0.8))
        return [min(max(v, 80.1), 99.9) for v in out]

    def step_span(self):
        return f"execute_step{{step_uuid={self.log.uuid7()} handler={self.rng.choice(HANDLERS)}}}: "

    def notification_span(self):
        return f"process_notification{{queue={self.rng.choice(QUEUES)} msg_id={self.rng.randrange(100000, 999999)}}}: "

    def command_span(self):
        return f"process_command{{command_id={self.log.uuid7()} command_type={self.rng.choice(COMMAND_TYPES)}}}: "

    def monitor(self, raw, buffer_size, target, usage, emoji, threads, span=None):
        """`Channel approaching capacity (>80%)` or `CRITICAL: Channel critically full (>95%)`;
        the shared monitor writes "⚠️  " before CRITICAL, the pgmq one does not."""
        log, rng = self.log, self.rng

        def emit():
            available = max(1, int(round(buffer_size * (100.0 - usage) / 100.0)))
            percent = (buffer_size - available) / buffer_size * 100.0   # f64 printed in full, as Rust does
            if percent > 95.0:
                head = ("⚠️  " if emoji else "") + "CRITICAL: Channel critically full (>95%)"
            else:
                head = "Channel approaching capacity (>80%)"
            spans = span() if span is not None and rng.random() < 0.5 else ""
            log.line("WARN", rng.choice(threads), spans, target,
                     f"{head} channel={raw} saturation_percent={percent!r} available={available} buffer_size={buffer_size}",
                     kind="saturation")
        return emit

    def mpsc_saturation(self, channel, target, usage, threads):
        log, rng = self.log, self.rng
        return lambda: log.line("WARN", rng.choice(threads), "", target,
                                f"mpsc_channel_saturation channel={channel} usage_percent={usage:.1f}", kind="saturation")

    def mpsc_full(self, channel, target, threads):
        log, rng = self.log, self.rng
        return lambda: log.line("ERROR", rng.choice(threads), "", target,
                                f"mpsc_channel_full channel={channel} action=dropped", kind="full",
                                publisher_drop=channel == "event_publisher")

    def overflow_blocked(self, raw, target, count, threads):
        log, rng = self.log, self.rng
        return lambda: log.line("WARN", rng.choice(threads), "", target,
                                f"Channel overflow - message blocked (backpressure applied) channel={raw} overflow_count={count}",
                                kind="full")

    def overflow_dropped(self):
        log, rng = self.log, self.rng

        def emit():
            self.messages_sent += rng.randrange(500, 3000)
            self.messages_dropped += 1
            sent, dropped = self.messages_sent, self.messages_dropped
            log.line("WARN", rng.choice(WORKER_THREADS), "", "tasker_shared::monitoring::channel_metrics",
                     f"Channel overflow - message DROPPED (consider increasing buffer_size) channel=event_publisher_queue "
                     f"messages_sent={sent} messages_dropped={dropped} drop_rate_percent={dropped / sent * 100.0!r}",
                     kind="full", publisher_drop=True)
        return emit

    def dropping_event(self):
        log, rng = self.log, self.rng
        event_type = rng.choice(EVENT_TYPES)
        return lambda: log.line("WARN", rng.choice(WORKER_THREADS), self.step_span() if rng.random() < 0.4 else "",
                                "tasker_worker::worker::event_publisher",
                                f"Event channel full, dropping event {event_type}", kind="dropped_event", event_type=event_type)

    def ffi_full(self):
        log, rng = self.log, self.rng
        return lambda: log.line("ERROR", rng.choice(WORKER_THREADS), self.step_span() if rng.random() < 0.5 else "",
                                "tasker_worker_rb::event_bridge",
                                "Ruby FFI event channel full - backpressure applied", kind="ffi_backpressure")

    def bulk(self, count):
        log, rng = self.log, self.rng
        return lambda: log.line("INFO", rng.choice(ORCH_THREADS), "",
                                "tasker_orchestration::orchestration::lifecycle::task_initializer",
                                f"Bulk task creation count={count}", kind="bulk_task_creation")

    def slow(self):
        log, rng = self.log, self.rng
        seconds = rng.choice([1.1, 1.3, 1.6, 2.1, 2.5, 3.4, 4.8])
        return lambda: log.line("WARN", rng.choice(WORKER_THREADS), self.step_span() if rng.random() < 0.6 else "",
                                "tasker_worker_rb::handler_timing", f"Slow handler: {seconds}s", kind="slow_handler")

    def monitor_initialized(self, raw, component, size, target):
        log = self.log
        return lambda: log.line("INFO", 1, "", target,
                                f"Channel monitor initialized channel={raw} component={component} buffer_size={size}",
                                kind="channel_init")

    # -- incidents -------------------------------------------------------------------

    def pgmq_burst(self):
        """Issue 2: a bulk task creation, then the pgmq listener saturates and recovers."""
        rng = self.rng
        lines = [self.bulk(rng.choice([1000, 1200, 1500, 3000, 5000]))]
        for i, usage in enumerate(self.percent_curve(rng.randrange(6, 18), rng.uniform(88, 99.5))):
            lines.append(self.monitor("pgmq_notify_listener", 10000, "tasker_pgmq::channel_metrics", usage, False,
                                      ORCH_THREADS, self.notification_span))
            if i % 2 == 1:
                lines.append(self.mpsc_saturation("pgmq_notifications", "tasker_pgmq::listener", usage, ORCH_THREADS))
            if usage > 98.5:
                lines.append(self.overflow_blocked("pgmq_notify_listener", "tasker_pgmq::channel_metrics", 1, ORCH_THREADS))
                lines.append(self.mpsc_full("pgmq_notifications", "tasker_pgmq::listener", ORCH_THREADS))
        return lines

    def command_saturation(self):
        """Issue 1: the orchestration command channel saturates, with backpressure at the peak."""
        rng = self.rng
        lines = []
        overflow = 0
        for usage in self.percent_curve(rng.randrange(8, 30), rng.uniform(90, 98)):
            lines.append(self.monitor("orchestration_command_channel", 5000, "tasker_shared::monitoring::channel_metrics",
                                      usage, True, ORCH_THREADS, self.command_span))
            if rng.random() < 0.5:
                lines.append(self.mpsc_saturation("orchestration_command",
                                                  "tasker_orchestration::orchestration::command_processor", usage, ORCH_THREADS))
            if usage > 96.5:
                overflow += 1
                lines.append(self.overflow_blocked("orchestration_command_channel",
                                                   "tasker_shared::monitoring::channel_metrics", overflow, ORCH_THREADS))
        return lines

    def publisher_drops(self):
        """Issue 4: the event publisher saturates and drops events."""
        rng = self.rng
        lines = [self.mpsc_saturation("event_publisher", "tasker_worker::worker::event_publisher", usage, WORKER_THREADS)
                 for usage in self.percent_curve(rng.randrange(2, 5), rng.uniform(85, 97))]
        for _ in range(rng.randrange(5, 30)):
            r = rng.random()
            if r < 0.7:
                lines.append(self.dropping_event())
            elif r < 0.85:
                lines.append(self.mpsc_full("event_publisher", "tasker_worker::worker::event_publisher", WORKER_THREADS))
            else:
                lines.append(self.overflow_dropped())
        return lines

    def ffi_backpressure(self):
        """Issue 3: slow Ruby handlers, the FFI channel fills, backpressure."""
        rng = self.rng
        lines = [self.slow() for _ in range(rng.randrange(1, 4))]
        for usage in self.percent_curve(rng.randrange(2, 6), rng.uniform(86, 97)):
            lines.append(self.mpsc_saturation("ruby_ffi", "tasker_worker_rb::event_bridge", usage, WORKER_THREADS))
            lines.append(self.ffi_full())
            if rng.random() < 0.4:
                lines.append(self.slow())
        return lines

    def worker_command(self):
        rng = self.rng
        lines = []
        for usage in self.percent_curve(rng.randrange(2, 6), rng.uniform(82, 93)):
            lines.append(self.monitor("worker_command_channel", 2000, "tasker_shared::monitoring::channel_metrics",
                                      usage, True, WORKER_THREADS))
            if rng.random() < 0.5:
                lines.append(self.mpsc_saturation("worker_command", "tasker_worker::worker::command_processor", usage,
                                                  WORKER_THREADS))
        return lines

    def restart(self):
        """A pod restart: every channel monitor logs its capacity."""
        return [self.monitor_initialized(*m) for m in MONITORED]

    def lone_slow_handler(self):
        return [self.slow()]

    def small_bulk(self):
        return [self.bulk(self.rng.choice([50, 120, 250, 400, 800]))]


class Noise:
    """Everything that is not a channel problem, in the sample's shapes."""

    def __init__(self, log):
        self.log = log
        self.rng = log.rng
        self.units = [self.step_execution, self.step_result, self.enqueue, self.notification, self.task_context,
                      self.task_finalized, self.http, self.heartbeat, self.status, self.fallback_poller,
                      self.milestone, self.listening, self.subscriber, self.queue_poll]
        # Units per 2 hours in samples/plain.log (its noise lines counted by message:
        # 239 heartbeats, 119 status lines, 91 throughput milestones, 68 step executions,
        # ...), so that line lengths, byte frequencies and the near misses per MB are the
        # samples'; the two near misses not in the samples get ~1% of the lines each.
        self.weights = [68, 57, 20, 11, 4, 17, 9, 239, 119, 10, 91, 1, 12, 12]
        self.totals = {raw: 0 for raw, *_ in MONITORED}
        self.unit_batch = []

    def next_unit(self):
        # rng.choices in batches: one call per 4096 units instead of per unit.
        if not self.unit_batch:
            self.unit_batch = self.rng.choices(self.units, weights=self.weights, k=4096)
        return self.unit_batch.pop()

    def sql(self, tid, spans, summary=None):
        rng = self.rng
        us = int(rng.lognormvariate(7.5, 1.2))
        elapsed = f"{us}µs" if us < 1000 else f"{us / 1000:.3f}".rstrip("0").rstrip(".") + "ms"
        return ("DEBUG", tid, spans, "sqlx::query",
                f"summary={summary or rng.choice(SQL_SUMMARIES)} db.statement=\"\" rows_affected={rng.randrange(0, 6)} "
                f"rows_returned={rng.randrange(0, 10)} elapsed={elapsed} elapsed_secs={us / 1e6!r}")

    def step_execution(self):
        rng, log = self.rng, self.log
        tid = rng.choice(WORKER_THREADS)
        handler = rng.choice(HANDLERS)
        queue = rng.choice(QUEUES)
        span = f"execute_step{{step_uuid={log.uuid7()} handler={handler}}}: "
        ruby_ms = int(rng.lognormvariate(5.5, 0.8))
        status = "success" if rng.random() < 0.97 else "error"
        event_type = "step.completed" if status == "success" else "step.failed"
        return [
            ("DEBUG", tid, "", "tasker_worker::worker::queue_consumer",
             f"Claimed message from queue queue={queue} msg_id={rng.randrange(1000000, 9999999)} read_ct=1"),
            ("INFO", tid, span, "tasker_worker::worker::step_executor", "🔧 Executing step handler"),
            ("DEBUG", tid, span, "tasker_worker_rb::event_bridge", f"Dispatched step to Ruby handler handler={handler}"),
            ("DEBUG", tid, span, "tasker_worker_rb::event_bridge", f"Ruby handler completed handler={handler} elapsed_ms={ruby_ms}"),
            ("INFO", tid, span, "tasker_worker::worker::step_executor",
             f"Step execution completed duration_ms={ruby_ms + rng.randrange(2, 20)} status={status}"),
            ("DEBUG", tid, "", "tasker_worker::worker::event_publisher",
             f"Published step event event_type={event_type} task_uuid={log.uuid7()}"),
        ]

    def step_result(self):
        rng, log = self.rng, self.log
        tid = rng.choice(ORCH_THREADS)
        span = f"process_command{{command_id={log.uuid7()} command_type=ProcessStepResult}}: "
        step = log.uuid7()
        out = [
            ("DEBUG", tid, span, "tasker_orchestration::orchestration::command_processor",
             "Received orchestration command command_type=ProcessStepResult"),
            self.sql(tid, span, SQL_SUMMARIES[0]),
            ("INFO", tid, f"{span[:-2]}:handle_step_result{{step_uuid={step}}}: ",
             "tasker_orchestration::orchestration::lifecycle::result_processor",
             f"Step result processed step_uuid={step} task_uuid={log.uuid7()} status=complete duration_ms={rng.randrange(20, 900)}"),
        ]
        if rng.random() < 0.3:
            out.append(self.sql(tid, span, SQL_SUMMARIES[7]))
        return out

    def enqueue(self):
        rng, log = self.rng, self.log
        tid = rng.choice(ORCH_THREADS)
        span = f"process_command{{command_id={log.uuid7()} command_type=EnqueueReadySteps}}: "
        out = [("DEBUG", tid, span, "tasker_orchestration::orchestration::command_processor",
                "Received orchestration command command_type=EnqueueReadySteps"),
               self.sql(tid, span, SQL_SUMMARIES[1])]
        task = log.uuid7()
        for _ in range(rng.randrange(1, 5)):
            ns = rng.choice(NAMESPACES)
            out.append(("INFO", tid, "", "tasker_orchestration::orchestration::lifecycle::step_enqueuer",
                        f"Step enqueued step_uuid={log.uuid7()} task_uuid={task} queue={ns}_queue namespace={ns} "
                        f"msg_id={rng.randrange(1000000, 9999999)}"))
            out.append(self.sql(tid, "", SQL_SUMMARIES[5]))
        return out

    def notification(self):
        rng = self.rng
        tid = rng.choice(ORCH_THREADS)
        queue = rng.choice(QUEUES)
        msg_id = rng.randrange(100000, 9999999)
        return [("DEBUG", tid, f"process_notification{{queue={queue} msg_id={msg_id}}}: ", "tasker_pgmq::listener",
                 f"📨 Received pgmq message ready notification queue={queue} msg_id={msg_id}"),
                self.sql(rng.choice(WORKER_THREADS), "", SQL_SUMMARIES[2])]

    def task_context(self):
        rng, log = self.rng, self.log
        tid = rng.choice(ORCH_THREADS)
        span = f"process_command{{command_id={log.uuid7()} command_type=InitializeTask}}: "
        items = ",".join(
            f'{{"sku":"SKU-{rng.randrange(100000):05d}","qty":{rng.randrange(1, 10)},'
            f'"unit_price":{rng.randrange(100, 50000) / 100:.2f},"warehouse":"wh-{rng.choice(["us-east-1a", "us-east-1b", "eu-west-1a"])}"}}'
            for _ in range(rng.randrange(1, 21)))
        context = (f'{{"order_id":{rng.randrange(1000000)},"customer":{{"id":{rng.randrange(100000)},'
                   f'"email":"customer{rng.randrange(100000)}@example.com","tier":"{rng.choice(["standard", "gold"])}"}},'
                   f'"items":[{items}],"shipping":{{"method":"ground","address":{{"city":"Springfield","zip":"{rng.randrange(100000):05d}"}}}},'
                   f'"metadata":{{"source":"api","request_id":"req-{rng.getrandbits(64):016x}"}}}}')
        return [("DEBUG", tid, span, "tasker_orchestration::orchestration::lifecycle::task_initializer",
                 f"Task context loaded task_uuid={log.uuid7()} context={context}"),
                self.sql(tid, span, '"INSERT INTO tasker_tasks (named_task_uuid, …)"')]

    def task_finalized(self):
        rng, log = self.rng, self.log
        tid = rng.choice(ORCH_THREADS)
        return [self.sql(tid, "", SQL_SUMMARIES[6]),
                ("INFO", tid, "", "tasker_orchestration::orchestration::lifecycle::task_finalizer",
                 f"✅ Task completed successfully task_uuid={log.uuid7()} total_steps={rng.randrange(1, 12)} "
                 f"duration_ms={rng.randrange(500, 120000)}")]

    def http(self):
        rng = self.rng
        uri = rng.choice(["/health", "/health", "/metrics", "/v1/tasks"])
        method = "POST" if uri == "/v1/tasks" else "GET"
        return [("DEBUG", rng.choice(ORCH_THREADS), f"request{{method={method} uri={uri} version=HTTP/1.1}}: ",
                 "tower_http::trace::on_response",
                 f"finished processing request latency={rng.randrange(1, 40)} ms status={201 if method == 'POST' else 200}")]

    def heartbeat(self):
        rng = self.rng
        return [("INFO", rng.choice(WORKER_THREADS), "", "tasker_worker::worker::core",
                 f"💓 Worker heartbeat active_steps={rng.randrange(0, 20)} queue_depth={rng.randrange(0, 200)}")]

    def status(self):
        rng = self.rng
        return [("INFO", rng.choice(ORCH_THREADS), "", "tasker_orchestration::orchestration::core",
                 f"📊 Orchestration status active_tasks={rng.randrange(50, 900)} pending_steps={rng.randrange(0, 2000)} status=healthy")]

    def fallback_poller(self):
        rng = self.rng
        return [("DEBUG", rng.choice(ORCH_THREADS), "", "tasker_orchestration::orchestration::task_readiness::fallback_poller",
                 f"Fallback poller cycle complete tasks_found={rng.randrange(0, 3)} duration_ms={rng.randrange(5, 60)}")]

    def milestone(self):
        # Near miss: "Channel " and channel= but no problem (the prefilter's "Channel " sees it).
        rng = self.rng
        raw, _, _, target = MONITORED[rng.randrange(len(MONITORED))]
        self.totals[raw] += 10000
        threads = WORKER_THREADS if raw.startswith(("worker", "ruby", "event")) else ORCH_THREADS
        return [("DEBUG", rng.choice(threads), "", target,
                 f"Channel throughput milestone channel={raw} total_sent={self.totals[raw]}")]

    def listening(self):
        # Near miss: a PostgreSQL LISTEN channel, not an MPSC channel (a reconnect).
        tid = self.rng.choice(ORCH_THREADS)
        return [("INFO", tid, "", "tasker_pgmq::listener", f"Listening on PostgreSQL channel channel={c}")
                for c in ("pgmq_message_ready.orchestration_step_results",
                          "pgmq_message_ready.orchestration_task_requests", "pgmq_queue_created")]

    def subscriber(self):
        # Near miss not in the samples (issue #5 asks for "event"/"channel" words):
        # an event delivered through a channel, capital "Event " and channel=.
        rng, log = self.rng, self.log
        return [("DEBUG", rng.choice(WORKER_THREADS), "", "tasker_worker::worker::event_subscriber",
                 f"Event delivered to subscriber event_type={rng.choice(EVENT_TYPES)} channel=worker_event_channel "
                 f"task_uuid={log.uuid7()}")]

    def queue_poll(self):
        # Near miss not in the samples: the words "full" and "capacity" in fields.
        rng = self.rng
        claimed = rng.randrange(0, 11)
        return [("DEBUG", rng.choice(WORKER_THREADS), "", "tasker_worker::worker::queue_consumer",
                 f"Queue poll complete queue={rng.choice(QUEUES)} claimed={claimed} capacity=10 "
                 f"batch_full={'true' if claimed == 10 else 'false'}")]


def generate(path, size, seed, relevant, shape="plain"):
    rng = random.Random(seed)
    with open(path, "wb", buffering=0) as out:
        log = Log(rng, out, size, relevant, shape)
        noise = Noise(log)
        incidents = Incidents(log)
        for emit in incidents.restart():      # a log starts with the channel monitors
            emit()
        line = log.line
        while not log.done:
            if relevant >= 1:               # a storm: no noise at all
                incidents.emit_next()
                continue
            for level, tid, spans, target, message in noise.next_unit()():
                line(level, tid, spans, target, message)
                if log.noise_done():
                    incidents.emit_next()
            if log.done:
                break
        log.flush()
    return log


def write_manifest(path, log, args):
    manifest = {
        "generator": "scripts/gen-bench-log.py",
        "generator_version": GENERATOR_VERSION,
        "seed": args.seed,
        "size_requested": args.size,
        "relevant_fraction": args.relevant,
        "shape": args.shape,
        "bytes": log.written,
        # Lines in the file (what `wc -l` and the report count); a CRI split line is two.
        "lines": log.physical_lines,
        "logical_lines": log.lines,
        "first_timestamp": log.first_ts,
        "last_timestamp": log.last_ts,
        # Every relevant line holds exactly one literal of scripts/bench and is one event.
        "relevant_lines": log.relevant_lines,
        "events_by_kind": dict(sorted(log.kinds.items())),
        "dropped_event_types": dict(sorted(log.dropped_types.items(), key=lambda kv: (-kv[1], kv[0]))),
        # event_publisher drops that name no event type (mpsc_channel_full, "message DROPPED"):
        # the report counts them as untyped_drops; the runbook's pipeline does not see them.
        "untyped_publisher_drops": log.untyped_publisher_drops,
    }
    with open(path + ".manifest.json", "w") as f:
        json.dump(manifest, f, indent=2)
        f.write("\n")
    return manifest


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--size", type=parse_size, default=parse_size("1G"), help="file size, e.g. 100M, 1G (binary units)")
    p.add_argument("--out", required=True, help="output file")
    p.add_argument("--seed", type=int, default=5, help="random seed (default 5)")
    p.add_argument("--relevant", type=float, default=0.0005, help="fraction of relevant lines (default 0.0005)")
    p.add_argument("--shape", choices=SHAPES, default="plain", help="how the lines are stored (default plain)")
    p.add_argument("--gzip", action="store_true", help="also write OUT.gz")
    p.add_argument("--gzip-level", type=int, default=1, choices=range(1, 10), metavar="1-9",
                   help="gzip level for --gzip (default 1)")
    p.add_argument("--quiet", action="store_true")
    args = p.parse_args()
    if not (0.0 <= args.relevant < 0.5 or args.relevant == 1.0):
        p.error("--relevant must be in [0, 0.5), or 1 for a storm")

    started = time.perf_counter()
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    log = generate(args.out, args.size, args.seed, args.relevant, args.shape)
    manifest = write_manifest(args.out, log, args)
    if not args.quiet:
        print(f"{args.out}: {log.written} bytes, {log.lines} lines, {log.relevant_lines} relevant, "
              f"{log.first_ts} .. {log.last_ts} ({time.perf_counter() - started:.1f}s)", file=sys.stderr)
    if args.gzip:
        started = time.perf_counter()
        with open(args.out + ".gz.tmp", "wb") as gz:
            subprocess.run(["gzip", f"-{args.gzip_level}", "-c", "-n", args.out], stdout=gz, check=True)
        os.replace(args.out + ".gz.tmp", args.out + ".gz")
        manifest["gzip"] = {"command": f"gzip -{args.gzip_level} -n", "bytes": os.path.getsize(args.out + ".gz")}
        with open(args.out + ".manifest.json", "w") as f:
            json.dump(manifest, f, indent=2)
            f.write("\n")
        if not args.quiet:
            print(f"{args.out}.gz: {manifest['gzip']['bytes']} bytes (gzip -{args.gzip_level}, "
                  f"{time.perf_counter() - started:.1f}s)", file=sys.stderr)


if __name__ == "__main__":
    main()
