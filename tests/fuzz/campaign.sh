#!/usr/bin/env bash
# A long fuzzing campaign: runs each harness in BUILD_DIR (all fuzz_* binaries, or the NAMEs
# given) for SECONDS on its kept corpus plus what it finds, then minimises the result back into
# tests/fuzz/corpus/NAME (libFuzzer -merge=1: only inputs that add coverage are kept).
# A crash stops that harness and leaves the input in tests/fuzz/artifacts/. See README.md.
#   bash tests/fuzz/campaign.sh build/fuzz 600              # every harness, 10 minutes each
#   bash tests/fuzz/campaign.sh build/fuzz 3600 plan_json   # one harness, an hour
#   bash tests/fuzz/campaign.sh build/fuzz 0 plan_json      # only minimise the kept corpus
set -uo pipefail
build="${1:?usage: campaign.sh BUILD_DIR SECONDS [NAME...]}"
seconds="${2:?usage: campaign.sh BUILD_DIR SECONDS [NAME...]}"
shift 2
here="$(cd "$(dirname "$0")" && pwd)"
max_len="${FUZZ_MAX_LEN:-4096}" # keeps the kept corpus small and the inputs readable
mkdir -p "$here/artifacts"

names=("$@")
if [ ${#names[@]} -eq 0 ]; then
  for bin in "$build"/fuzz_*; do [ -x "$bin" ] && names+=("$(basename "$bin" | sed 's/^fuzz_//')"); done
fi
status=0
for name in "${names[@]}"; do
  bin="$build/fuzz_$name"
  [ -x "$bin" ] || { echo "no harness $bin"; status=1; continue; }
  kept="$here/corpus/$name"
  mkdir -p "$kept"
  found="$(mktemp -d)"; merged="$(mktemp -d)"
  echo "== fuzz_$name: ${seconds}s (kept corpus: $(ls "$kept" | wc -l) files)"
  if [ "$seconds" -gt 0 ] && ! "$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len="$max_len" \
        -print_final_stats=1 -artifact_prefix="$here/artifacts/$name-" "$found" "$kept" \
        > "$found.log" 2>&1; then
    echo "fuzz_$name FAILED:"; tail -n 40 "$found.log"; status=1
  elif [ -f "$found.log" ]; then
    grep -E 'stat::number_of_executed_units|cov:' "$found.log" | tail -n 2
  fi
  # Minimise seeds, earlier finds and new finds together: with -use_counters=0 a file is kept only
  # if it reaches code no other kept file reaches (hit counts do not count), which keeps the
  # corpus to a few hundred small files. Seeds (descriptive names) always stay; the rest are
  # replaced by the new minimal set, named found-<sha1>.
  "$bin" -merge=1 -use_counters=0 -max_len="$max_len" "$merged" "$kept" "$found" > "$found.merge.log" 2>&1 ||
    { echo "merge failed for $name"; tail -n 20 "$found.merge.log"; status=1; rm -rf "$found" "$merged"; continue; }
  before=$(ls "$kept" | wc -l)
  rm -f "$kept"/found-*
  declare -A have=()
  for f in "$kept"/*; do [ -f "$f" ] && have[$(sha1sum < "$f" | cut -c1-40)]=1; done
  for f in "$merged"/*; do
    [ -f "$f" ] || continue
    h="$(sha1sum < "$f" | cut -c1-40)"
    [ -n "${have[$h]:-}" ] && continue
    have[$h]=1
    cp "$f" "$kept/found-$h"
  done
  unset have
  added=$(( $(ls "$kept" | wc -l) - before ))
  echo "fuzz_$name: kept corpus now $(ls "$kept" | wc -l) files, $(cat "$kept"/* | wc -c) bytes ($added more)"
  rm -rf "$found" "$merged" "$found.log" "$found.merge.log"
done
exit $status
