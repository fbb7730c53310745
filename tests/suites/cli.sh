#!/usr/bin/env bash
# The flipside command-line tool as a user runs it: exit codes and messages.
set -u
cd "$(dirname "$0")/../.."
cli=${FLIPSIDE_NATIVE_DIR:-build/native}/flipside
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
source tests/suites/lib/check_command.sh

check "demo writes a file" 0 "wrote 40 participants" -- $cli demo --participants 40 --seed 7 -o "$work/demo.json"
check "demo file validates" 0 "valid (40 participants" -- $cli validate "$work/demo.json"
check "demo is deterministic" 0 "" -- bash -c "$cli demo --participants 40 --seed 7 --today 2026-11-23 -o $work/a.json && $cli demo --participants 40 --seed 7 --today 2026-11-23 -o $work/b.json && cmp $work/a.json $work/b.json"
check "100k participants validate" 0 "valid (100000 participants" -- bash -c "$cli demo --participants 100000 --seed 3 -o $work/big.json && $cli validate $work/big.json"
check "demo without -o is refused" 2 "-o <file> is required" -- $cli demo --participants 10
check "demo with a bad count is refused" 2 "--participants must be" -- $cli demo --participants many -o "$work/x.json"
check "unknown command" 2 "unknown command" -- $cli frobnicate
check "validate a missing file" 2 "cannot open" -- $cli validate "$work/nope.json"
printf '{"format":"flipside","schema_version":2,' > "$work/truncated.json"
check "validate truncated JSON" 2 "not valid JSON" -- $cli validate "$work/truncated.json"
sed 's/"manager_id": "P0002"/"manager_id": "P9999"/' "$work/a.json" > "$work/dangling.json"
if grep -q P9999 "$work/dangling.json"; then
  check "validate names a dangling manager" 2 "/manager_id: manager \"P9999\" is not in the roster" -- $cli validate "$work/dangling.json"
fi
sed 's/"time_zone": "Europe\/London"/"time_zone": "Europe\/Atlantis"/' "$work/a.json" > "$work/zone.json"
check "validate names an unknown time zone" 2 "unknown time zone \"Europe/Atlantis\"" -- $cli validate "$work/zone.json"
check "a version 1 file validates after migration" 0 "valid" -- $cli validate tests/data/version1.json
head -c 3000000 /dev/urandom > "$work/noise.json"
check "random bytes are refused, not crashed on" 2 "not valid JSON" -- $cli validate "$work/noise.json"

# The usage is one list, main.cpp's command table: --help names every subcommand main
# dispatches (the table's entries, and every run_<name> that commands.h declares), with no
# arguments the same list goes to stderr, and README's "Command line" block is that text.
commands=$( { sed -n 's/^ *{"\([a-z-]*\)", flipside::cli::run_[a-z_]*,.*/\1/p' src/cli/main.cpp
              sed -n 's/^int run_\([a-z_]*\)(.*/\1/p' src/cli/commands.h | tr _ -; } | sort -u)
check "subcommands found in main.cpp and commands.h" 0 "scores" -- echo $commands
for name in $commands; do
  check "$name is dispatched" 2 "flipside $name:" -- $cli "$name" --no-such-option
  check "--help names $name" 0 "  flipside $name " -- $cli --help
done
check "no arguments prints the usage" 2 "  flipside scores data.json" -- $cli
readme_block=$(sed -n '/^## Command line/,/^## /p' README.md | sed -n '/^```text$/,/^```$/p' | sed '1d;$d')
check "README's command line block is --help's text" 0 "" -- diff <(echo "$readme_block") <($cli --help)

echo "cli: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
