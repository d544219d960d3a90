"""The documentation's examples run and say what the docs say."""

from __future__ import annotations

import contextlib
import datetime
import importlib.util
import io
import os
import unittest
from typing import Any

import recert
from recert import _convert

from .support import BINDING, REPO, build_roster, needs_library

ROSTER = os.path.join(REPO, "examples", "roster.json")


@needs_library
class GymBackend(unittest.TestCase):
    def test_gym_backend_example(self) -> None:
        path = os.path.join(BINDING, "examples", "gym_backend.py")
        spec = importlib.util.spec_from_file_location("gym_backend", path)
        assert spec is not None and spec.loader is not None
        module: Any = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)  # pyright: ignore[reportAttributeAccessIssue]
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            self.assertEqual(module.main(["gym_backend.py", "2026-11-23"]), 0)
        text = out.getvalue()
        # NASM, docs/rules.md §7: 69 days after E 2026-09-15 is the late tier, $99 + $30
        self.assertIn("Tomasz Kowalski  nasm-cpt  late          1.6 of   2.0 CEU, expires 2026-09-15", text)
        self.assertIn("earn 0.4 more CEU by 2026-12-14", text)
        self.assertIn("apply now: $129.00, late tier", text)
        # ACSM, docs/rules.md §6: both expire 2026-12-31, pooled 61 >= 60, $55 + $5
        self.assertIn("renews together with: cpt, ep", text)
        self.assertIn("Renewal fees still to pay: $288.00", text)
        # and docs/python.md shows this very output
        doc = os.path.join(REPO, "docs", "python.md")
        if os.path.exists(doc):
            with open(doc, encoding="utf-8") as f:
                shown = f.read().split("It prints:\n", 1)[1].split("\nIn this output", 1)[0]
            self.assertEqual([line[4:] for line in shown.strip("\n").splitlines()], text.splitlines())


    def test_docs_show_the_example_as_it_is(self) -> None:
        doc = os.path.join(REPO, "docs", "python.md")
        if not os.path.exists(doc):
            self.skipTest("docs/python.md is not in this tree")
        with open(doc, encoding="utf-8") as f:
            text = f.read()
        marker = "<!-- gym_backend.py"
        self.assertIn(marker, text)
        block = text.split(marker, 1)[1].split("```python\n", 1)[1].split("```\n", 1)[0]
        with open(os.path.join(BINDING, "examples", "gym_backend.py"), encoding="utf-8") as f:
            self.assertEqual(block, f.read())


@unittest.skipUnless(os.path.exists(ROSTER), "examples/roster.json not written yet")
@needs_library
class ExampleRoster(unittest.TestCase):
    def test_both_paths_agree_on_the_example_roster(self) -> None:
        with open(ROSTER, encoding="utf-8") as f:
            records = _convert.loads(f.read())
        one_call = recert.evaluate(ROSTER, "2026-11-23")
        with build_roster(records) as roster, roster.evaluate(datetime.date(2026, 11, 23)) as report:
            self.assertEqual(report.to_dict(), one_call)
            self.assertEqual(report.to_dict_from_getters(), one_call)
        with recert.Roster.from_json(ROSTER) as imported:
            self.assertEqual(imported.to_dict(), records)  # x- members kept
            self.assertEqual(imported.holders[0].get_x("x-employee-number"), "E-1001")
        self.assertEqual(recert.validate(ROSTER), [])
        statuses = {e["status"] for h in one_call["holders"] for e in h["credentials"]}
        self.assertEqual(statuses, {"renewed", "submitted", "eligible", "in_progress", "late", "lapsed"})


if __name__ == "__main__":
    unittest.main()
