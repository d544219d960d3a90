"""Every error type: each library code raises its own RecertError subclass
with .code, .message and .path (recert_error_path)."""

from __future__ import annotations

import datetime
import os
import subprocess
import sys
import unittest
from unittest import mock
from typing import Any, Dict

import recert
from recert import _errors

from .support import BINDING, needs_library

D = datetime.date


def records(**credential: Any) -> Dict[str, Any]:
    c = {"id": "nasm", "policy": "nasm-cpt", "certified": "2022-04-10"}
    c.update(credential)
    return {"recert": 1, "holders": [{"id": "h1", "credentials": [c]}]}


class ErrorClasses(unittest.TestCase):
    """The mapping itself (no library needed)."""

    def test_one_class_per_code(self) -> None:
        expected = {
            _errors.EINVAL: recert.ArgumentError,
            _errors.EPARSE: recert.ParseError,
            _errors.EDATA: recert.InvalidError,
            _errors.ENOTFOUND: recert.NotFoundError,
            _errors.ERANGE: recert.RangeError,
            _errors.ENOMEM: recert.OutOfMemoryError,
            _errors.EUNSUPPORTED: recert.UnsupportedError,
            _errors.EEXISTS: recert.ExistsError,
            _errors.EBUSY: recert.BusyError,
            _errors.ELIMIT: recert.LimitError,
        }
        for code, cls in expected.items():
            e = _errors.make_error(code, "holders[0]: oops", "holders[0]")
            self.assertIs(type(e), cls)
            self.assertIsInstance(e, recert.RecertError)
            self.assertEqual((e.code, e.message, e.path, str(e)), (code, "holders[0]: oops", "holders[0]", "holders[0]: oops"))
        self.assertIs(type(_errors.make_error(-99, "new code")), recert.RecertError)
        self.assertIsInstance(_errors.make_error(_errors.ENOMEM, "x"), MemoryError)
        self.assertIsInstance(_errors.make_error(_errors.EDATA, "x"), ValueError)
        self.assertIsInstance(_errors.make_error(_errors.ENOTFOUND, "x"), LookupError)
        self.assertEqual(_errors.make_error(_errors.EBUSY, "x").code_name, "RECERT_EBUSY")

    def test_errors_pickle(self) -> None:
        import pickle

        e = pickle.loads(pickle.dumps(recert.InvalidError("p: bad", _errors.EDATA, "p")))
        self.assertEqual((type(e), e.code, e.path), (recert.InvalidError, _errors.EDATA, "p"))

    def test_library_not_found_says_what_was_tried(self) -> None:
        env = dict(os.environ, RECERT_LIBRARY="/nonexistent/librecert.so.0", PYTHONPATH=BINDING)
        code = "import recert\ntry:\n    recert.policies()\nexcept recert.LibraryNotFoundError as e:\n    print(e)\n"
        out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout
        self.assertIn("RECERT_LIBRARY: /nonexistent/librecert.so.0: no such file", out)
        from recert import _native

        with mock.patch.dict(os.environ):
            os.environ.pop("RECERT_LIBRARY", None)
            tried = _native.candidates()
        self.assertEqual([w for w, _p in tried[:2]], ["next to the package", "the system's"])
        with self.assertRaises(recert.LibraryNotFoundError) as cm:
            _native.load([("RECERT_LIBRARY", "/nonexistent/x.so"), ("the system's", "libnonexistent-recert.so.9")])
        self.assertIn("/nonexistent/x.so: no such file", str(cm.exception))
        self.assertIn("libnonexistent-recert.so.9", str(cm.exception))
        self.assertIsInstance(cm.exception, OSError)

    def test_import_needs_no_library(self) -> None:
        env = dict(os.environ, RECERT_LIBRARY="/nonexistent/librecert.so.0", PYTHONPATH=BINDING)
        subprocess.run([sys.executable, "-c", "import recert; recert.RecertError"], env=env, check=True)


@needs_library
class LibraryErrors(unittest.TestCase):
    def assertError(self, cls: type, code: int, fn: Any, *args: Any, path: str = "") -> recert.RecertError:
        with self.assertRaises(cls) as cm:
            fn(*args)
        e = cm.exception
        self.assertIs(type(e), cls)
        self.assertEqual(e.code, code)
        self.assertTrue(e.message)
        if path:
            self.assertEqual(e.path, path)
            self.assertTrue(e.message.startswith(path), e.message)
        return e  # type: ignore[return-value]

    def test_parse_error(self) -> None:
        self.assertError(recert.ParseError, _errors.EPARSE, recert.evaluate, '{"recert": 1, "holders": [', "2026-01-01")
        self.assertError(recert.ParseError, _errors.EPARSE, recert.Roster.from_json, b"{nope}")

    def test_invalid_error_names_its_path(self) -> None:
        self.assertError(
            recert.InvalidError,
            _errors.EDATA,
            recert.evaluate,
            records(expries="2026-04-10"),
            "2026-01-01",
            path="holders[0].credentials[0].expries",
        )
        e = self.assertError(
            recert.InvalidError, _errors.EDATA, recert.Roster.from_json, records(certified="2025-02-30")
        )
        self.assertEqual(e.path, "holders[0].credentials[0].certified")
        self.assertIn("2025-02-30", e.message)

    def test_argument_error(self) -> None:
        doc = records()
        self.assertError(recert.ArgumentError, _errors.EINVAL, recert.evaluate, doc, "2026-02-30")
        self.assertError(recert.ArgumentError, _errors.EINVAL, recert.Holder, "")
        self.assertError(recert.ArgumentError, _errors.EINVAL, lambda: recert.Credit("k", "2025-1-1", hours=1))
        self.assertError(recert.ArgumentError, _errors.EINVAL, lambda: recert.Credit("k", D(2025, 1, 1), hours=-1))
        # a credit without an amount would export "hours": 0, which no import takes
        self.assertError(recert.ArgumentError, _errors.EINVAL, lambda: recert.Credit("k", D(2025, 1, 1)))
        with recert.Credit("k", D(2025, 1, 1), hours=1) as k:
            self.assertError(recert.ArgumentError, _errors.EINVAL, setattr, k, "approval", "maybe")

    def test_range_error(self) -> None:
        with recert.Holder("h") as h:
            self.assertError(recert.RangeError, _errors.ERANGE, h.remove_credential, 0)
        self.assertError(recert.RangeError, _errors.ERANGE, lambda: recert.Credit("k", D(1899, 12, 31), hours=1))
        self.assertError(recert.RangeError, _errors.ERANGE, lambda: recert.Credit("k", "1899-12-31", hours=1))

    def test_not_found_error(self) -> None:
        h = recert.Holder("h1")
        h.add_credential(recert.Credential("x", "no-such-policy", D(2024, 1, 1)))
        with recert.Roster() as roster:
            e = self.assertError(recert.NotFoundError, _errors.ENOTFOUND, roster.add_holder, h)
            self.assertEqual(len(roster), 0)  # nothing changed
        self.assertTrue(e.path.startswith("holders[0]"), e.path)
        self.assertError(recert.NotFoundError, _errors.ENOTFOUND, h.get_x, "x-missing")

    def test_exists_error(self) -> None:
        with recert.Holder("h1") as h:
            h.add_credit(recert.Credit("k", D(2025, 1, 1), hours=1))
            self.assertError(recert.ExistsError, _errors.EEXISTS, h.add_credit, recert.Credit("k", D(2025, 2, 1), hours=2))
            with recert.Roster() as roster:
                roster.add_holder(h)
                self.assertError(recert.ExistsError, _errors.EEXISTS, roster.add_holder, h)

    def test_busy_error(self) -> None:
        nasm = recert.Catalog.default().find("nasm-cpt")
        assert nasm is not None
        with recert.Roster() as roster:
            roster.add_holder(recert.Holder("h1"))
            self.assertError(recert.BusyError, _errors.EBUSY, roster.add_policy, nasm)
        catalog = recert.Catalog.builtin()
        roster = recert.Roster(catalog)
        self.assertError(recert.BusyError, _errors.EBUSY, catalog.add, nasm)

    def test_unsupported_error(self) -> None:
        # A library without a function the binding declares (an older
        # librecert): calling it raises UnsupportedError naming it. Policy
        # "versions", once unsupported, are read since issue 8. Here the
        # process's own symbols stand for such a library: librecert was
        # loaded RTLD_LOCAL, so none of its functions is found there.
        import ctypes

        from recert import _native

        older = _native.Library(ctypes.CDLL(None), "(an older librecert)")
        self.assertIn("recert_policy_version_count", older.missing)
        with self.assertRaises(recert.UnsupportedError) as cm:
            older.recert_policy_version_count(None)
        self.assertEqual(cm.exception.code, _errors.EUNSUPPORTED)
        self.assertIn("has no function recert_policy_version_count", cm.exception.message)

    def test_limit_error(self) -> None:
        doc = records()
        doc["holders"][0]["cpr_aed"] = [{"completed": "2025-01-01", "expires": "2027-01-01"}] * 1001
        self.assertError(recert.LimitError, _errors.ELIMIT, recert.evaluate, doc, "2026-01-01")

    def test_closed_error(self) -> None:
        h = recert.Holder("h")
        h.close()
        self.assertError(recert.ClosedError, _errors.EINVAL, getattr, h, "id")

    def test_file_not_found(self) -> None:
        with self.assertRaises(FileNotFoundError):
            recert.evaluate("no/such/records.json", "2026-01-01")

    def test_validate_returns_the_list(self) -> None:
        self.assertEqual(recert.validate(records()), [])
        bad = records(expries="2026-04-10", certified="2025-02-30")
        errors = recert.validate(bad)
        self.assertGreaterEqual(len(errors), 2)
        for e in errors:
            self.assertEqual(set(e), {"path", "message"})
        paths = [e["path"] for e in errors]
        self.assertIn("holders[0].credentials[0].certified", paths)
        self.assertIn("holders[0].credentials[0].expries", paths)
        parse = recert.validate("{")
        self.assertEqual(len(parse), 1)
        self.assertTrue(parse[0]["message"])

    def test_error_path_from_the_library(self) -> None:
        from recert import _native

        lib = _native.lib()
        with self.assertRaises(recert.InvalidError) as cm:
            recert.evaluate(records(cycle_start="2021-01-01"), "2026-01-01")
        self.assertEqual(cm.exception.path, lib.recert_error_path().decode())
        self.assertEqual(cm.exception.message, lib.recert_error_message().decode())
        self.assertEqual(cm.exception.code, lib.recert_error_code())


if __name__ == "__main__":
    unittest.main()
