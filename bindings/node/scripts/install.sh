#!/bin/sh
# Install the Node binding's npm dependencies when node_modules is missing
# or stale (npm ci, which compiles ffi-napi and ref-napi against the
# installed Node headers). Several meson tests need them (node-binding,
# policy-cases) and may start at once: an exclusive lock on
# node_modules.lock makes the second wait for the first install.
set -eu

cd "$(dirname "$0")/.."

install() {
    stale=0
    if [ ! -f node_modules/.package-lock.json ] ||
       [ package-lock.json -nt node_modules/.package-lock.json ] ||
       [ ! -f node_modules/@2060.io/ffi-napi/build/Release/ffi_bindings.node ] ||
       [ ! -f node_modules/@2060.io/ref-napi/build/Release/binding.node ]; then
        stale=1
    fi
    if [ "$stale" = 1 ]; then
        echo "librecert node binding: installing dependencies (npm ci)" >&2
        npm_config_nodedir="${npm_config_nodedir:-/usr}" \
            npm ci --no-audit --no-fund >&2
    fi
}

if command -v flock >/dev/null 2>&1; then
    exec 9>node_modules.lock
    flock 9
fi
install
