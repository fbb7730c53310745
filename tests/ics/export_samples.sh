#!/usr/bin/env bash
# Writes calendar files to check with real parsers: the fixture scheduled by `flipside
# schedule`, then exported by `flipside ics` for one person (with reminders), one pair and
# everyone. Usage: tests/ics/export_samples.sh <out dir>   (needs build/native/flipside, or $FLIPSIDE_NATIVE_DIR/flipside)
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:?out dir}
cli=${FLIPSIDE_NATIVE_DIR:-build/native}/flipside
mkdir -p "$out"
$cli schedule tests/data/schedule_small.json -o "$out/scheduled.json" >/dev/null 2>&1
$cli ics "$out/scheduled.json" --participant P1 --reminder 15 -o "$out/participant_P1.ics" 2>/dev/null
$cli ics "$out/scheduled.json" --pair R2 -o "$out/pair_R2.ics" 2>/dev/null
$cli ics "$out/scheduled.json" --now 2026-02-01T12:00:00Z -o "$out/everyone.ics" 2>/dev/null
