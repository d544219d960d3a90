#!/usr/bin/env python3
"""Compare a report document with a worked example's expected report.

usage: compare.py EXAMPLE.json REPORT.json

Every member of the expected report must be in the actual one with the same
value (amounts compared as exact decimals); arrays must have the same length.
Members the example leaves out (messages, currency, ...) are not compared.
Prints one line per difference; exit status 0 when there is none.
"""
import json
import sys
from decimal import Decimal


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f, parse_float=Decimal, parse_int=Decimal)


def compare(expected, actual, path, out):
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            out.append(f"{path}: expected an object, got {actual!r}")
            return
        for key, value in expected.items():
            sub = f"{path}.{key}" if path else key
            if key not in actual:
                out.append(f"{sub}: missing")
            else:
                compare(value, actual[key], sub, out)
    elif isinstance(expected, list):
        if not isinstance(actual, list):
            out.append(f"{path}: expected an array, got {actual!r}")
            return
        if len(expected) != len(actual):
            out.append(f"{path}: expected {len(expected)} items, got {len(actual)}: {actual!r}")
        for i, (e, a) in enumerate(zip(expected, actual)):
            compare(e, a, f"{path}[{i}]", out)
    elif isinstance(expected, bool) or expected is None or isinstance(expected, str):
        if type(expected) is not type(actual) or expected != actual:
            out.append(f"{path}: expected {json.dumps(expected)}, got {actual!r}")
    elif isinstance(expected, Decimal):
        if isinstance(actual, bool) or not isinstance(actual, Decimal) or expected != actual:
            out.append(f"{path}: expected {expected}, got {actual!r}")
    else:
        out.append(f"{path}: unexpected value in the example: {expected!r}")


def main():
    if len(sys.argv) != 3:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    example = load(sys.argv[1])
    try:
        actual = load(sys.argv[2])
    except (OSError, ValueError) as e:
        print(f"report: not JSON: {e}")
        return 1
    out = []
    compare(example["report"], actual, "", out)
    for line in out:
        print(line)
    return 1 if out else 0


if __name__ == "__main__":
    sys.exit(main())
