#!/usr/bin/env python3
"""Write the seed inputs of the fuzz targets into OUTDIR/<target>/.

Seeds come from the worked examples (tests/data/examples), the CLI test
roster, the built-in policies (lib/policies), the hostile-JSON cases
(tests/data/valid, tests/data/invalid) and a few dates. The committed corpus
(tests/fuzz/corpus) is these seeds plus what the fuzzers found, minimized
with -merge=1 (docs/testing.md).

    python3 tests/fuzz/make_seeds.py /tmp/seeds
"""
import hashlib
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def put(outdir, target, data):
    if isinstance(data, str):
        data = data.encode()
    d = os.path.join(outdir, target)
    os.makedirs(d, exist_ok=True)
    name = "seed-" + hashlib.sha1(data).hexdigest()[:16]
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def compact(v):
    return json.dumps(v, separators=(",", ":"), ensure_ascii=False)


def main():
    out = sys.argv[1]
    ex = os.path.join(ROOT, "tests", "data", "examples")
    for name in sorted(os.listdir(ex)):
        if not name.endswith(".json"):
            continue
        with open(os.path.join(ex, name)) as f:
            doc = json.load(f)
        rec = compact(doc["records"])
        put(out, "records", rec)
        put(out, "evaluate", doc["as_of"] + "\n" + rec)
        for p in doc["records"].get("policies", []):
            put(out, "policy", compact(p))
    roster = os.path.join(ROOT, "tests", "cli", "roster.json")
    if os.path.exists(roster):
        with open(roster) as f:
            rec = compact(json.load(f))
        put(out, "records", rec)
        put(out, "evaluate", "2026-11-23\n" + rec)
    pol = os.path.join(ROOT, "lib", "policies")
    for name in sorted(os.listdir(pol)):
        with open(os.path.join(pol, name)) as f:
            put(out, "policy", compact(json.load(f)))
    for kind in ("valid", "invalid"):
        base = os.path.join(ROOT, "tests", "data", kind)
        if not os.path.isdir(base):
            continue
        for case in sorted(os.listdir(base)):
            inp = os.path.join(base, case, "input")
            if not os.path.exists(inp) or os.path.getsize(inp) > 65536:
                continue
            with open(inp, "rb") as f:
                data = f.read()
            entry = os.path.join(base, case, "entry")
            target = "records"
            if os.path.exists(entry):
                with open(entry) as f:
                    target = f.read().split()[0]
            put(out, "policy" if target in ("policy", "catalog") else "records", data)
    for d in ("2025-01-01", "2024-02-29", "2025-02-29", "1900-01-01", "9999-12-31", "0000-01-01",
              "2025-13-01", "2025-1-1", "1899-12-31", "10000-01-01", "2025-12-31\n", " 2025-01-01",
              "\x00\x00\x00\x00\x01\x00\x00\x00\x00\x00\x00\x00\xff\xff\xff\xff"):
        put(out, "date", d)


if __name__ == "__main__":
    main()
