#!/usr/bin/env bash
# Every golden (tests/data/ics) and freshly exported calendar file through Mozilla's ical.js.
set -u
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tests/ics/export_samples.sh "$work" || { echo "export failed"; echo "ics-ical.js: 0 passed, 1 failed"; exit 1; }
node tests/ics/check_ical_js.mjs tests/data/ics "$work"
