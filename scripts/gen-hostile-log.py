#!/usr/bin/env python3
"""Generate the hostile-scale logs of issue #16 (docs/PERFORMANCE.md, "Hostile scale").

Each CASE is a log an attacker or a damaged deployment could write, in
tasker-core's tracing-subscriber full format:

  channels N     N distinct made-up channel names, one saturation line each
                 (85%), a second apart: N channels and N brief episodes.
  event-types N  N distinct dropped event types ("Event channel full, dropping
                 event type_K"), a second apart: one drop episode of
                 event_publisher with N types.
  sparse N       N saturation lines of orchestration_command (85%) spread evenly
                 over 190 years from 1905: N findings of one event each.
  long-name N    N channels, one saturation line each, and one more channel whose
                 name is 300 KB long (--name-bytes), among them.

Output is deterministic for the same arguments. Usage:

  scripts/gen-hostile-log.py CASE N --out FILE [--name-bytes 300000]
"""

import argparse
import datetime
import sys

START = datetime.datetime(2025, 10, 14, tzinfo=datetime.timezone.utc)
SPARSE_START = datetime.datetime(1905, 1, 1, tzinfo=datetime.timezone.utc)
SPARSE_SPAN = datetime.timedelta(days=190 * 365)


def stamp(t):
    return t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond:06d}Z"


def saturation(t, channel):
    return (f"{stamp(t)}  WARN ThreadId(04) tasker_shared::monitoring::channel_metrics: "
            f"mpsc_channel_saturation channel={channel} usage_percent=85\n")


def lines(case, n, name_bytes):
    if case == "channels":
        for k in range(n):
            yield saturation(START + datetime.timedelta(seconds=k), f"flood_{k}")
    elif case == "event-types":
        for k in range(n):
            t = START + datetime.timedelta(seconds=k)
            yield (f"{stamp(t)}  WARN ThreadId(02) tasker_shared::events::publisher: "
                   f"Event channel full, dropping event type_{k}\n")
    elif case == "sparse":
        step = SPARSE_SPAN / max(n, 1)
        for k in range(n):
            yield saturation(SPARSE_START + step * k, "orchestration_command")
    elif case == "long-name":
        long_at = n // 2
        for k in range(n + 1):
            name = "x" * name_bytes if k == long_at else f"flood_{k}"
            yield saturation(START + datetime.timedelta(seconds=k), name)
    else:
        raise SystemExit(f"gen-hostile-log: unknown case {case!r}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("case", choices=["channels", "event-types", "sparse", "long-name"])
    parser.add_argument("n", type=float, help="how many (1e5 and 1e6 accepted)")
    parser.add_argument("--out", required=True)
    parser.add_argument("--name-bytes", type=int, default=300_000)
    args = parser.parse_args()
    n = int(args.n)
    with open(args.out, "w", encoding="ascii", buffering=1 << 20) as out:
        for line in lines(args.case, n, args.name_bytes):
            out.write(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
