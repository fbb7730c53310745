#!/usr/bin/env bash
# Fetches Dear ImGui 1.90.1 from Debian's source package into the build tree (never into git).
# Called by scripts/setup.sh only: it may add trixie's source list to apt (bookworm has 1.86)
# and run apt-get update, which a build must never do. Idempotent, silent when the sources are
# already there. Usage: scripts/fetch_imgui.sh <destination dir>
set -euo pipefail
dest=${1:?destination directory}
version=1.90.1
# The upstream tarball is the same for every Debian revision of 1.90.1 (1.90.1+ds-1, -2, ...):
# any other content is refused, whatever the archive's signatures say.
tarball=imgui_${version}+ds.orig.tar.xz
tarball_sha256=ecce377df0f90b292f15dcbd83d438bddc162b2388c881132bde18c787572a1c
stamp=$dest/.flipside-source-sha256

[ -f "$dest/imgui.h" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$tarball_sha256" ] && exit 0

. "$(dirname "$0")/lib/debian_source.sh"

revision=$(newest_source_revision imgui "${version}+ds-")
if [ -z "$revision" ]; then
  # 1.90.1 is in trixie's source list; the mirror is the one the machine already uses.
  uri=$(grep -hm1 -E '^URIs:.*debian/?$' /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '{print $2}')
  uri=${uri:-http://deb.debian.org/debian}
  printf 'Types: deb-src\nURIs: %s\nSuites: trixie\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' "$uri" \
    > /etc/apt/sources.list.d/flipside-trixie-src.sources
  apt-get update -q >/dev/null
  revision=$(newest_source_revision imgui "${version}+ds-")
fi
if [ -z "$revision" ]; then
  echo "fetch_imgui: apt has no imgui ${version}+ds-* source package (after adding trixie's deb-src)" >&2
  exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
download_checked_source imgui "$revision" "$tarball" "$tarball_sha256" "$work" || { echo "fetch_imgui: refused" >&2; exit 1; }
tar -C "$work" -xf "$work/$tarball"
mkdir -p "$(dirname "$dest")"
rm -rf "$dest"
mv "$work/imgui-${version}" "$dest"
echo "$tarball_sha256" > "$stamp"
echo "Dear ImGui ${version} sources (Debian ${revision}, SHA-256 checked) in $dest"
