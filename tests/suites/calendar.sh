#!/usr/bin/env bash
# The `schedule` and `ics` commands as a user runs them: the plan printed, the file written,
# nothing moved on a second run, exit 2 with a message naming each kind of bad input.
set -uo pipefail
cd "$(dirname "$0")/../.."
flipside=${FLIPSIDE_NATIVE_DIR:-build/native}/flipside
fixture=tests/data/schedule_small.json
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

source tests/suites/lib/check_command.sh
py=/usr/bin/python3

# schedule: prints the plan, writes the file, and a second run changes nothing.
check "schedule exits 0" 0 "" -- "$flipside" schedule "$fixture" -o "$out/scheduled.json"
"$flipside" schedule "$fixture" > "$out/plan.json" 2>/dev/null
check "plan lists sessions in the documented shape" 0 "" -- $py -c '
import json, sys
d = json.load(open(sys.argv[1]))
s = d["sessions"]; assert len(s) == 34, len(s)
assert all(set(x) >= {"id", "pair", "participants", "start", "end", "status"} for x in s)
assert all(x["start"].endswith("Z") and x["end"] > x["start"] and len(x["participants"]) == 2 for x in s)
u = {x["pair"]: x["reason"] for x in d["unscheduled"]}
assert u["R4"].startswith("no common window"), u
assert "blackout" in u["R3"] and "away" in u["R1"], u' "$out/plan.json"
check "the written file is valid" 0 "" -- "$flipside" validate "$out/scheduled.json"
check "the written file (absences, daily limit, sessions) matches the JSON Schema" 0 "" -- node -e '
const { createRequire } = require("node:module"); const path = require("node:path"); const fs = require("node:fs");
const Ajv = createRequire(path.resolve("tests/package.json"))("ajv");
const validate = new Ajv({ allErrors: true, strict: true }).compile(JSON.parse(fs.readFileSync("assets/schema/flipside.schema.json", "utf8")));
const doc = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
if (!doc.participants.some((p) => p.absences)) process.exit(3);
process.exit(validate(doc) ? 0 : (console.error(JSON.stringify(validate.errors)), 1));' "$out/scheduled.json"
"$flipside" schedule "$out/scheduled.json" -o "$out/again.json" >/dev/null 2>&1
check "scheduling again moves and adds nothing" 0 "" -- $py -c '
import json, sys
a, b = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
assert a["sessions"] == b["sessions"] and len(a["sessions"]) == 34' "$out/scheduled.json" "$out/again.json"

# Bad input: exit 2 and a message that names the problem.
$py - "$fixture" "$out" <<'PY'
import copy, json, sys
d = json.load(open(sys.argv[1])); out = sys.argv[2]
def bad(name, change):
    x = copy.deepcopy(d); change(x); json.dump(x, open(f"{out}/bad_{name}.json", "w"))
bad("time_zone", lambda x: x["participants"][0].__setitem__("time_zone", "Mars/Olympus_Mons"))
bad("end_date", lambda x: x["programs"][0].__setitem__("end_date", "2026-01-01"))
bad("cadence", lambda x: x["programs"][0]["cadence"].__setitem__("interval", 0))
bad("window", lambda x: x["participants"][1]["availability"][0].__setitem__("end", "24:30"))
bad("overlap", lambda x: x["participants"][2]["availability"].append({"day": "tue", "start": "09:00", "end": "11:00"}))
PY
check "unknown time zone -> exit 2" 2 'unknown time zone "Mars/Olympus_Mons"' -- "$flipside" schedule "$out/bad_time_zone.json"
check "end before start -> exit 2" 2 'end_date: end date 2026-01-01 is before' -- "$flipside" schedule "$out/bad_end_date.json"
check "cadence of zero -> exit 2" 2 'cadence/interval: every 0 weeks' -- "$flipside" schedule "$out/bad_cadence.json"
check "availability past 24:00 -> exit 2" 2 'availability/0/end' -- "$flipside" schedule "$out/bad_window.json"
check "overlapping windows -> exit 2" 2 'overlaps' -- "$flipside" schedule "$out/bad_overlap.json"

# ics: one person, one pair, everyone; unknown ids are usage errors.
check "ics for a participant" 0 "" -- "$flipside" ics "$out/scheduled.json" --participant P1 --reminder 15 -o "$out/participant_P1.ics"
check "ics for a pair" 0 "" -- "$flipside" ics "$out/scheduled.json" --pair R2 -o "$out/pair_R2.ics"
check "ics for everyone" 0 "" -- "$flipside" ics "$out/scheduled.json" --now 2026-02-01T12:00:00Z -o "$out/everyone.ics"
check "ics for an unknown pair -> exit 2" 2 'no pair "nope"' -- "$flipside" ics "$out/scheduled.json" --pair nope -o "$out/x.ics"
check "P1's calendar holds both of P1's pairs" 0 "" -- bash -c "[ \$(grep -c '^BEGIN:VEVENT' '$out/participant_P1.ics') -eq 22 ]"
echo "calendar-cli: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
