#!/bin/bash
# recert writes valid UTF-8 (docs/format.md "Errors": texts are cut at
# character boundaries): documents whose long multi-byte strings (2-, 3- and
# 4-byte characters, at every alignment against each cut) put a cut inside
# a character, run through validate, evaluate (table, --json, --ndjson),
# explain, calendar and policies. Every byte of standard output and
# standard error must decode as UTF-8; a bad document exits 1 with its own
# error (never "out of memory"); a valid one exits 0.
#
# usage: utf8.sh RECERT
set -u

if [ $# -ne 1 ]; then
    echo "usage: $0 RECERT" >&2
    exit 2
fi
RECERT=$1
PY=${PYTHON:-python3}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
export LC_ALL=C

pass=0
fail=0
ok() {
    echo "ok - $1"
    pass=$((pass + 1))
}
notok() {
    echo "FAIL - $1"
    fail=$((fail + 1))
}

# The documents: bad-W-P.json (an unknown member with a 2000-byte name, an
# unknown policy id of 65,532 bytes, a value of 200 bytes where a number
# belongs) and good-W-P.json (a valid document whose ids, unit, currency and
# category ids are long enough to be cut in notices, cells and lines), for
# each character width W and ASCII pad P of 0..3 bytes.
"$PY" - "$TMP" <<'EOF' || { echo "FAIL - cannot write the documents"; exit 1; }
import json, sys
out = sys.argv[1]
chars = ["\u00e9", "\u20ac", "\U0001F600"]
def rep(pad, ch, n):
    w = len(ch.encode())
    return "k" * pad + ch * -(-(n - pad) // w)
for w, ch in enumerate(chars):
    for pad in range(4):
        bad = {"recert": 1, "holders": [
            {"id": "h1", rep(pad, ch, 2000): 1},
            {"id": "h2", "credentials": [{"id": "c", "policy": rep(pad, ch, 65532), "certified": "2024-01-10"}]},
            {"id": "h3", "credits": [{"id": "k", "completed": "2025-01-01", "hours": rep(pad, ch, 200)}]},
        ]}
        policy = lambda pid, unit, cur, cats: {
            "id": pid, "organization": "O", "name": rep(pad, ch, 300), "currency": cur,
            "unit": {"name": unit, "per_hour": 0.1}, "cycle": {"years": 2, "expires": "anniversary"},
            "credits_required": 1.9, "unapproved_credits": "petition",
            "fees": {"petition_cents": 2500, "renewal_cents": 9900},
            "late_windows": [{"tier": rep(pad, ch, 28), "through": {"days": 90}, "fee_cents": 3000}],
            "final_deadline": {"years": 1, "days": -1},
            "categories": cats}
        # units, currencies, tiers and category ids: at most 32 bytes (issue 13)
        cat = rep(pad, ch, 28)
        good = {"recert": 1,
                "policies": [policy("a", rep(pad, ch, 28), rep(pad, ch, 28), []),
                             policy("b", "CEU", "USD", [{"id": cat, "max": 0}, {"id": "m" + cat, "min": 1.0}])],
                "holders": [{"id": rep(pad, ch, 600), "name": rep(pad, ch, 600),
                             "credentials": [{"id": "ca", "policy": "a", "certified": "2024-01-10"},
                                             {"id": "cb", "policy": "b", "certified": "2024-01-10"}],
                             "credits": [
                                 {"id": rep(pad, ch, 600), "completed": "2025-01-05", "hours": 1,
                                  "approval": "not_preapproved"},
                                 {"id": "k2", "completed": "2025-01-05", "hours": 4, "approval": "not_preapproved",
                                  "petition": {"filed": "2025-01-06", "status": "pending"}},
                                 {"id": "k3", "completed": "2025-01-05", "amount": 1, "unit": "hours",
                                  "category": cat}]}]}
        for name, doc in (("bad", bad), ("good", good)):
            with open(f"{out}/{name}-{w}-{pad}.json", "w", encoding="utf-8") as f:
                json.dump(doc, f, ensure_ascii=False)
            with open(f"{out}/{name}-{w}-{pad}.ndjson", "w", encoding="utf-8") as f:
                f.write(json.dumps(doc, ensure_ascii=False) + "\n")
        with open(f"{out}/holder-{w}-{pad}", "w", encoding="utf-8") as f:
            f.write(good["holders"][0]["id"])
        with open(f"{out}/policies-{w}-{pad}.json", "w", encoding="utf-8") as f:
            json.dump(good["policies"], f, ensure_ascii=False)
EOF

# run NAME STATUS CMD...: CMD exits with STATUS and does not say "out of
# memory"; its output is kept for the UTF-8 check at the end (one python3
# for all of them).
n=0
run() {
    local name=$1 want=$2
    shift 2
    n=$((n + 1))
    "$@" >"$TMP/out.$n" 2>"$TMP/err.$n"
    local got=$?
    printf '%s\t%s\n' "$n" "$name" >>"$TMP/runs"
    if [ "$got" -ne "$want" ]; then
        notok "$name: exit $got, expected $want ($(head -c 200 "$TMP/err.$n"))"
    elif grep -q "out of memory" "$TMP/out.$n" "$TMP/err.$n"; then
        notok "$name: says out of memory"
    else
        ok "$name"
    fi
}

for w in 0 1 2; do
    for pad in 0 1 2 3; do
        bad=$TMP/bad-$w-$pad.json
        good=$TMP/good-$w-$pad.json
        run "validate bad $w/$pad" 1 "$RECERT" validate "$bad"
        # the real errors, one a line: the three holders' errors
        if grep -q "holders\[0\]\..*: unknown member" "$TMP/out.$n" &&
            grep -q "holders\[1\]\.credentials\[0\]\.policy: unknown policy" "$TMP/out.$n" &&
            grep -q "holders\[2\]\.credits\[0\]\.hours: expected a number" "$TMP/out.$n"; then
            ok "validate bad $w/$pad: lists the document's errors"
        else
            notok "validate bad $w/$pad: lists the document's errors"
        fi
        run "evaluate bad $w/$pad" 1 "$RECERT" evaluate --as-of 2025-06-01 "$bad"
        if grep -q "unknown member" "$TMP/err.$n"; then
            ok "evaluate bad $w/$pad: says the first error"
        else
            notok "evaluate bad $w/$pad: says the first error"
        fi
        run "evaluate --json bad $w/$pad" 1 "$RECERT" evaluate --json --as-of 2025-06-01 "$bad"
        run "evaluate --ndjson bad $w/$pad" 1 "$RECERT" evaluate --ndjson --as-of 2025-06-01 "$TMP/bad-$w-$pad.ndjson"

        run "validate good $w/$pad" 0 "$RECERT" validate "$good"
        run "evaluate good $w/$pad" 0 "$RECERT" evaluate --as-of 2025-06-01 "$good"
        run "evaluate --json good $w/$pad" 0 "$RECERT" evaluate --json --as-of 2025-06-01 "$good"
        run "evaluate --ndjson good $w/$pad" 0 "$RECERT" evaluate --ndjson --as-of 2025-06-01 "$TMP/good-$w-$pad.ndjson"
        holder=$(cat "$TMP/holder-$w-$pad")
        for c in ca cb; do
            run "explain good $w/$pad $c" 0 "$RECERT" explain --as-of 2025-06-01 "$good" "$holder" "$c"
        done
        run "calendar good $w/$pad" 0 "$RECERT" calendar --as-of 2025-06-01 "$good"
        run "policies $w/$pad" 0 "$RECERT" policies --policies "$TMP/policies-$w-$pad.json" a
        run "policies list $w/$pad" 0 "$RECERT" policies --policies "$TMP/policies-$w-$pad.json"
    done
done

# Every byte of every output decodes as UTF-8 (Python's decoder is strict:
# no surrogates, no overlong forms).
while IFS= read -r line; do
    case $line in
    ok*) ok "${line#ok }" ;;
    *) notok "${line#bad }" ;;
    esac
done < <("$PY" - "$TMP" <<'EOF'
import sys
tmp = sys.argv[1]
for line in open(f"{tmp}/runs", encoding="utf-8"):
    n, name = line.rstrip("\n").split("\t", 1)
    for stream, what in (("out", "standard output"), ("err", "standard error")):
        try:
            open(f"{tmp}/{stream}.{n}", "rb").read().decode("utf-8")
            print(f"ok {name}: {what} is UTF-8")
        except UnicodeDecodeError as e:
            print(f"bad {name}: {what} is not UTF-8 ({e})")
EOF
)

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
