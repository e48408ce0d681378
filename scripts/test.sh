#!/usr/bin/env bash
# Quick start, command 2: every test — native unit tests (ASan/UBSan), command-line checks, short
# fuzz runs of every parser, and the end-to-end tests in real Chromium. Exits non-zero when any
# suite fails; the last line is "N passed, N failed" counting suites.
set -uo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
install_debian_packages
fetch_imgui
fetch_zlib
install_npm_packages

passed=0; failed=0; failures=()
suite() { # suite NAME COMMAND...
  local name="$1"; shift
  say "$name"
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); failures+=("$name"); fi
}

build_native
suite "unit tests (doctest, ASan+UBSan)" build/native/footprint_tests --no-intro=true
suite "command-line tests" bash tests/cli/run.sh build/native/footprint

fuzz() {
  cmake --preset fuzz >/dev/null && cmake --build --preset fuzz || return 1
  bash tests/fuzz/run.sh build/fuzz "${FUZZ_SECONDS:-10}"
}
suite "fuzzing (libFuzzer, ${FUZZ_SECONDS:-10} s per parser)" fuzz

build_web
suite "end-to-end tests (Chromium)" node --test --test-concurrency=1 tests/e2e/

echo
[ ${#failures[@]} -gt 0 ] && printf 'failed: %s\n' "${failures[@]}"
echo "suites: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
