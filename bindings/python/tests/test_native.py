"""The ctypes declarations against the C headers: every public function is
declared, with argtypes and restype mapped exactly from its prototype."""

from __future__ import annotations

import ctypes
import os
import re
import unittest
from typing import Any, Dict, List, Tuple

import recert
from recert import _native

from .support import INCLUDE, needs_library

TYPEDEF_ENUMS = set()


def prototypes() -> Dict[str, Tuple[str, List[str]]]:
    """name -> (return type, [parameter types]) from include/recert/*.h."""
    found: Dict[str, Tuple[str, List[str]]] = {}
    for name in sorted(os.listdir(INCLUDE)):
        if not name.endswith(".h"):
            continue
        with open(os.path.join(INCLUDE, name), encoding="utf-8") as f:
            text = f.read()
        text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
        for m in re.finditer(r"typedef\s+enum\s+\w+\s*\{.*?\}\s*(\w+)\s*;", text, flags=re.S):
            TYPEDEF_ENUMS.add(m.group(1))
        for m in re.finditer(r"RECERT_API\s+([^;(]*?)\b(recert_\w+)\s*\(([^)]*)\)\s*;", text, flags=re.S):
            ret = _norm(m.group(1))
            params = [" ".join(p.split()) for p in m.group(3).split(",")]
            if params == ["void"]:
                params = []
            found[m.group(2)] = (ret, [_drop_name(p) for p in params])
    return found


def _norm(c_type: str) -> str:
    """One spelling of a C type: no spaces around '*'."""
    return re.sub(r"\s*\*\s*", "*", " ".join(c_type.split()))


def _drop_name(param: str) -> str:
    """A parameter's type, without its name: "const char *id" is "const char*"."""
    t = _norm(param)
    m = re.match(r"^(.*[*\s])([A-Za-z_]\w*)$", t)
    return m.group(1).strip() if m else t


def expected_ctype(c: str, is_return: bool) -> Any:
    c = _norm(c)
    base = c.replace("const ", "").replace("const*", "*").strip()
    table = {
        "void": None,
        "int": ctypes.c_int,
        "unsigned": ctypes.c_uint,
        "long": ctypes.c_long,
        "size_t": ctypes.c_size_t,
        "int32_t": ctypes.c_int32,
        "int64_t": ctypes.c_int64,
        "uint32_t": ctypes.c_uint32,
        "uint64_t": ctypes.c_uint64,
        "void*": ctypes.c_void_p,
        "int*": ctypes.POINTER(ctypes.c_int),
        "int32_t*": ctypes.POINTER(ctypes.c_int32),
        "int64_t*": ctypes.POINTER(ctypes.c_int64),
        "char**": ctypes.POINTER(ctypes.c_void_p),  # allocated text: string_at + recert_free
        "recert_error*": ctypes.POINTER(_native.ErrorRecord),
    }
    if c == "const char*const*":
        return ctypes.POINTER(ctypes.c_char_p)
    if base == "char*":
        # const char *: text in, or a borrowed string out; char *: a buffer
        return ctypes.c_char_p if c.startswith("const") else ctypes.POINTER(ctypes.c_char)
    if base in table:
        return table[base]
    if base in TYPEDEF_ENUMS:
        return ctypes.c_int
    if re.match(r"^recert_\w+\*$", base):
        return ctypes.c_void_p  # an opaque handle
    if re.match(r"^recert_\w+\*\*$", base):
        return ctypes.POINTER(ctypes.c_void_p)  # a new handle out
    raise AssertionError("no mapping for C type %r" % c)


class Declarations(unittest.TestCase):
    def test_headers_found(self) -> None:
        self.assertTrue(os.path.isdir(INCLUDE), INCLUDE)
        self.assertGreater(len(prototypes()), 150)

    def test_every_public_function_is_declared(self) -> None:
        missing = sorted(set(prototypes()) - set(_native.DECLARED_NAMES))
        self.assertEqual(missing, [], "functions in include/recert/*.h without a ctypes declaration")
        extra = sorted(set(_native.DECLARED_NAMES) - set(prototypes()))
        self.assertEqual(extra, [], "declarations of functions that are not in the headers")

    def test_every_declaration_matches_its_prototype(self) -> None:
        protos = prototypes()
        for name, restype, argtypes, _checked in _native._DECLARATIONS:
            with self.subTest(function=name):
                ret, params = protos[name]
                self.assertEqual(len(argtypes), len(params), "%s: %r" % (name, params))
                self.assertIs(restype, expected_ctype(ret, True), "%s returns %s" % (name, ret))
                for i, (have, c) in enumerate(zip(argtypes, params)):
                    self.assertIs(have, expected_ctype(c, False), "%s argument %d is %s" % (name, i, c))

    def test_no_allocated_string_is_returned_as_c_char_p(self) -> None:
        protos = prototypes()
        for name, restype, _a, _c in _native._DECLARATIONS:
            if restype is ctypes.c_char_p:
                self.assertTrue(protos[name][0].startswith("const char"), name)


@needs_library
class Loaded(unittest.TestCase):
    def test_every_symbol_is_in_the_library(self) -> None:
        self.assertEqual(_native.lib().missing, [])
        for name in _native.DECLARED_NAMES:
            fn = getattr(_native.lib(), name)
            self.assertIsNotNone(fn.argtypes, name)

    def test_version_agrees_with_the_header(self) -> None:
        with open(os.path.join(INCLUDE, "version.h"), encoding="utf-8") as f:
            text = f.read()
        header = re.search(r'#define RECERT_VERSION_STRING "([^"]+)"', text).group(1)  # type: ignore[union-attr]
        self.assertEqual(recert.library_version(), header)
        self.assertEqual(recert.__version__, header)
        major, minor, patch = (int(x) for x in header.split("."))
        self.assertEqual(_native.lib().recert_version(), (major << 16) | (minor << 8) | patch)

    def test_library_path_follows_recert_library(self) -> None:
        if os.environ.get("RECERT_LIBRARY"):
            self.assertEqual(recert.library_path(), os.environ["RECERT_LIBRARY"])

    def test_strerror_and_error_record(self) -> None:
        self.assertTrue(recert.strerror(-3))
        self.assertEqual(recert.strerror(-999), "unknown error")
        lib = _native.lib()
        with self.assertRaises(recert.ParseError):
            recert.evaluate("{", "2026-01-01")
        record = lib.recert_error_last().contents
        self.assertEqual(record.code, -2)
        self.assertEqual(record.message, lib.recert_error_message())
        lib.recert_error_clear()
        self.assertEqual(lib.recert_error_code(), 0)
        self.assertEqual(lib.recert_error_path(), b"")

    def test_date_and_amount_helpers_agree_with_python(self) -> None:
        from recert import _convert

        lib = _native.lib()
        buf = ctypes.create_string_buffer(11)
        for day in (-25567, -1, 0, 20780, 2932896, 19782):
            lib.recert_date_format(buf, 11, day)
            self.assertEqual(buf.value.decode(), _convert.day_to_date(day).isoformat())  # type: ignore[union-attr]
            self.assertEqual(_convert.parse_iso(buf.value.decode()), day)
        out = ctypes.create_string_buffer(64)
        for centihours, per_hour in ((2000, 100000), (1900, 100000), (25, 100000), (6100, 1000000), (-150, 100000), (1, 333333)):
            lib.recert_amount_format(out, 64, centihours, per_hour)
            self.assertEqual(
                _convert.Decimal(out.value.decode()), _convert.centihours_to_decimal(centihours, per_hour), (centihours, per_hour)
            )


if __name__ == "__main__":
    unittest.main()
