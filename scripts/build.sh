#!/usr/bin/env bash
# Builds Flipside natively (build/native) and as WebAssembly (build/wasm -> build/web).
# Usage: scripts/build.sh [native|wasm|all]   (default: all)
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-all}
jobs=$(nproc 2>/dev/null || echo 2)
export NODE_PATH=/usr/share/nodejs   # Debian's acorn for emcc's JS optimizer

if [ "$what" = native ] || [ "$what" = all ]; then
  cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build build/native -j "$jobs"
fi
if [ "$what" = wasm ] || [ "$what" = all ]; then
  emcmake cmake -S . -B build/wasm -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build build/wasm -j "$jobs"
fi
