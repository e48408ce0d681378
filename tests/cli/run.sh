#!/usr/bin/env bash
# Command-line checks of the `footprint` tool: exit codes and output a user relies on.
# Prints "N passed, N failed" and exits non-zero when any check fails.
set -uo pipefail
fp="$(realpath "${1:?usage: run.sh PATH/TO/footprint}")"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
pass=0; fail=0
check() { # check NAME EXPECTED_EXIT COMMAND... ; output in $out
  local name="$1" want="$2"; shift 2
  out="$("$@" 2>&1)"; local got=$?
  if [ "$got" = "$want" ]; then pass=$((pass + 1)); else
    fail=$((fail + 1)); echo "FAIL $name: exit $got, wanted $want"; echo "$out" | head -20; fi
}
expect() { # expect NAME PATTERN: the last output matches
  if grep -qE -- "$2" <<<"$out"; then pass=$((pass + 1)); else
    fail=$((fail + 1)); echo "FAIL $1: output does not match /$2/:"; echo "$out" | head -20; fi
}

check "--version" 0 "$fp" --version;                 expect "version text" '^footprint [0-9]+\.[0-9]+\.[0-9]+$'
check "--help" 0 "$fp" --help;                       expect "help lists new" '^  new ' ; expect "help lists validate" 'validate'
check "unknown command" 2 "$fp" frobnicate;          expect "unknown command named" "unknown command 'frobnicate'"
check "new" 0 "$fp" new plan.footprint.json --name "Q1 plan"
check "new refuses to overwrite" 1 "$fp" new plan.footprint.json; expect "says why" 'exists'
check "validate a new plan" 0 "$fp" validate plan.footprint.json; expect "valid" 'valid'
check "info --json" 0 "$fp" info plan.footprint.json --json
expect "info counts" '^\{"accounts": 0, "contacts": 0, "opportunities": 0, "activities": 0, "territories": 0\}$'

printf '{"format":"footprint-plan","version":1,"accounts":5}' > bad.json
check "validate a bad plan" 1 "$fp" validate bad.json; expect "problem with its path" '^bad\.json: /accounts: expected an array$'
printf '{"format": "footprint-plan", "vers' > truncated.json
check "validate a truncated file" 1 "$fp" validate truncated.json; expect "syntax error with line" '^truncated\.json: line 1, column [0-9]+: '
check "validate a missing file" 1 "$fp" validate nowhere.json; expect "names the file" 'nowhere\.json'
printf '{"format":"footprint-plan","version":7}' > newer.json
check "validate a newer version" 1 "$fp" validate newer.json; expect "newer version" 'newer Footprint'

# Desks (issue 6): who to call this week, from the sample plan or a file.
check "desks --sample" 0 "$fp" desks --sample --today 2026-11-26 --top 3
expect "desks lists renewals" '^Renewals +[0-9]+ in the next 90 days'
expect "desks explains the top account" '^ +[0-9.]+ +Renewal urgency +(Contract ends|Out of contract)'
check "desks on a new plan" 0 "$fp" desks plan.footprint.json --today 2026-11-26; expect "nothing due" '^Renewals +0 in the next 90 days'
check "desks with a bad date" 2 "$fp" desks --sample --today 2026-02-30; expect "says why" 'is not a date'
check "desks needs a plan" 2 "$fp" desks; expect "asks for one" 'expected one FILE, or --sample'

echo "cli: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
