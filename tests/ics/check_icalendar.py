#!/usr/bin/python3
"""Parses every .ics file given (or found in the directories given) with Python's icalendar
(Debian's python3-icalendar; run with /usr/bin/python3) and checks what Flipside promises.
Last line: "ics-icalendar: N passed, M failed"."""
import datetime
import json
import os
import sys
import zoneinfo

import icalendar

files = []
for arg in sys.argv[1:]:
    if os.path.isdir(arg):
        files += [os.path.join(arg, n) for n in sorted(os.listdir(arg)) if n.endswith(".ics")]
    else:
        files.append(arg)
passed = failed = 0


def check(ok, what):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print("FAIL " + what)


for path in files:
    raw = open(path, "rb").read()
    try:
        calendar = icalendar.Calendar.from_ical(raw)
    except Exception as error:  # noqa: BLE001 - any parse failure is a test failure
        check(False, f"{path}: does not parse: {error}")
        continue
    check(True, f"{path}: parses")
    check(all(len(line) <= 75 for line in raw.split(b"\r\n")), f"{path}: lines within 75 octets")
    check(raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b""), f"{path}: CRLF only")
    check(str(calendar.get("VERSION")) == "2.0", f"{path}: VERSION")
    uids, starts = set(), {}
    for event in calendar.walk("VEVENT"):
        uid = str(event.get("UID"))
        check(uid not in uids, f"{path}: unique UID {uid}")
        uids.add(uid)
        for name in ("DTSTAMP", "DTSTART", "DTEND", "SEQUENCE", "STATUS", "SUMMARY"):
            check(name in event, f"{path}: {uid} has {name}")
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        check(start.tzinfo is not None and start.utcoffset() == datetime.timedelta(0), f"{path}: {uid} DTSTART in UTC")
        check(end > start, f"{path}: {uid} ends after it starts")
        check(str(event.get("STATUS")) in ("CONFIRMED", "CANCELLED"), f"{path}: {uid} STATUS")
        check(str(event.get("SUMMARY")).startswith("Reverse mentoring: "), f"{path}: {uid} SUMMARY unescaped")
        attendees = event.get("ATTENDEE", [])
        if not isinstance(attendees, list):
            attendees = [attendees]
        for attendee in attendees:
            check(str(attendee).startswith("mailto:") and "CN" in attendee.params, f"{path}: {uid} attendee")
        for alarm in event.walk("VALARM"):
            check(alarm.decoded("TRIGGER") < datetime.timedelta(0), f"{path}: {uid} reminder before the start")
        starts[uid] = start
    check(len(uids) > 0, f"{path}: has events")
    expected_path = os.path.join(os.path.dirname(path), "expected_local_times.json")
    if os.path.exists(expected_path):
        for row in json.load(open(expected_path)).get(os.path.basename(path), []):
            start = starts.get(row["uid"])
            shown = start.astimezone(zoneinfo.ZoneInfo(row["zone"])).strftime("%Y-%m-%d %H:%M") if start else "(missing)"
            check(shown == row["local"], f"{path}: {row['uid']} in {row['zone']} shows {shown}, expected {row['local']}")

print(f"ics-icalendar: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
