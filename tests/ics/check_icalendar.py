#!/usr/bin/python3
"""Parses every .ics file given (or found in the directories given) with Python's icalendar
(Debian's python3-icalendar; run with /usr/bin/python3) and checks what Flipside promises,
RFC 5545 line folding on the file's bytes first. Last line: "ics-icalendar: N passed, M failed"."""
import datetime
import json
import os
import re
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


# A line that does not continue the previous one starts a property: NAME then ":" or ";".
CONTENT_START = re.compile(rb"[A-Za-z0-9-]+[:;]")


def folding_checks(raw):
    """RFC 5545 section 3.1 on the bytes as written (a parser unfolds before anyone sees them):
    every physical line ends in CRLF, holds at most 75 octets without it, either starts a
    property or continues one after a single leading space or tab, and decodes as UTF-8 on its
    own, so that no fold splits a character. One (ok, what) per rule, naming the first offender."""
    lines = raw.split(b"\r\n")
    unterminated = lines[-1] != b""
    if not unterminated:
        lines.pop()
    bare = next((n for n, line in enumerate(lines, 1) if b"\r" in line or b"\n" in line), None)

    def first(test):
        return next((n for n, line in enumerate(lines, 1) if not test(n, line)), None)

    def decodes(line):
        try:
            line.decode("utf-8")
            return True
        except UnicodeDecodeError:
            return False

    def folded(line):
        return line[:1] in (b" ", b"\t")

    long = first(lambda n, line: len(line) <= 75)
    bad_start = first(lambda n, line: n > 1 and len(line) > 1 if folded(line) else CONTENT_START.match(line))
    split = first(lambda n, line: decodes(line[1:] if folded(line) else line))
    return [
        (bare is None and not unterminated,
         f"every line ends in CRLF ({'the last line has no CRLF' if bare is None else f'a bare CR or LF on line {bare}'})"),
        (long is None, f"lines within 75 octets (line {long} has {long and len(lines[long - 1])})"),
        (bad_start is None, f"continuation lines start with one space or tab (line {bad_start})"),
        (split is None, f"no fold splits a UTF-8 sequence (line {split} does not decode on its own)"),
    ]


for path in files:
    raw = open(path, "rb").read()
    for ok, what in folding_checks(raw):
        check(ok, f"{path}: {what}")
    try:
        calendar = icalendar.Calendar.from_ical(raw)
    except Exception as error:  # noqa: BLE001 - any parse failure is a test failure
        check(False, f"{path}: does not parse: {error}")
        continue
    check(True, f"{path}: parses")
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
