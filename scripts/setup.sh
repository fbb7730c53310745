#!/usr/bin/env bash
# Installs everything Flipside needs on a fresh Debian machine (idempotent, quiet when done).
# Only Debian's packages and the npm registry are used.
set -euo pipefail
cd "$(dirname "$0")/.."

apt_packages=(cmake g++ make emscripten nlohmann-json3-dev doctest-dev tzdata
  fonts-noto-core fonts-dejavu-core python3-fonttools
  chromium python3-icalendar python3-scipy python3-numpy dpkg-dev xz-utils hyperfine zlib1g-dev)
missing=()
for package in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >/dev/null
  apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
fi
command -v node >/dev/null || { echo "setup: node is required (Debian's nodejs or the machine's)"; exit 1; }

# Dear ImGui sources go into the build tree, never into git. Only here: fetching may add an apt
# source list, and CMake only checks that the sources are there.
scripts/fetch_imgui.sh build/_deps/imgui
# zlib's sources for the WebAssembly build (natively zlib1g-dev above is linked).
scripts/fetch_zlib.sh build/_deps/zlib

# Browser-test and validation tools from the npm registry (no browser download).
if [ ! -f tests/node_modules/.flipside-installed ] || [ tests/package.json -nt tests/node_modules/.flipside-installed ]; then
  echo "setup: installing test tools from npm"
  (cd tests && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --no-audit --no-fund --silent)
  touch tests/node_modules/.flipside-installed
fi
