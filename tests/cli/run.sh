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

# --- route (issue 8) -------------------------------------------------------------------------
printf 'NAME: square\nTYPE: TSP\nDIMENSION: 5\nEDGE_WEIGHT_TYPE: EUC_2D\nNODE_COORD_SECTION\n1 0 0\n2 10 10\n3 0 10\n4 10 0\n5 5 -3\nEOF\n' > square.tsp
check "route --tsplib" 0 "$fp" route --tsplib square.tsp;      expect "length line" '^length: 42$'
expect "tour line lists every node from 1" '^tour: 1( [2-5]){4}$'; expect "exact for small" '^method: optimal'
check "route --tsplib --baseline" 0 "$fp" route --tsplib square.tsp --baseline; expect "baseline length" '^length: 4[0-9]$'
printf 'NAME: x\nTYPE: TSP\nDIMENSION: 3\nEDGE_WEIGHT_TYPE: EUC_2D\nNODE_COORD_SECTION\n1 0 0\n2 1,5 0\n' > bad.tsp
check "route --tsplib bad file" 1 "$fp" route --tsplib bad.tsp; expect "file and line" '^bad\.tsp:7: coordinate "1,5" is not a number$'
check "route without a mode" 2 "$fp" route;                  expect "says what is expected" 'expected --tsplib FILE or --plan PLAN'
check "route --time-limit not a number" 2 "$fp" route --tsplib square.tsp --time-limit soon
tsplib_dir="$(dirname "$fp")/../../../shared/data/tsplib"
[ -d "$tsplib_dir" ] || tsplib_dir="/work/shared/data/tsplib"
if [ -f "$tsplib_dir/berlin52.tsp" ]; then
  check "route berlin52 reproducible with --kicks" 0 "$fp" route --tsplib "$tsplib_dir/berlin52.tsp" --kicks 300 --seed 3
  first="$(grep -v '^method:' <<<"$out")"   # the method line has the time taken
  check "the same again" 0 "$fp" route --tsplib "$tsplib_dir/berlin52.tsp" --kicks 300 --seed 3
  if [ "$first" = "$(grep -v '^method:' <<<"$out")" ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL berlin52: one seed and kick count gave two tours"; fi
  expect "berlin52 optimum" '^length: 7542$'
fi

cat > day.footprint.json <<'JSON'
{"format":"footprint-plan","version":1,"id":"plan-1","name":"Route test","created":"2026-01-01T00:00:00.000Z","modified":"2026-01-01T00:00:00.000Z",
 "settings":{"home_label":"Office","home":{"lat":39.9695,"lon":-83.003},"timezone":"America/New_York"},
 "accounts":[
  {"id":"a1","name":"Redbud Distribution","status":"client","address":{"street":"100 Main St, Suite 5","city":"Columbus","state":"OH","postal_code":"43215"},"location":{"lat":39.99,"lon":-83.02},"modified":"2026-01-01T00:00:00.000Z"},
  {"id":"a2","name":"=Sato; Transfer, \"Storage\"","status":"client","address":{"city":"Dublin","state":"OH"},"location":{"lat":40.099,"lon":-83.114},"modified":"2026-01-01T00:00:00.000Z"},
  {"id":"a3","name":"Quarry Hill Auto Mall","status":"prospect","location":{"lat":39.9,"lon":-82.88},"modified":"2026-01-01T00:00:00.000Z"},
  {"id":"a4","name":"Nowhere Inc","status":"prospect","modified":"2026-01-01T00:00:00.000Z"}],
 "activities":[
  {"id":"v1","account_id":"a2","type":"visit","date":"2026-11-27","start_minute":540,"duration_minutes":45,"subject":"Renewal review; bring the quote","modified":"2026-01-01T00:00:00.000Z"},
  {"id":"v2","account_id":"a1","type":"visit","date":"2026-11-27","start_minute":660,"duration_minutes":60,"fixed_time":true,"modified":"2026-01-01T00:00:00.000Z"},
  {"id":"v3","account_id":"a3","type":"visit","date":"2026-11-27","start_minute":600,"duration_minutes":45,"modified":"2026-01-01T00:00:00.000Z"},
  {"id":"v4","account_id":"a4","type":"visit","date":"2026-11-27","duration_minutes":45,"modified":"2026-01-01T00:00:00.000Z"}]}
JSON
check "route --plan --date" 0 "$fp" route --plan day.footprint.json --date 2026-11-27
expect "the day" '^Friday, Nov 27, 2026$'; expect "a late appointment is flagged" '! arrives 11:45 AM, 45 min after the 11:00 AM appointment'
expect "no location is said" 'Nowhere Inc: no location'; expect "totals" '^3 visits, 1 h 48 min driving'
check "route --plan without --date" 2 "$fp" route --plan day.footprint.json
check "route --plan bad date" 2 "$fp" route --plan day.footprint.json --date 2026-02-30; expect "says the date is bad" 'is not a date'
check "route --optimize --write --ics --csv" 0 "$fp" route --plan day.footprint.json --date 2026-11-27 --optimize --write --ics day.ics --csv day.csv
expect "optimized" '^Optimized \(provably optimal\): 3 visits on the route'; expect "no more late" '^3 visits, 1 h 40 min driving'
check "the written plan is valid" 0 "$fp" validate day.footprint.json
check "route after --write shows the optimized day" 0 "$fp" route --plan day.footprint.json --date 2026-11-27; expect "kept" '1 h 40 min driving'
if head -c 3 day.csv | od -An -tx1 | grep -q 'ef bb bf' && grep -q $'\r$' day.csv && grep -q "'=Sato" day.csv; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL csv: BOM, CRLF or formula guard missing"; fi
# The calendar file read back by a real iCalendar parser (Debian's python3-icalendar).
check "ics parses with python3-icalendar" 0 /usr/bin/python3 - day.ics <<'PY'
import sys, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
events = cal.walk('VEVENT')
assert len(events) == 3, len(events)
got = {str(e['UID']): e for e in events}
v2 = got['v2@footprint']
start = v2.decoded('dtstart')
assert str(start) == '2026-11-27 11:00:00-05:00', start
assert str(v2['SUMMARY']) == 'Visit: Redbud Distribution'
assert str(v2['LOCATION']) == '100 Main St, Suite 5, Columbus, OH 43215'
assert abs(v2['GEO'].latitude - 39.99) < 1e-9
v1 = got['v1@footprint']
assert str(v1['SUMMARY']) == 'Visit: =Sato; Transfer, "Storage"', v1['SUMMARY']
assert 'Renewal review; bring the quote' in str(v1['DESCRIPTION'])
for e in events:
    assert e.decoded('dtend') > e.decoded('dtstart')
    assert e.decoded('dtstart').tzinfo is not None
print('ok', len(events))
PY
expect "three events" '^ok 3$'
# --- share, merge, rollup (issue 10) ---------------------------------------------------------------
cat > alice.json <<'JSON'
{"format":"footprint-plan","version":1,"id":"plan-alice","name":"Alice's plan","owner":"Alice Ng",
 "created":"2026-03-01T00:00:00Z","modified":"2026-03-01T00:00:00Z","quota":{"monthly_revenue":1000000},
 "stages":[{"name":"Prospecting","probability":10},
           {"name":"Closed Won","probability":100,"category":"closed","closed":true,"won":true}],
 "territories":[{"id":"ter-1","name":"Downtown","modified":"2026-03-01T00:00:00Z"}],
 "accounts":[{"id":"acc-1","name":"Riverside Dental Group","status":"client","territory_id":"ter-1",
   "notes":"Original note","modified":"2026-03-01T00:00:00Z",
   "contacts":[{"id":"con-1","name":"Zelda Quixote","phone":"(614) 555-0199","email":"zelda@riverside.example",
                "modified":"2026-03-01T00:00:00Z"}]},
  {"id":"acc-2","name":"Harbor Freight","status":"prospect","modified":"2026-03-01T00:00:00Z"}],
 "opportunities":[{"id":"opp-1","account_id":"acc-1","name":"Renewal","stage":"Closed Won","mrc":150000,
   "close_date":"2026-03-20","modified":"2026-03-01T00:00:00Z"},
  {"id":"opp-2","account_id":"acc-2","name":"New fiber","stage":"Prospecting","mrc":90000,
   "close_date":"2026-04-10","modified":"2026-03-01T00:00:00Z"}],
 "activities":[{"id":"act-1","account_id":"acc-1","contact_id":"con-1","type":"call","date":"2026-03-02",
   "subject":"Call with Zelda about (614) 555-0199","modified":"2026-03-01T00:00:00Z"}]}
JSON
check "share --redact" 0 "$fp" share alice.json -o redacted.json --redact; expect "share says what" 'without personal details: 2 accounts, 1 contacts'
check "redacted share is a valid plan" 0 "$fp" validate redacted.json
if grep -qE 'Zelda|Quixote|555-0199|riverside\.example' redacted.json; then fail=$((fail + 1)); echo "FAIL redacted share holds personal details"; else pass=$((pass + 1)); fi
check "share a territory" 0 "$fp" share alice.json -o downtown.json --territory ter-1; expect "territory label" 'Downtown territory'
check "share an unknown territory" 1 "$fp" share alice.json -o x.json --territory ter-9; expect "says which" 'no territory has id "ter-9"'
check "share both scopes" 2 "$fp" share alice.json -o x.json --territory ter-1 --accounts acc-1

check "share whole plan" 0 "$fp" share alice.json -o whole.json
check "new bob" 0 "$fp" new bob.json --name "Bob's plan"
check "merge a share into an empty plan" 0 "$fp" merge bob.json whole.json -o bob1.json
expect "merge counts" 'accounts +2 created, 0 updated, 0 deleted'; expect "merge wrote" '^Wrote bob1\.json: '
check "merge the same file again" 0 "$fp" merge bob1.json whole.json -o bob2.json; expect "nothing" 'nothing to change'
if cmp -s bob1.json bob2.json; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL merging twice changed the file"; fi

# Both change the same account's notes: a conflict, decided by --prefer (exit 3).
sed -e 's/"notes":"Original note","modified":"2026-03-01T00:00:00.000Z"/"notes":"Alice note","modified":"2026-03-05T00:00:00.000Z"/' \
    -e 's/"notes":"Original note","modified":"2026-03-01T00:00:00Z"/"notes":"Alice note","modified":"2026-03-05T00:00:00Z"/' alice.json > alice2.json
sed -e 's/"notes":"Original note","modified":"2026-03-01T00:00:00.000Z"/"notes":"Bob note","modified":"2026-03-06T00:00:00.000Z"/' bob1.json > bob3.json
check "edited copies are valid" 0 "$fp" validate alice2.json
check "merge with a conflict (newer wins)" 3 "$fp" merge bob3.json alice2.json -o bob4.json
expect "conflict listed" 'Conflicts \(1\), decided by --prefer newer'; expect "field and values" 'Notes: yours “Bob note” \(Mar 6, 2026\), theirs “Alice note” \(Mar 5, 2026\) → kept yours'
if grep -q '"notes":"Bob note"' bob4.json; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL newer note not kept"; fi
check "merge --prefer theirs" 3 "$fp" merge bob3.json alice2.json -o bob5.json --prefer theirs; expect "took theirs" 'took theirs'
if grep -q '"notes":"Alice note"' bob5.json; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL --prefer theirs not applied"; fi
check "merge --json" 3 "$fp" merge bob3.json alice2.json --dry-run --json; expect "json conflict" '"field": "notes"'
check "merge --dry-run writes nothing" 3 "$fp" merge bob3.json alice2.json --dry-run
[ -e bob6.json ] && { fail=$((fail + 1)); echo "FAIL dry run wrote"; } || pass=$((pass + 1))
check "merge needs two plans" 2 "$fp" merge bob3.json -o x.json
check "merge a bad file" 1 "$fp" merge bob3.json bad.json -o x.json; expect "problem with its path" '^bad\.json: /accounts: expected an array$'
[ -e x.json ] && { fail=$((fail + 1)); echo "FAIL a failed merge wrote its output"; } || pass=$((pass + 1))
check "merge --prefer bogus" 2 "$fp" merge bob3.json alice2.json -o x.json --prefer always

check "rollup text" 0 "$fp" rollup alice.json bob5.json --from 2026-03 --months 2
expect "rollup rows" '^Alice Ng +\$20,000 +\$1,500 '; expect "team row" '^Team '
check "rollup csv" 0 "$fp" rollup alice.json --format csv --from 2026-03 --months 2 -o rollup.csv
if head -c 3 rollup.csv | od -An -tx1 | grep -q 'ef bb bf' && grep -q $'^2026-03,Alice Ng,10000.00,1500.00,.*\r$' rollup.csv; then
  pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL rollup csv"; cat -A rollup.csv | head -5; fi
check "rollup json" 0 "$fp" rollup alice.json --format json --from 2026-03 --months 1; expect "json team" '"closed_won": 150000'
check "rollup the same plan twice" 0 "$fp" rollup alice.json alice.json --from 2026-03; expect "skipped" 'already in the roll-up; skipped'
check "rollup --format xml" 2 "$fp" rollup alice.json --format xml
check "rollup --from bad" 2 "$fp" rollup alice.json --from March
# --- footprint forecast (issue 7): the monthly table as CSV (dollars) and JSON (cents) -----------
T='"modified":"2026-01-01T00:00:00.000Z"'
cat > fc.json <<JSON
{"format":"footprint-plan","version":1,"id":"plan-fc","created":"2026-01-01T00:00:00.000Z",$T,
 "quota":{"monthly_revenue":1000000,"month_override":{"2026-02":0}},
 "commission":{"tiers":[{"from_attainment_pct":0,"rate_bp":10000},{"from_attainment_pct":100,"rate_bp":15000}]},
 "stages":[{"name":"Prospecting","probability":10,"category":"pipeline"},
           {"name":"Negotiation/Review","probability":90,"category":"commit"},
           {"name":"Closed Won","probability":100,"category":"closed","closed":true,"won":true}],
 "accounts":[{"id":"a1","name":"Riverside Dental","status":"client",$T,
   "services":[{"id":"s1","product":"inet-500","mrc":50000,"contract_end":"2026-01-31",$T}]}],
 "opportunities":[
   {"id":"w","account_id":"a1","name":"Won","stage":"Closed Won","probability":100,"forecast_category":"closed","mrc":1200050,"close_date":"2026-01-05",$T},
   {"id":"c","account_id":"a1","name":"Commit","stage":"Negotiation/Review","probability":90,"forecast_category":"commit","mrc":200000,"close_date":"2026-01-25",$T},
   {"id":"p","account_id":"a1","name":"Early","stage":"Prospecting","probability":10,"forecast_category":"pipeline","mrc":30001,"close_date":"2026-02-03",$T}]}
JSON
check "forecast csv" 0 "$fp" forecast fc.json --from 2026-01 --months 2 --format csv
expect "csv header" '^month,quota,closed_won,commit,best_case,pipeline,pipeline_weighted,commit_forecast,best_case_forecast,open_pipeline,expected,attainment_pct,gap,coverage,renewal_base,commission'
# January: 12,000.50 won of 10,000 (120.0%); commission 10,000 + 2,000.50 x 150% = 13,000.75.
expect "csv january in dollars" '^2026-01,10000\.00,12000\.50,2000\.00,0\.00,0\.00,0\.00,14000\.50,14000\.50,2000\.00,13800\.50,120\.0,0\.00,,500\.00,13000\.75'
expect "csv february without quota" '^2026-02,,0\.00,0\.00,0\.00,300\.01,30\.00,0\.00,0\.00,300\.01,30\.00,,,,0\.00,0\.00'
[ "$(printf '%s\n' "$out" | wc -l)" = 3 ] && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL csv has 3 lines"; }
check "forecast json" 0 "$fp" forecast fc.json --from 2026-01 --months 2 --format json
expect "json money in cents" '"closed_won": 1200050'
expect "json commission in cents" '"commission": 1300075'
expect "json no quota is null" '"quota": null'
expect "json attainment" '"attainment_pct": 120.0'
check "forecast default format is csv" 0 "$fp" forecast fc.json --from 2026-01 --months 1
expect "one month" '^2026-01,'
check "forecast bad month" 2 "$fp" forecast fc.json --from 2026-13;   expect "says the format" 'YYYY-MM'
check "forecast bad months" 2 "$fp" forecast fc.json --months 0;       expect "says the range" '1 to 120'
check "forecast bad format" 2 "$fp" forecast fc.json --format xml;     expect "says csv or json" 'csv or json'
check "forecast missing file" 1 "$fp" forecast nowhere.json;          expect "names the file" 'nowhere\.json'
check "forecast invalid plan" 1 "$fp" forecast bad.json;              expect "problem with its path" '^bad\.json: /accounts'
# Desks (issue 6): who to call this week, from the sample plan or a file.
check "desks --sample" 0 "$fp" desks --sample --today 2026-11-26 --top 3
expect "desks lists renewals" '^Renewals +[0-9]+ in the next 90 days'
expect "desks explains the top account" '^ +[0-9.]+ +Renewal urgency +(Contract ends|Out of contract)'
check "desks on a new plan" 0 "$fp" desks plan.footprint.json --today 2026-11-26; expect "nothing due" '^Renewals +0 in the next 90 days'
check "desks with a bad date" 2 "$fp" desks --sample --today 2026-02-30; expect "says why" 'is not a date'
check "desks needs a plan" 2 "$fp" desks; expect "asks for one" 'expected one FILE, or --sample'
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

# Reports (issue 9): the week of Monday Nov 23, 2026 in a hand-counted fixture.
rep="$csv_dir/../reports/week.footprint.json"
check "report activity csv" 0 "$fp" report activity "$rep" --from 2026-11-23 --to 2026-11-29 --format csv
expect "calls this week (Sunday before and Monday after excluded)" '^Activities,Calls,,,1,10,,'
expect "visits" '^Activities,Visits,,,1,3,,'
expect "accounts touched" '^Accounts touched,Accounts with an activity,,,2,'
expect "new pipeline" '^New pipeline,Total,,,1,,500\.00,18000\.00'
expect "formula neutralised" "\"'=cmd\|' /C calc'!A0\""
expect "loss reason" '^Loss reasons,Price,,,1,,400\.00,'
if "$fp" report activity "$rep" --week 2026-11-26 | head -c 3 | od -An -tx1 | grep -q 'ef bb bf'; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL report csv starts with a BOM"; fi
check "report activity json" 0 "$fp" report activity "$rep" --week 2026-11-26 --format json
expect "json call count" '"count": 1'
check "report json monthly" 0 "$fp" report activity "$rep" --month 2026-11 --format json
expect "month total" '"total": 4'
check "report renewal" 0 "$fp" report renewal "$rep" --from 2026-11-23 --to 2026-11-29
expect "renewal lost" '^Lost,Total,,,1,,400\.00,'
check "report winback" 0 "$fp" report winback "$rep" --from 2026-11-23 --to 2026-11-29 --format json
check "report html" 0 "$fp" report activity "$rep" --week 2026-11-26 --format html
expect "escaped" 'Caf. &quot;Nord&quot;, Inc\.'
check "report bad --to" 2 "$fp" report activity "$rep" --from 2026-02-01 --to 2026-02-30
expect "names the argument" '--to "2026-02-30": not a date'
check "report bad --from" 2 "$fp" report activity "$rep" --from 2026-13-01 --to 2026-12-01
expect "names --from" '--from "2026-13-01": not a date'
check "report reversed" 2 "$fp" report activity "$rep" --from 2026-12-01 --to 2026-11-01
expect "says before" 'is before --from'
check "report unknown kind" 2 "$fp" report sales "$rep" --week 2026-11-26
check "report bad format" 2 "$fp" report activity "$rep" --week 2026-11-26 --format xlsx

echo "cli: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
