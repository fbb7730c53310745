#!/usr/bin/env bash
# The browser end-to-end tests: the built app (build/web) in Debian's headless Chromium,
# driven through playwright-core by widget label. Screenshots land in build/screenshots/.
set -u
cd "$(dirname "$0")/../.."
exec node tests/e2e/run.mjs
