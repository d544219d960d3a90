#!/usr/bin/env bash
# Line and branch coverage of lib/ (docs/testing.md "Coverage"): a gcc
# build with --coverage in build-coverage/, the C suites and the CLI tests
# run in it, and gcovr's report of lib/. Fails when the coverage is below
# the floors (lines 97 %, branches 92 %), so tools/test.sh keeps them.
#
#   bash tools/coverage.sh            # the summary per file, then the totals
#   bash tools/coverage.sh --html     # also build-coverage/coverage/index.html
set -euo pipefail
cd "$(dirname "$0")/.."

LINE_FLOOR=97
BRANCH_FLOOR=92
dpkg-query -W -f='${Status}' gcovr 2>/dev/null | grep -q 'install ok installed' ||
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends gcovr >/dev/null

if [ ! -f build-coverage/build.ninja ]; then
    CC=gcc meson setup build-coverage -Db_coverage=true -Dbindings_tests=false --buildtype=debug >/dev/null
fi
ninja -C build-coverage >/dev/null
find build-coverage -name '*.gcda' -delete
# The counters of one process are merged into the .gcda files at its exit:
# the suites run one after the other so that no two merge at once.
if ! meson test -C build-coverage --no-rebuild --num-processes 1 --suite c --suite cli \
        --print-errorlogs >build-coverage/coverage-tests.log 2>&1; then
    grep -E '^ *[0-9]+/[0-9]+ .*(FAIL|ERROR|TIMEOUT)' build-coverage/coverage-tests.log >&2 || true
    echo "coverage: a test failed (build-coverage/coverage-tests.log); the figures below are not valid" >&2
    status=1
fi

# Branches gcc adds for what C cannot reach from the source (exception
# paths, the branches of a constant condition) are left out; every other
# branch counts.
opts=(--root . --filter 'lib/' --object-directory build-coverage
      --exclude-unreachable-branches --exclude-throw-branches)
gcovr "${opts[@]}" --txt --branches | sed -n '/^File/,$p'
gcovr "${opts[@]}" --txt | tail -n 2 | head -n 1
if [ "${1:-}" = "--html" ]; then
    mkdir -p build-coverage/coverage
    gcovr "${opts[@]}" --html-details build-coverage/coverage/index.html
    echo "coverage: build-coverage/coverage/index.html"
fi
gcovr "${opts[@]}" --fail-under-line "$LINE_FLOOR" --fail-under-branch "$BRANCH_FLOOR" -o /dev/null ||
    { echo "coverage: below the floors (lines $LINE_FLOOR %, branches $BRANCH_FLOOR %)" >&2; exit 1; }
exit "${status:-0}"
