#!/usr/bin/env bash
# Fetches Dear ImGui 1.90.1 from Debian's source package into the build tree (never into git).
# Usage: scripts/fetch_imgui.sh <destination dir>
set -euo pipefail
dest=${1:?destination directory}
version=1.90.1
[ -f "$dest/imgui.h" ] && exit 0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sources=/etc/apt/sources.list.d/flipside-trixie-src.sources
if ! apt-get source --download-only --print-uris "imgui=${version}+ds-1" >/dev/null 2>&1; then
  # bookworm ships ImGui 1.86; 1.90.1 is in trixie's source list.
  uri=$(grep -hm1 -E '^URIs:.*debian/?$' /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '{print $2}')
  uri=${uri:-http://deb.debian.org/debian}
  printf 'Types: deb-src\nURIs: %s\nSuites: trixie\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' "$uri" > "$sources"
  apt-get update -q >/dev/null
fi
(cd "$work" && apt-get source --download-only "imgui=${version}+ds-1" >/dev/null 2>&1)
tar -C "$work" -xf "$work/imgui_${version}+ds.orig.tar.xz"
mkdir -p "$(dirname "$dest")"
rm -rf "$dest"
mv "$work/imgui-${version}" "$dest"
echo "Dear ImGui ${version} sources in $dest"
