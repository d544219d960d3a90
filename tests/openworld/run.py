#!/usr/bin/env python3
"""Open-world acceptance (issue 13): the `recert` tool run as a user would,
on inputs nobody generated the library for.

usage: run.py RECERT [--quick]

Every case runs recert on a generated document and checks what a user, and
a script reading the output, must be able to rely on:

- the exit status is 0 (done) or 1 (bad input), or 3 for a write error
  (docs/recert.1 EXIT STATUS) and nothing else: no crash, no abort;
- every byte written to standard output and standard error is valid UTF-8,
  and no control character reaches a human-readable output raw;
- an error names the place in the document (a path) and is not "out of
  memory" when no allocation failed;
- no sanitizer report (under the clang ASan+UBSan build of tools/test.sh);
- the report stays within the documented factor of the input's size
  (docs/format.md "Limits").

TAP output: one line per check.
"""
import json
import os
import subprocess
import sys
import tempfile

RECERT = sys.argv[1]
QUICK = "--quick" in sys.argv
AS_OF = "2026-11-23"
# docs/format.md "Limits": report bytes <= REPORT_FACTOR * input + REPORT_SLACK.
REPORT_FACTOR = 80
REPORT_SLACK = 1 << 20

results = []


def check(name, cond, detail=""):
    results.append((name, bool(cond), detail))


def run(args, stdin=None, stdout_path=None):
    env = dict(os.environ, LC_ALL="C.UTF-8")
    out_f = open(stdout_path, "wb") if stdout_path else subprocess.PIPE
    try:
        p = subprocess.run([RECERT] + args, input=stdin, stdout=out_f,
                           stderr=subprocess.PIPE, env=env, timeout=600)
    finally:
        if stdout_path:
            out_f.close()
    out = p.stdout if not stdout_path else b""
    return p.returncode, out, p.stderr


def utf8_ok(b):
    try:
        b.decode("utf-8", errors="strict")
        return True
    except UnicodeDecodeError:
        return False


def raw_controls(b):
    """Control characters other than newline and tab, raw (C0, DEL, C1)."""
    t = b.decode("utf-8", errors="replace")
    return [c for c in t if (ord(c) < 0x20 and c not in "\n\t") or 0x7f <= ord(c) <= 0x9f]


def common(name, rc, out, err, allowed=(0, 1), human=True):
    check(f"{name}: exit status in {allowed}", rc in allowed, f"exit {rc}\n{err[-2000:]!r}")
    check(f"{name}: stdout and stderr are valid UTF-8", utf8_ok(out) and utf8_ok(err))
    check(f"{name}: no sanitizer report",
          b"Sanitizer" not in err and b"runtime error:" not in err, err[-2000:])
    if human:
        check(f"{name}: no raw control character", not raw_controls(out) and not raw_controls(err),
              repr(raw_controls(out) + raw_controls(err))[:200])
    if rc == 1:
        check(f"{name}: the error is not a false 'out of memory'", b"out of memory" not in err,
              err[:500])


def write(tmp, name, doc):
    path = os.path.join(tmp, name)
    with open(path, "wb") as f:
        f.write(doc if isinstance(doc, bytes) else json.dumps(doc, ensure_ascii=False).encode())
    return path


def nasm(cid="nasm", **kw):
    c = {"id": cid, "policy": "nasm-cpt", "certified": "2024-01-15"}
    c.update(kw)
    return c


def credit(kid, **kw):
    k = {"id": kid, "completed": "2025-03-01", "hours": 4}
    k.update(kw)
    return k


def doc(holders, **top):
    d = {"recert": 1}
    d.update(top)
    d["holders"] = holders
    return d


def evaluate_json(tmp, name, d):
    path = write(tmp, name + ".json", d)
    rc, out, err = run(["evaluate", "--json", "--as-of", AS_OF, path])
    common(f"{name} evaluate --json", rc, out, err, human=False)
    rep = None
    if rc == 0:
        try:
            rep = json.loads(out)
        except ValueError as e:
            check(f"{name}: the report is JSON", False, str(e))
    return rc, rep, err, path


def main():
    tmp = tempfile.mkdtemp(prefix="recert-openworld-")

    # 1. A new trainer with credits and no credential yet.
    d = doc([{"id": "new-trainer", "name": "New Trainer",
              "credits": [credit("k1"), credit("k2", hours=2)]}])
    rc, rep, err, path = evaluate_json(tmp, "no-credentials", d)
    check("no-credentials: evaluates (exit 0)", rc == 0, err)
    if rep:
        h = rep["holders"][0]
        check("no-credentials: the holder is in the report, without credentials",
              h["id"] == "new-trainer" and h["credentials"] == [], json.dumps(h)[:300])
        check("no-credentials: its credits are reported as counting towards nothing",
              "no_credential" in json.dumps(h), json.dumps(h)[:300])
    for cmd in (["validate"], ["evaluate", "--as-of", AS_OF], ["calendar", "--as-of", AS_OF]):
        rc, out, err = run(cmd + [path])
        common(f"no-credentials {cmd[0]}", rc, out, err, human=cmd[0] != "calendar")
        check(f"no-credentials {cmd[0]}: exit 0", rc == 0, err)

    # 2. Huge amounts: every credit at the largest amount, pending petitions too.
    n = 1000 if QUICK else 10000
    big = [credit(f"k{i}", hours=None, amount=999999999.99, unit="ceu") for i in range(n)]
    for k in big:
        del k["hours"]
    big += [credit("p1", approval="not_preapproved", hours=999999999,
                   petition={"filed": "2025-04-01", "status": "pending"})]
    d = doc([{"id": "h", "credentials": [nasm()], "credits": big[: n - 1] + big[-1:]}])
    rc, rep, err, _ = evaluate_json(tmp, "huge-amounts", d)
    if rc == 1:
        check("huge-amounts: a refusal names the credit's path", b"holders[0].credits[" in err, err[:300])
    elif rep:
        cr = rep["holders"][0]["credentials"][0]["credits"]
        check("huge-amounts: earned is a positive exact total",
              isinstance(cr["earned"], (int, float)) and cr["earned"] > 0, json.dumps(cr)[:300])

    # 3. Long multi-byte strings at every truncation point.
    for ch in ("\u00e9", "\u20ac", "\U0001f600"):
        width = len(ch.encode())
        for nbytes in range(380, 1200, 37 if QUICK else 7):
            name = "x" * (nbytes % width) + ch * (nbytes // width)
            d = doc([{"id": "h", "credentials": [nasm()], "credits": [credit("k1")],
                      "nam" + name: 1}])
            path = write(tmp, "mb.json", d)
            rc, out, err = run(["validate", path])
            common(f"unknown member of {nbytes} bytes of U+{ord(ch):04X} validate", rc, out, err)
            check(f"unknown member of {nbytes} bytes of U+{ord(ch):04X}: exit 1 with its path",
                  rc == 1 and b"holders[0]" in out + err, (out + err)[:300])
        # an unknown policy id as long as an id may be, in multi-byte text
        pid = ch * (65536 // width - 1)
        d = doc([{"id": ch * 300, "credentials": [nasm(policy=pid)], "credits": [credit(ch * 600)]}])
        path = write(tmp, "mb-policy.json", d)
        for cmd in (["validate"], ["evaluate", "--as-of", AS_OF]):
            rc, out, err = run(cmd + [path])
            common(f"unknown policy of U+{ord(ch):04X} {cmd[0]}", rc, out, err)
            check(f"unknown policy of U+{ord(ch):04X} {cmd[0]}: exit 1, path",
                  rc == 1 and b"holders[0].credentials[0].policy" in out + err, (out + err)[:300])
        # a valid document with long multi-byte ids: the table, explain and the report
        d = doc([{"id": ch * 2000, "name": ch * 3000,
                  "credentials": [nasm(ch * 1000)], "credits": [credit(ch * 1500)]}])
        path = write(tmp, "mb-valid.json", d)
        for cmd in (["evaluate", "--as-of", AS_OF], ["evaluate", "--json", "--as-of", AS_OF],
                    ["explain", "--as-of", AS_OF, path, ch * 2000, ch * 1000],
                    ["calendar", "--as-of", AS_OF]):
            args = cmd if cmd[0] == "explain" else cmd + [path]
            rc, out, err = run(args)
            common(f"long ids of U+{ord(ch):04X} {cmd[0]} {' '.join(cmd[1:2])}", rc, out, err,
                   human="--json" not in cmd and cmd[0] != "calendar")
            check(f"long ids of U+{ord(ch):04X} {cmd[0]}: exit 0", rc == 0, err[:300])

    # 4. x- numbers of every spelling are accepted.
    for lexeme in ("3.141592653589793238", "1E2", "-0.0", "1e400", "18446744073709551616",
                   "-9223372036854775809", "0.1e-400", "123456789012345678901234567890"):
        text = ('{"recert": 1, "holders": [{"id": "h", "x-n": %s, "credentials": [], '
                '"credits": [{"id": "k", "completed": "2025-01-01", "hours": 1, "x-v": [%s]}]}]}'
                % (lexeme, lexeme)).encode()
        path = write(tmp, "x.json", text)
        rc, out, err = run(["validate", path])
        common(f"x- number {lexeme} validate", rc, out, err)
        check(f"x- number {lexeme}: accepted", rc == 0, (out + err)[:300])

    # 5. Amounts with more decimals than the format allows, checked exactly.
    text = (b'{"recert": 1, "holders": [{"id": "h", "credentials": [], "credits": '
            b'[{"id": "k", "completed": "2025-01-01", "hours": 1.0000000000000000000001}]}]}')
    rc, out, err = run(["validate", write(tmp, "decimals.json", text)])
    common("22 decimals validate", rc, out, err)
    check("22 decimals: refused at holders[0].credits[0].hours",
          rc == 1 and b"holders[0].credits[0].hours" in out + err, (out + err)[:300])

    # 7. A duplicate key names its path.
    text = (b'{"recert": 1, "holders": [{"id": "h", "credentials": [], "credits": '
            b'[{"id": "k", "completed": "2025-01-01", "hours": 1, "hours": 2}]}]}')
    rc, out, err = run(["validate", write(tmp, "dupkey.json", text)])
    common("duplicate key validate", rc, out, err)
    check("duplicate key: the error names holders[0].credits[0].hours",
          rc == 1 and b"holders[0].credits[0].hours" in out + err, (out + err)[:300])

    # 8. A date before 1900 says the range and the end crossed.
    d = doc([{"id": "h", "credentials": [nasm(certified="1899-12-31")]}])
    rc, out, err = run(["validate", write(tmp, "d1899.json", d)])
    common("date 1899 validate", rc, out, err)
    check("date 1899: the message gives the supported range, not 'beyond 9999'",
          rc == 1 and b"1900-01-01" in out + err and b"beyond 9999" not in out + err,
          (out + err)[:300])

    # 10. Worst cases for the size of the report.
    many = 200 if QUICK else 1000
    long_unit = "U" * 60
    pols = []
    for i in range(many):
        pols.append({"recert": 1, "id": f"p{i}", "organization": "O" * 4000, "name": "N" * 4000,
                     "source": "S" * 8000, "currency": "USD",
                     "unit": {"name": f"{long_unit}{i}", "per_hour": 1},
                     "cycle": {"years": 2, "expires": "anniversary"}, "credits_required": 10})
    holders = [{"id": f"h{i}", "credentials": [{"id": "c", "policy": f"p{i}",
                                                "certified": "2025-01-01"}]} for i in range(many)]
    d = doc(holders, policies=pols)
    rc, rep, err, path = evaluate_json(tmp, "many-policies", d)
    if rc == 0:
        rc2, _, _ = run(["evaluate", "--json", "--as-of", AS_OF, path],
                        stdout_path=os.path.join(tmp, "report.json"))
        ins, outs = os.path.getsize(path), os.path.getsize(os.path.join(tmp, "report.json"))
        check(f"many-policies: report {outs} bytes <= {REPORT_FACTOR} x input {ins} + 1 MiB",
              outs <= REPORT_FACTOR * ins + REPORT_SLACK)
    # many credentials and credits in one holder
    ncred = 64
    nk = 1000 if QUICK else 10000
    h = {"id": "h", "credentials": [nasm(f"c{i}") for i in range(ncred)],
         "credits": [credit(f"k{i}", completed="2019-01-01") for i in range(nk)]}
    d = doc([h])
    path = write(tmp, "cross.json", d)
    rc, _, err = run(["evaluate", "--json", "--as-of", AS_OF, path],
                     stdout_path=os.path.join(tmp, "report.json"))
    common("credentials x credits evaluate --json", rc, b"", err, human=False)
    if rc == 0:
        ins, outs = os.path.getsize(path), os.path.getsize(os.path.join(tmp, "report.json"))
        check(f"credentials x credits: report {outs} bytes <= {REPORT_FACTOR} x input {ins} + 1 MiB",
              outs <= REPORT_FACTOR * ins + REPORT_SLACK)
    else:
        check("credentials x credits: a refusal is a limit with a path", b"holders[0]" in err, err[:300])

    # 14. Write errors: every subcommand, and --ndjson.
    ok_path = write(tmp, "ok.json", doc([{"id": "h", "credentials": [
        nasm(application={"received": "2026-01-10"})], "credits": [credit("k1")]}]))
    nd_path = write(tmp, "ok.ndjson", (json.dumps(doc([{"id": "h", "credentials": [nasm()]}]))
                                       + "\n") .encode() * 50)
    for cmd in (["evaluate", "--as-of", AS_OF, ok_path], ["evaluate", "--json", "--as-of", AS_OF, ok_path],
                ["evaluate", "--ndjson", "--as-of", AS_OF, nd_path], ["validate", ok_path],
                ["explain", "--as-of", AS_OF, ok_path, "h", "nasm"], ["policies"],
                ["policies", "nasm-cpt"], ["calendar", "--as-of", AS_OF, ok_path],
                ["audit", "--rate", "1", "--seed", "1", ok_path]):
        if not os.path.exists("/dev/full"):
            break
        rc, out, err = run(cmd, stdout_path="/dev/full")
        common(f"{' '.join(cmd[:2])} > /dev/full", rc, out, err, allowed=(3,))
        check(f"{' '.join(cmd[:2])} > /dev/full: says 'write error'", b"write error" in err, err[:300])

    # 15. Terminal escapes from the input never reach the terminal raw.
    esc = "\u001b]0;owned\u0007\u001b[2J\u009b31m"
    d = doc([{"id": "h" + esc, "name": "Name" + esc,
              "credentials": [nasm("c" + esc)], "credits": [credit("k" + esc)], "x-" + esc: 1}])
    path = write(tmp, "esc.json", d)
    bad = doc([{"id": "h", "credentials": [nasm(policy="p" + esc)], "nam" + esc: 1}])
    bad_path = write(tmp, "esc-bad.json", bad)
    for cmd in (["validate", bad_path], ["evaluate", "--as-of", AS_OF, bad_path],
                ["validate", path], ["evaluate", "--as-of", AS_OF, path],
                ["explain", "--as-of", AS_OF, path, "h" + esc, "c" + esc]):
        rc, out, err = run(cmd)
        common(f"escapes {' '.join(cmd[:1])} {os.path.basename(cmd[-1])[:12]!r}", rc, out, err)

    # 8b. --ndjson errors give the line number.
    lines = [json.dumps(doc([{"id": f"h{i}", "credentials": [nasm()]}])) for i in range(5)]
    lines[2] = '{"recert": 1, "holders": [{"id": "h2", "credentials": [], "bad": 1}]}'
    lines[4] = '{"id": "h4",  "credentials": [],}'   # a bare holder, not JSON at column 33 (the "}")
    nd = write(tmp, "bad.ndjson", ("\n".join(lines) + "\n").encode())
    rc, out, err = run(["evaluate", "--ndjson", "--as-of", AS_OF, nd])
    common("ndjson with bad lines 3 and 5", rc, out, err, human=False)
    out_lines = out.decode("utf-8", "replace").splitlines()
    check("ndjson with bad lines 3 and 5: exit 1, one output line each, errors on lines 3 and 5",
          rc == 1 and len(out_lines) == 5 and '"line":3' in out_lines[2] and '"line":5' in out_lines[4],
          (out + err)[:600])
    check("ndjson: a parse error gives the line and the column in that line",
          len(out_lines) == 5 and "line 5, column 33" in out_lines[4], out_lines[4:5])

    # 16. --ndjson on a file that does not exist: an error, no leak report.
    rc, out, err = run(["evaluate", "--ndjson", "--as-of", AS_OF, os.path.join(tmp, "missing")])
    common("ndjson missing file", rc, out, err)
    check("ndjson missing file: exit 1", rc == 1, err[:300])

    for i, (name, ok, detail) in enumerate(results, 1):
        print(f"{'ok' if ok else 'not ok'} {i} - {name}")
        if not ok and detail:
            for line in str(detail).splitlines()[:10]:
                print(f"#   {line}")
    print(f"1..{len(results)}")
    return 0 if all(ok for _, ok, _ in results) else 1


if __name__ == "__main__":
    sys.exit(main())
