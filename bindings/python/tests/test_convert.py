"""The pure-Python conversions (no library needed)."""

from __future__ import annotations

import datetime
import decimal
import io
import os
import pathlib
import tempfile
import unittest
from decimal import Decimal

import recert
from recert import _convert

D = datetime.date


class Days(unittest.TestCase):
    def test_day_numbers(self) -> None:
        # 1970-01-01 is day 0 (ordinal 719163); 1900-01-01 is -25567; 9999-12-31 is 2932896
        self.assertEqual(_convert.day_to_date(0), D(1970, 1, 1))
        self.assertEqual(_convert.day_to_date(-1), D(1969, 12, 31))
        self.assertEqual(_convert.day_to_date(-25567), D(1900, 1, 1))
        self.assertEqual(_convert.day_to_date(2932896), D(9999, 12, 31))
        self.assertIsNone(_convert.day_to_date(-(2**31)))
        self.assertEqual(_convert.date_to_day(D(2026, 11, 23)), 20780)
        self.assertEqual(_convert.date_to_day(datetime.datetime(2026, 11, 23, 23, 59)), 20780)
        for day in range(-25567, 2932897, 9973):
            self.assertEqual(_convert.date_to_day(_convert.day_to_date(day)), day)  # type: ignore[arg-type]

    def test_to_day_checks(self) -> None:
        self.assertEqual(_convert.to_day(D(2024, 2, 29)), _convert.date_to_day(D(2024, 2, 29)))
        self.assertEqual(_convert.to_day(None, optional=True), -(2**31))
        with self.assertRaises(recert.ArgumentError):
            _convert.to_day(None)
        with self.assertRaises(recert.RangeError):
            _convert.to_day(D(1899, 12, 31))
        with self.assertRaises(recert.ArgumentError):
            _convert.to_day(20780)  # type: ignore[arg-type]

    def test_iso_text(self) -> None:
        self.assertEqual(_convert.iso_text(D(2026, 1, 2)), "2026-01-02")
        self.assertEqual(_convert.iso_text("2026-01-02"), "2026-01-02")
        self.assertEqual(_convert.iso_text(None), D.today().isoformat())
        self.assertEqual(_convert.iso_text(datetime.datetime(2026, 1, 2, 3, 4)), "2026-01-02")


class Amounts(unittest.TestCase):
    def test_centihours_to_decimal_is_exact(self) -> None:
        ceu, cec = 100000, 1000000
        self.assertEqual(_convert.centihours_to_decimal(2000, ceu), Decimal("2.0"))
        self.assertEqual(_convert.centihours_to_decimal(1900, ceu), Decimal("1.9"))
        self.assertEqual(str(_convert.centihours_to_decimal(25, ceu)), "0.025")
        self.assertEqual(_convert.centihours_to_decimal(6100, cec), Decimal(61))
        # written like the report document: at least one decimal
        self.assertEqual(str(_convert.centihours_to_decimal(2000, ceu)), "2.0")
        self.assertEqual(str(_convert.centihours_to_decimal(6100, cec)), "61.0")
        self.assertEqual(str(_convert.centihours_to_decimal(0, ceu)), "0.0")
        self.assertEqual(str(_convert.hundredths_to_decimal(150)), "1.5")
        self.assertEqual(str(_convert.hundredths_to_decimal(400)), "4")
        self.assertEqual(_convert.centihours_to_decimal(-150, ceu), Decimal("-0.15"))
        # 1.9 + 0.1 is exactly 2.0 (docs/rules.md §2)
        self.assertEqual(_convert.centihours_to_decimal(1900, ceu) + _convert.centihours_to_decimal(100, ceu), Decimal(2))

    def test_independent_of_the_callers_decimal_context(self) -> None:
        with decimal.localcontext() as ctx:
            ctx.prec = 2
            ctx.rounding = decimal.ROUND_HALF_UP
            self.assertEqual(str(_convert.centihours_to_decimal(123456789, 100000)), "123456.789")
            self.assertEqual(_convert.to_hundredths("12345678.91"), 1234567891)

    def test_to_hundredths(self) -> None:
        self.assertEqual(_convert.to_hundredths("1.5"), 150)
        self.assertEqual(_convert.to_hundredths(Decimal("1.50")), 150)
        self.assertEqual(_convert.to_hundredths(4), 400)
        self.assertEqual(_convert.to_hundredths(1.9), 190)
        self.assertEqual(_convert.to_hundredths(0.29), 29)  # not 28: read as "0.29"
        for bad in ("1.005", "abc", float("inf"), Decimal("NaN"), True, None, [1]):
            with self.assertRaises(recert.ArgumentError, msg=repr(bad)):
                _convert.to_hundredths(bad)  # type: ignore[arg-type]


class Json(unittest.TestCase):
    def test_dumps_is_exact(self) -> None:
        value = {
            "a": [1, Decimal("1.10"), 2.5, True, None],
            "d": D(2025, 1, 2),
            "s": 'é"\n',
            "t": ("x",),
        }
        text = _convert.dumps(value)
        self.assertEqual(text, '{"a":[1,1.10,2.5,true,null],"d":"2025-01-02","s":"é\\"\\n","t":["x"]}')
        back = _convert.loads(text)
        self.assertEqual(back["a"][1], Decimal("1.10"))
        self.assertIsInstance(back["a"][2], Decimal)
        for bad in (float("nan"), Decimal("Infinity"), {1: "x"}, object()):
            with self.assertRaises(recert.ArgumentError):
                _convert.dumps(bad)

    def test_json_bytes_sources(self) -> None:
        doc = {"recert": 1, "holders": []}
        text = _convert.dumps(doc)
        self.assertEqual(_convert.json_bytes(doc), text.encode())
        self.assertEqual(_convert.json_bytes(text), text.encode())
        self.assertEqual(_convert.json_bytes("  \n" + text), ("  \n" + text).encode())
        self.assertEqual(_convert.json_bytes(text.encode()), text.encode())
        self.assertEqual(_convert.json_bytes(io.StringIO(text)), text.encode())
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "r.json")
            with open(path, "w") as f:
                f.write(text)
            self.assertEqual(_convert.json_bytes(path), text.encode())
            self.assertEqual(_convert.json_bytes(pathlib.Path(path)), text.encode())
            with self.assertRaises(FileNotFoundError):
                _convert.json_bytes(os.path.join(tmp, "missing.json"))
            with self.assertRaises(FileNotFoundError):
                _convert.json_bytes(pathlib.Path(tmp, "missing.json"))
        with self.assertRaises(recert.ArgumentError):
            _convert.json_bytes(42)


if __name__ == "__main__":
    unittest.main()
