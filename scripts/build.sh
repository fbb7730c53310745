#!/usr/bin/env bash
# Builds Flipside natively (build/native) and as WebAssembly (build/wasm -> build/web), with
# the configure and build presets of CMakePresets.json (native-release, wasm-release).
#   checked: the native build the tests run (build/native-checked: sanitizers, asserts, -O1)
#   test:    what scripts/test.sh needs, checked and wasm
# Usage: scripts/build.sh [native|wasm|all|checked|test]   (default: all)
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-all}
case $what in
  native|wasm|all|checked|test) ;;
  *) echo "usage: scripts/build.sh [native|wasm|all|checked|test]" >&2; exit 2 ;;
esac
jobs=$(nproc 2>/dev/null || echo 2)
# NODE_PATH=/usr/share/nodejs, which emcc's JS optimizer needs, comes with the wasm-release
# preset's environment (configure and build).

if [ "$what" = native ] || [ "$what" = all ]; then
  cmake --preset native-release >/dev/null
  cmake --build --preset native-release -j "$jobs"
fi
if [ "$what" = checked ] || [ "$what" = test ]; then
  cmake --preset native-checked >/dev/null
  cmake --build --preset native-checked -j "$jobs"
fi
if [ "$what" = wasm ] || [ "$what" = all ] || [ "$what" = test ]; then
  cmake --preset wasm-release >/dev/null
  cmake --build --preset wasm-release -j "$jobs"
fi
