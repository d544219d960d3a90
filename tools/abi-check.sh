#!/usr/bin/env bash
# Compare the ABI of the library in this source tree (the working tree, with
# any uncommitted change) with the one built from a git tag or commit.
#
#   tools/abi-check.sh [BASE_REF]
#
# BASE_REF defaults to the latest tag matching v* (git describe), else to
# the first commit that shipped the current ABI (ABI_FIRST below). Both
# trees are built with debug info (meson buildtype=debug, all header types
# kept in DWARF) into temporary directories, and compared with abidiff from
# libabigail (Debian: abigail-tools, installed here when run as root and
# missing). Only the public headers count (--headers-dir on include/): the
# handles are opaque, so the library's own structs may change freely.
#
# Exit status: 0 compatible (no change, or additions only: new functions,
# enumerators appended at the end of an enum, or a new SONAME, which
# declares the break); 1 incompatible (a function or variable removed or
# changed, a public type or enum value changed, a symbol moved out of the
# LIBRECERT_0 version); 2 usage or build error. See docs/abi.md.
#
# The baseline is extracted with `git archive`: nothing in the repository
# (index, worktrees, refs) is changed. Set ABI_CHECK_KEEP=1 to keep the
# temporary directory (its path is printed), CC to pick the compiler.
set -euo pipefail

# The commit that first shipped the ABI as it stands (version script
# LIBRECERT_0, soname librecert.so.0): the default baseline while the
# repository has no v* tag. Once v0.1.0 is tagged it is no longer used.
ABI_FIRST=c230491

cd "$(dirname "$0")/.."
src=$(pwd)

usage() {
    sed -n '2,21p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
}
case "${1:-}" in -h | --help) usage ;; esac
[ $# -le 1 ] || usage

# abidiff: install it when missing, as tools/bootstrap.sh does for its own.
if ! command -v abidiff >/dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        echo "abi-check: installing abigail-tools" >&2
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq --no-install-recommends abigail-tools >/dev/null
    else
        echo "abi-check: abidiff not found: install abigail-tools (Debian) or libabigail" >&2
        exit 2
    fi
fi

if [ $# -eq 1 ]; then
    base=$1
elif base=$(git describe --tags --abbrev=0 --match 'v*' 2>/dev/null); then
    :
else
    base=$ABI_FIRST
    echo "abi-check: no v* tag; comparing with $ABI_FIRST, the first commit of the LIBRECERT_0 ABI" >&2
fi
if ! base_commit=$(git rev-parse --verify --quiet "$base^{commit}"); then
    echo "abi-check: not a commit: $base" >&2
    exit 2
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/recert-abi.XXXXXX")
cleanup() {
    if [ "${ABI_CHECK_KEEP:-0}" = 1 ]; then
        echo "abi-check: kept $tmp" >&2
    else
        rm -rf "$tmp"
    fi
}
trap cleanup EXIT

mkdir "$tmp/base-src"
git archive --format=tar "$base_commit" | tar -xf - -C "$tmp/base-src"

# Build the shared library of a source tree into a build directory, with
# every type of the headers in the debug info (gcc and clang drop unused
# types by default, and an enum that no function takes would then escape
# the comparison). Prints the library's path.
build() {
    local tree=$1 out=$2 opts=()
    opts=(--buildtype=debug -Ddefault_library=shared
          "-Dc_args=-fno-eliminate-unused-debug-types")
    grep -q "option('tests'" "$tree/meson_options.txt" 2>/dev/null && opts+=(-Dtests=false)
    grep -q "option('bindings_tests'" "$tree/meson_options.txt" 2>/dev/null && opts+=(-Dbindings_tests=false)
    if ! meson setup "$out" "$tree" "${opts[@]}" >"$out.log" 2>&1; then
        cat "$out.log" >&2
        echo "abi-check: meson setup failed for $tree" >&2
        return 2
    fi
    if ! meson compile -C "$out" lib/recert:shared_library >>"$out.log" 2>&1 &&
       ! ninja -C "$out" >>"$out.log" 2>&1; then
        tail -40 "$out.log" >&2
        echo "abi-check: build failed for $tree" >&2
        return 2
    fi
    local so
    so=$(find "$out/lib" -maxdepth 1 -type f -name 'librecert.so*' | head -n 1)
    if [ -z "$so" ]; then
        echo "abi-check: no librecert.so built in $out/lib" >&2
        return 2
    fi
    echo "$so"
}

echo "abi-check: building the baseline $base ($(git rev-parse --short "$base_commit"))" >&2
base_so=$(build "$tmp/base-src" "$tmp/base-build") || exit 2
echo "abi-check: building the current tree $src" >&2
cur_so=$(build "$src" "$tmp/cur-build") || exit 2

soname() { readelf -d "$1" | sed -n 's/.*Library soname: \[\(.*\)\].*/\1/p'; }
base_soname=$(soname "$base_so")
cur_soname=$(soname "$cur_so")

set +e
abidiff --headers-dir1 "$tmp/base-src/include" --headers-dir2 "$src/include" \
    --non-reachable-types --no-show-locs \
    "$base_so" "$cur_so" >"$tmp/report.txt" 2>&1
status=$?
set -e
cat "$tmp/report.txt"

# abidiff's status is a bit field: 1 error, 2 usage error, 4 the ABIs
# differ, 8 an incompatible change. Bit 8 is set only for a removed symbol;
# bit 4 alone covers both additions and harmful changes (a changed
# signature, struct or enumerator value), so the summary lines tell them
# apart: any "Removed" or "Changed" count above 0 is a break. Changes that
# libabigail files as harmless (enumerators appended at the end of an enum)
# are filtered out of those counts.
if [ $((status & 3)) -ne 0 ]; then
    echo "abi-check: abidiff failed (status $status)" >&2
    exit 2
fi

if [ "$base_soname" != "$cur_soname" ]; then
    echo "abi-check: SONAME $base_soname -> $cur_soname: a new ABI, incompatible changes are declared (docs/abi.md)" >&2
    exit 0
fi

breaks=$(grep -E '^ *(Functions|Variables|Function symbols|Variable symbols) changes summary:|^ *Unreachable types summary:' "$tmp/report.txt" |
    grep -E '[1-9][0-9]* (Removed|Changed|removed|changed)' || true)
if [ $((status & 8)) -ne 0 ] || [ -n "$breaks" ]; then
    echo "abi-check: INCOMPATIBLE with $base (abidiff status $status)" >&2
    [ -n "$breaks" ] && echo "$breaks" >&2
    exit 1
fi
if [ $((status & 4)) -ne 0 ]; then
    echo "abi-check: compatible with $base: additions only" >&2
else
    echo "abi-check: compatible with $base: no change" >&2
fi
exit 0
