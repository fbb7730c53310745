#!/usr/bin/env bash
# Runs every Flipside test suite and ends with one line: "N passed, M failed".
#   native doctest under AddressSanitizer and UndefinedBehaviorSanitizer (tests/suites/sanitizers.sh)
#   · the same tests as optimised WebAssembly under node · tests/suites/*.sh (CLI, JSON Schema
#   with ajv, oracles, browser end-to-end in headless Chromium)
# One native build serves them all: build/native-checked (sanitizers, asserts, -O1), so the CLI
# the suites drive is checked too.
# Exits non-zero when anything fails. Installs what is missing first (scripts/setup.sh).
set -uo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh || { echo "setup failed"; echo "0 passed, 1 failed"; exit 1; }
if ! scripts/build.sh test; then
  echo "build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

mkdir -p build/test-logs
total_passed=0
total_failed=0

# Adds "N passed, M failed" from the last such line of a suite's log; a suite that ends
# without one (a crash) counts as one failure.
count_suite() {
  local name=$1 log=$2 status=$3 line passed failed
  # Colour codes (doctest colours its summary where it cannot tell a terminal) are dropped.
  line=$(sed 's/\x1b\[[0-9;]*m//g' "$log" |
         grep -E '[0-9]+ passed, [0-9]+ failed|test cases: *[0-9]+ \| *[0-9]+ passed \| *[0-9]+ failed' | tail -n 1)
  if [[ $line =~ ([0-9]+)\ passed,\ ([0-9]+)\ failed ]]; then
    passed=${BASH_REMATCH[1]}; failed=${BASH_REMATCH[2]}
  elif [[ $line =~ \|\ *([0-9]+)\ passed\ \|\ *([0-9]+)\ failed ]]; then
    passed=${BASH_REMATCH[1]}; failed=${BASH_REMATCH[2]}
  else
    passed=0; failed=1
  fi
  if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
  total_passed=$((total_passed + passed))
  total_failed=$((total_failed + failed))
  printf '%-12s %6d passed, %d failed%s\n' "$name" "$passed" "$failed" \
    "$([ "$failed" -gt 0 ] && echo "   (log: $log)")"
}

run_suite() {
  local name=$1; shift
  local log=build/test-logs/$name.log
  "$@" >"$log" 2>&1
  local status=$?
  [ "$status" -ne 0 ] && tail -n 40 "$log"
  count_suite "$name" "$log" "$status"
}

export FLIPSIDE_NATIVE_DIR=build/native-checked
# The checked CLI: the first sanitizer report ends a run with an error the suite sees.
export ASAN_OPTIONS=halt_on_error=1:detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1:abort_on_error=1
run_suite wasm node --no-experimental-fetch build/wasm/flipside_tests.js --no-colors=true
for suite in tests/suites/*.sh; do
  [ -e "$suite" ] || continue
  run_suite "$(basename "$suite" .sh)" bash "$suite"
done

echo "$total_passed passed, $total_failed failed"
[ "$total_failed" -eq 0 ]
