"""recert.audit_select (docs/rules.md §9, recert/audit.h): seeded, deterministic
audit selection; and the integer checks before values cross into C (ctypes
would silently wrap them)."""

from __future__ import annotations

import datetime
import unittest

import recert

from .support import needs_library


@needs_library
class AuditSelect(unittest.TestCase):
    def test_deterministic_monotone_uniform(self) -> None:
        ids = ["app-%05d" % i for i in range(20000)]
        at10 = [recert.audit_select(i, 100000, 2026) for i in ids]
        self.assertEqual(at10, [recert.audit_select(i, 100000, 2026) for i in ids])  # same answer every time
        at20 = [recert.audit_select(i, 200000, 2026) for i in ids]
        self.assertTrue(all(b for a, b in zip(at10, at20) if a))  # selected at 10% => selected at 20%
        # 10% of 20,000 is 2,000; the binomial standard deviation is ~42, allow 5 of them
        self.assertLess(abs(sum(at10) - 2000), 5 * 43)
        self.assertFalse(any(recert.audit_select(i, 0, 7) for i in ids[:500]))
        self.assertTrue(all(recert.audit_select(i, 1000000, 7) for i in ids[:500]))
        self.assertNotEqual(at10, [recert.audit_select(i, 100000, 2027) for i in ids])  # a new seed, a new draw

    def test_arguments_are_checked_before_crossing(self) -> None:
        for bad in ((None, 1, 1), ("a", -1, 1), ("a", 1000001, 1), ("a", 2**32 + 1, 1), ("a", 1, -1), ("a", 1, 2**64), ("a", True, 1)):
            with self.assertRaises(recert.ArgumentError, msg=repr(bad)):
                recert.audit_select(*bad)  # type: ignore[arg-type]
        self.assertIsInstance(recert.audit_select("a", 1, 2**64 - 1), bool)


@needs_library
class NoSilentWrap(unittest.TestCase):
    def test_values_that_do_not_fit_are_refused(self) -> None:
        D = datetime.date
        with self.assertRaises(recert.ArgumentError):
            recert.Credit("k", D(2025, 1, 1), hours=10**20)  # 10**22 hundredths would wrap in int64_t
        with self.assertRaises(recert.ArgumentError):
            recert.Credit("k", D(2025, 1, 1), hours=10**9 + 1)
        with recert.Credit("k", D(2025, 1, 1), hours=10**9) as k:
            self.assertEqual(k.hours, 10**9)
        with recert.Holder("h") as h:
            for i in (-1, 2**64 + 1, True):
                with self.assertRaises(recert.RangeError):
                    h.remove_credit(i)


if __name__ == "__main__":
    unittest.main()
