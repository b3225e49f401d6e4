#!/usr/bin/env bash
# Writes the fuzzer's seed corpus, fixtures/fuzz/, from the line-shape fixtures:
# one seed per row of fixtures/shapes.log (12 shapes x 7 kinds; a CRI P+F pair is
# one seed), a slice of every sample format, the near-miss and decoy lines, the
# number edge cases, an overlong line, and gzip inputs (one member, two members,
# a member cut short followed by a good one). Deterministic: run it again after
# changing a fixture and commit the result. The inputs kept by hand in the same
# folder (fuzz findings, envelope and report seeds) are left as they are.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
fx="$root/fixtures"
out="$fx/fuzz"
mkdir -p "$out"
# Only what this script writes is written anew.
rm -f "$out"/shape-*.log "$out"/sample-*.log "$out"/fixture-*.log "$out"/near-miss.log "$out"/overlong.log \
    "$out"/one-member.log.gz "$out"/two-members.log.gz "$out"/cut-member.log.gz \
    "$out"/garbage-between.log.gz "$out"/zero-padded.log.gz "$out"/no-trailer.log.gz

# Every line shape: one seed per shapes.log row, joining a CRI partial line with its continuation.
awk -v out="$out" '
    / stdout P | stderr P / { pending = pending $0 "\n"; next }
    { n++; file = sprintf("%s/shape-%02d.log", out, n); printf "%s%s\n", pending, $0 > file; close(file); pending = "" }
' "$fx/shapes.log"

# A slice of each real sample: event lines with the noise around them.
for sample in plain ansi json kubectl-prefixed; do
    grep -m 12 -n -E 'mpsc_channel_|Channel |vent channel full|Bulk task creation|Slow handler' "$fx/$sample.log" \
        | cut -d: -f1 | while read -r n; do sed -n "$((n > 1 ? n - 1 : 1)),${n}p" "$fx/$sample.log"; done \
        > "$out/sample-$sample.log"
done
sed -n '150,175p' "$fx/cri.log" > "$out/sample-cri.log"

# Whole small fixtures: mixed formats, CRLF, decoys, runbook forms.
for name in mixed crlf decoys runbook-forms; do cp "$fx/$name.log" "$out/fixture-$name.log"; done

# Near misses and hostile numbers (the invariant test's garbage kinds).
cat > "$out/near-miss.log" <<'EOF'
2025-10-14T00:00:01Z WARN mpsc_channel_saturated channel=orchestration_command usage_percent=91
2025-10-14T00:00:02Z WARN mpsc_channel_saturation channel=orchestration_command usage_percent=abc
2025-10-14T00:00:03Z WARN mpsc_channel_saturation channel=orchestration_command usage_percent=1e400
2025-10-14T00:00:04Z WARN mpsc_channel_saturation channel=orchestration_command usage_percent=-5
2025-10-14T00:00:05Z WARN mpsc_channel_saturation channel= usage_percent=91
2025-10-14T00:00:06Z WARN mpsc_channel_saturation channel=a channel=b usage_percent=91 usage_percent=92
2025-10-14T00:00:07Z WARN Step failed reason="mpsc_channel_full channel=x action=dropped"
2025-10-14T00:00:08Z WARN mpsc_channel_saturation channel=worker_command usage_percent=NaN
2025-10-14T00:00:09Z WARN mpsc_channel_saturation channel=worker_command usage_percent=100.0001
2025-10-14T00:00:10Z ERROR mpsc_channel_full channel=worker_command action=dropped overflow_count=99999999999999999999
2025-10-14T00:00:11Z INFO Channel monitor initialized channel=worker_command buffer_size=0
2025-10-14T00:00:12Z INFO Bulk task creation count=-3
2025-10-14T00:00:13Z INFO Bulk task creation of 9223372036854775808 tasks
2025-10-14T00:00:14Z WARN Slow handler: 1e999s
9999-12-31T23:59:59.999999999Z WARN mpsc_channel_saturation channel=worker_command usage_percent=91
0000-01-01T00:00:00Z WARN mpsc_channel_saturation channel=worker_command usage_percent=91
2025-13-45T25:61:61Z WARN mpsc_channel_saturation channel=worker_command usage_percent=91
2025-10-14T00:00:15.Z WARN mpsc_channel_saturation channel=worker_command usage_percent=91
{"timestamp":"2025-10-14T00:00:16Z","fields":{"message":"mpsc_channel_full","channel":"x","action":"dropped"
{"fields":{"message":"Event channel full, dropping event \"quoted\\\" type","event_type":"\ud800"}}
EOF

# An overlong line (over the harness's 512-byte limit) between two events.
{
    sed -n 1p "$fx/runbook-forms.log"
    printf '2025-10-14T00:00:01Z WARN mpsc_channel_saturation channel=worker_command usage_percent=99 pad=%0600d\n' 0
    sed -n 2p "$fx/runbook-forms.log"
} > "$out/overlong.log"

# Gzip: one member, two members, and a first member cut short before a good one.
gzip -9nc "$fx/runbook-forms.log" > "$out/one-member.log.gz"
{ head -n 4 "$fx/runbook-forms.log" | gzip -9n; tail -n +5 "$fx/runbook-forms.log" | gzip -9n; } > "$out/two-members.log.gz"
member=$(head -n 4 "$fx/runbook-forms.log" | gzip -9n | base64 -w0)
{ printf '%s' "$member" | base64 -d | head -c 60; tail -n +5 "$fx/runbook-forms.log" | gzip -9n; } > "$out/cut-member.log.gz"

# Gzip damage the reader must survive: garbage between members, zero padding,
# a last member without its trailer (the text ends inside a value, no newline).
{ head -n 4 "$fx/runbook-forms.log" | gzip -9n; printf 'not gzip\n'; tail -n +5 "$fx/runbook-forms.log" | gzip -9n; } > "$out/garbage-between.log.gz"
{ gzip -9nc "$fx/runbook-forms.log"; head -c 64 /dev/zero; } > "$out/zero-padded.log.gz"
printf 'WARN mpsc_channel_saturation channel=worker_command usage_percent=9' | gzip -9n | head -c -8 > "$out/no-trailer.log.gz"

ls "$out" | wc -l | xargs echo "seeds in fixtures/fuzz:" >&2
