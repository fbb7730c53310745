#!/usr/bin/env bash
# The pairing engine as a coordinator runs it from the command line (flipside scores / match /
# explain), then the SciPy oracle: the `scores` matrix solved by linear_sum_assignment must reach the
# objective `match` reports, and `explain` must price forcing a pair as SciPy does with that
# pair fixed, on a few hundred random programs. Needs Debian's python3-scipy.
set -u
cd "$(dirname "$0")/../.."
cli=${FLIPSIDE_NATIVE_DIR:-build/native}/flipside
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
source tests/suites/lib/check_command.sh

$cli demo --participants 120 --seed 5 --today 2026-01-05 -o "$work/demo.json" 2>/dev/null
check "scores prints the matrix" 0 '"score":[[' -- $cli scores "$work/demo.json"
check "scores marks forbidden pairs null" 0 'null' -- $cli scores "$work/demo.json"
check "match proposes pairs with breakdowns" 0 '"breakdown":{"skills":' -- $cli match "$work/demo.json"
check "match explains the unmatched" 0 '"reason":"' -- $cli match "$work/demo.json"
check "fair mode" 0 '"mode":"fair"' -- $cli match "$work/demo.json" --mode fair
check "stable mode has no blocking pair" 0 '"blocking_pairs":0' -- $cli match "$work/demo.json" --mode stable
check "sparse mode reports the gap to dense" 0 '"dense_total_score":' -- $cli match "$work/demo.json" --candidates 5
check "match -o writes the file with the pairs" 0 "pairs to" -- $cli match "$work/demo.json" -o "$work/paired.json"
check "the written file validates" 0 "valid (120 participants" -- $cli validate "$work/paired.json"
check "matching the accepted file again changes nothing" 0 "" -- bash -c "$cli match $work/paired.json -o $work/again.json >/dev/null 2>&1 && cmp $work/paired.json $work/again.json"
check "same input, same output" 0 "" -- bash -c "cmp <($cli match $work/demo.json) <($cli match $work/demo.json)"
check "a bad mode is refused" 2 '--mode must be optimal, fair or stable' -- $cli match "$work/demo.json" --mode best
check "a bad candidate count is refused" 2 '--candidates must be' -- $cli match "$work/demo.json" --candidates lots
check "a missing file is refused" 2 "cannot open" -- $cli match "$work/nope.json"
check "scores without a file is refused" 2 "give exactly one file" -- $cli scores
sed 's/"schema_version": 2/"schema_version": 2, "extra": 1/' "$work/demo.json" > "$work/bad.json"
check "an invalid file is refused with its path" 2 "/extra" -- $cli match "$work/bad.json"

# flipside explain: a proposed pair, a pair a hard rule forbids, and the usage errors.
read -r proposed_mentor proposed_mentee forbidden_mentor forbidden_mentee < <($cli scores "$work/demo.json" | /usr/bin/python3 -c '
import json, sys
s = json.load(sys.stdin)
allowed = [(s["mentors"][j], s["mentees"][i]) for i, row in enumerate(s["score"]) for j, v in enumerate(row) if v is not None]
forbidden = [(s["mentors"][j], s["mentees"][i]) for i, row in enumerate(s["score"]) for j, v in enumerate(row) if v is None]
print(*allowed[0], *forbidden[0])')
check "explain an allowed pair: score, words and the price of forcing it" 0 '"forced_total":' -- $cli explain "$work/demo.json" --mentor "$proposed_mentor" --mentee "$proposed_mentee"
check "explain an allowed pair in words" 0 '"words":["' -- $cli explain "$work/demo.json" --mentor "$proposed_mentor" --mentee "$proposed_mentee"
check "explain a forbidden pair: the rule with its data, no price" 0 '"allowed":false,"reasons":["' -- $cli explain "$work/demo.json" --mentor "$forbidden_mentor" --mentee "$forbidden_mentee"
check "explain a forbidden pair has no forced total" 0 '"forced_total":null' -- $cli explain "$work/demo.json" --mentor "$forbidden_mentor" --mentee "$forbidden_mentee"
check "explain refuses an unknown mentor" 2 'no mentor with id "NOBODY"' -- $cli explain "$work/demo.json" --mentor NOBODY --mentee "$proposed_mentee"
check "explain refuses a mentor given as the mentee" 2 "no mentee with id \"$proposed_mentor\"" -- $cli explain "$work/demo.json" --mentor "$proposed_mentor" --mentee "$proposed_mentor"
check "explain needs both people" 2 'give one file, a mentor and a mentee' -- $cli explain "$work/demo.json" --mentor "$proposed_mentor"
check "explain refuses an unknown option" 2 'flipside explain:' -- $cli explain "$work/demo.json" --mentor "$proposed_mentor" --mentee "$proposed_mentee" --pair x

oracle_log=$work/oracle.log
/usr/bin/python3 tests/matching_oracle.py "$cli" "${MATCHING_ORACLE_INSTANCES:-300}" >"$oracle_log" 2>&1
cat "$oracle_log"
if [[ $(tail -n 1 "$oracle_log") =~ ([0-9]+)\ passed,\ ([0-9]+)\ failed ]]; then
  passed=$((passed + BASH_REMATCH[1])); failed=$((failed + BASH_REMATCH[2]))
else
  failed=$((failed + 1)); echo "FAIL the SciPy oracle did not finish"
fi
echo "matching: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
