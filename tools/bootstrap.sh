#!/usr/bin/env bash
# Set up a fresh Debian 12 machine (as root) and build librecert into build/.
# Installs only what is missing, so it is quick when everything is there.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
for pkg in gcc meson ninja-build pkg-config libjansson-dev check python3 valgrind; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
    echo "bootstrap: installing ${need[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

if [ ! -f build/build.ninja ]; then
    meson setup build --buildtype=debugoptimized >/dev/null
fi
ninja -C build >/dev/null
