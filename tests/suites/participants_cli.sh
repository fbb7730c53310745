#!/usr/bin/env bash
# flipside invite / reply / merge-replies as a coordinator and a participant run them: every
# refusal through the command line, a round trip checked with Python's json as the oracle, a
# reply signed by Python from docs/file-format.md's description, and mail-mangled text blocks.
set -u
cd "$(dirname "$0")/../.."
cli=${FLIPSIDE_NATIVE_DIR:-build/native}/flipside
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
source tests/suites/lib/check_command.sh
export FLIPSIDE_NOW=2026-11-23T09:00:00Z

# A wave with pairs and sessions: the demo, matched and scheduled.
$cli demo --participants 40 --seed 7 --today 2026-11-23 -o "$work/demo.json" >/dev/null 2>&1
$cli match "$work/demo.json" -o "$work/matched.json" >/dev/null 2>&1
$cli schedule "$work/matched.json" -o "$work/data.json" >/dev/null 2>&1
cp "$work/data.json" "$work/before-invite.json"

# --- invite -------------------------------------------------------------------------------
check "invite --all adds a key and says so" 0 "had no invitation key: added one" -- $cli invite "$work/data.json" --all --base-url https://hr.example.com/flipside/ -o "$work/inv"
check "the data file records the invitations and still validates" 0 "valid (40 participants" -- $cli validate "$work/data.json"
check "a second invite keeps the key" 0 "recorded 1 invitation" -- bash -c "$cli invite $work/data.json --participant P0001 -o $work/inv1 | grep -v 'had no invitation key'"
check "invite an unknown id" 2 "no participant \"P9999\"" -- $cli invite "$work/data.json" --participant P9999 -o "$work/x"
check "invite needs --participant or --all" 2 "give --participant ID" -- $cli invite "$work/data.json" -o "$work/x"
check "invite without -o" 2 "-o DIR" -- $cli invite "$work/data.json" --all
check "invite an invalid data file" 2 "not a valid Flipside file" -- $cli invite tests/suites/cli.sh --all -o "$work/x"

# The mail-merge table (Python's csv) and the link size of a paired participant with sessions.
read -r paired sessions link_bytes < <(python3 - "$work" <<'PY'
import csv, json, sys
work = sys.argv[1]
rows = list(csv.DictReader(open(f"{work}/inv/invitations.csv", encoding="utf-8-sig", newline="")))
assert rows and all(r["link"].startswith("https://hr.example.com/flipside/#invite=") for r in rows), "links"
assert all(r["subject"].startswith("Your invitation to ") and r["link"] in r["body"] for r in rows), "messages"
best = max(rows, key=lambda r: len(json.load(open(f"{work}/inv/{r['id']}.flipside-invite"))["sessions"]))
invitation = json.load(open(f"{work}/inv/{best['id']}.flipside-invite"))
print(best["id"], len(invitation["sessions"]), len(best["link"]))
PY
)
echo "     invitation link of $paired ($sessions sessions): $link_bytes bytes"
check "a paired participant's link is under 4 KB" 0 "" -- test "${link_bytes:-99999}" -lt 4096
check "the paired participant has sessions" 0 "" -- test "${sessions:-0}" -ge 1
invite=$work/inv/$paired.flipside-invite
session=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['sessions'][0]['id'])" "$invite")

# --- reply --------------------------------------------------------------------------------
check "reply builds a signed reply" 0 "with 3 changes" -- $cli reply "$invite" --set "skills=Python:5;Excel:2" --set "availability=mon 09:00-11:00;wed 14:00-16:30" --set "session/$session/status=held" -o "$work/r1.json"
check "reply refuses a coordinator-owned field" 2 "\"capacity\" is the coordinator's" -- $cli reply "$invite" --set capacity=5 -o "$work/x.json"
check "reply refuses an unknown field" 2 "not a field a participant can change" -- $cli reply "$invite" --set shoe_size=44 -o "$work/x.json"
check "reply refuses another pair's session" 2 "not one of this invitation's" -- $cli reply "$invite" --set "session/nope/status=held" -o "$work/x.json"
check "reply refuses FIELD without =" 2 "is not FIELD=VALUE" -- $cli reply "$invite" --set skills -o "$work/x.json"
sed 's/"name": "Digital/"name": "Analog/' "$invite" > "$work/tampered.flipside-invite"
check "a tampered invitation opens nothing" 2 "changed after it was issued" -- $cli reply "$work/tampered.flipside-invite" --set interests=Chess -o "$work/x.json"
head -c 500 "$invite" > "$work/truncated.flipside-invite"
check "a truncated invitation opens nothing" 2 "truncated or garbled" -- $cli reply "$work/truncated.flipside-invite" --set interests=Chess -o "$work/x.json"
check "an expired invitation says whom to ask" 2 "ask the program's coordinator for a new one" -- env FLIPSIDE_NOW=2027-06-01T00:00:00Z $cli reply "$invite" --set interests=Chess -o "$work/x.json"
check "a bad FLIPSIDE_NOW is refused" 2 "is not a UTC time" -- env FLIPSIDE_NOW=soon $cli reply "$invite" --set interests=Chess -o "$work/x.json"

# --- merge-replies: the round trip, checked by Python --------------------------------------
check "merge-replies applies a valid reply" 0 "1 applied, 0 skipped, 0 refused" -- $cli merge-replies "$work/data.json" "$work/r1.json" -o "$work/out.json"
check "the merged file validates" 0 "valid" -- $cli validate "$work/out.json"
check "the round trip changed exactly the participant's fields" 0 "exactly" -- python3 - "$work/data.json" "$work/out.json" "$paired" "$session" <<'PY'
import json, sys
before, after = (json.load(open(p)) for p in sys.argv[1:3])
pid, sid = sys.argv[3], sys.argv[4]
people_b = {p["id"]: p for p in before["participants"]}
for p in after["participants"]:
    b = people_b[p["id"]]
    if p["id"] != pid:
        assert p == b, p["id"]
        continue
    assert [s["name"] for s in p["skills"]] == ["Python", "Excel"], p["skills"]
    assert p["availability"] == [{"day": "mon", "start": "09:00", "end": "11:00"}, {"day": "wed", "start": "14:00", "end": "16:30"}]
    for key in set(p) - {"skills", "availability"}:
        assert p[key] == b[key], key
for s_b, s_a in zip(before["sessions"], after["sessions"]):
    if s_a["id"] == sid: assert s_a["status"] == "held"
    else: assert s_a == s_b, s_a["id"]
assert before["pairs"] == after["pairs"] and before["feedback"] == after["feedback"]
merged = after["programs"][-1]["invitations"]["merged"]
assert [m["participant_id"] for m in merged] == [pid]
print("exactly")
PY

# Replayed and older replies are skipped, not refused.
check "a replayed reply is skipped" 0 "already merged" -- $cli merge-replies "$work/out.json" "$work/r1.json" -o "$work/out2.json"
env FLIPSIDE_NOW=2026-11-23T10:00:00Z $cli reply "$invite" --set interests=Chess -o "$work/early.json" >/dev/null
env FLIPSIDE_NOW=2026-11-23T11:00:00Z $cli reply "$invite" --set interests=Go -o "$work/late.json" >/dev/null
$cli merge-replies "$work/out.json" "$work/late.json" -o "$work/late-merged.json" >/dev/null
check "an older reply than merged is skipped" 0 "older than sequence" -- $cli merge-replies "$work/late-merged.json" "$work/early.json" -o "$work/x.json"

# --- merge-replies: every refusal, naming the file ----------------------------------------
edit_reply() {  # edit_reply <in> <out> <python statement on r>
  python3 - "$1" "$2" "$3" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
exec(sys.argv[3])
json.dump(r, open(sys.argv[2], "w"), indent=2)
PY
}
edit_reply "$work/r1.json" "$work/edited.json" 'r["changes"][0]["after"] = ["Cobol:5"]'
check "a reply edited after signing is refused" 2 "edited.json: its signature does not match" -- $cli merge-replies "$work/data.json" "$work/edited.json" -o "$work/x.json"
edit_reply "$work/r1.json" "$work/unsigned.json" 'del r["signature"]'
check "a reply without a signature is refused" 2 "unsigned.json: has no signature" -- $cli merge-replies "$work/data.json" "$work/unsigned.json" -o "$work/x.json"
edit_reply "$work/r1.json" "$work/other-person.json" 'r["participant_id"] = "P0002" if r["participant_id"] != "P0002" else "P0003"'
check "a reply for another participant is refused" 2 "but says it is from" -- $cli merge-replies "$work/data.json" "$work/other-person.json" -o "$work/x.json"
edit_reply "$work/r1.json" "$work/other-program.json" 'r["program_id"] = "R0099"'
check "a reply for another program is refused" 2 "for program \"R0099\", which is not in this data" -- $cli merge-replies "$work/data.json" "$work/other-program.json" -o "$work/x.json"
edit_reply "$work/r1.json" "$work/unknown.json" 'r["invitation_id"] = "inv-0000000000000000"'
check "a reply to an unknown invitation is refused" 2 "never issued" -- $cli merge-replies "$work/data.json" "$work/unknown.json" -o "$work/x.json"
edit_reply "$work/r1.json" "$work/newer.json" 'r["version"] = 9'
check "a reply of a newer format is refused" 2 "newer Flipside" -- $cli merge-replies "$work/data.json" "$work/newer.json" -o "$work/x.json"
head -c 300 "$work/r1.json" > "$work/truncated.json"
check "a truncated reply is refused" 2 "truncated.json: not valid JSON" -- $cli merge-replies "$work/data.json" "$work/truncated.json" -o "$work/x.json"
head -c 2000000 /dev/zero | tr '\0' ' ' > "$work/huge.json"
check "a huge reply is refused" 2 "huge.json: too large" -- $cli merge-replies "$work/data.json" "$work/huge.json" -o "$work/x.json"
head -c 100000 /dev/urandom > "$work/noise.json"
check "random bytes are refused, not crashed on" 2 "refused" -- $cli merge-replies "$work/data.json" "$work/noise.json" -o "$work/x.json"
check "a missing reply file is named" 2 "cannot open" -- $cli merge-replies "$work/data.json" "$work/nope.json" -o "$work/x.json"
python3 - "$work/data.json" "$work/expired-data.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
for i in d["programs"][-1]["invitations"]["issued"]: i["expires_at"] = "2026-11-01T00:00:00Z"
json.dump(d, open(sys.argv[2], "w"), indent=2)
PY
check "a reply to an expired invitation is refused" 2 "after its invitation expired" -- $cli merge-replies "$work/expired-data.json" "$work/r1.json" -o "$work/x.json"
check "the valid replies are still applied when one is refused" 2 "1 applied, 0 skipped, 1 refused" -- $cli merge-replies "$work/data.json" "$work/r1.json" "$work/edited.json" -o "$work/partial.json"
check "... and written" 0 '"Excel"' -- grep -m1 '"Excel"' "$work/partial.json"

# A reply signed by Python from docs/file-format.md (the canonical text): accepted when it
# changes the participant's fields, refused when it changes a coordinator-owned one.
sign_reply() {  # sign_reply <invite> <out> <field> <json list of values>
  python3 - "$1" "$2" "$3" "$4" <<'PY'
import base64, hashlib, hmac, json, sys, datetime
invite = json.load(open(sys.argv[1]))
field, after = sys.argv[3], json.loads(sys.argv[4])
secret = base64.urlsafe_b64decode(invite["secret"] + "=" * (-len(invite["secret"]) % 4))
written = "2026-11-23T12:00:00Z"
seconds = int(datetime.datetime.strptime(written, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=datetime.timezone.utc).timestamp())
reply = {"format": "flipside-reply", "version": 1, "program_id": invite["program"]["id"],
         "participant_id": invite["participant"]["id"], "invitation_id": invite["id"], "sequence": 99,
         "written_at": written, "changes": [{"field": field, "before": [], "after": after}]}
def item(v): b = str(v).encode(); return str(len(b)).encode() + b":" + b + b"\n"
def items(l): return item(len(l)) + b"".join(item(v) for v in l)
text = item("flipside-reply") + item(1) + item(reply["program_id"]) + item(reply["participant_id"]) + \
       item(reply["invitation_id"]) + item(99) + item(seconds) + item(1) + item(field) + items([]) + items(after)
reply["signature"] = hmac.new(secret, text, hashlib.sha256).hexdigest()
json.dump(reply, open(sys.argv[2], "w"), indent=2)
PY
}
sign_reply "$invite" "$work/python.json" learning_goals '["Negotiation"]'
check "a reply signed by Python from the documented format is accepted" 0 "1 applied" -- $cli merge-replies "$work/data.json" "$work/python.json" -o "$work/x.json"
sign_reply "$invite" "$work/capacity.json" capacity '["9"]'
check "a correctly signed change of a coordinator-owned field is refused" 2 "capacity.json: changes \"capacity\" is the coordinator's" -- $cli merge-replies "$work/data.json" "$work/capacity.json" -o "$work/x.json"

# Text blocks pasted from e-mail: quoted and re-wrapped by a mail client, two in one file.
check "reply -o x.txt writes a text block" 0 "text block" -- $cli reply "$invite" --set "interests=Chess;Go" -o "$work/block.txt"
python3 - "$work/block.txt" "$work/mail.txt" <<'PY'
import sys
block = open(sys.argv[1]).read().splitlines()
body = "".join(block[1:-1])
wrapped = [body[i:i + 37] for i in range(0, len(body), 37)]
lines = ["On Monday the participant wrote:", "> " + block[0]] + ["> > " + l for l in wrapped] + ["> " + block[-1], "", "Thanks"]
open(sys.argv[2], "w", newline="").write("\r\n".join(lines) + "\r\n")
PY
check "a quoted, re-wrapped text block is cleaned and accepted" 0 "1 applied" -- $cli merge-replies "$work/data.json" "$work/mail.txt" -o "$work/x.json"
head -n 3 "$work/block.txt" > "$work/cut.txt"
check "a text block cut short is refused" 2 "cut.txt (reply block 1): truncated" -- $cli merge-replies "$work/data.json" "$work/cut.txt" -o "$work/x.json"
sed '2s/^..../AAAA/' "$work/block.txt" > "$work/garbled.txt"
check "a garbled text block is refused" 2 "garbled.txt (reply block 1)" -- $cli merge-replies "$work/data.json" "$work/garbled.txt" -o "$work/x.json"

echo "participants_cli: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
