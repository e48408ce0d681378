#!/usr/bin/env bash
# The short fuzz run of the test command: every libFuzzer harness in BUILD_DIR (every fuzz_*
# binary, so a new harness needs no edit here), or only the NAMEs given, for SECONDS each. Each
# first replays its kept corpus in tests/fuzz/corpus/NAME/ (every input ever kept is re-checked),
# then mutates a scratch copy. Exits non-zero if any harness finds a crash, leak or sanitizer
# report, leaving the input in tests/fuzz/artifacts/. README.md explains long campaigns.
set -uo pipefail
build="${1:?usage: run.sh BUILD_DIR [SECONDS [NAME...]]}"
seconds="${2:-10}"
shift $(( $# >= 2 ? 2 : $# ))
here="$(cd "$(dirname "$0")" && pwd)"
mkdir -p "$here/artifacts"

names=("$@")
if [ ${#names[@]} -eq 0 ]; then
  for bin in "$build"/fuzz_*; do [ -x "$bin" ] && names+=("$(basename "$bin" | sed 's/^fuzz_//')"); done
fi
[ ${#names[@]} -gt 0 ] || { echo "no fuzz harness found in $build"; exit 1; }

status=0; failed=()
for name in "${names[@]}"; do
  bin="$build/fuzz_$name"
  if [ ! -x "$bin" ]; then echo "fuzz_$name: no such harness in $build"; status=1; failed+=("$name"); continue; fi
  seeds="$here/corpus/$name"
  work="$(mktemp -d)"
  [ -d "$seeds" ] && cp -r "$seeds"/. "$work"/ 2>/dev/null
  printf 'fuzz_%s: %ss on %s kept inputs\n' "$name" "$seconds" "$(ls "$work" | wc -l)"
  if ! "$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="$here/artifacts/$name-" "$work" > "$work.log" 2>&1; then
    echo "fuzz_$name FAILED:"; tail -n 40 "$work.log"; status=1; failed+=("$name")
  else
    grep -E 'stat::number_of_executed_units|cov:' "$work.log" | tail -n 2 | sed 's/^/  /'
  fi
  rm -rf "$work" "$work.log"
done
[ ${#failed[@]} -gt 0 ] && echo "fuzzing failed: ${failed[*]}"
exit $status
