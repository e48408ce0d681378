#!/usr/bin/env bash
# Runs every libFuzzer harness in BUILD_DIR for SECONDS each, on its corpus in
# tests/fuzz/corpus/NAME/ (seeds, plus anything new it finds in a scratch copy). Exits non-zero on
# the first crash, leak or sanitizer report, leaving the crashing input in tests/fuzz/artifacts/.
set -uo pipefail
build="${1:?usage: run.sh BUILD_DIR [SECONDS]}"
seconds="${2:-10}"
here="$(cd "$(dirname "$0")" && pwd)"
mkdir -p "$here/artifacts"
status=0; ran=0
for bin in "$build"/fuzz_*; do
  [ -x "$bin" ] || continue
  name="$(basename "$bin")"; name="${name#fuzz_}"
  seeds="$here/corpus/$name"
  work="$(mktemp -d)"
  [ -d "$seeds" ] && cp -r "$seeds"/. "$work"/ 2>/dev/null
  echo "fuzz_$name: ${seconds}s"
  if ! "$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="$here/artifacts/$name-" "$work" > "$work.log" 2>&1; then
    echo "fuzz_$name FAILED:"; tail -n 40 "$work.log"; status=1
  else
    grep -E 'stat::number_of_executed_units|cov:' "$work.log" | tail -n 2
  fi
  ran=$((ran + 1))
  rm -rf "$work" "$work.log"
done
[ "$ran" -gt 0 ] || { echo "no fuzz harness found in $build"; exit 1; }
exit $status
