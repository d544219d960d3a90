#!/usr/bin/env python3
"""Run the policy cases of tests/data/policy-cases through the CLI and both bindings.

usage: run.py [--root DIR] [--cases DIR] [--cli RECERT] [--python-path DIR]
              [--node NODE] [--node-dir DIR] [--only NAME] [--no-cli]
              [--no-python] [--no-node]

Each case (tests/data/policy-cases/*.json, README.md there) gives `as_of`,
`policy_files` (paths from the source root), `records` (a records document
without `policies`) and the expected `report`, all worked out by hand. For
every case the runner builds the full records document (the policies of the
policy files, each without its own `recert` member, in `policies`) and
evaluates it:

  cli       RECERT evaluate --json --as-of DAY FILE (a temporary file)
  cli-policies  RECERT evaluate --json --as-of DAY --policies P... FILE with
            the records alone, when the tool has a --policies option
            (skipped otherwise)
  python    recert.evaluate(records, DAY) of bindings/python (--python-path
            is put first on sys.path; the library is found as the binding
            finds it: RECERT_LIBRARY, ...)
  node      evaluateJSON() and evaluate() of bindings/node (tests/policy_cases/
            eval.js run by NODE; the library as the binding finds it)

and compares the result with `report` as JSON values: the same members (a
member missing from either side is a difference, so a member that must be
absent, like `policy_effective` for a policy without versions, is checked),
arrays of the same length in order, strings, booleans, null and integers
exactly, and amounts as exact decimals that must be written as decimals
(2.0, not 2). One exception: a `message` member the expected report leaves
out is not compared (English text; the cases give it where the design
fixes its wording). The Node binding's evaluate() object cannot tell 2.0
from 2, so there only the numeric values are compared; its evaluateJSON()
text is compared like the CLI's.

Output is TAP: one line per case and path, with the first difference (its
JSON path, the expected and the actual value) on failure. Exit status 0 when
every test passes, 1 on a failure, 2 on a usage error or an unreadable case.

Standard library only.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from decimal import Decimal
from typing import Any, Dict, List, Optional, Tuple

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_ROOT = os.path.dirname(os.path.dirname(HERE))

CASE_MEMBERS = {"about", "as_of", "policy_files", "records", "report", "work"}


# ---- JSON, exactly --------------------------------------------------------


def loads(text: str) -> Any:
    """JSON text to Python: decimals as Decimal, integers as int."""
    return json.loads(text, parse_float=Decimal)


def load(path: str) -> Any:
    with open(path, encoding="utf-8") as f:
        return loads(f.read())


def dumps(value: Any) -> str:
    """Python to JSON text with Decimal written as its own digits."""
    out: List[str] = []
    _dump(value, out)
    return "".join(out)


def _dump(value: Any, out: List[str]) -> None:
    if value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif isinstance(value, int):
        out.append(str(value))
    elif isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"not a finite number: {value}")
        out.append(str(value))
    elif isinstance(value, float):
        out.append(repr(value))
    elif isinstance(value, str):
        out.append(json.dumps(value, ensure_ascii=False))
    elif isinstance(value, dict):
        out.append("{")
        for i, (k, v) in enumerate(value.items()):
            if i:
                out.append(",")
            out.append(json.dumps(str(k), ensure_ascii=False))
            out.append(":")
            _dump(v, out)
        out.append("}")
    elif isinstance(value, (list, tuple)):
        out.append("[")
        for i, v in enumerate(value):
            if i:
                out.append(",")
            _dump(v, out)
        out.append("]")
    else:
        raise TypeError(f"cannot write {type(value).__name__} as JSON")


def render(value: Any) -> str:
    if value is _ABSENT:
        return "(absent)"
    try:
        text = dumps(value)
    except (TypeError, ValueError):
        text = repr(value)
    return text if len(text) <= 300 else text[:300] + "..."


# ---- comparison ----------------------------------------------------------

_ABSENT = object()


def _kind(v: Any) -> str:
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "boolean"
    if isinstance(v, int):
        return "integer"
    if isinstance(v, (Decimal, float)):
        return "decimal"
    if isinstance(v, str):
        return "string"
    if isinstance(v, dict):
        return "object"
    if isinstance(v, list):
        return "array"
    return type(v).__name__


def _sub(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def compare(expected: Any, actual: Any, path: str = "", numeric_only: bool = False
            ) -> Optional[Tuple[str, str, Any, Any]]:
    """The first difference as (path, what, expected, actual), or None.

    numeric_only: numbers compare by value alone (2 == 2.0), for values that
    went through a JavaScript object."""
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return (path, f"expected an object, got {_kind(actual)}", expected, actual)
        for key, ev in expected.items():
            if key not in actual:
                return (_sub(path, key), "missing member", ev, _ABSENT)
            d = compare(ev, actual[key], _sub(path, key), numeric_only)
            if d:
                return d
        for key, av in actual.items():
            if key not in expected and key != "message":
                return (_sub(path, key), "unexpected member", _ABSENT, av)
        return None
    if isinstance(expected, list):
        if not isinstance(actual, list):
            return (path, f"expected an array, got {_kind(actual)}", expected, actual)
        for i, (ev, av) in enumerate(zip(expected, actual)):
            d = compare(ev, av, f"{path}[{i}]", numeric_only)
            if d:
                return d
        if len(expected) != len(actual):
            i = min(len(expected), len(actual))
            return (f"{path}[{i}]",
                    f"array length {len(actual)}, expected {len(expected)}",
                    expected[i] if i < len(expected) else _ABSENT,
                    actual[i] if i < len(actual) else _ABSENT)
        return None
    ek, ak = _kind(expected), _kind(actual)
    if ek in ("integer", "decimal") and ak in ("integer", "decimal"):
        same = Decimal(str(expected)) == Decimal(str(actual))
        if numeric_only:
            return None if same else (path, "different number", expected, actual)
        if ek != ak:
            return (path, f"expected {'a decimal' if ek == 'decimal' else 'an integer'}, got {ak}",
                    expected, actual)
        return None if same else (path, "different value", expected, actual)
    if ek != ak:
        return (path, f"expected {ek}, got {ak}", expected, actual)
    if expected != actual:
        return (path, "different value", expected, actual)
    return None


def describe(diff: Tuple[str, str, Any, Any]) -> List[str]:
    path, what, e, a = diff
    return [f"at {path or '(root)'}: {what}",
            f"  expected: {render(e)}",
            f"  actual:   {render(a)}"]


# ---- cases -----------------------------------------------------------------


class CaseError(Exception):
    pass


def read_case(path: str) -> Dict[str, Any]:
    try:
        case = load(path)
    except (OSError, ValueError) as e:
        raise CaseError(f"{path}: {e}") from e
    if not isinstance(case, dict):
        raise CaseError(f"{path}: not a JSON object")
    for key in ("about", "as_of", "policy_files", "records", "report"):
        if key not in case:
            raise CaseError(f"{path}: missing member {key!r}")
    extra = set(case) - CASE_MEMBERS
    if extra:
        raise CaseError(f"{path}: unknown member(s) {sorted(extra)}")
    if not isinstance(case["policy_files"], list) or not all(isinstance(p, str) for p in case["policy_files"]):
        raise CaseError(f"{path}: policy_files must be an array of paths")
    if not isinstance(case["records"], dict) or "policies" in case["records"]:
        raise CaseError(f"{path}: records must be a records document without \"policies\"")
    return case


def policies_of(path: str) -> List[Dict[str, Any]]:
    """The policy documents of a policy file: one policy document, an array
    of them, or a records document's `policies`; each without `recert`."""
    doc = load(path)
    if isinstance(doc, list):
        items = doc
    elif isinstance(doc, dict) and "holders" in doc:
        items = doc.get("policies") or []
    else:
        items = [doc]
    out = []
    for p in items:
        if not isinstance(p, dict):
            raise CaseError(f"{path}: a policy is not an object")
        out.append({k: v for k, v in p.items() if k != "recert"})
    return out


def build_records(case: Dict[str, Any], root: str) -> Dict[str, Any]:
    records = case["records"]
    policies: List[Dict[str, Any]] = []
    for rel in case["policy_files"]:
        policies.extend(policies_of(os.path.join(root, rel)))
    full: Dict[str, Any] = {}
    for k, v in records.items():
        full[k] = v
        if k == "recert" and policies:
            full["policies"] = policies
    if policies and "policies" not in full:
        full["policies"] = policies
    return full


# ---- the three ways in -------------------------------------------------------


def run_cli(cli: str, args: List[str]) -> Tuple[Optional[Any], List[str]]:
    try:
        p = subprocess.run([cli] + args, capture_output=True, text=True, timeout=120)
    except (OSError, subprocess.TimeoutExpired) as e:
        return None, [f"cannot run {cli}: {e}"]
    if p.returncode != 0:
        return None, [f"exit status {p.returncode}"] + p.stderr.strip().splitlines()[:10]
    try:
        return loads(p.stdout), []
    except ValueError as e:
        return None, [f"the output is not JSON: {e}", p.stdout[:300]]


def cli_has_policies_option(cli: str) -> bool:
    """Whether the tool documents --policies (in its own or evaluate's help)."""
    for args in (["--help"], ["evaluate", "--help"]):
        try:
            p = subprocess.run([cli] + args, capture_output=True, text=True, timeout=60)
        except (OSError, subprocess.TimeoutExpired):
            return False
        if "--policies" in p.stdout + p.stderr:
            return True
    return False


def run_node(node: str, node_dir: str, items: List[Dict[str, Any]], tmp: str
             ) -> Tuple[Optional[Dict[str, Any]], Optional[str]]:
    """name -> node result item, or (None, why) when the helper failed."""
    inp = os.path.join(tmp, "node-input.json")
    with open(inp, "w", encoding="utf-8") as f:
        f.write(dumps(items))
    try:
        p = subprocess.run([node, os.path.join(HERE, "eval.js"), node_dir, inp],
                           capture_output=True, text=True, timeout=600)
    except (OSError, subprocess.TimeoutExpired) as e:
        return None, f"cannot run {node}: {e}"
    try:
        out = loads(p.stdout) if p.stdout.strip() else None
    except ValueError:
        out = None
    if isinstance(out, dict) and "fatal" in out:
        return None, f"the Node binding cannot be loaded: {out['fatal']}"
    if p.returncode != 0 or not isinstance(out, list):
        return None, f"eval.js exit status {p.returncode}: {p.stderr.strip()[:500]}"
    return {r["name"]: r for r in out}, None


# ---- TAP ---------------------------------------------------------------------


class Tap:
    def __init__(self) -> None:
        self.n = 0
        self.failed = 0
        self.lines: List[str] = []

    def ok(self, name: str, skip: Optional[str] = None) -> None:
        self.n += 1
        self.lines.append(f"ok {self.n} - {name}" + (f" # SKIP {skip}" if skip else ""))

    def not_ok(self, name: str, diag: List[str]) -> None:
        self.n += 1
        self.failed += 1
        self.lines.append(f"not ok {self.n} - {name}")
        self.lines.extend("#   " + line for line in diag)

    def check(self, name: str, expected: Any, actual: Any, numeric_only: bool = False) -> None:
        d = compare(expected, actual, "", numeric_only)
        if d:
            self.not_ok(name, describe(d))
        else:
            self.ok(name)

    def print(self) -> None:
        print("TAP version 13")
        print(f"1..{self.n}")
        for line in self.lines:
            print(line)
        sys.stdout.flush()


def main(argv: Optional[List[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    ap.add_argument("--root", default=DEFAULT_ROOT, help="the source root (policy_files are relative to it)")
    ap.add_argument("--cases", help="the cases directory (default ROOT/tests/data/policy-cases)")
    ap.add_argument("--cli", help="the recert tool to run")
    ap.add_argument("--python-path", help="the directory holding the recert package (bindings/python)")
    ap.add_argument("--node", help="the node program (default: node on PATH)")
    ap.add_argument("--node-dir", help="the Node binding (default ROOT/bindings/node)")
    ap.add_argument("--only", action="append", default=[], help="only this case (file name without .json); repeatable")
    ap.add_argument("--no-cli", action="store_true")
    ap.add_argument("--no-python", action="store_true")
    ap.add_argument("--no-node", action="store_true")
    args = ap.parse_args(argv)

    root = os.path.abspath(args.root)
    cases_dir = args.cases or os.path.join(root, "tests", "data", "policy-cases")
    names = sorted(f[:-5] for f in os.listdir(cases_dir) if f.endswith(".json"))
    if args.only:
        unknown = set(args.only) - set(names)
        if unknown:
            print(f"run.py: no such case: {', '.join(sorted(unknown))}", file=sys.stderr)
            return 2
        names = [n for n in names if n in args.only]

    try:
        cases = [(n, read_case(os.path.join(cases_dir, n + ".json"))) for n in names]
        built = [(n, c, build_records(c, root)) for n, c in cases]
    except (CaseError, OSError, ValueError) as e:
        print(f"Bail out! {e}")
        return 2

    tap = Tap()
    if not cases:
        tap.not_ok("cases found", [f"no *.json in {cases_dir}"])

    use_cli = bool(args.cli) and not args.no_cli
    if not args.no_cli and not args.cli:
        tap.ok("cli", skip="no --cli given")
    cli_policies = use_cli and cli_has_policies_option(args.cli)

    recert_py = None
    if not args.no_python:
        if args.python_path:
            sys.path.insert(0, os.path.abspath(args.python_path))
        try:
            import recert as recert_py  # type: ignore[import-not-found,no-redef]
            recert_py.library_version()
        except Exception as e:  # noqa: BLE001 - any failure to load is reported
            tap.not_ok("python binding loads", [f"{type(e).__name__}: {e}"])
            recert_py = None

    node = None
    node_dir = os.path.abspath(args.node_dir or os.path.join(root, "bindings", "node"))
    if not args.no_node:
        node = args.node or shutil.which("node")
        if not node:
            tap.ok("node", skip="node not found")
        else:
            # The same install as the node-binding test (npm ci when
            # node_modules is missing or stale, under a lock: both tests may
            # start at once on a fresh clone). A failed install fails here.
            inst = subprocess.run(["sh", os.path.join(node_dir, "scripts", "install.sh")],
                                  stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
            if inst.returncode != 0:
                tap.not_ok("node binding dependencies install", inst.stdout.splitlines()[-20:])
                node = None

    with tempfile.TemporaryDirectory(prefix="policy-cases-") as tmp:
        node_results: Optional[Dict[str, Any]] = None
        node_error: Optional[str] = None
        if node:
            node_results, node_error = run_node(
                node, node_dir, [{"name": n, "as_of": c["as_of"], "records": r} for n, c, r in built], tmp)

        for name, case, records in built:
            as_of = case["as_of"]
            expected = case["report"]
            if use_cli:
                path = os.path.join(tmp, name + ".json")
                with open(path, "w", encoding="utf-8") as f:
                    f.write(dumps(records))
                actual, err = run_cli(args.cli, ["evaluate", "--json", "--as-of", as_of, path])
                if err:
                    tap.not_ok(f"{name}: cli", err)
                else:
                    tap.check(f"{name}: cli", expected, actual)
                if cli_policies and case["policy_files"]:
                    bare = os.path.join(tmp, name + ".records.json")
                    with open(bare, "w", encoding="utf-8") as f:
                        f.write(dumps(case["records"]))
                    opts: List[str] = []
                    for rel in case["policy_files"]:
                        opts += ["--policies", os.path.join(root, rel)]
                    actual, err = run_cli(args.cli, ["evaluate", "--json", "--as-of", as_of] + opts + [bare])
                    if err:
                        tap.not_ok(f"{name}: cli --policies", err)
                    else:
                        tap.check(f"{name}: cli --policies", expected, actual)
                elif case["policy_files"]:
                    tap.ok(f"{name}: cli --policies", skip="this recert has no --policies option")
            if recert_py is not None:
                try:
                    actual = recert_py.evaluate(records, as_of)
                except Exception as e:  # noqa: BLE001
                    tap.not_ok(f"{name}: python", [f"{type(e).__name__}: {e}"])
                else:
                    tap.check(f"{name}: python", expected, actual)
            if node:
                if node_results is None:
                    tap.not_ok(f"{name}: node", [node_error or "no result"])
                    continue
                r = node_results.get(name)
                if r is None:
                    tap.not_ok(f"{name}: node", ["no result for this case"])
                elif "error" in r:
                    e = r["error"]
                    tap.not_ok(f"{name}: node", [f"RecertError {e.get('codeName')}: {e.get('message')}"])
                else:
                    try:
                        text_value = loads(r["text"])
                    except ValueError as e:
                        tap.not_ok(f"{name}: node evaluateJSON", [f"not JSON: {e}"])
                    else:
                        tap.check(f"{name}: node evaluateJSON", expected, text_value)
                    tap.check(f"{name}: node evaluate", expected, r["value"], numeric_only=True)

    tap.print()
    return 1 if tap.failed else 0


if __name__ == "__main__":
    sys.exit(main())
