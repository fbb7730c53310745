#!/usr/bin/env bash
# The scheduling benchmark natively and as WebAssembly under node (docs/performance.md,
# section "Scheduling"). Usage: scripts/bench_schedule.sh [--repeat N] [pairs...]
# (default: --repeat 3 1000 10000). Not a test: it prints figures, it asserts nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
args=("$@")
[ ${#args[@]} -gt 0 ] || args=(--repeat 3 1000 10000)
export NODE_PATH=/usr/share/nodejs   # Debian's acorn for emcc's JS optimizer

cmake -S . -B build/native >/dev/null
cmake --build build/native --target bench_schedule -j2 >/dev/null
mkdir -p build/bench-wasm
# The core, the browser's time zone rules (Intl, here node's) and the benchmark: nothing else.
em++ -std=c++17 -O3 -fwasm-exceptions -Isrc bench/bench_schedule.cpp src/core/*.cpp \
  src/platform/web_time_zones.cpp -sALLOW_MEMORY_GROWTH=1 -sINITIAL_MEMORY=128MB -sEXIT_RUNTIME=1 -sNODERAWFS=1 \
  -o build/bench-wasm/bench_schedule.js

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== native"
build/native/bench_schedule "${args[@]}"
echo "== WebAssembly (node $(node --version))"
node --no-experimental-fetch build/bench-wasm/bench_schedule.js "${args[@]}"
