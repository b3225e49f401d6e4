#!/usr/bin/env python3
"""Replays hours of a busy tasker log into a file, for measuring `--follow` over time.

    scripts/follow-replay.py OUT.log --hours 24 [--speed 0]   # as fast as possible
    scripts/follow-replay.py OUT.log --hours 1 --speed 1      # in real time (an hour)
    scripts/follow-replay.py OUT.log --hours 24 --speed 3600 --dense   # a day in 24 s, 10x events

Per log hour: a heartbeat line every 0.2 s (18,000 lines), a saturation episode of some
channel every 10 minutes (info to critical, recovering), an event-publisher drop burst
every 30 minutes (3 minutes at ~17/min), a bulk task creation and PGMQ burst every hour,
and the buffer sizes re-announced hourly (as a rolling restart does). Every episode ends,
so a flat RSS means the follow lets go of what closed.
"""
import argparse
import datetime as dt
import sys
import time

CHANNELS = [
    ("orchestration_command_channel", "orchestration", 5000),
    ("pgmq_notify_listener", "pgmq", 10000),
    ("worker_command_channel", "worker", 2000),
    ("event_publisher_channel", "shared", 5000),
]


def stamp(t):
    return t.strftime("%Y-%m-%dT%H:%M:%S.%f") + "Z"


def lines_for_second(start, s, dense=False):
    """The lines of log second `s` (seconds since `start`); `dense`: ten times the events."""
    t = start + dt.timedelta(seconds=s)
    out = []
    if s % 3600 == 0:
        for name, component, size in CHANNELS:
            out.append(f"{stamp(t)}  INFO ThreadId(01) tasker_shared::monitoring::channel_metrics: "
                       f"Channel monitor initialized channel={name} component={component} buffer_size={size}")
    for k in range(5):
        out.append(f"{stamp(t + dt.timedelta(milliseconds=200 * k))}  INFO ThreadId(07) "
                   f"tasker_orchestration::orchestration::core: heartbeat tick={s * 5 + k}")
    minute, second = divmod(s % 3600, 60)
    # A saturation episode every 10 minutes: 2 minutes, one line every 20 s.
    if minute % 10 < 2 and second % (2 if dense else 20) == 0:
        name = CHANNELS[(s // 600) % 3][0]
        usage = [82.5, 91.0, 97.5][(s // 600) % 3] + (second / 100)
        out.append(f"{stamp(t)}  WARN ThreadId(11) tasker_shared::monitoring::channel_metrics: "
                   f"mpsc_channel_saturation channel={name} usage_percent={usage:.2f}")
    # Drops every 30 minutes, 3 minutes at ~17/min.
    if minute % 30 < 3 and (dense or s % 7 == 0):
        for k in range(10 if dense else 1):
            kind = ["step.completed", "workflow.transition", "task.finalized"][(s + k) % 3]
            out.append(f"{stamp(t + dt.timedelta(milliseconds=100 * k))}  WARN ThreadId(17) "
                       f"tasker_worker::worker::event_publisher: Event channel full, dropping event {kind}")
    # A bulk task creation, then the PGMQ notification channel bursts.
    if minute == 45 and second == 0:
        out.append(f"{stamp(t)}  INFO ThreadId(03) tasker_orchestration::orchestration::lifecycle::task_initializer: "
                   f"Bulk task creation count=1500")
    if minute == 45 and 20 <= second <= 50 and second % 10 == 0:
        out.append(f"{stamp(t)}  WARN ThreadId(11) tasker_pgmq::channel_metrics: "
                   f"mpsc_channel_saturation channel=pgmq_notify_listener usage_percent=95.5")
    return out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--hours", type=float, default=24)
    parser.add_argument("--speed", type=float, default=0, help="log seconds per wall second; 0: as fast as possible")
    parser.add_argument("--dense", action="store_true", help="ten times the events (saturation every 2 s, 10 drops/s in bursts)")
    args = parser.parse_args()
    start = dt.datetime(2025, 10, 14, tzinfo=dt.timezone.utc)
    began = time.monotonic()
    with open(args.out, "a", buffering=1 << 16) as f:
        for s in range(int(args.hours * 3600)):
            f.write("\n".join(lines_for_second(start, s, args.dense)) + "\n")
            if args.speed > 0:
                f.flush()
                wait = began + (s + 1) / args.speed - time.monotonic()
                if wait > 0:
                    time.sleep(wait)
    return 0


if __name__ == "__main__":
    sys.exit(main())
