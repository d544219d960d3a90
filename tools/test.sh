#!/usr/bin/env bash
# Run every test: the C suites (Check), the symbol check, the command-line
# tool, the Python and Node bindings; then the C suites again under
# AddressSanitizer + UndefinedBehaviorSanitizer and under valgrind.
# Works on a fresh Debian 12 machine as root: it installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

bash tools/bootstrap.sh
for pkg in nodejs npm; do   # the Node binding's tests need them
    if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
    fi
done

# The calendar's test reads it with a real iCalendar parser.
dpkg-query -W -f='${Status}' python3-icalendar 2>/dev/null | grep -q 'install ok installed' ||
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-icalendar >/dev/null

echo "== tests (gcc, debugoptimized)"
meson test -C build -v --print-errorlogs

echo "== C tests under AddressSanitizer and UndefinedBehaviorSanitizer"
if [ ! -f build-sanitize/build.ninja ]; then
    meson setup build-sanitize -Db_sanitize=address,undefined -Db_lundef=false -Dbindings_tests=false >/dev/null
fi
ninja -C build-sanitize >/dev/null
UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 ASAN_OPTIONS=detect_leaks=1 \
    meson test -C build-sanitize --suite c --print-errorlogs

echo "== tests/test_threads under ThreadSanitizer"
if [ ! -f build-tsan/build.ninja ]; then
    tsan_cc=gcc; command -v clang >/dev/null && tsan_cc=clang
    CC=$tsan_cc meson setup build-tsan -Db_sanitize=thread -Db_lundef=false -Dbindings_tests=false >/dev/null
fi
ninja -C build-tsan tests/test_threads >/dev/null
for fork in yes no; do   # Check's fork mode, and one process for both tests
    CK_FORK=$fork TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1 \
        meson test -C build-tsan --no-rebuild --print-errorlogs test_threads
done

echo "== C tests under valgrind"
meson test -C build --setup=valgrind --suite c --print-errorlogs
