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

# --- CSV import and export (issue 5) ---
csv_dir="$(cd "$OLDPWD" && cd "$(dirname "${BASH_SOURCE[0]}")/../data/csv" && pwd)"
check "new plan for CSV" 0 "$fp" new crm.footprint.json --name "CRM import"
check "import-csv needs --kind" 2 "$fp" import-csv "$csv_dir/salesforce_accounts_report.csv" --into crm.footprint.json
expect "says --kind" 'kind'
check "import a Salesforce accounts report" 0 "$fp" import-csv --kind accounts "$csv_dir/salesforce_accounts_report.csv" --into crm.footprint.json
expect "counts" '^salesforce_accounts_report\.csv: 4 created, 0 updated, 0 unchanged, 1 rejected$'
expect "rejected row with file and line" 'salesforce_accounts_report\.csv:7: column "Employees": "about 40" is not a whole number$'
expect "report footer noted" 'footer'
check "the plan is valid after import" 0 "$fp" info crm.footprint.json --json; expect "4 accounts" '"accounts": 4,'
check "importing the same file again" 0 "$fp" import-csv --kind accounts "$csv_dir/salesforce_accounts_report.csv" --into crm.footprint.json
expect "nothing new" ': 0 created, 0 updated, 4 unchanged, 1 rejected$'
check "import Data Loader contacts" 0 "$fp" import-csv --kind contacts "$csv_dir/dataloader_contacts.csv" --into crm.footprint.json
expect "contacts counted" ': 2 created, 0 updated, 0 unchanged, 1 rejected$'
expect "unknown account named" 'dataloader_contacts\.csv:4: no account in the plan has Salesforce Id "001ZZZZZZZZZZZZY55"'
check "ambiguous dates need --date-order" 2 "$fp" import-csv --kind opportunities "$csv_dir/salesforce_opportunities_report.csv" --into crm.footprint.json
expect "asks for the order" 'Close Date.*--date-order mdy'
cp crm.footprint.json before-opps.json
check "import opportunities to another file" 0 "$fp" import-csv --kind opportunities "$csv_dir/salesforce_opportunities_report.csv" --into crm.footprint.json --date-order mdy -o crm2.footprint.json
expect "deals counted" ': 3 created, 0 updated, 0 unchanged, 1 rejected$'
expect "new stage noted" 'new stage'
if cmp -s crm.footprint.json before-opps.json; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL -o must leave PLAN unchanged"; fi
check "opportunities plan is valid" 0 "$fp" validate crm2.footprint.json
check "export accounts" 0 "$fp" export-csv --kind accounts crm2.footprint.json -o accounts.csv; expect "export count" '^accounts\.csv: 4 accounts$'
if head -c 12 accounts.csv | od -An -c | tr -s ' ' | grep -q '357 273 277 I d , N a m e'; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL export starts with a BOM and Data Loader names"; head -c 40 accounts.csv | od -c | head -3; fi
if grep -q $'\r$' accounts.csv; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL export uses CRLF"; fi
check "export opportunities" 0 "$fp" export-csv --kind opportunities crm2.footprint.json -o opps.csv; expect "3 opportunities" ': 3 opportunities$'
check "new plan for the round trip" 0 "$fp" new round.footprint.json
check "exported accounts import back" 0 "$fp" import-csv --kind accounts accounts.csv --into round.footprint.json
expect "all four" ': 4 created, 0 updated, 0 unchanged, 0 rejected$'
printf 'Name,Employees\nAcme,many\n' > bad.csv
cp round.footprint.json round-before.json
check "nothing importable exits 1" 1 "$fp" import-csv --kind accounts bad.csv --into round.footprint.json
expect "says nothing imported" 'nothing could be imported'
if cmp -s round.footprint.json round-before.json; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL a failed import must not change the plan"; fi
check "export-csv needs -o" 2 "$fp" export-csv --kind accounts round.footprint.json
check "import a UTF-16 Excel text file" 0 "$fp" import-csv --kind accounts "$csv_dir/excel_unicode_text.txt" --into round.footprint.json
expect "two accounts" ': 2 created'
check "import a semicolon Windows-1252 file" 0 "$fp" import-csv --kind accounts "$csv_dir/excel_semicolon_1252.csv" --into round.footprint.json
check "accents survive" 0 grep -c 'Boulangerie Étoile' round.footprint.json

echo "cli: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
