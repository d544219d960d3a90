#!/bin/bash
# The command-line tool's tests.
#
# usage: run.sh RECERT TESTS_DATA_DIR
#
# Runs every subcommand of recert, checks exit statuses (0 success, 1 bad
# input, 2 usage error), evaluates the worked examples in
# TESTS_DATA_DIR/examples and compares the report with the expected one
# (compare.py: amounts as exact decimals), compares the table of one example
# with golden output, and has the calendar parsed by python3-icalendar when
# it is installed. One line per check; the last line is "N passed, M failed".
set -u

if [ $# -ne 2 ]; then
    echo "usage: $0 RECERT TESTS_DATA_DIR" >&2
    exit 2
fi
RECERT=$1
DATA=$2
HERE=$(cd "$(dirname "$0")" && pwd)
GOLDEN=$HERE/golden
EXAMPLES=$DATA/examples
PY=${PYTHON:-python3}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
export LC_ALL=C
unset NO_COLOR

pass=0
fail=0

ok() {
    echo "ok - $1"
    pass=$((pass + 1))
}

notok() {
    echo "FAIL - $1"
    if [ $# -gt 1 ] && [ -n "$2" ]; then
        printf '%s\n' "$2" | head -n 20 | sed 's/^/    /'
    fi
    fail=$((fail + 1))
}

# run CMD...: stdout in $TMP/out, stderr in $TMP/err, status in $rc.
run() {
    "$@" >"$TMP/out" 2>"$TMP/err"
    rc=$?
}

# expect_rc NAME STATUS: the last run's exit status.
expect_rc() {
    if [ "$rc" -eq "$2" ]; then
        ok "$1 (exit $2)"
    else
        notok "$1: exit $rc, expected $2" "$(cat "$TMP/err")"
    fi
}

# expect_grep NAME FILE PATTERN (extended regex)
expect_grep() {
    if grep -Eq -- "$3" "$2"; then
        ok "$1"
    else
        notok "$1: no line matches /$3/" "$(cat "$2")"
    fi
}

# A records document of an example, as a file.
records_of() {
    "$PY" -c 'import json,sys; print(json.dumps(json.load(open(sys.argv[1]))["records"], indent=1))' "$1"
}
as_of_of() {
    "$PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))["as_of"])' "$1"
}

# ---- the tool ------------------------------------------------------------------

run "$RECERT" --version
expect_rc "--version" 0
expect_grep "--version prints recert X.Y.Z" "$TMP/out" '^recert [0-9]+\.[0-9]+\.[0-9]+$'

run "$RECERT" --help
expect_rc "--help" 0
expect_grep "--help shows the usage" "$TMP/out" '^usage: recert'
expect_grep "--help lists the commands" "$TMP/out" 'calendar'

run "$RECERT"
expect_rc "no command is a usage error" 2
expect_grep "no command prints the usage" "$TMP/err" '^usage: recert'

run "$RECERT" frobnicate
expect_rc "unknown command" 2

run "$RECERT" --frobnicate
expect_rc "unknown option before the command" 2

for cmd in evaluate validate policies calendar explain audit; do
    run "$RECERT" "$cmd" --help
    expect_rc "$cmd --help" 0
    expect_grep "$cmd --help shows its usage" "$TMP/out" "^usage: recert $cmd"
done

run "$RECERT" help validate
expect_rc "help validate" 0
expect_grep "help validate is validate --help" "$TMP/out" '^usage: recert validate'

run "$RECERT" --help
expect_grep "--help lists explain" "$TMP/out" '^  explain '

# ---- evaluate: usage and bad input -------------------------------------------

EX1=$EXAMPLES/01-nasm-eligible-on-time.json
records_of "$EX1" >"$TMP/ex1.json"
AS1=$(as_of_of "$EX1")

run "$RECERT" evaluate
expect_rc "evaluate without a file" 2
expect_grep "evaluate without a file prints the usage" "$TMP/err" '^usage: recert evaluate'

run "$RECERT" evaluate --frobnicate "$TMP/ex1.json"
expect_rc "evaluate with an unknown option" 2

run "$RECERT" evaluate "$TMP/ex1.json" "$TMP/ex1.json"
expect_rc "evaluate with two files" 2

for bad in 2025-02-30 2025-1-1 tomorrow 1899-12-31 ""; do
    run "$RECERT" evaluate --as-of "$bad" --json "$TMP/ex1.json"
    expect_rc "evaluate --as-of '$bad'" 2
done

run "$RECERT" evaluate --as-of
expect_rc "evaluate --as-of without a value" 2

run "$RECERT" evaluate --json "$TMP/does-not-exist.json"
expect_rc "evaluate a missing file" 1
expect_grep "a missing file is named" "$TMP/err" "^recert: $TMP/does-not-exist.json: "

cat >"$TMP/bad-date.json" <<'EOF'
{"recert": 1, "holders": [{"id": "h1", "credentials": [],
  "credits": [{"id": "k1", "completed": "2025-02-30", "hours": 1}]}]}
EOF
run "$RECERT" evaluate --as-of 2026-01-01 --json "$TMP/bad-date.json"
expect_rc "evaluate an invalid document" 1
expect_grep "the error names the file and the path" "$TMP/err" \
    "^recert: $TMP/bad-date.json: holders\\[0\\]\\.credits\\[0\\]\\.completed: .*2025-02-30"
if [ -s "$TMP/out" ]; then notok "nothing on standard output after an error" "$(cat "$TMP/out")"; else ok "nothing on standard output after an error"; fi

run "$RECERT" evaluate --as-of 2026-01-01 --json - <"$TMP/bad-date.json"
expect_rc "evaluate an invalid document from standard input" 1
expect_grep "standard input is named <stdin>" "$TMP/err" '^recert: <stdin>: holders\[0\]'

printf '{"recert": 1, "holders": [' >"$TMP/not-json.json"
run "$RECERT" evaluate --as-of 2026-01-01 "$TMP/not-json.json"
expect_rc "evaluate text that is not JSON" 1

run "$RECERT" evaluate --as-of 2026-01-01 --json "$TMP/bad-date.json" --status late
expect_rc "--status with --json is a usage error" 2

# ---- evaluate: the worked examples ------------------------------------------

for ex in "$EXAMPLES"/*.json; do
    name=$(basename "$ex" .json)
    records_of "$ex" >"$TMP/records.json"
    day=$(as_of_of "$ex")
    run "$RECERT" evaluate --as-of "$day" --json "$TMP/records.json"
    if [ "$rc" -ne 0 ]; then
        notok "example $name: exit $rc" "$(cat "$TMP/err")"
        continue
    fi
    if diffs=$("$PY" "$HERE/compare.py" "$ex" "$TMP/out" 2>&1); then
        ok "example $name"
    else
        notok "example $name: report differs" "$diffs"
    fi
done

# Standard input, and --pretty: the same report.
run "$RECERT" evaluate --as-of "$AS1" --json - <"$TMP/ex1.json"
expect_rc "evaluate from standard input" 0
cp "$TMP/out" "$TMP/ex1-compact.json"
if diffs=$("$PY" "$HERE/compare.py" "$EX1" "$TMP/out" 2>&1); then ok "standard input gives the expected report"; else notok "standard input report" "$diffs"; fi
if [ "$(wc -l <"$TMP/ex1-compact.json")" -eq 1 ]; then ok "--json is one line"; else notok "--json is one line" "$(head -c 300 "$TMP/ex1-compact.json")"; fi

run "$RECERT" evaluate --as-of "$AS1" --pretty "$TMP/ex1.json"
expect_rc "evaluate --pretty" 0
if [ "$(wc -l <"$TMP/out")" -gt 10 ] &&
    "$PY" -c 'import json,sys; sys.exit(json.load(open(sys.argv[1])) != json.load(open(sys.argv[2])))' \
        "$TMP/out" "$TMP/ex1-compact.json"; then
    ok "--pretty is the same document, indented"
else
    notok "--pretty is the same document, indented" "$(head -n 5 "$TMP/out")"
fi

run "$RECERT" evaluate --json "$TMP/ex1.json"
expect_rc "evaluate without --as-of" 0
today=$(date +%F)
if "$PY" -c 'import json,sys; sys.exit(json.load(open(sys.argv[1]))["as_of"] != sys.argv[2])' "$TMP/out" "$today"; then
    ok "--as-of defaults to today ($today)"
else
    notok "--as-of defaults to today ($today)" "$(head -c 200 "$TMP/out")"
fi

# ---- evaluate: the table -----------------------------------------------------

ngolden=0
for g in "$GOLDEN"/*.txt; do
    [ -e "$g" ] || continue
    case $(basename "$g") in explain-*) continue ;; esac
    ngolden=$((ngolden + 1))
    name=$(basename "$g" .txt)
    if [ -f "$EXAMPLES/$name.json" ]; then
        records_of "$EXAMPLES/$name.json" >"$TMP/golden-records.json"
        day=$(as_of_of "$EXAMPLES/$name.json")
    else
        cp "$HERE/$name.json" "$TMP/golden-records.json"
        day=$(sed -n 's/^as-of: //p' "$HERE/$name.args")
    fi
    NO_COLOR=1 run "$RECERT" evaluate --as-of "$day" "$TMP/golden-records.json"
    if [ "$rc" -ne 0 ]; then
        notok "table $name: exit $rc" "$(cat "$TMP/err")"
    elif diffs=$(diff -u "$g" "$TMP/out"); then
        ok "table $name matches golden/$name.txt"
    else
        notok "table $name differs from golden/$name.txt" "$diffs"
    fi
done
if [ "$ngolden" -ge 2 ]; then ok "golden tables found ($ngolden)"; else notok "golden tables missing in $GOLDEN"; fi

records_of "$EXAMPLES/06-nasm-petitions.json" >"$TMP/ex6.json"
AS6=$(as_of_of "$EXAMPLES/06-nasm-petitions.json")
NO_COLOR=1 run "$RECERT" evaluate --as-of "$AS6" --color always "$TMP/ex6.json"
if grep -q $'\033\[' "$TMP/out"; then ok "--color always colours the table"; else notok "--color always colours the table"; fi
run "$RECERT" evaluate --as-of "$AS6" "$TMP/ex6.json"
if grep -q $'\033\[' "$TMP/out"; then notok "no colour when standard output is not a terminal"; else ok "no colour when standard output is not a terminal"; fi
run "$RECERT" evaluate --as-of "$AS6" --color sometimes "$TMP/ex6.json"
expect_rc "--color sometimes" 2

# Filters, on the roster of tests/cli/roster.json.
ROSTER=$HERE/roster.json
RDAY=$(sed -n 's/^as-of: //p' "$HERE/roster.args")
run "$RECERT" evaluate --as-of "$RDAY" --status late,lapsed "$ROSTER"
expect_rc "--status late,lapsed" 0
if awk 'NR > 1 && $0 !~ / (late|lapsed) / { bad = 1 } END { exit bad || NR < 2 }' "$TMP/out"; then
    ok "--status keeps only late and lapsed rows"
else
    notok "--status keeps only late and lapsed rows" "$(cat "$TMP/out")"
fi
run "$RECERT" evaluate --as-of "$RDAY" --status bogus "$ROSTER"
expect_rc "--status bogus" 2
run "$RECERT" evaluate --as-of "$RDAY" --due-within 60 "$ROSTER"
expect_rc "--due-within 60" 0
if awk -F'  +' 'NR == 1 { for (i = 1; i <= NF; i++) if ($i ~ /DAYS/) col = i; next }
                { n++; if (!($col + 0 <= 60) || $col == "-") bad = 1 } END { exit bad }' "$TMP/out"; then
    ok "--due-within keeps deadlines at most 60 days away"
else
    notok "--due-within keeps deadlines at most 60 days away" "$(cat "$TMP/out")"
fi
run "$RECERT" evaluate --as-of "$RDAY" --due-within soon "$ROSTER"
expect_rc "--due-within soon" 2
run "$RECERT" evaluate --as-of "$RDAY" --holder nobody "$ROSTER"
expect_rc "--holder with an unknown id" 1
first_holder=$("$PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))["holders"][1]["id"])' "$ROSTER")
run "$RECERT" evaluate --as-of "$RDAY" --json --holder "$first_holder" "$ROSTER"
expect_rc "--holder with --json" 0
if "$PY" -c 'import json,sys; d=json.load(open(sys.argv[1])); sys.exit([h["id"] for h in d["holders"]] != [sys.argv[2]])' \
    "$TMP/out" "$first_holder"; then
    ok "--holder --json keeps that holder only"
else
    notok "--holder --json keeps that holder only" "$(head -c 300 "$TMP/out")"
fi
run "$RECERT" evaluate --as-of "$RDAY" --holder "$first_holder" "$ROSTER"
if [ "$rc" -eq 0 ] && [ "$(wc -l <"$TMP/out")" -ge 2 ]; then ok "--holder in the table"; else notok "--holder in the table" "$(cat "$TMP/out" "$TMP/err")"; fi

# The fee column writes the currency once: "$129.00 (late)" in US dollars,
# "129.00 EUR (late)" in others (tests/cli/eur.json: a policy of its own in
# EUR; E = 2026-01-10, late window "late" through E + 60 days).
run "$RECERT" evaluate --as-of 2026-02-01 "$HERE/eur.json"
expect_rc "evaluate a document with a EUR policy" 0
expect_grep "table: 129.00 EUR (late)" "$TMP/out" '  129\.00 EUR \(late\)  '
run "$RECERT" evaluate --as-of "$RDAY" "$ROSTER"
expect_grep "table: \$129.00 (late), no USD" "$TMP/out" '  \$129\.00 \(late\)  '
if grep -q 'USD' "$TMP/out"; then notok "table: no USD after a dollar sign" "$(cat "$TMP/out")"; else ok "table: no USD after a dollar sign"; fi

# ---- explain -----------------------------------------------------------------

# Golden explanations: golden/explain-EXAMPLE.txt for a holder and credential
# of that example, as of its as_of.
for spec in "04-nasm-late-additional h1 nasm" "06-nasm-petitions h1 nasm" "10-acsm-two-renewed-together h1 cpt"; do
    set -- $spec
    name=$1
    records_of "$EXAMPLES/$name.json" >"$TMP/explain-records.json"
    day=$(as_of_of "$EXAMPLES/$name.json")
    run "$RECERT" explain --as-of "$day" "$TMP/explain-records.json" "$2" "$3"
    if [ "$rc" -ne 0 ]; then
        notok "explain $name $2 $3: exit $rc" "$(cat "$TMP/err")"
    elif diffs=$(diff -u "$GOLDEN/explain-$name.txt" "$TMP/out"); then
        ok "explain $name $2 $3 matches golden/explain-$name.txt"
    else
        notok "explain $name $2 $3 differs from golden/explain-$name.txt" "$diffs"
    fi
done

# The late NASM credential, as of 2026-12-01: S = 2024-06-30, E = S + 2 years
# = 2026-06-30, no application so R = T = 2026-12-01, after E + 90 days =
# 2026-09-28 (the end of window "late") and by the final deadline
# E + 1 year - 1 day = 2027-06-29: tier late_additional, $99 + $50 = $149.
records_of "$EXAMPLES/04-nasm-late-additional.json" >"$TMP/ex4.json"
run "$RECERT" explain --as-of 2026-12-01 "$TMP/ex4.json" h1 nasm
expect_rc "explain the late NASM credential" 0
tr -s ' \n' '  ' <"$TMP/out" >"$TMP/flat"
expect_grep "explain: the fee is \$99 + \$50 = \$149" "$TMP/flat" 'total: \$99\.00 \+ \$50\.00 = \$149\.00'
expect_grep "explain: why the tier is late_additional" "$TMP/flat" \
    'tier late_additional: R = 2026-12-01 is after E \+ 90 days = 2026-09-28 .* final deadline E \+ 1 year - 1 day = 2027-06-29'
expect_grep "explain: E is computed from S" "$TMP/flat" 'E = 2026-06-30: no expires given; computed by the anniversary rule: S \+ 2 years'
expect_grep "explain: the credit window" "$TMP/flat" '= 2024-06-30 \.\. 2026-09-28\.'

# Standard input, and the default --as-of (today).
run "$RECERT" explain --as-of 2026-12-01 - h1 nasm <"$TMP/ex4.json"
if [ "$rc" -eq 0 ] && cmp -s "$TMP/out" "$GOLDEN/explain-04-nasm-late-additional.txt"; then
    ok "explain from standard input"
else
    notok "explain from standard input" "$(cat "$TMP/err")"
fi
run "$RECERT" explain "$TMP/ex4.json" h1 nasm
expect_rc "explain without --as-of" 0
expect_grep "explain: --as-of defaults to today" "$TMP/out" "as of $(date +%F)\$"

# A late window in the middle (tests/cli/eur.json): R = 2026-04-01 is after
# E + 60 days = 2026-03-11 and by E + 4 months = 2026-05-10.
run "$RECERT" explain --as-of 2026-04-01 "$HERE/eur.json" e1 pt
tr -s ' \n' '  ' <"$TMP/out" >"$TMP/flat"
expect_grep "explain: a middle late window" "$TMP/flat" \
    'tier later: R = 2026-04-01 is after E \+ 60 days = 2026-03-11 \(the end of the "late" window\) and by E \+ 4 months = 2026-05-10'
expect_grep "explain: money in EUR" "$TMP/flat" 'total: 99\.00 EUR \+ 40\.00 EUR = 139\.00 EUR'

# Errors.
run "$RECERT" explain --as-of 2026-12-01 "$TMP/ex4.json" nobody nasm
expect_rc "explain an unknown holder" 1
expect_grep "explain names the unknown holder" "$TMP/err" 'no holder with id "nobody"'
run "$RECERT" explain --as-of 2026-12-01 "$TMP/ex4.json" h1 acsm
expect_rc "explain an unknown credential" 1
expect_grep "explain names the unknown credential" "$TMP/err" 'holder "h1" has no credential "acsm"'
if [ -s "$TMP/out" ]; then notok "explain: nothing on standard output after an error" "$(cat "$TMP/out")"; else ok "explain: nothing on standard output after an error"; fi
run "$RECERT" explain --as-of 2026-12-01 "$TMP/ex4.json" h1
expect_rc "explain without a credential" 2
run "$RECERT" explain
expect_rc "explain without arguments" 2
run "$RECERT" explain --as-of 2026-12-01 "$TMP/ex4.json" h1 nasm extra
expect_rc "explain with too many arguments" 2
run "$RECERT" explain --as-of 2026-02-30 "$TMP/ex4.json" h1 nasm
expect_rc "explain with a bad --as-of" 2
run "$RECERT" explain --verbose "$TMP/ex4.json" h1 nasm
expect_rc "explain with an unknown option" 2
run "$RECERT" explain --as-of 2026-12-01 "$TMP/bad-date.json" h1 nasm
expect_rc "explain an invalid document" 1
expect_grep "explain: the error names the path" "$TMP/err" 'holders\[0\]\.credits\[0\]\.completed'

# ---- validate ----------------------------------------------------------------

run "$RECERT" validate "$TMP/ex1.json"
expect_rc "validate a valid document" 0
if [ "$(cat "$TMP/out")" = "$TMP/ex1.json: valid" ]; then ok "validate prints FILE: valid"; else notok "validate prints FILE: valid" "$(cat "$TMP/out")"; fi

run "$RECERT" validate - <"$TMP/ex1.json"
expect_rc "validate standard input" 0
expect_grep "validate names standard input" "$TMP/out" '^<stdin>: valid$'

cat >"$TMP/two-errors.json" <<'EOF'
{"recert": 1, "holders": [{"id": "h1",
  "credentials": [{"id": "n", "policy": "nasm-cpt", "certified": "2024-01-01", "expries": "2026-01-01"}],
  "credits": [{"id": "k1", "completed": "2025-02-30", "hours": 1}]}]}
EOF
run "$RECERT" validate "$TMP/two-errors.json"
expect_rc "validate an invalid document" 1
if [ "$(wc -l <"$TMP/out")" -eq 2 ]; then ok "validate lists both errors"; else notok "validate lists both errors" "$(cat "$TMP/out")"; fi
expect_grep "validate: the unknown member, first" "$TMP/out" "^$TMP/two-errors.json: holders\\[0\\]\\.credentials\\[0\\]\\.expries: "
expect_grep "validate: the bad date" "$TMP/out" "^$TMP/two-errors.json: holders\\[0\\]\\.credits\\[0\\]\\.completed: "
if head -n 1 "$TMP/out" | grep -q expries; then ok "validate keeps document order"; else notok "validate keeps document order" "$(cat "$TMP/out")"; fi

run "$RECERT" validate "$TMP/not-json.json"
expect_rc "validate text that is not JSON" 1
if [ -s "$TMP/out" ]; then ok "validate reports the parse error"; else notok "validate reports the parse error" "$(cat "$TMP/err")"; fi

run "$RECERT" validate
expect_rc "validate without a file" 2
run "$RECERT" validate --strict "$TMP/ex1.json"
expect_rc "validate with an unknown option" 2
run "$RECERT" validate "$TMP/does-not-exist.json"
expect_rc "validate a missing file" 1

# ---- policies ----------------------------------------------------------------

run "$RECERT" policies
expect_rc "policies" 0
expect_grep "policies: the header" "$TMP/out" '^ID +ORGANIZATION +NAME +CYCLE +REQUIRED +RENEWAL FEE$'
expect_grep "policies: nasm-cpt" "$TMP/out" '^nasm-cpt +NASM +NASM Certified Personal Trainer +2 years, anniversary +2\.0 CEU \(1\.9 \+ 0\.1 CPR/AED\) +\$99\.00$'
expect_grep "policies: acsm-ep" "$TMP/out" '^acsm-ep +ACSM .* 3 years, Dec 31 +60\.0 CEC +\$55\.00$'
if [ "$(wc -l <"$TMP/out")" -eq 10 ]; then ok "policies: nine built-in policies"; else notok "policies: nine built-in policies" "$(cat "$TMP/out")"; fi

run "$RECERT" policies --json
expect_rc "policies --json" 0
if "$PY" -c '
import json, sys
d = json.load(open(sys.argv[1]))
ids = [p["id"] for p in d]
sys.exit(ids != ["nasm-cpt", "acsm-gei", "acsm-cpt", "acsm-ep", "acsm-cep", "acsm-rcep", "acsm-cift", "acsm-cet", "acsm-paphs"])
' "$TMP/out"; then ok "policies --json: the nine policy documents in order"; else notok "policies --json" "$(head -c 300 "$TMP/out")"; fi

run "$RECERT" policies nasm-cpt
expect_rc "policies nasm-cpt" 0
expect_grep "policies nasm-cpt: the renewal fee" "$TMP/out" '^renewal fee: +\$99\.00$'
expect_grep "policies nasm-cpt: the late windows" "$TMP/out" 'late, \$30\.00, through E \+ 90 days$'
expect_grep "policies nasm-cpt: the last late window" "$TMP/out" 'late_additional, \$50\.00, through the final deadline$'
expect_grep "policies nasm-cpt: the final deadline" "$TMP/out" 'final deadline: *E \+ 1 year - 1 day$'

# --policies FILE (every command): examples/policies/acsm-current.json puts
# the 2022 terms over the built-in ACSM policies as a dated version. An
# acsm-cpt credential certified 2022-06-01 (S 2022-06-01, E 2025-12-31 >=
# 2022-01-01: the version) evaluated 2026-03-01 with 45 CEC done in the
# cycle: T > E, met, T <= E + 6 months = 2026-06-30: late, $60 + $80.
# Without the file: the source's terms have no late window, so the final
# deadline is E < T: lapsed, closed, although the credits are met.
POLDIR="$DATA/../../examples/policies"
cat >"$TMP/acsm.json" <<'JSON'
{"recert":1,"holders":[{"id":"h1","cpr_aed":{"completed":"2025-01-10","expires":"2027-01-10"},
 "credentials":[{"id":"c1","policy":"acsm-cpt","certified":"2022-06-01"}],
 "credits":[{"id":"k1","completed":"2024-05-01","amount":45,"unit":"cec"}]}]}
JSON
run "$RECERT" evaluate --policies "$POLDIR/acsm-current.json" --as-of 2026-03-01 --json "$TMP/acsm.json"
expect_rc "evaluate --policies acsm-current.json" 0
expect_grep "--policies: the 2022 version applies" "$TMP/out" '"policy_effective":"2022-01-01"'
expect_grep "--policies: late with the version's fees" "$TMP/out" '"status":"late".*"tier":"late","renewal_cents":6000,"late_cents":8000,"total_cents":14000'
run "$RECERT" evaluate --as-of 2026-03-01 --json "$TMP/acsm.json"
expect_grep "without --policies: the source's terms" "$TMP/out" '"status":"lapsed".*"tier":"closed"'
run "$RECERT" evaluate --as-of 2026-03-01 --json "$TMP/acsm.json" --policies="$POLDIR/acsm-current.json"
expect_grep "--policies=FILE after the file" "$TMP/out" '"policy_effective":"2022-01-01"'
run "$RECERT" validate --policies "$POLDIR/nsca-cscs.json" "$TMP/acsm.json"
expect_rc "validate --policies" 0
run "$RECERT" evaluate --policies "$TMP/missing.json" "$TMP/acsm.json"
expect_rc "--policies: a missing file" 1
echo '{"id":"x"}' >"$TMP/badpol.json"
run "$RECERT" evaluate --policies "$TMP/badpol.json" "$TMP/acsm.json"
expect_rc "--policies: an invalid policy" 1
expect_grep "--policies: the error names the file and the member" "$TMP/err" 'badpol.json: organization: missing member'
run "$RECERT" evaluate "$TMP/acsm.json" --policies
expect_rc "--policies without a file" 2
run "$RECERT" explain --policies "$POLDIR/acsm-current.json" --as-of 2026-03-01 "$TMP/acsm.json" h1 c1
expect_rc "explain --policies" 0
expect_grep "explain names the version in force" "$TMP/out" "version effective 2022-01-01"
expect_grep "explain reads the version's final deadline" "$TMP/out" 'final deadline 2026-06-30: E \+ 6 months'

run "$RECERT" policies --json acsm-cpt
expect_rc "policies --json acsm-cpt" 0
if "$PY" -c 'import json,sys; d=json.load(open(sys.argv[1])); sys.exit(d["id"] != "acsm-cpt" or d["fees"]["renewal_cents"] != 4500)' "$TMP/out"; then
    ok "policies --json acsm-cpt: its document"
else
    notok "policies --json acsm-cpt: its document" "$(head -c 300 "$TMP/out")"
fi
run "$RECERT" policies --pretty acsm-cpt
if [ "$rc" -eq 0 ] && [ "$(wc -l <"$TMP/out")" -gt 5 ]; then ok "policies --pretty"; else notok "policies --pretty" "$(cat "$TMP/err")"; fi

run "$RECERT" policies no-such-policy
expect_rc "policies with an unknown id" 1
run "$RECERT" policies --frobnicate
expect_rc "policies with an unknown option" 2

# ---- calendar ----------------------------------------------------------------

run "$RECERT" calendar --as-of "$RDAY" --remind 90,30,7 "$ROSTER"
expect_rc "calendar" 0
cp "$TMP/out" "$TMP/cal.ics"
# Golden calendar: the same deadlines, UIDs and reminders from one run to the
# next (calendar apps update instead of duplicating).
if diffs=$(diff "$GOLDEN/calendar-roster.ics" "$TMP/cal.ics" 2>&1); then
    ok "calendar matches golden/calendar-roster.ics"
else
    notok "calendar differs from golden/calendar-roster.ics" "$diffs"
fi
if [ "$(head -c 17 "$TMP/cal.ics" | tr '\r\n' 'RN')" = "BEGIN:VCALENDARRN" ]; then ok "calendar: BEGIN:VCALENDAR"; else notok "calendar: BEGIN:VCALENDAR" "$(head -n 2 "$TMP/cal.ics")"; fi
if "$PY" - "$TMP/cal.ics" <<'EOF'
import sys
data = open(sys.argv[1], "rb").read()
assert data.endswith(b"END:VCALENDAR\r\n"), "ends with END:VCALENDAR CRLF"
lines = data.split(b"\r\n")[:-1]
assert all(b"\n" not in l and b"\r" not in l for l in lines), "bare LF or CR"
assert all(len(l) <= 75 for l in lines), "a line over 75 octets"
# Unfold, then check the structure.
logical = []
for l in lines:
    if l.startswith(b" "):
        logical[-1] += l[1:]
    else:
        logical.append(l)
text = [l.decode("utf-8") for l in logical]
uids = [l for l in text if l.startswith("UID:")]
assert len(uids) == len(set(uids)), "duplicate UIDs"
assert len(uids) == text.count("BEGIN:VEVENT") > 0, "one UID per event"
assert all(u.endswith("@librecert") for u in uids), "UIDs end with @librecert"
assert text.count("BEGIN:VALARM") == 3 * len(uids), "three alarms per event"
assert "TRIGGER:-P90D" in text and "TRIGGER:-P7D" in text
starts = [l for l in text if l.startswith("DTSTART")]
assert all(l.startswith("DTSTART;VALUE=DATE:") for l in starts), "all-day events"
EOF
then ok "calendar: CRLF, folded at 75 octets, unique UIDs, alarms"; else notok "calendar: structure"; fi

# Every event is on or after the evaluation day.
if "$PY" - "$TMP/cal.ics" "$RDAY" <<'EOF'
import sys
day = sys.argv[2].replace("-", "")
text = open(sys.argv[1], "rb").read().decode().replace("\r\n ", "").split("\r\n")
starts = [l.split(":")[1] for l in text if l.startswith("DTSTART")]
sys.exit(not starts or min(starts) < day)
EOF
then ok "calendar: no deadline before the evaluation day"; else notok "calendar: a deadline before the evaluation day"; fi

run "$RECERT" calendar --as-of "$RDAY" --remind 90,30,7 "$ROSTER"
if cmp -s "$TMP/out" "$TMP/cal.ics"; then ok "calendar: the same input gives the same file"; else notok "calendar: output is not stable"; fi

run "$RECERT" calendar --as-of "$RDAY" --remind none "$ROSTER"
if [ "$rc" -eq 0 ] && ! grep -q VALARM "$TMP/out"; then ok "calendar --remind none"; else notok "calendar --remind none"; fi

# Text escaping: a name with a comma, a semicolon and a backslash, and a long
# name with multi-byte characters to fold.
cat >"$TMP/escape.json" <<'EOF'
{"recert": 1, "holders": [{"id": "h;1", "name": "Doe, Jane; \"JD\" \\ Ünïcödé Ünïcödé Ünïcödé Ünïcödé Ünïcödé Ünïcödé",
  "cpr_aed": {"completed": "2025-01-15", "expires": "2027-01-15"},
  "credentials": [{"id": "nasm", "policy": "nasm-cpt", "certified": "2022-06-30", "cycle_start": "2024-06-30"}]}]}
EOF
run "$RECERT" calendar --as-of 2026-05-01 "$TMP/escape.json"
expect_rc "calendar with text to escape" 0
cp "$TMP/out" "$TMP/escape.ics"
if "$PY" - "$TMP/escape.ics" <<'EOF'
import sys
data = open(sys.argv[1], "rb").read()
lines = data.split(b"\r\n")[:-1]
assert all(len(l) <= 75 for l in lines), "a line over 75 octets"
for l in lines:
    l.decode("utf-8")  # folding never splits a character
text = data.decode().replace("\r\n ", "")
assert "Doe\\, Jane\\; \"JD\" \\\\ Ünïcödé" in text, "escaped summary"
EOF
then ok "calendar: text escaped, folded between characters"; else notok "calendar: text escaping"; fi

if /usr/bin/python3 -c 'import icalendar' 2>/dev/null; then
    for ics in "$TMP/cal.ics" "$TMP/escape.ics"; do
        if msg=$(/usr/bin/python3 - "$ics" 2>&1 <<'EOF'
import sys
import icalendar
data = open(sys.argv[1], "rb").read()
cal = icalendar.Calendar.from_ical(data)
assert not getattr(cal, "errors", None), cal.errors
events = list(cal.walk("VEVENT"))
assert events, "no events"
for ev in events:
    assert not getattr(ev, "errors", None), ev.errors
    assert ev.get("UID") and ev.get("DTSTAMP") and ev.get("SUMMARY")
    ev.decoded("DTSTART")
    for al in ev.walk("VALARM"):
        assert not getattr(al, "errors", None), al.errors
        assert al.decoded("TRIGGER").days < 0 or al.decoded("TRIGGER").total_seconds() == 0
if "escape" in sys.argv[1]:
    assert str(events[0]["SUMMARY"]).count("Doe, Jane; \"JD\" \\ Ünïcödé") == 1, events[0]["SUMMARY"]
EOF
        ); then
            ok "python3-icalendar parses $(basename "$ics")"
        else
            notok "python3-icalendar parses $(basename "$ics")" "$msg"
        fi
    done
else
    echo "skip - python3-icalendar is not installed (apt-get install python3-icalendar)"
fi

run "$RECERT" calendar --as-of "$RDAY" --remind soon "$ROSTER"
expect_rc "calendar --remind soon" 2
run "$RECERT" calendar --as-of 2026-13-01 "$ROSTER"
expect_rc "calendar --as-of 2026-13-01" 2
run "$RECERT" calendar
expect_rc "calendar without a file" 2
run "$RECERT" calendar --as-of "$RDAY" "$TMP/bad-date.json"
expect_rc "calendar of an invalid document" 1

# ---- evaluate --ndjson -------------------------------------------------------

# One line per example (records documents), a bare holder, a blank line and a
# bad line; every report as of one day.
NDAY=2026-05-01
"$PY" - "$EXAMPLES" "$TMP/batch.ndjson" <<'EOF'
import glob, json, os, sys
out = open(sys.argv[2], "w")
for path in sorted(glob.glob(os.path.join(sys.argv[1], "*.json"))):
    out.write(json.dumps(json.load(open(path))["records"]) + "\n")
first = json.load(open(sorted(glob.glob(os.path.join(sys.argv[1], "*.json")))[0]))["records"]
holder = dict(first["holders"][0], id="bare-holder")
out.write(json.dumps(holder) + "\n")
out.write("\n")
out.write('{"recert": 1, "holders": [{"id": "x", "credits": [{"id": "k", "completed": "2025-02-30", "hours": 1}]}]}\n')
out.write(json.dumps(first) + "\n")
EOF
nlines=$(wc -l <"$TMP/batch.ndjson")
run "$RECERT" evaluate --ndjson --as-of "$NDAY" --jobs 4 "$TMP/batch.ndjson"
expect_rc "evaluate --ndjson with a bad line" 1
cp "$TMP/out" "$TMP/batch4.out"
if "$PY" - "$TMP/batch.ndjson" "$TMP/batch4.out" "$NDAY" <<'EOF'
import json, sys
inputs = open(sys.argv[1]).read().split("\n")[:-1]
outputs = open(sys.argv[2]).read().split("\n")
assert outputs[-1] == "", "ends with a newline"
outputs = outputs[:-1]
expected = [(n, l) for n, l in enumerate(inputs, 1) if l.strip()]
assert len(outputs) == len(expected), (len(outputs), len(expected))
for (n, line), out in zip(expected, outputs):
    doc = json.loads(line)
    rep = json.loads(out)
    if "error" in rep:
        assert rep["line"] == n, rep
        assert rep["error"]["code"] == "RECERT_EDATA" or rep["error"]["code"].startswith("RECERT_E"), rep
        assert rep["error"]["path"].startswith("holders[0].credits[0].completed"), rep
        assert rep["error"]["message"].startswith(rep["error"]["path"]), rep
        continue
    assert rep["as_of"] == sys.argv[3], rep["as_of"]
    ids = [h["id"] for h in doc["holders"]] if "recert" in doc else [doc["id"]]
    assert [h["id"] for h in rep["holders"]] == ids, (n, ids)
errors = [json.loads(o) for o in outputs if '"error"' in o[:30]]
assert len(errors) == 1 and errors[0]["line"] == len(inputs) - 1, errors
EOF
then ok "--ndjson: one report a line, in input order, the bad line reported"; else notok "--ndjson: output"; fi

# Each report line is the report evaluate --json gives for that document.
if "$PY" - "$TMP/batch.ndjson" "$TMP/batch4.out" "$RECERT" "$NDAY" <<'EOF'
import json, subprocess, sys
inputs = [l for l in open(sys.argv[1]).read().split("\n")[:-1] if l.strip()]
outputs = open(sys.argv[2]).read().split("\n")[:-1]
for line, out in list(zip(inputs, outputs))[:5]:
    doc = json.loads(line)
    if "recert" not in doc:
        doc = {"recert": 1, "holders": [doc]}
    p = subprocess.run([sys.argv[3], "evaluate", "--as-of", sys.argv[4], "--json", "-"],
                       input=json.dumps(doc), capture_output=True, text=True)
    assert p.returncode == 0, p.stderr
    assert json.loads(p.stdout) == json.loads(out)
EOF
then ok "--ndjson: the same reports as evaluate --json"; else notok "--ndjson: reports differ from evaluate --json"; fi

run "$RECERT" evaluate --ndjson --as-of "$NDAY" --jobs 1 - <"$TMP/batch.ndjson"
if cmp -s "$TMP/out" "$TMP/batch4.out"; then ok "--ndjson: --jobs 1 and --jobs 4 agree (standard input)"; else notok "--ndjson: --jobs 1 and --jobs 4 differ"; fi

# A larger batch: order kept under 8 workers, exit 0 when every line is good.
"$PY" - "$EXAMPLES" "$TMP/big.ndjson" <<'EOF'
import glob, json, os, sys
docs = [json.load(open(p))["records"] for p in sorted(glob.glob(os.path.join(sys.argv[1], "*.json")))]
with open(sys.argv[2], "w") as out:
    for i in range(3000):
        d = json.loads(json.dumps(docs[i % len(docs)]))
        for h in d["holders"]:
            h["id"] = f"{h['id']}-{i}"
        out.write(json.dumps(d) + "\n")
EOF
run "$RECERT" evaluate --ndjson --as-of "$NDAY" --jobs 8 "$TMP/big.ndjson"
expect_rc "--ndjson, 3000 good lines" 0
if "$PY" - "$TMP/big.ndjson" "$TMP/out" <<'EOF'
import json, sys
ins = open(sys.argv[1]).read().split("\n")[:-1]
outs = open(sys.argv[2]).read().split("\n")[:-1]
assert len(ins) == len(outs) == 3000
for a, b in zip(ins, outs):
    assert [h["id"] for h in json.loads(a)["holders"]] == [h["id"] for h in json.loads(b)["holders"]]
EOF
then ok "--ndjson: 3000 lines in input order with 8 workers"; else notok "--ndjson: order with 8 workers"; fi

run "$RECERT" evaluate --ndjson --json "$TMP/batch.ndjson"
expect_rc "--ndjson with --json" 2
run "$RECERT" evaluate --jobs 2 "$TMP/ex1.json"
expect_rc "--jobs without --ndjson" 2
run "$RECERT" evaluate --ndjson --jobs 0 "$TMP/batch.ndjson"
expect_rc "--ndjson --jobs 0" 2
run "$RECERT" evaluate --ndjson --as-of "$NDAY" "$TMP/does-not-exist.ndjson"
expect_rc "--ndjson of a missing file" 1
: >"$TMP/empty.ndjson"
run "$RECERT" evaluate --ndjson --as-of "$NDAY" "$TMP/empty.ndjson"
if [ "$rc" -eq 0 ] && [ ! -s "$TMP/out" ]; then ok "--ndjson of an empty file"; else notok "--ndjson of an empty file" "$(cat "$TMP/err")"; fi

# ---- a policy of the document's own: examples/policies (docs/policies.md) -----

# The ACE Personal Trainer example (an example policy: the $129 renewal fee,
# the $50 late fee and the 6-month late window are its assumptions). Worked
# by hand, as of T = 2026-06-15; 1 ACE-CEC = 10 contact hours; grace 0, so
# E + grace = E; CPR/AED earns no CECs (required 2.0 = the credits alone).
#   ace-0001: certified 2024-03-01, no cycle_start/expires -> S = 2024-03-01,
#     E = S + 2 years = 2026-03-01; final deadline E + 6 months = 2026-09-01.
#     a1 1.2 ACE-CEC (2025-05-10) + a2 8 hours (2025-11-01) = 0.8 ACE-CEC,
#     both in S..E: earned 2.0. Application received 2026-02-20 <= E,
#     pending: status submitted, R = 2026-02-20, tier on_time, $129 ->
#     total_cents 12900; T > E, not renewed: certified false. CPR/AED
#     expires 2027-01-10 >= R: current; path credits.
#   ace-0002: certified 2024-09-15 -> E = 2026-09-15 >= T; final deadline
#     2027-03-15. b1 1.5 ACE-CEC: earned 1.5, shortfall 0.5: in_progress,
#     certified true, R = T <= E: on_time, total_cents 12900.
#   ace-0003: certified 2024-01-20 -> E = 2026-01-20; final deadline
#     E + 6 months = 2026-07-20; E < T <= 2026-07-20. c1 20 hours (2025-06-01)
#     = 2.0 ACE-CEC counts; c2 (2026-02-10) is after E + 0: not counted,
#     notice credit_outside_window. Credits met: status late, certified
#     false, R = T in the late window (E+1 .. 2026-07-20): tier late,
#     12900 + 5000 = total_cents 17900.
ROOT=$HERE/../..
ACE=$ROOT/examples/policies/ace-roster.json
run "$RECERT" validate "$ACE"
expect_rc "validate examples/policies/ace-roster.json" 0
run "$RECERT" evaluate --as-of 2026-06-15 --json "$ACE"
expect_rc "evaluate the ACE example roster" 0
if "$PY" - "$TMP/out" >"$TMP/ace.txt" 2>&1 <<'EOF'
import json, sys
from decimal import Decimal
r = json.load(open(sys.argv[1]), parse_float=Decimal)
got = {}
for h in r["holders"]:
    (c,) = h["credentials"]
    got[h["id"]] = (c["status"], c["certified"], c["path"], c["dates"]["expires"],
                    c["dates"]["final_deadline"], c["credits"]["unit"],
                    str(c["credits"]["required"]), str(c["credits"]["earned"]),
                    str(c["credits"]["shortfall"]), c["credits"]["counted"], c["credits"]["cpr_aed"],
                    c["fees"]["tier"], c["fees"]["renewal_cents"], c["fees"]["late_cents"],
                    c["fees"]["total_cents"], [n["code"] for n in c["notices"]])
want = {
    "ace-0001": ("submitted", False, "credits", "2026-03-01", "2026-09-01", "ACE-CEC", "2.0", "2.0", "0.0",
                 ["a1", "a2"], "current", "on_time", 12900, 0, 12900, []),
    "ace-0002": ("in_progress", True, None, "2026-09-15", "2027-03-15", "ACE-CEC", "2.0", "1.5", "0.5",
                 ["b1"], "current", "on_time", 12900, 0, 12900, []),
    "ace-0003": ("late", False, "credits", "2026-01-20", "2026-07-20", "ACE-CEC", "2.0", "2.0", "0.0",
                 ["c1"], "current", "late", 12900, 5000, 17900, ["credit_outside_window"]),
}
for k in want:
    if got.get(k) != want[k]:
        print(k, "got", got.get(k), "want", want[k])
        sys.exit(1)
assert list(got) == list(want)
EOF
then ok "the ACE example roster: statuses, credits and fees as worked by hand"
else notok "the ACE example roster as worked by hand" "$(cat "$TMP/ace.txt")"; fi

# ---- audit -------------------------------------------------------------------------

# tests/cli/audit.json: 12 holders; t04, t08, t12 have no application; t03
# and t07 have a second credential with one: 11 applications in all.
AUD=$HERE/audit.json
run "$RECERT" audit --rate 0.3 --seed 20260615 "$AUD"
expect_rc "audit --rate 0.3" 0
cp "$TMP/out" "$TMP/audit1"
cp "$TMP/err" "$TMP/audit1.err"
run "$RECERT" audit --rate 0.3 --seed 20260615 "$AUD"
if cmp -s "$TMP/out" "$TMP/audit1"; then ok "audit: the same seed selects the same applications"; else notok "audit is not deterministic"; fi
if grep -Evq '^t[0-9]{2}/(nasm|acsm)$' "$TMP/audit1"; then notok "audit lines are HOLDER/CREDENTIAL" "$(cat "$TMP/audit1")"; else ok "audit lines are HOLDER/CREDENTIAL"; fi
n=$(wc -l <"$TMP/audit1" | tr -d ' ')
expect_grep "audit: 'selected N of 11 applications', N the lines printed" "$TMP/audit1.err" "^selected $n of 11 applications\$"
run "$RECERT" audit --rate 0 --seed 20260615 "$AUD"
if [ "$rc" -eq 0 ] && [ ! -s "$TMP/out" ] && grep -q '^selected 0 of 11 applications$' "$TMP/err"; then
    ok "audit --rate 0 selects none"; else notok "audit --rate 0 selects none" "$(cat "$TMP/out" "$TMP/err")"; fi
run "$RECERT" audit --rate 1 --seed 20260615 "$AUD"
printf '%s\n' t01/nasm t02/nasm t03/nasm t03/acsm t05/nasm t06/nasm t07/nasm t07/acsm t09/nasm t10/nasm t11/nasm >"$TMP/all"
if [ "$rc" -eq 0 ] && cmp -s "$TMP/out" "$TMP/all" && grep -q '^selected 11 of 11 applications$' "$TMP/err"; then
    ok "audit --rate 1 selects every application, in document order"
else notok "audit --rate 1 selects all" "$(cat "$TMP/out" "$TMP/err")"; fi
run "$RECERT" audit --rate 100% --seed 5 - <"$AUD"
if [ "$rc" -eq 0 ] && cmp -s "$TMP/out" "$TMP/all"; then ok "audit --rate 100% from standard input"; else notok "audit --rate 100% from stdin" "$(cat "$TMP/err")"; fi
run "$RECERT" audit --rate 30% --seed 20260615 "$AUD"
if cmp -s "$TMP/out" "$TMP/audit1"; then ok "audit: --rate 30% is --rate 0.3"; else notok "audit: 30% differs from 0.3"; fi
run "$RECERT" audit --rate 0.3 --seed 20260615 --json "$AUD"
expect_rc "audit --json" 0
if "$PY" - "$TMP/out" "$TMP/audit1" <<'EOF'
import json, sys
a = json.load(open(sys.argv[1]))
lines = open(sys.argv[2]).read().split()
assert [o["holder"] + "/" + o["credential"] for o in a] == lines
assert all(sorted(o) == ["credential", "holder", "received"] for o in a)
assert all(o["received"] == ("2026-12-01" if o["credential"] == "acsm" else "2026-03-%02d" % (int(o["holder"][1:]) + 1)) for o in a)
EOF
then ok "audit --json: the same selection, with the received day"; else notok "audit --json"; fi
for bad in 1.1 -0.1 0.1234567 abc "" 101% 1e-1 0x1; do
    run "$RECERT" audit --rate "$bad" --seed 1 "$AUD"
    expect_rc "audit --rate '$bad'" 2
done
run "$RECERT" audit --seed 1 "$AUD"
expect_rc "audit without --rate" 2
run "$RECERT" audit --rate 0.1 "$AUD"
expect_rc "audit without --seed" 2
run "$RECERT" audit --rate 0.1 --seed 18446744073709551616 "$AUD"
expect_rc "audit --seed beyond 64 bits" 2
run "$RECERT" audit --rate 0.1 --seed 1
expect_rc "audit without a file" 2
run "$RECERT" audit --rate 0.1 --seed 1 "$TMP/does-not-exist.json"
expect_rc "audit of a missing file" 1
echo '{"recert": 1, "holders": [{"id": "h1", "credentials": [{"id": "c", "policy": "nope", "certified": "2024-01-01"}]}]}' >"$TMP/audit-bad.json"
run "$RECERT" audit --rate 0.1 --seed 1 "$TMP/audit-bad.json"
expect_rc "audit of a bad records document" 1

# ---- open-world input (issue 13) ----------------------------------------------

# Write errors: every command, and --ndjson, says so and exits 3 (not 1,
# which is "bad input"), whatever the size of the output.
if [ -w /dev/full ]; then
    echo '{"recert": 1, "holders": [{"id": "h", "credentials": [{"id": "c", "policy": "nasm-cpt", "certified": "2024-01-15", "application": {"received": "2026-01-10"}}]}]}' >"$TMP/wr.json"
    "$PY" -c 'import sys; sys.stdout.write(open(sys.argv[1]).read().replace("\n", " ").strip() + "\n")' "$TMP/wr.json" >"$TMP/wr.ndjson"
    for args in "evaluate --as-of 2026-11-23 $TMP/wr.json" "evaluate --json --as-of 2026-11-23 $TMP/wr.json" \
                "evaluate --ndjson --as-of 2026-11-23 $TMP/wr.ndjson" "validate $TMP/wr.json" \
                "explain --as-of 2026-11-23 $TMP/wr.json h c" "policies" "policies nasm-cpt" "policies --json" \
                "calendar --as-of 2026-11-23 $TMP/wr.json" "audit --rate 1 --seed 1 $TMP/wr.json" "--help" "--version"; do
        # shellcheck disable=SC2086
        "$RECERT" $args >/dev/full 2>"$TMP/err"
        rc=$?
        if [ "$rc" -eq 3 ] && grep -q '^recert: write error: No space left on device$' "$TMP/err"; then
            ok "recert ${args%% $TMP*} > /dev/full: 'recert: write error: ...', exit 3"
        else
            notok "recert ${args%% $TMP*} > /dev/full: exit $rc" "$(cat "$TMP/err")"
        fi
    done
fi

# Terminal escapes in the records never reach the terminal raw.
printf '%s' '{"recert": 1, "holders": [{"id": "h\u001b[2J", "name": "N\u001b]0;x\u0007\u009b1m", "credentials": [{"id": "c", "policy": "nasm-cpt", "certified": "2024-01-15"}], "nam\u001b[31me": 1}]}' >"$TMP/esc-bad.json"
printf '%s' '{"recert": 1, "holders": [{"id": "h\u001b[2J", "name": "N\u001b]0;x\u0007\u009b1m", "credentials": [{"id": "c", "policy": "nasm-cpt", "certified": "2024-01-15"}]}]}' >"$TMP/esc.json"
no_controls() { # FILE...: no C0 (but newline), DEL or C1 character
    "$PY" -c '
import sys
for f in sys.argv[1:]:
    t = open(f, "rb").read().decode("utf-8")
    bad = [c for c in t if (ord(c) < 32 and c != "\n") or 127 <= ord(c) <= 159]
    sys.exit(1 if bad else 0)' "$@"
}
run "$RECERT" validate "$TMP/esc-bad.json"
expect_rc "validate of a member name with ESC" 1
if no_controls "$TMP/out" "$TMP/err" && grep -qF 'holders[0].nam\x1B[31me: unknown member' "$TMP/out"; then
    ok "validate: control characters from the input are escaped (\\x1B)"
else notok "validate prints control characters raw" "$(od -c "$TMP/out" | head -5)"; fi
run "$RECERT" evaluate --color always --as-of 2026-11-23 "$TMP/esc.json"
if [ "$rc" -eq 0 ] && "$PY" -c '
import sys
t = open(sys.argv[1], "rb").read().decode("utf-8")
# the table colours are the tool own (ESC [ digits m); nothing else
import re
rest = re.sub("\x1b\\[[0-9;]*m", "", t)
sys.exit(1 if any((ord(c) < 32 and c != "\n") or 127 <= ord(c) <= 159 for c in rest) else 0)' "$TMP/out" &&
   grep -qF 'N\x1B]0;x\x07\u009B1m' "$TMP/out"; then
    ok "evaluate table: a name's escape sequences are shown escaped, the colours stay"
else notok "evaluate table with escapes" "$(od -c "$TMP/out" | head -8)"; fi
run "$RECERT" explain --as-of 2026-11-23 "$TMP/esc.json" "$(printf 'h\033[2J')" c
if [ "$rc" -eq 0 ] && no_controls "$TMP/out" "$TMP/err"; then ok "explain: escapes shown escaped"; else notok "explain with escapes (exit $rc)" "$(od -c "$TMP/out" | head -5)"; fi
run "$RECERT" explain --as-of 2026-11-23 "$TMP/esc.json" "$(printf 'x\033[2J')" c
if [ "$rc" -eq 1 ] && no_controls "$TMP/err"; then ok "explain: an unknown holder's id from the command line is escaped"; else notok "explain unknown holder with escapes" "$(od -c "$TMP/err" | head -5)"; fi
run "$RECERT" calendar --as-of 2026-01-01 "$TMP/esc.json"
if [ "$rc" -eq 0 ] && "$PY" -c '
import sys
t = open(sys.argv[1], "rb").read().decode("utf-8").replace("\r\n", "")
sys.exit(1 if any(ord(c) < 32 or 127 <= ord(c) <= 159 for c in t) else 0)' "$TMP/out"; then
    ok "calendar: no control character in a TEXT value (C1 included)"
else notok "calendar with escapes (exit $rc)"; fi
run "$RECERT" evaluate "$(printf '/nonexistent/\033[2J')"
if [ "$rc" -eq 1 ] && no_controls "$TMP/err"; then ok "a file name with ESC is escaped in the error"; else notok "file name with ESC" "$(od -c "$TMP/err" | head -5)"; fi

# Input beyond the document limit: refused after reading one byte past it,
# with a hint at --ndjson; the same for a line of --ndjson, which goes on.
head -c 268435457 /dev/zero | tr '\0' ' ' >"$TMP/big.json"
run "$RECERT" validate "$TMP/big.json"
if [ "$rc" -eq 1 ] && grep -q 'more than 256 MiB of JSON, the limit of one document' "$TMP/err" && grep -q -- '--ndjson' "$TMP/err"; then
    ok "a document over 256 MiB: refused, --ndjson suggested"
else notok "document over the limit (exit $rc)" "$(cat "$TMP/err")"; fi
run "$RECERT" evaluate --as-of 2026-11-23 - <"$TMP/big.json"
if [ "$rc" -eq 1 ] && grep -q 'more than 256 MiB' "$TMP/err"; then ok "standard input over 256 MiB: refused"; else notok "stdin over the limit (exit $rc)" "$(cat "$TMP/err")"; fi
{ head -c 268435457 /dev/zero | tr '\0' 'a'; echo; echo '{"id": "h", "credentials": []}'; } >"$TMP/big.ndjson"
rm -f "$TMP/big.json"
run "$RECERT" evaluate --ndjson --as-of 2026-11-23 "$TMP/big.ndjson"
if [ "$rc" -eq 1 ] && [ "$(wc -l <"$TMP/out")" -eq 2 ] &&
   grep -q '^{"line":1,"error":{"code":"RECERT_ELIMIT","path":"","message":"a line of more than 256 MiB' "$TMP/out" &&
   grep -q '^{"recert":1,"as_of":"2026-11-23","holders":\[{"id":"h"' "$TMP/out"; then
    ok "--ndjson: a line over 256 MiB is an error line, the next line is evaluated, exit 1"
else notok "--ndjson over-long line (exit $rc)" "$(head -c 300 "$TMP/out"; cat "$TMP/err")"; fi
rm -f "$TMP/big.ndjson"

# --ndjson: a read error is an error with the line number, not a silent end.
run "$RECERT" evaluate --ndjson --as-of 2026-11-23 "$TMP"
if [ "$rc" -eq 1 ] && grep -q "line 1: Is a directory" "$TMP/err"; then ok "--ndjson: a read error names the line and exits 1"; else notok "--ndjson read error (exit $rc)" "$(cat "$TMP/err")"; fi
# --ndjson of a missing file: an error (under ASan: no leak either).
run "$RECERT" evaluate --ndjson --as-of 2026-11-23 "$TMP/does-not-exist.ndjson"
if [ "$rc" -eq 1 ] && grep -q 'No such file or directory' "$TMP/err"; then ok "--ndjson of a missing file: exit 1"; else notok "--ndjson missing file (exit $rc)" "$(cat "$TMP/err")"; fi

# --ndjson: a parse error names the input line and the column in it, for a
# bare holder line (wrapped) as for a records document: columns where the
# parser stops, the "}" of line 2 (32), the end of "x" (40), of the second
# "name" (31).
{ echo '{"id": "a", "credentials": []}'; echo '{"id": "b",  "credentials": [],}';
  echo '{"recert": 1, "holders": [{"id": "c" "x": 1}]}'; echo '{"id": "d", "name": "x", "name": "y"}'; } >"$TMP/cols.ndjson"
run "$RECERT" evaluate --ndjson --as-of 2026-11-23 "$TMP/cols.ndjson"
if [ "$rc" -eq 1 ] && sed -n 2p "$TMP/out" | grep -q '"line":2,.*line 2, column 32: ' &&
   sed -n 3p "$TMP/out" | grep -q '"line":3,.*line 3, column 40: ' &&
   sed -n 4p "$TMP/out" | grep -q '"line":4,.*duplicate member (line 4, column 31)'; then
    ok "--ndjson: parse errors give the input's line and the column in that line"
else notok "--ndjson columns" "$(cat "$TMP/out")"; fi

# ---- the end ---------------------------------------------------------------------

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
