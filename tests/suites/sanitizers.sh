#!/usr/bin/env bash
# The doctest unit tests of the checked native build (build/native-checked, the preset
# native-checked, which scripts/test.sh builds): AddressSanitizer (leaks included),
# UndefinedBehaviorSanitizer, the standard library's range checks and every assert, ImGui's
# IM_ASSERT too, which the UI smoke test's headless frames run over every screen. A sanitizer
# report, an assert or a crash is a failure. Run alone, it builds that tree first.
set -u
cd "$(dirname "$0")/../.."
preset=native-checked
tests=build/native-checked/flipside_tests
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if ! { cmake --preset "$preset" && cmake --build --preset "$preset" --target flipside_tests -j "$(nproc 2>/dev/null || echo 2)"; } \
    >"$work/build.log" 2>&1; then
  tail -n 40 "$work/build.log"
  echo "sanitizers: 0 passed, 1 failed (the $preset build failed)"
  exit 1
fi
grep -E 'warning:' "$work/build.log"   # the house has none; show any that comes in

# halt_on_error: the first report ends the run (no report scrolls by unnoticed).
# abort_on_error: the sanitizers end it with abort(), which doctest catches to name the test
# case and still print its summary with the counts so far.
export ASAN_OPTIONS=halt_on_error=1:detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1:abort_on_error=1
"$tests" --no-colors=true >"$work/run.log" 2>&1
status=$?

summary=$(grep -E '^\[doctest\] test cases:' "$work/run.log" | tail -n 1)
if [[ $summary =~ \|\ *([0-9]+)\ passed\ \|\ *([0-9]+)\ failed ]]; then
  passed=${BASH_REMATCH[1]}; failed=${BASH_REMATCH[2]}
else
  passed=0; failed=0
fi
# A leak report comes after doctest's summary (at exit), a crash may come without one.
reported=0
grep -qE '^(==[0-9]+==ERROR: |SUMMARY: (Address|Leak|UndefinedBehavior)Sanitizer)|runtime error: ' "$work/run.log" && reported=1
if { [ "$status" -ne 0 ] || [ "$reported" -eq 1 ]; } && [ "$failed" -eq 0 ]; then failed=1; fi

if [ "$failed" -gt 0 ]; then
  # doctest prints only failures, so the log is the reports and the failed checks.
  head -n 200 "$work/run.log"
  grep -E '^\[doctest\] (test cases|assertions):' "$work/run.log"
else
  grep -E '^\[doctest\] (test cases|assertions):' "$work/run.log"
fi
echo "sanitizers: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
