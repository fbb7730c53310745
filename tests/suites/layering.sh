#!/usr/bin/env bash
# The dependency direction, read from every file's #include lines (scripts/check_layering.py):
# one line per rule on the real tree, then the same checker on a copy with one planted
# violation per kind, each of which it must name.
set -u
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
source tests/suites/lib/check_command.sh

# Each rule on the real tree counts as one check.
report=$(python3 scripts/check_layering.py)
status=$?
grep -v '^layering:' <<<"$report"
if [[ $(tail -n 1 <<<"$report") =~ ([0-9]+)\ passed,\ ([0-9]+)\ failed ]]; then
  passed=$((passed + BASH_REMATCH[1])); failed=$((failed + BASH_REMATCH[2]))
fi
[ "$status" -eq 0 ] || [ "$failed" -gt 0 ] || failed=$((failed + 1))

# plant <file> <line to add> <text the checker must print>
plant() {
  local file=$1 line=$2 expected=$3
  rm -rf "$work/tree" && mkdir -p "$work/tree" && cp -r src tests bench "$work/tree/" 2>/dev/null
  rm -rf "$work/tree/tests/node_modules"
  printf '%s\n' "$line" >> "$work/tree/$file"
  check "catches: $expected" 1 "$expected" -- python3 scripts/check_layering.py --root "$work/tree"
}
plant src/core/model.h '#include "app/app.h"' 'src/core/model.h:'
plant src/core/matching/accept.cpp '#include "core/scheduling/scheduler.h"' 'includes "core/scheduling/scheduler.h" (scheduling)'
plant src/io/csv_reader.cpp '#include "app/edit.h"' 'src/io/csv_reader.cpp:'
plant src/ui/people_screen.cpp '#include "core/matching/detail/pool.h"' "matching's private"
plant src/ui/people_screen.cpp '#include "platform/interface/platform.h"' 'src/ui/people_screen.cpp:'
plant src/app/app.cpp '#include "ui/theme.h"' 'src/app/app.cpp:'
plant src/core/matching/run.h '#include "core/matching/detail/pool.h"' '(a public header) includes'
plant src/core/scheduling/scheduler.cpp '#include <nlohmann/json.hpp>' 'src/core/scheduling/scheduler.cpp:'
plant src/app/app.cpp '#include <imgui.h>' 'includes <imgui.h>'
plant src/ui/theme.cpp '#ifdef __EMSCRIPTEN__' 'tests __EMSCRIPTEN__'
plant src/cli/main.cpp '#include "ui/app_shell.h"' 'src/cli/main.cpp:'

echo "layering: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
