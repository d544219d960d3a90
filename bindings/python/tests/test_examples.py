"""The worked examples (tests/data/examples/*.json, docs/rules.md worked by hand):
each is evaluated through the one-call path and through the object path
built by hand, and every member of the expected report is compared with
the actual one (amounts as exact Decimal)."""

from __future__ import annotations

import datetime
import json
import os
import pathlib
import unittest
from decimal import Decimal
from typing import Any

import recert

from .support import assert_subset, build_roster, example_files, load_example, needs_library


def normalized(records: Any) -> Any:
    """records without empty arrays and with the default decision spelled
    out: what a document built through the handles exports."""
    if isinstance(records, dict):
        out = {k: normalized(v) for k, v in records.items() if v != []}
        if "received" in out and "decision" not in out:
            out["decision"] = "pending"
        return out
    if isinstance(records, list):
        return [normalized(v) for v in records]
    return records


@needs_library
class WorkedExamples(unittest.TestCase):
    def setUp(self) -> None:
        self.files = example_files()
        self.assertGreaterEqual(len(self.files), 17, "worked examples not found")

    def test_one_call_path_matches_every_expected_member(self) -> None:
        for path in self.files:
            with self.subTest(example=os.path.basename(path)):
                ex = load_example(path)
                report = recert.evaluate(ex["records"], ex["as_of"])
                assert_subset(self, ex["report"], report, os.path.basename(path))

    def test_amounts_are_exact_decimals(self) -> None:
        for path in self.files:
            ex = load_example(path)
            report = recert.evaluate(ex["records"], ex["as_of"])
            for holder in report["holders"]:
                for entry in holder["credentials"]:
                    for kind in ("required", "earned", "pending", "shortfall"):
                        value = entry["credits"][kind]
                        self.assertIsInstance(value, Decimal, "%s %s" % (path, kind))
                    for kind in ("renewal_cents", "late_cents", "total_cents", "petition_cents"):
                        self.assertIsInstance(entry["fees"][kind], int)

    def test_records_given_as_text_bytes_path_and_pathlike(self) -> None:
        path = self.files[0]
        ex = load_example(path)
        expected = recert.evaluate(ex["records"], ex["as_of"])
        with open(path, encoding="utf-8") as f:
            whole = json.load(f)
        text = json.dumps(whole["records"])
        self.assertEqual(recert.evaluate(text, ex["as_of"]), expected)
        self.assertEqual(recert.evaluate(text.encode("utf-8"), ex["as_of"]), expected)
        self.assertEqual(recert.evaluate("\n  " + text, datetime.date.fromisoformat(ex["as_of"])), expected)
        # a file holding just the records document
        import tempfile

        with tempfile.TemporaryDirectory() as tmp:
            records_path = os.path.join(tmp, "records.json")
            with open(records_path, "w", encoding="utf-8") as f:
                f.write(text)
            self.assertEqual(recert.evaluate(records_path, ex["as_of"]), expected)
            self.assertEqual(recert.evaluate(pathlib.Path(records_path), ex["as_of"]), expected)
            with open(records_path, "rb") as f:
                self.assertEqual(recert.evaluate(f, ex["as_of"]), expected)

    def test_evaluate_json_is_the_library_text(self) -> None:
        ex = load_example(self.files[0])
        text = recert.evaluate_json(ex["records"], ex["as_of"])
        self.assertIsInstance(text, str)
        self.assertEqual(json.loads(text, parse_float=Decimal), recert.evaluate(ex["records"], ex["as_of"]))

    def test_as_of_defaults_to_today(self) -> None:
        ex = load_example(self.files[0])
        report = recert.evaluate(ex["records"])
        self.assertEqual(report["as_of"], datetime.date.today().isoformat())

    def test_object_path_built_by_hand_gives_the_same_report(self) -> None:
        for path in self.files:
            with self.subTest(example=os.path.basename(path)):
                ex = load_example(path)
                one_call = recert.evaluate(ex["records"], ex["as_of"])
                with build_roster(ex["records"]) as roster:
                    with roster.evaluate(datetime.date.fromisoformat(ex["as_of"])) as report:
                        self.assertEqual(report.to_dict(), one_call)
                        # the getters tell the same story as the JSON
                        self.assertEqual(report.to_dict_from_getters(), one_call)
                        assert_subset(self, ex["report"], report.to_dict_from_getters(), os.path.basename(path))

    def test_object_path_exports_the_records_it_was_given(self) -> None:
        for path in self.files:
            with self.subTest(example=os.path.basename(path)):
                ex = load_example(path)
                with build_roster(ex["records"]) as by_hand, recert.Roster.from_json(ex["records"]) as imported:
                    # import/export is lossless (docs/format.md)
                    self.assertEqual(imported.to_dict(), ex["records"])
                    # the handle API cannot say "given as []" or "decision
                    # not given" (it is "pending"): the same records otherwise
                    self.assertEqual(normalized(by_hand.to_dict()), normalized(ex["records"]))

    def test_why_each_credit_counts_or_not(self) -> None:
        # 06: k1 preapproved, p1 approved petition, p2 pending, p3 denied, p4 no petition (docs/rules.md §4)
        path = [p for p in self.files if "06-nasm-petitions" in p][0]
        ex = load_example(path)
        with recert.Roster.from_json(ex["records"]) as roster, roster.evaluate(ex["as_of"]) as report:
            entry = report.find("h1", "nasm")
            assert entry is not None
            self.assertEqual(entry.reference, datetime.date(2026, 5, 1))  # no application: R = as_of
            reasons = {r.credit: (r.amount, r.reason) for r in entry.credit_reasons}
        self.assertEqual(
            reasons,
            {
                "k1": (Decimal("1.0"), "counted"),
                "p1": (Decimal("0.4"), "counted"),
                "p2": (Decimal("0.3"), "pending"),
                "p3": (Decimal("0.2"), "petition_denied"),
                "p4": (Decimal("0.2"), "petition_required"),
            },
        )

    def test_report_getters_typed(self) -> None:
        path = [p for p in self.files if "13-renewed" in p][0]
        ex = load_example(path)
        with recert.Roster.from_json(ex["records"]) as roster:
            report = roster.evaluate(ex["as_of"])
        # the roster is freed: the report does not refer to it
        self.assertEqual(report.as_of, datetime.date(2026, 7, 10))
        entry = report.find("h1", "nasm")
        self.assertIsNotNone(entry)
        assert entry is not None
        self.assertEqual(entry.status, "renewed")
        self.assertIs(entry.certified, True)
        self.assertEqual(entry.path, "credits")
        self.assertEqual(entry.expires, datetime.date(2026, 6, 30))
        self.assertEqual(entry.dates["credit_deadline"], datetime.date(2026, 9, 28))
        self.assertIsNone(entry.dates["exam_deadline"])
        self.assertEqual(entry.next_cycle, recert.NextCycle(datetime.date(2026, 6, 30), datetime.date(2028, 6, 30)))
        self.assertEqual(entry.unit, "CEU")
        self.assertEqual(entry.required, Decimal("2.0"))
        self.assertEqual(entry.earned, Decimal("2.0"))
        self.assertEqual(entry.credits_centihours("required"), 2000)
        self.assertEqual(entry.counted, ["k1", "k2"])
        self.assertEqual(entry.cpr_aed, "current")
        self.assertEqual((entry.tier, entry.tier_kind), ("on_time", "on_time"))
        self.assertEqual((entry.renewal_cents, entry.late_cents, entry.total_cents), (9900, 0, 9900))
        self.assertEqual(entry.currency, "USD")
        self.assertEqual(entry.audit, "none")
        self.assertIsNone(entry.renewal_group)
        self.assertEqual(entry.notices, [])
        self.assertIsNone(report.find("h1", "nope"))
        # R (docs/rules.md §7) is the day the application was received
        self.assertEqual(entry.reference, datetime.date(2026, 6, 1))
        self.assertEqual(report.holders[0].credits, [recert.ReportCredit("k1", 1000), recert.ReportCredit("k2", 900)])
        self.assertEqual(
            entry.credit_reasons,
            [recert.CreditReason("k1", Decimal("1.0"), "counted"), recert.CreditReason("k2", Decimal("0.9"), "counted")],
        )
        report.close()
        with self.assertRaises(recert.ClosedError):
            entry.status


if __name__ == "__main__":
    unittest.main()
