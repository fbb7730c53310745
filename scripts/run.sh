#!/usr/bin/env bash
# Sets up, builds the web app and serves it on http://127.0.0.1:8080 (Ctrl+C stops).
# Usage: scripts/run.sh [port]
set -euo pipefail
cd "$(dirname "$0")/.."
port=${1:-8080}
scripts/setup.sh
scripts/build.sh wasm
echo "Flipside: open http://127.0.0.1:${port}/"
exec node scripts/serve.mjs --root build/web --host 127.0.0.1 --port "$port"
