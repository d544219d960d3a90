#!/usr/bin/env bash
# Compare the ABI of the library in this source tree (the working tree, with
# any uncommitted change) with the one built from a git tag or commit.
#
#   tools/abi-check.sh [BASE_REF]
#
# BASE_REF defaults to the latest tag matching v* (git describe), else to
# ABI_FIRST below, the first commit of the LIBRECERT_0 ABI that builds.
# Both trees are built with debug info (meson buildtype=debug) into a
# temporary directory and compared in two ways:
#
#   1. abidiff (libabigail; Debian package abigail-tools, installed here
#      when run as root and missing) on the two shared libraries, with
#      --headers-dir on each tree's include/ so that only the public headers'
#      types count (the handles are opaque: the library's own structs may
#      change freely): exported functions and variables, their signatures,
#      the types they reach (recert_error, the enums they take), the symbol
#      versions and the SONAME.
#   2. The headers' constants, through the C compiler: every enumerator
#      (also of the enums no function takes, like recert_status, and the
#      error codes) and every integer macro that callers compile in
#      (RECERT_JSON_PRETTY, RECERT_DAY_NONE, RECERT_PER_HOUR_*, ...; not
#      RECERT_VERSION_* nor the RECERT_MAX_* limits) must keep its value.
#
# Exit status: 0 compatible (no change, or additions only: new functions,
# new enumerators, new constants; or a new SONAME, which declares the
# break); 1 incompatible (a function or variable removed or changed, a
# public type changed, an enumerator or constant removed or given another
# value, a symbol moved out of its version); 2 usage or build error. See
# docs/abi.md.
#
# The baseline is extracted with `git archive`: nothing in the repository
# (index, worktrees, refs) changes. ABI_CHECK_KEEP=1 keeps the temporary
# directory (its path is printed); CC picks the compiler.
set -euo pipefail
export LC_ALL=C

# The commit that first shipped the LIBRECERT_0 ABI in a tree that builds
# from git alone (version script, soname librecert.so.0, the recert tool):
# the default baseline while the repository has no v* tag.
ABI_FIRST=0c1e837

cd "$(dirname "$0")/.."
src=$(pwd)

usage() {
    sed -n '2,/^set -e/{/^#/p}' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
}
case "${1:-}" in -h | --help) usage ;; -*) usage ;; esac
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
    echo "abi-check: no v* tag: comparing with $ABI_FIRST, the first commit of the LIBRECERT_0 ABI" >&2
fi
if ! base_commit=$(git rev-parse --verify --quiet "$base^{commit}"); then
    echo "abi-check: not a commit: $base" >&2
    exit 2
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/recert-abi.XXXXXX")
# shellcheck disable=SC2317 # called by the trap
cleanup() {
    if [ "${ABI_CHECK_KEEP:-0}" = 1 ]; then
        echo "abi-check: kept $tmp" >&2
    else
        rm -rf "$tmp"
    fi
}
trap cleanup EXIT

# Both trees side by side in $tmp, so that the paths the debug info records
# (relative to each build directory) have the same shape, and abidiff's
# --headers-dir tells public from private types the same way in both. The
# current tree is the working tree: tracked files and untracked ones that
# git does not ignore, uncommitted changes included.
mkdir "$tmp/base-src" "$tmp/cur-src"
git archive --format=tar "$base_commit" | tar -xf - -C "$tmp/base-src"
git ls-files -z -co --exclude-standard | while IFS= read -r -d '' f; do
    if [ -e "$f" ]; then printf '%s\0' "$f"; fi
done | tar --null -T - -cf - | tar -xf - -C "$tmp/cur-src"

# Build the shared library of a tree; prints its path.
build() {
    local tree=$1 out=$2 opts=(--buildtype=debug -Ddefault_library=shared)
    grep -q "option('tests'" "$tree/meson_options.txt" 2>/dev/null && opts+=(-Dtests=false)
    grep -q "option('bindings_tests'" "$tree/meson_options.txt" 2>/dev/null && opts+=(-Dbindings_tests=false)
    if ! meson setup "$out" "$tree" "${opts[@]}" >"$out.log" 2>&1; then
        tail -20 "$out.log" >&2
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
    so=$(find "$out/lib" -maxdepth 1 -type f -name 'librecert.so.*' | head -n 1)
    if [ -z "$so" ]; then
        echo "abi-check: no librecert.so built in $out/lib" >&2
        return 2
    fi
    echo "$so"
}

echo "abi-check: building the baseline $base ($(git rev-parse --short "$base_commit"))" >&2
base_so=$(build "$tmp/base-src" "$tmp/base-build") || exit 2
echo "abi-check: building the current tree $src" >&2
cur_so=$(build "$tmp/cur-src" "$tmp/cur-build") || exit 2

soname() { readelf -d "$1" | sed -n 's/.*Library soname: \[\(.*\)\].*/\1/p'; }
base_soname=$(soname "$base_so")
cur_soname=$(soname "$cur_so")

# ---- 1. abidiff -------------------------------------------------------------
# Not --non-reachable-types: libabigail 2.2 pairs the anonymous enums of the
# system headers (pthread.h) with the error codes' by position, at random;
# the enumerators are checked exactly by step 2 instead.
set +e
(cd "$tmp" && abidiff --headers-dir1 base-src/include --headers-dir2 cur-src/include \
    --no-show-locs "${base_so#"$tmp"/}" "${cur_so#"$tmp"/}") >"$tmp/abidiff.txt" 2>&1
status=$?
set -e
echo "== abidiff"
cat "$tmp/abidiff.txt"

# abidiff's status is a bit field: 1 error, 2 usage error, 4 the ABIs
# differ, 8 an incompatible change. 8 is set only for a removed symbol; 4
# alone covers both additions and harmful changes (a changed signature or
# struct, an enumerator renumbered), so the summary lines tell them apart:
# a "Removed" or "Changed" count above 0 is a break. What libabigail files
# as harmless (an enumerator appended at the end) is filtered out of the
# counts ("0 Changed (1 filtered out)").
if [ $((status & 3)) -ne 0 ]; then
    echo "abi-check: abidiff failed (status $status)" >&2
    exit 2
fi

# ---- 2. the headers' constants ----------------------------------------------
# For each tree: the enumerators and integer macros of its headers, found in
# the preprocessed umbrella header, and their values as the compiler sees
# them ("NAME VALUE" lines).
constants() {
    local tree=$1 out=$2
    "${CC:-cc}" -E -dD -P -I "$tree/include" "$tree/include/recert.h" >"$out.i"
    python3 - "$out.i" >"$out.c" <<'EOF'
import re
import sys

text = open(sys.argv[1], encoding='utf-8').read()
names = []
for m in re.finditer(r'^#define (RECERT_\w+)[ \t]+(\S.*)$', text, re.M):
    name, value = m.group(1), m.group(2)
    if (name == 'RECERT_API' or name.startswith(('RECERT_VERSION_', 'RECERT_MAX_'))
            or value.lstrip('(').startswith('"')):
        continue
    names.append(name)
code = re.sub(r'^#.*$', '', text, flags=re.M)
for m in re.finditer(r'\benum\b\s*\w*\s*\{([^}]*)\}', code):
    for item in m.group(1).split(','):
        ident = re.match(r'\s*([A-Za-z_]\w*)', item)
        if ident:
            names.append(ident.group(1))
print('#include <stdio.h>\n#include "recert.h"\nint main(void)\n{')
for n in names:
    print(f'    printf("%s %lld\\n", "{n}", (long long)({n}));')
print('    return 0;\n}')
EOF
    "${CC:-cc}" -std=c11 -w -I "$tree/include" "$out.c" -o "$out.exe"
    "$out.exe" | sort >"$out.txt"
}
if ! constants "$tmp/base-src" "$tmp/base-const" || ! constants "$tmp/cur-src" "$tmp/cur-const"; then
    echo "abi-check: cannot list the headers' constants" >&2
    exit 2
fi
# Every constant of the baseline must be in the current headers with the same
# value: a line of the baseline's list missing from the current one is a
# constant removed or given another value.
const_breaks=$(comm -23 "$tmp/base-const.txt" "$tmp/cur-const.txt" | while read -r name value; do
    now=$(awk -v n="$name" '$1 == n { print $2 }' "$tmp/cur-const.txt")
    if [ -z "$now" ]; then
        echo "  removed: $name (was $value)"
    else
        echo "  changed: $name $value -> $now"
    fi
done)
const_added=$(comm -13 <(cut -d' ' -f1 "$tmp/base-const.txt") <(cut -d' ' -f1 "$tmp/cur-const.txt") | wc -l)
echo "== header constants: $(wc -l <"$tmp/base-const.txt") in the baseline, $const_added added"
[ -z "$const_breaks" ] || echo "$const_breaks"

# ---- verdict -----------------------------------------------------------------
if [ "$base_soname" != "$cur_soname" ]; then
    echo "abi-check: SONAME $base_soname -> $cur_soname: a new ABI, its incompatible changes are declared (docs/abi.md)" >&2
    exit 0
fi
breaks=$(grep -E '^ *(Functions|Variables|Function symbols|Variable symbols) changes summary:' "$tmp/abidiff.txt" |
    grep -E '[1-9][0-9]* (Removed|Changed)' || true)
if [ $((status & 8)) -ne 0 ] || [ -n "$breaks" ] || [ -n "$const_breaks" ]; then
    echo "abi-check: INCOMPATIBLE with $base (abidiff status $status)" >&2
    [ -z "$breaks" ] || echo "$breaks" >&2
    [ -z "$const_breaks" ] || echo "$const_breaks" >&2
    exit 1
fi
if [ $((status & 4)) -ne 0 ] || [ "$const_added" -gt 0 ]; then
    echo "abi-check: compatible with $base: additions only" >&2
else
    echo "abi-check: compatible with $base: no change" >&2
fi
exit 0
