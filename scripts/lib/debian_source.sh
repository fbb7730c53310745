# Shared by the scripts that fetch third-party sources from Debian's source packages into the
# build tree (fetch_imgui.sh, fetch_zlib.sh). Sourced, not run.

# The newest Debian revision of a source package whose version starts with `prefix` (for
# example "1.90.1+ds-"), in dpkg's ordering, or nothing when apt knows none.
newest_source_revision() {
  local package=$1 prefix=$2 best="" candidate
  for candidate in $(apt-cache showsrc "$package" 2>/dev/null | awk '/^Version:/ {print $2}'); do
    [[ $candidate == "$prefix"* ]] || continue
    # dpkg's ordering, not sort's: ...-10 is newer than ...-9.
    if [ -z "$best" ] || dpkg --compare-versions "$candidate" gt "$best"; then best=$candidate; fi
  done
  echo "$best"
}

# Downloads `package`=`revision`'s source into `work` and checks that its upstream tarball
# (the same for every Debian revision of one upstream version) has the pinned SHA-256: any
# other content is refused, whatever the archive's signatures say. Only that tarball is used,
# so a mirror that lacks the revision's .dsc or Debian diff (apt then reports an error after
# fetching the tarball) is fine.
download_checked_source() {
  local package=$1 revision=$2 tarball=$3 sha256=$4 work=$5
  (cd "$work" && apt-get source --download-only "${package}=${revision}" >"$work/apt.log" 2>&1) || true
  if [ ! -f "$work/$tarball" ]; then
    cat "$work/apt.log" >&2
    echo "could not download $tarball of the ${package} ${revision} source package" >&2
    return 1
  fi
  if ! echo "${sha256}  $work/$tarball" | sha256sum --check --status; then
    echo "$tarball from ${package} ${revision} has SHA-256 $(sha256sum "$work/$tarball" | cut -d' ' -f1)," \
         "not the pinned ${sha256}: refused" >&2
    return 1
  fi
}
