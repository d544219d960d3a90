#!/bin/sh
# The Node binding's tests, as meson test runs them: install the npm
# dependencies first when node_modules is missing or stale
# (scripts/install.sh), then run node --test on test/*.test.js
# (test/helpers.js is shared code). RECERT_LIBRARY and RECERT_TEST_DATA come
# from meson.
set -eu

cd "$(dirname "$0")/.."
sh scripts/install.sh
exec node --test test/*.test.js
