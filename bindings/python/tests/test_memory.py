"""No leak: thousands of calls keep the process's resident set flat.

RSS is read from /proc/self/statm after a warm-up (which lets the
allocators reach their steady state) and again after the loop; the margin
is far below what one leaked report per call would cost (10,000 x ~2 KB).
"""

from __future__ import annotations

import datetime
import gc
import os
import unittest

import recert

from .support import build_roster, example_files, load_example, needs_library

PAGE = os.sysconf("SC_PAGE_SIZE")
MARGIN = 1024 * 1024  # bytes


def rss() -> int:
    gc.collect()
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * PAGE


@unittest.skipUnless(os.path.exists("/proc/self/statm"), "needs /proc/self/statm")
@needs_library
class NoLeak(unittest.TestCase):
    def setUp(self) -> None:
        path = [p for p in example_files() if "10-acsm" in p][0]
        self.example = load_example(path)
        self.text = recert.evaluate_json(self.example["records"], self.example["as_of"]).encode()

    def test_evaluate_10000_calls(self) -> None:
        from recert import _convert

        records = _convert.dumps(self.example["records"]).encode("utf-8")
        as_of = self.example["as_of"]
        for _ in range(1000):  # warm-up
            recert.evaluate(records, as_of)
        before = rss()
        for _ in range(10000):
            recert.evaluate(records, as_of)
        grown = rss() - before
        self.assertLess(grown, MARGIN, "RSS grew by %d bytes over 10,000 evaluate() calls" % grown)

    def test_validate_and_errors(self) -> None:
        bad = b'{"recert": 1, "holders": [{"id": "h", "oops": 1}]}'
        for _ in range(500):
            recert.validate(bad)
            try:
                recert.evaluate(bad, "2026-01-01")
            except recert.InvalidError:
                pass
        before = rss()
        for _ in range(5000):
            recert.validate(bad)
            try:
                recert.evaluate(bad, "2026-01-01")
            except recert.InvalidError:
                pass
        grown = rss() - before
        self.assertLess(grown, MARGIN, "RSS grew by %d bytes over 5,000 validate/error calls" % grown)

    def test_object_path(self) -> None:
        as_of = datetime.date.fromisoformat(self.example["as_of"])

        def once() -> None:
            roster = build_roster(self.example["records"])  # freed by the finalizer
            report = roster.evaluate(as_of)
            report.to_dict_from_getters()
            roster.to_json()
            for h in roster.holders:
                for k in h.credits:
                    k.amount

        for _ in range(200):
            once()
        before = rss()
        for _ in range(2000):
            once()
        grown = rss() - before
        self.assertLess(grown, MARGIN, "RSS grew by %d bytes over 2,000 object-path rounds" % grown)


if __name__ == "__main__":
    unittest.main()
