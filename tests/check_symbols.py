#!/usr/bin/env python3
"""The exported symbols of the shared library equal the version script, and
the version script equals the functions the public headers declare
(RECERT_API). Usage: check_symbols.py LIBRARY MAPFILE INCLUDE_DIR"""
import glob
import re
import subprocess
import sys


def main() -> int:
    lib, mapfile, incdir = sys.argv[1:4]
    declared = set()
    for path in glob.glob(incdir + '/recert/*.h'):
        with open(path, encoding='utf-8') as f:
            declared |= set(re.findall(r'RECERT_API[^;]*?\b(recert_\w+)\s*\(', f.read()))
    with open(mapfile, encoding='utf-8') as f:
        text = re.sub(r'/\*.*?\*/', '', f.read(), flags=re.S)
    listed = set(re.findall(r'\b(recert_\w+);', text))
    out = subprocess.run(['nm', '-D', '--defined-only', lib], capture_output=True, text=True, check=True).stdout
    exported, unversioned = set(), []
    for line in out.splitlines():
        parts = line.split()
        if len(parts) < 3 or parts[1] not in 'TDBRW':
            continue
        name = parts[2]
        base = name.split('@')[0]
        if base == 'LIBRECERT_0':
            continue
        exported.add(base)
        if '@@LIBRECERT_0' not in name and '@LIBRECERT_0' not in name:
            unversioned.append(name)
    failed = 0
    checks = [
        ('declared but not in the version script', declared - listed),
        ('in the version script but not declared', listed - declared),
        ('listed but not exported', listed - exported),
        ('exported but not listed', exported - listed),
        ('exported without the LIBRECERT_0 version', set(unversioned)),
    ]
    for what, names in checks:
        if names:
            failed += 1
            print(f'FAIL: {what}: {", ".join(sorted(names))}')
        else:
            print(f'ok: nothing {what}')
    print(f'{len(exported)} symbols exported')
    print(f'{len(checks) - failed} passed, {failed} failed')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
