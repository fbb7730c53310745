#!/usr/bin/env bash
# Every export validates against the published JSON Schema (ajv).
set -u
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
node tests/schema/validate_exports.mjs ${FLIPSIDE_NATIVE_DIR:-build/native}/flipside "$work"
