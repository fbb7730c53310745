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

# The newest Debian revision of 1.90.1 that apt knows of (1.90.1+ds-N), or nothing.
newest_revision() {
  local best="" candidate
  for candidate in $(apt-cache showsrc imgui 2>/dev/null | awk '/^Version:/ {print $2}'); do
    [[ $candidate == "${version}+ds-"* ]] || continue
    # dpkg's ordering, not sort's: 1.90.1+ds-10 is newer than 1.90.1+ds-9.
    if [ -z "$best" ] || dpkg --compare-versions "$candidate" gt "$best"; then best=$candidate; fi
  done
  echo "$best"
}

revision=$(newest_revision)
if [ -z "$revision" ]; then
  # 1.90.1 is in trixie's source list; the mirror is the one the machine already uses.
  uri=$(grep -hm1 -E '^URIs:.*debian/?$' /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '{print $2}')
  uri=${uri:-http://deb.debian.org/debian}
  printf 'Types: deb-src\nURIs: %s\nSuites: trixie\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' "$uri" \
    > /etc/apt/sources.list.d/flipside-trixie-src.sources
  apt-get update -q >/dev/null
  revision=$(newest_revision)
fi
if [ -z "$revision" ]; then
  echo "fetch_imgui: apt has no imgui ${version}+ds-* source package (after adding trixie's deb-src)" >&2
  exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if ! (cd "$work" && apt-get source --download-only "imgui=${revision}" >"$work/apt.log" 2>&1); then
  cat "$work/apt.log" >&2
  echo "fetch_imgui: could not download the imgui ${revision} source package" >&2
  exit 1
fi
if ! echo "${tarball_sha256}  $work/$tarball" | sha256sum --check --status; then
  echo "fetch_imgui: $tarball from imgui ${revision} has SHA-256 $(sha256sum "$work/$tarball" | cut -d' ' -f1)," \
       "not the pinned ${tarball_sha256}: refused" >&2
  exit 1
fi
tar -C "$work" -xf "$work/$tarball"
mkdir -p "$(dirname "$dest")"
rm -rf "$dest"
mv "$work/imgui-${version}" "$dest"
echo "$tarball_sha256" > "$stamp"
echo "Dear ImGui ${version} sources (Debian ${revision}, SHA-256 checked) in $dest"
