#!/usr/bin/env bash
# Fetches zlib 1.3.1's sources from Debian's source package into the build tree (never into
# git), for the WebAssembly build (cmake/zlib.cmake); natively Debian's zlib1g-dev is linked.
# Called by scripts/setup.sh, after fetch_imgui.sh has made sure trixie's source list is known.
# Idempotent, silent when the sources are already there. Usage: scripts/fetch_zlib.sh <destination dir>
set -euo pipefail
dest=${1:?destination directory}
# Any Debian revision of this upstream version (-1, -1+deb13u1, ...): the tarball is the same.
version_prefix=1:1.3.dfsg+really1.3.1-
tarball=zlib_1.3.dfsg+really1.3.1.orig.tar.gz
tarball_sha256=60dd315c07f616887caa029408308a018ace66e3d142726a97db164b3b8f69fb
stamp=$dest/.flipside-source-sha256

[ -f "$dest/zlib.h" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$tarball_sha256" ] && exit 0

. "$(dirname "$0")/lib/debian_source.sh"
revision=$(newest_source_revision zlib "$version_prefix")
if [ -z "$revision" ]; then
  echo "fetch_zlib: apt has no zlib ${version_prefix}* source package (fetch_imgui.sh adds trixie's deb-src)" >&2
  exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
download_checked_source zlib "$revision" "$tarball" "$tarball_sha256" "$work" || { echo "fetch_zlib: refused" >&2; exit 1; }
tar -C "$work" -xzf "$work/$tarball"
source_dir=$(find "$work" -mindepth 1 -maxdepth 1 -type d -name 'zlib*' | head -1)
[ -f "$source_dir/zlib.h" ] || { echo "fetch_zlib: $tarball holds no zlib.h" >&2; exit 1; }
mkdir -p "$(dirname "$dest")"
rm -rf "$dest"
mv "$source_dir" "$dest"
echo "$tarball_sha256" > "$stamp"
echo "zlib 1.3.1 sources (Debian ${revision}, SHA-256 checked) in $dest"
