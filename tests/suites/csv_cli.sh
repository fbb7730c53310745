#!/usr/bin/env bash
# flipside import-csv / export-csv / report as a coordinator runs them: exit codes, the report
# on stderr, spreadsheet neutralisation, and round trips through validate.
set -u
cd "$(dirname "$0")/../.."
cli=${FLIPSIDE_NATIVE_DIR:-build/native}/flipside
data=tests/data/csv
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
source tests/suites/lib/check_command.sh

# Import: the fixtures.
check "Workday export imports" 0 "3 added, 0 updated" -- $cli import-csv $data/workday_export.csv -o "$work/w.json"
check "the report names the encoding and delimiter" 0 "UTF-8 with BOM, semicolon-delimited, 3 data rows" -- $cli import-csv $data/workday_export.csv --dry-run
check "the imported file validates" 0 "valid (3 participants" -- $cli validate "$work/w.json"
check "importing again changes nothing" 0 "0 added, 0 updated, 3 unchanged" -- $cli import-csv $data/workday_export.csv --into "$work/w.json" -o "$work/w2.json"
check "Windows-1252 is detected" 0 "read as Windows-1252" -- $cli import-csv $data/windows1252.csv -o "$work/c.json"
check "Windows-1252 names arrive as UTF-8" 0 "Renée Müller" -- cat "$work/c.json"
check "curly quotes and the euro sign survive" 0 "Budget € 5k – ‘small’ team…" -- cat "$work/c.json"
check "quoted multi-line values import" 0 "2 added" -- $cli import-csv $data/multiline.csv -o "$work/m.json"
check "bad rows are refused by row, column and reason" 0 "row 7, column \"Hire date\": \"31/02/2024\" is not a valid day/month/year date" -- $cli import-csv $data/bad_rows.csv -o "$work/b.json"
check "the good rows of a bad file are written" 0 "valid (2 participants" -- $cli validate "$work/b.json"
check "the count line of a bad file" 0 "12 rows: 2 to add, 0 to update, 0 unchanged, 10 refused" -- $cli import-csv $data/bad_rows.csv --dry-run
check "ambiguous dates are flagged" 0 "fit both day/month and month/day" -- $cli import-csv $data/ambiguous_dates.csv -o "$work/a.json"
check "ambiguous dates read day first by default" 0 "\"hire_date\": \"2024-04-03\"" -- cat "$work/a.json"
check "--dates mdy reads them month first" 0 "\"hire_date\": \"2024-03-04\"" -- bash -c "$cli import-csv $data/ambiguous_dates.csv --dates mdy -o $work/a2.json 2>/dev/null && cat $work/a2.json"
check "--role sets new people's role" 0 "\"role\": \"mentee\"" -- bash -c "$cli import-csv $data/multiline.csv --role mentee -o $work/r.json 2>/dev/null && cat $work/r.json"

# Import: availability, from one column for the week and a column per weekday.
check "availability and weekday headers are mapped" 0 "column 5 \"Friday\" -> availability_friday" -- $cli import-csv $data/availability.csv --dry-run
check "availability is read in each person's zone" 0 "\"end\": \"16:30\"" -- bash -c "$cli import-csv $data/availability.csv -o $work/av.json 2>/dev/null && cat $work/av.json"
check "an unreadable availability cell is named" 0 "row 4, column \"Availability\": availability \"Mun 9-12\" cannot be read: \"mun\" is not a weekday or a time" -- $cli import-csv $data/availability.csv --dry-run
check "the report says who has no availability yet" 0 "warning: 2 people have no availability yet" -- $cli import-csv $data/availability.csv --dry-run
check "--map takes an availability field" 0 "column 5 \"Friday\" -> availability_saturday" -- $cli import-csv $data/availability.csv --map "Friday=availability_saturday" --dry-run

# Import: what is refused as a whole.
printf 'Name,Email\n,bad\nNo Mail,\n' > "$work/nothing.csv"
check "nothing valid exits 2" 2 "nothing to import" -- $cli import-csv "$work/nothing.csv" -o "$work/n.json"
check "nothing valid writes nothing" 1 "" -- test -e "$work/n.json"
printf 'Name,Contact\nAna,ana@example.com\n' > "$work/contact.csv"
check "no e-mail column exits 2" 2 "no column is mapped to e-mail" -- $cli import-csv "$work/contact.csv" -o "$work/x.json"
check "--map gives the e-mail column" 0 "1 added" -- $cli import-csv "$work/contact.csv" --map "Contact=email" -o "$work/x.json"
check "--map with an unknown header" 2 "the file has no column \"Mail\"" -- $cli import-csv "$work/contact.csv" --map "Mail=email" -o "$work/x.json"
check "--map with an unknown field" 2 "unknown field \"shoe\"" -- $cli import-csv "$work/contact.csv" --map "Contact=shoe" -o "$work/x.json"
check "--map without '='" 2 "needs the form" -- $cli import-csv "$work/contact.csv" --map "Contact" -o "$work/x.json"
check "-o is required" 2 "-o <file> is required" -- $cli import-csv "$work/contact.csv"
check "a missing CSV" 2 "cannot open" -- $cli import-csv "$work/none.csv" -o "$work/x.json"
check "an invalid --into file" 2 "is not a valid Flipside file" -- $cli import-csv "$work/contact.csv" --into "$work/contact.csv" -o "$work/x.json"
check "an unterminated quote" 2 "row 3, column 1: a quoted value opened on line 3 is never closed" -- $cli import-csv $data/unterminated.csv -o "$work/x.json"
head -c 3000000 /dev/urandom > "$work/noise.csv"
check "random bytes are refused, not crashed on" 2 "flipside import-csv" -- $cli import-csv "$work/noise.csv" -o "$work/x.json"
head -c 3000000 /dev/urandom | tr -d '\000' > "$work/noise2.csv"
check "random bytes without NULs end in a message" 2 "flipside import-csv" -- $cli import-csv "$work/noise2.csv" -o "$work/x.json"
python3 -c "
import sys
row = 'Person {0},p{0}@example.com,Finance,\"Excel; Python\"\n'
with open(sys.argv[1], 'w') as f:
    f.write('Name,Email,Dept,Skills\n')
    i = 0
    while f.tell() < 50 * 1024 * 1024:
        f.write(''.join(row.format(i + k) for k in range(1000))); i += 1000
" "$work/big.csv"
check "a 50 MB file is refused with the limit" 2 "; the limit is 32.0 MB (split it into smaller files)" -- timeout 60 $cli import-csv "$work/big.csv" -o "$work/x.json"
head -c 20000000 "$work/big.csv" > "$work/big20.csv"
check "a 20 MB file is refused by the row limit" 2 "the file has more than 100000 data rows" -- timeout 60 $cli import-csv "$work/big20.csv" -o "$work/x.json"
head -n 50001 "$work/big.csv" > "$work/big50k.csv"
check "50,000 people import" 0 "50000 added" -- timeout 120 $cli import-csv "$work/big50k.csv" -o "$work/big.json"

# Export: neutralised for spreadsheets, and a round trip.
$cli import-csv $data/formulas.csv -o "$work/f.json" >/dev/null 2>&1
$cli export-csv "$work/f.json" --roster -o "$work/f.csv"
check "a formula name gets an apostrophe" 0 "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Click\"\")\"" -- cat "$work/f.csv"
check "+ - @ cells get an apostrophe" 0 "'+Finance,'@SUM(A1)" -- cat "$work/f.csv"
check "the export starts with a UTF-8 BOM" 0 "" -- bash -c "head -c 3 $work/f.csv | od -An -tx1 | grep -q 'ef bb bf'"
check "an exported roster imports back unchanged" 0 "0 added, 0 updated, 2 unchanged" -- $cli import-csv "$work/f.csv" --into "$work/f.json" -o "$work/f2.json"
$cli demo --participants 60 --seed 11 --today 2026-03-02 -o "$work/demo.json" 2>/dev/null
check "the demo roster exports" 0 "" -- $cli export-csv "$work/demo.json" --roster -o "$work/demo.csv"
check "the demo roster round trips" 0 "0 added, 0 updated, 60 unchanged, 0 refused" -- $cli import-csv "$work/demo.csv" --into "$work/demo.json" -o "$work/demo2.json"
check "the pairs export" 0 "Pair ID,Program,Mentor" -- $cli export-csv "$work/demo.json" --pairs
check "export-csv needs --roster or --pairs" 2 "choose one of --roster or --pairs" -- $cli export-csv "$work/demo.json"

# Report.
check "report prints JSON" 0 "\"leader_board\"" -- $cli report "$work/demo.json" --now 2026-03-02
check "report JSON parses and counts people" 0 "60" -- bash -c "$cli report $work/demo.json --now 2026-03-02 | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d[\"people\"][\"participants\"])'"
check "report is deterministic with --now" 0 "" -- bash -c "$cli report $work/demo.json --now 2026-03-02 > $work/r1.json && $cli report $work/demo.json --now 2026-03-02 > $work/r2.json && cmp $work/r1.json $work/r2.json"
check "report --csv" 0 "section,item,measure,value" -- $cli report "$work/demo.json" --now 2026-03-02 --csv
check "report --program picks an earlier wave" 0 "Wave 1" -- $cli report "$work/demo.json" --now 2026-03-02 --program R0001
check "report with a bad --now" 2 "--now must be a date" -- $cli report "$work/demo.json" --now yesterday
check "report with an unknown program" 2 "no program \"R99\"" -- $cli report "$work/demo.json" --program R99
check "report on a missing file" 2 "cannot open" -- $cli report "$work/none.json"
check "report on an invalid file" 2 "not valid JSON" -- $cli report "$work/noise.csv"

echo "csv_cli: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
