#!/usr/bin/env bash
# Run every test: the C suites (Check), the symbol check, the command-line
# tool, the Python and Node bindings (gcc); then, built with clang, the C
# suites and the CLI tests under AddressSanitizer + UndefinedBehaviorSanitizer
# (-fno-sanitize-recover=all) and the fuzz corpus through the libFuzzer
# build; the threads test under ThreadSanitizer; the C suites under
# valgrind; and the coverage of lib/ against its floors (tools/coverage.sh).
# Works on a fresh Debian 12 machine as root: it installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

t0=$(date +%s)
stage_start=$t0
stage() { # the time the previous stage took, then the next one's name
    local now
    now=$(date +%s)
    [ -z "${stage_name:-}" ] || echo "== $stage_name: $((now - stage_start)) s"
    stage_name=$1
    stage_start=$now
    [ -z "$1" ] || echo "== $1"
}

bash tools/bootstrap.sh
for pkg in nodejs npm; do   # the Node binding's tests need them
    if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
    fi
done

# The calendar's test reads it with a real iCalendar parser; the sanitizer
# and fuzz builds need clang and its runtimes; coverage needs gcovr.
need=()
for pkg in python3-icalendar clang libclang-rt-14-dev gcovr; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
    echo "test: installing ${need[*]}" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

stage "tests (gcc, debugoptimized)"
meson test -C build -v --print-errorlogs

stage "C suites and CLI tests under clang AddressSanitizer and UndefinedBehaviorSanitizer"
if [ ! -f build-asan/build.ninja ]; then
    CC=clang meson setup build-asan -Db_sanitize=address,undefined -Db_lundef=false -Dbindings_tests=false \
        -Dwerror=true -Dc_args=-fno-sanitize-recover=all -Dc_link_args=-fno-sanitize-recover=all >/dev/null
fi
ninja -C build-asan >/dev/null
UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 \
    meson test -C build-asan --suite c --suite cli --print-errorlogs

stage "the fuzz corpus through the clang libFuzzer build (ASan+UBSan)"
if [ ! -f build-fuzz/build.ninja ]; then
    CC=clang meson setup build-fuzz -Dfuzzing=true -Dbindings_tests=false >/dev/null
fi
ninja -C build-fuzz >/dev/null
for t in records policy evaluate date; do
    # -runs=0: execute every input of the corpus once, then stop.
    build-fuzz/tests/fuzz/fuzz_$t -runs=0 -rss_limit_mb=2048 -artifact_prefix=build-fuzz/ tests/fuzz/corpus/$t 2>&1 | tail -n 1
done

stage "tests/test_threads under ThreadSanitizer"
if [ ! -f build-tsan/build.ninja ]; then
    tsan_cc=gcc; command -v clang >/dev/null && tsan_cc=clang
    CC=$tsan_cc meson setup build-tsan -Db_sanitize=thread -Db_lundef=false -Dbindings_tests=false >/dev/null
fi
ninja -C build-tsan tests/test_threads >/dev/null
for fork in yes no; do   # Check's fork mode, and one process for both tests
    CK_FORK=$fork TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1 \
        meson test -C build-tsan --no-rebuild --print-errorlogs test_threads
done

stage "C tests under valgrind"
meson test -C build --setup=valgrind --suite c --print-errorlogs

stage "coverage of lib/ (gcc, gcovr)"
bash tools/coverage.sh

stage ""
echo "== all tests passed in $(( $(date +%s) - t0 )) s"
