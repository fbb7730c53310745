#!/usr/bin/env bash
# Every golden (tests/data/ics) and freshly exported calendar file through Python's icalendar
# (Debian's python3-icalendar, hence /usr/bin/python3).
set -u
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tests/ics/export_samples.sh "$work" || { echo "export failed"; echo "ics-icalendar: 0 passed, 1 failed"; exit 1; }
/usr/bin/python3 tests/ics/check_icalendar.py tests/data/ics "$work"
