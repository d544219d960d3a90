#!/bin/sh
# The Node binding's tests, as meson test runs them: install the npm
# dependencies first when node_modules is missing or stale (npm ci, which
# compiles ffi-napi and ref-napi against the installed Node headers), then
# run node --test on test/*.test.js (test/helpers.js is shared code).
# RECERT_LIBRARY and RECERT_TEST_DATA come from meson.
set -eu

cd "$(dirname "$0")/.."

stale=0
if [ ! -f node_modules/.package-lock.json ] ||
   [ package-lock.json -nt node_modules/.package-lock.json ] ||
   [ ! -f node_modules/@2060.io/ffi-napi/build/Release/ffi_bindings.node ] ||
   [ ! -f node_modules/@2060.io/ref-napi/build/Release/binding.node ]; then
    stale=1
fi

if [ "$stale" = 1 ]; then
    echo "librecert node binding: installing dependencies (npm ci)"
    npm_config_nodedir="${npm_config_nodedir:-/usr}" \
        npm ci --no-audit --no-fund
fi

exec node --test test/*.test.js
