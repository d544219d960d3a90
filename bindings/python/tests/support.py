"""Shared helpers of the tests: where the data is, whether the library can
be loaded, comparing documents, and building a roster by hand."""

from __future__ import annotations

import datetime
import glob
import json
import os
import unittest
from decimal import Decimal
from typing import Any, Dict, List, Optional

import recert
from recert import _native

HERE = os.path.dirname(os.path.abspath(__file__))
BINDING = os.path.dirname(HERE)
REPO = os.path.dirname(os.path.dirname(BINDING))
DATA = os.environ.get("RECERT_TEST_DATA") or os.path.join(REPO, "tests", "data")
EXAMPLES = os.path.join(DATA, "examples")
INCLUDE = os.path.join(os.path.dirname(os.path.abspath(DATA)), os.pardir, "include", "recert")
INCLUDE = os.path.normpath(INCLUDE)


def library_error() -> Optional[str]:
    """Why the library cannot be loaded, or None when it can."""
    try:
        _native.lib()
    except recert.LibraryNotFoundError as e:
        return str(e)
    return None


def needs_library(cls: Any) -> Any:
    """Skip a TestCase when librecert cannot be loaded (the meson tests set
    RECERT_LIBRARY, so there it is always found)."""
    why = library_error()
    if why is not None:
        if os.environ.get("RECERT_LIBRARY"):
            # Under meson the library must be there: fail, do not skip.
            raise RuntimeError(why)
        return unittest.skip("librecert not found: " + why.splitlines()[0])(cls)
    return cls


def example_files() -> List[str]:
    return sorted(glob.glob(os.path.join(EXAMPLES, "*.json")))


def load_example(path: str) -> Dict[str, Any]:
    with open(path, encoding="utf-8") as f:
        return json.load(f, parse_float=Decimal)


def assert_subset(test: unittest.TestCase, expected: Any, actual: Any, where: str = "") -> None:
    """Every member of expected is in actual with an equal value; lists
    have the same length; numbers compare as exact decimals; booleans and
    null compare exactly."""
    where = where or "report"
    if isinstance(expected, dict):
        test.assertIsInstance(actual, dict, where)
        for key, value in expected.items():
            test.assertIn(key, actual, "%s: member %r missing" % (where, key))
            assert_subset(test, value, actual[key], "%s.%s" % (where, key))
    elif isinstance(expected, list):
        test.assertIsInstance(actual, list, where)
        test.assertEqual(len(expected), len(actual), "%s: length (expected %r, got %r)" % (where, expected, actual))
        for i, (e, a) in enumerate(zip(expected, actual)):
            assert_subset(test, e, a, "%s[%d]" % (where, i))
    elif isinstance(expected, bool) or expected is None:
        test.assertIs(actual, expected, where)
    elif isinstance(expected, (int, float, Decimal)):
        test.assertNotIsInstance(actual, bool, where)
        test.assertIsInstance(actual, (int, Decimal), where)
        test.assertEqual(Decimal(str(expected)), Decimal(str(actual)), where)
    else:
        test.assertEqual(expected, actual, where)


def _day(text: str) -> datetime.date:
    return datetime.date.fromisoformat(text)


def _maybe(text: Optional[str]) -> Optional[datetime.date]:
    return None if text is None else _day(text)


def _set_x(obj: Any, doc: Dict[str, Any]) -> None:
    for key, value in doc.items():
        if key.startswith("x-"):
            obj.set_x(key, value)


def build_roster(records: Dict[str, Any]) -> recert.Roster:
    """The records document built by hand through the object API (no JSON
    for the records themselves): Holder, Credential, Credit with dates as
    datetime.date and amounts as Decimal."""
    roster = recert.Roster()
    for policy in records.get("policies") or []:
        with recert.Policy.from_json(policy) as p:
            roster.add_policy(p)
    _set_x(roster, records)
    for h in records.get("holders", []):
        holder = recert.Holder(h["id"], name=h.get("name"))
        _set_x(holder, h)
        cpr = h.get("cpr_aed")
        for rec in [cpr] if isinstance(cpr, dict) else cpr or []:
            holder.add_cpr_aed(_day(rec["completed"]), _day(rec["expires"]), rec.get("hands_on"), rec.get("adult_cpr_aed"))
        for c in h.get("credentials", []):
            credential = recert.Credential(
                c["id"],
                c["policy"],
                _day(c["certified"]),
                number=c.get("number"),
                cycle_start=_maybe(c.get("cycle_start")),
                expires=_maybe(c.get("expires")),
            )
            if "application" in c:
                a = c["application"]
                credential.set_application(_day(a["received"]), a.get("decision", "pending"), _maybe(a.get("decided")))
            if "audit" in c:
                a = c["audit"]
                credential.set_audit(
                    _day(a["selected"]), _maybe(a.get("documents_received")), a.get("outcome"), _maybe(a.get("decided"))
                )
            if "exam" in c:
                credential.exam_passed = _day(c["exam"]["passed"])
            _set_x(credential, c)
            holder.add_credential(credential)
            credential.close()
        for k in h.get("credits", []):
            credit = recert.Credit(
                k["id"],
                _day(k["completed"]),
                hours=k.get("hours"),
                amount=k.get("amount"),
                unit=k.get("unit"),
                title=k.get("title"),
                provider=k.get("provider"),
                approval=k.get("approval"),
                category=k.get("category"),
            )
            if "petition" in k:
                p = k["petition"]
                credit.petition = recert.Petition(p["status"], _day(p["filed"]), _maybe(p.get("decided")))
            if "applies_to" in k:
                credit.applies_to = k["applies_to"]
            _set_x(credit, k)
            holder.add_credit(credit)
        roster.add_holder(holder)
        holder.close()
    return roster
