"""Every ctypes declaration of the binding, and the loading of librecert.

This is the only module that knows the C signatures (include/recert/*.h):
each function gets its argtypes and restype here, mapped exactly (int32_t
days, int64_t amounts and cents, size_t indices, enums as int). Fallible
functions (those returning a RECERT_E... code) get an errcheck that raises
the matching RecertError with the thread's last error.

Strings the library allocates for the caller (JSON text) come back through
a ``char **out`` parameter declared as ``POINTER(c_void_p)``: they are read
with ``string_at`` and released with ``recert_free`` (a ``c_char_p`` would
copy them and leak the original). Strings the library lends (getters) use
``c_char_p`` as their restype: ctypes copies them and nothing is to be freed.

ctypes silently masks a Python int that does not fit its C type (2**32 + 7
passed as int32_t is 7), so the callers check every integer before it
crosses: days are within 1900..9999, amounts within RECERT_AMOUNT_MAX,
indices within size_t, audit rates and seeds within their unsigned types.

The library is found, on first use, at:

1. the path in the environment variable ``RECERT_LIBRARY``, when it is set
   (and then nowhere else);
2. ``librecert.so.0`` next to this package (a copy shipped in the wheel);
3. the system's ``librecert.so.0`` (the dynamic loader's search: ld.so.cache,
   ``LD_LIBRARY_PATH``, ...), then ``/usr/local/lib/<multiarch>/`` and
   ``/usr/local/lib/`` (meson's default prefix, in case ldconfig was not run).
"""

from __future__ import annotations

import ctypes
import os
import sysconfig
import threading
from ctypes import (
    POINTER,
    c_char,
    Structure,
    c_char_p,
    c_int,
    c_int32,
    c_int64,
    c_long,
    c_size_t,
    c_uint,
    c_uint32,
    c_uint64,
    c_void_p,
)
from typing import Any, Callable, List, Optional, Sequence, Tuple

from . import _errors

SONAME = "librecert.so.0"
SUPPORTED_MAJOR = 0  # the library major version this binding is written for

DAY_NONE = -(2**31)  # RECERT_DAY_NONE (INT32_MIN)
DAY_MIN = -25567  # RECERT_DAY_MIN, 1900-01-01
DAY_MAX = 2932896  # RECERT_DAY_MAX, 9999-12-31
JSON_PRETTY = 0x1  # RECERT_JSON_PRETTY
AMOUNT_MAX = 100000000000  # RECERT_AMOUNT_MAX, hundredths
AUDIT_RATE_ONE = 1000000  # RECERT_AUDIT_RATE_ONE: rates are parts per million

# Short names for the C types of the declarations below.
I32 = c_int32  # int32_t: day numbers
I64 = c_int64  # int64_t: centihours, hundredths, cents, per_hour millionths
U32 = c_uint32  # uint32_t: audit rates in parts per million
U64 = c_uint64  # uint64_t: audit seeds
SZ = c_size_t  # size_t: indices, counts, lengths
INT = c_int  # int: codes, enums, flags 1/0/-1
UINT = c_uint  # unsigned: JSON flags, version number
LONG = c_long  # long: recert_credit_applies_to_count
H = c_void_p  # any opaque handle pointer (recert_roster *, ...)
STR = c_char_p  # const char * in, or a borrowed const char * out
OUT_STR = POINTER(c_void_p)  # char **out: JSON text to recert_free()
OUT_H = POINTER(c_void_p)  # recert_x **out: a new handle
OUT_I32 = POINTER(c_int32)
OUT_I64 = POINTER(c_int64)
OUT_INT = POINTER(c_int)  # int *out: the parts of an offset
STR_ARRAY = POINTER(c_char_p)  # const char *const *
CHAR_BUF = POINTER(c_char)  # char *out, size_t size: a caller's buffer


class ErrorRecord(Structure):
    """struct recert_error: {int code; const char *message; const char *path;}"""

    _fields_ = [("code", c_int), ("message", c_char_p), ("path", c_char_p)]


# (name, restype, argtypes, checked): checked functions return RECERT_OK or a
# negative code and raise on failure. The order follows the headers.
_DECLARATIONS: List[Tuple[str, Any, Sequence[Any], bool]] = [
    # common.h
    ("recert_free", None, [c_void_p], False),
    # error.h
    ("recert_error_last", POINTER(ErrorRecord), [], False),
    ("recert_error_code", INT, [], False),
    ("recert_error_message", STR, [], False),
    ("recert_error_path", STR, [], False),
    ("recert_error_clear", None, [], False),
    ("recert_strerror", STR, [INT], False),
    # audit.h
    ("recert_audit_select", INT, [STR, U32, U64], True),  # 1, 0, or RECERT_EINVAL
    # version.h
    ("recert_version", UINT, [], False),
    ("recert_version_string", STR, [], False),
    # date.h
    ("recert_date_parse", INT, [OUT_I32, STR], True),
    ("recert_date_format", INT, [CHAR_BUF, SZ, I32], True),
    ("recert_date_from_ymd", INT, [OUT_I32, INT, INT, INT], True),
    ("recert_date_to_ymd", INT, [I32, OUT_INT, OUT_INT, OUT_INT], True),
    ("recert_date_add", INT, [OUT_I32, I32, INT, INT, INT], True),
    ("recert_date_year_end", INT, [OUT_I32, I32], True),
    # amount.h
    ("recert_amount_to_centihours", INT, [OUT_I64, I64, I64], True),
    ("recert_amount_format", INT, [CHAR_BUF, SZ, I64, I64], True),
    ("recert_amount_parse", INT, [OUT_I64, STR], True),
    ("recert_unit_standard_per_hour", I64, [STR], False),
    # policy.h
    ("recert_policy_from_json", INT, [OUT_H, STR, SZ], True),
    ("recert_policy_to_json", INT, [OUT_STR, H, UINT], True),
    ("recert_policy_copy", INT, [OUT_H, H], True),
    ("recert_policy_free", None, [H], False),
    ("recert_policy_id", STR, [H], False),
    ("recert_policy_organization", STR, [H], False),
    ("recert_policy_name", STR, [H], False),
    ("recert_policy_source", STR, [H], False),
    ("recert_policy_checked", I32, [H], False),
    ("recert_policy_currency", STR, [H], False),
    ("recert_policy_unit", STR, [H], False),
    ("recert_policy_unit_per_hour", I64, [H], False),
    ("recert_policy_cycle_years", INT, [H], False),
    ("recert_policy_cycle_kind", INT, [H], False),
    ("recert_policy_credits_required", I64, [H], False),
    ("recert_policy_credit_grace_days", I32, [H], False),
    ("recert_policy_cpr_aed_required", INT, [H], False),
    ("recert_policy_cpr_aed_credit", I64, [H], False),
    ("recert_policy_unapproved_credits", INT, [H], False),
    ("recert_policy_exam_path", INT, [H], False),
    ("recert_policy_combine_group", STR, [H], False),
    ("recert_policy_fee", I64, [H, INT], False),
    ("recert_policy_late_window_count", SZ, [H], False),
    ("recert_policy_late_window_tier", STR, [H, SZ], False),
    ("recert_policy_late_window_fee", I64, [H, SZ], False),
    ("recert_policy_audits", INT, [H], False),
    ("recert_policy_audit_documents_days", I32, [H], False),
    # 1 / 0 / -1 with the offset's parts out (not RECERT_E... codes: unchecked)
    ("recert_policy_late_window_through", INT, [H, SZ, OUT_INT, OUT_INT, OUT_INT], False),
    ("recert_policy_final_deadline", INT, [H, OUT_INT, OUT_INT, OUT_INT], False),
    ("recert_policy_cycle_ends", I32, [H], False),
    ("recert_policy_cpr_aed_valid_days", I32, [H], False),
    ("recert_policy_category_count", SZ, [H], False),
    ("recert_policy_category_id", STR, [H, SZ], False),
    ("recert_policy_category_min", I64, [H, SZ], False),
    ("recert_policy_category_max", I64, [H, SZ], False),
    ("recert_policy_proration_count", SZ, [H], False),
    ("recert_policy_proration_step", INT, [H, SZ, OUT_INT, OUT_INT, OUT_INT, OUT_I64], False),  # 1 or -1
    ("recert_policy_version_count", SZ, [H], False),
    ("recert_policy_version_at", H, [H, SZ], False),  # owned by the policy: borrowed
    ("recert_policy_effective", I32, [H], False),
    ("recert_policy_in_force", H, [H, I32], False),  # the policy itself or one of its versions
    # catalog.h
    ("recert_catalog_new", INT, [OUT_H], True),
    ("recert_catalog_new_builtin", INT, [OUT_H], True),
    ("recert_catalog_default", INT, [OUT_H], True),
    ("recert_catalog_free", None, [H], False),
    ("recert_catalog_add", INT, [H, H], True),
    ("recert_catalog_add_json", INT, [H, STR, SZ], True),
    ("recert_catalog_count", SZ, [H], False),
    ("recert_catalog_at", H, [H, SZ], False),
    ("recert_catalog_find", H, [H, STR], False),
    ("recert_catalog_to_json", INT, [OUT_STR, H, UINT], True),
    ("recert_policies_json", INT, [OUT_STR], True),
    # credit.h
    ("recert_credit_new", INT, [OUT_H, STR, I32], True),
    ("recert_credit_copy", INT, [OUT_H, H], True),
    ("recert_credit_free", None, [H], False),
    ("recert_credit_set_title", INT, [H, STR], True),
    ("recert_credit_set_provider", INT, [H, STR], True),
    ("recert_credit_set_completed", INT, [H, I32], True),
    ("recert_credit_set_hours", INT, [H, I64], True),
    ("recert_credit_set_amount", INT, [H, I64, STR], True),
    ("recert_credit_set_approval", INT, [H, INT], True),
    ("recert_credit_set_petition", INT, [H, INT, I32, I32], True),
    ("recert_credit_set_applies_to", INT, [H, STR_ARRAY, SZ], True),
    ("recert_credit_set_applies_to_all", INT, [H], True),
    ("recert_credit_set_category", INT, [H, STR], True),
    ("recert_credit_id", STR, [H], False),
    ("recert_credit_title", STR, [H], False),
    ("recert_credit_provider", STR, [H], False),
    ("recert_credit_completed", I32, [H], False),
    ("recert_credit_amount", I64, [H], False),
    ("recert_credit_unit", STR, [H], False),
    ("recert_credit_approval", INT, [H], False),
    ("recert_credit_petition_status", INT, [H], False),
    ("recert_credit_petition_filed", I32, [H], False),
    ("recert_credit_petition_decided", I32, [H], False),
    ("recert_credit_applies_to_count", LONG, [H], False),
    ("recert_credit_applies_to_at", STR, [H, SZ], False),
    ("recert_credit_category", STR, [H], False),
    ("recert_credit_x_set", INT, [H, STR, STR], True),
    ("recert_credit_x_get", INT, [OUT_STR, H, STR], True),
    ("recert_credit_x_count", SZ, [H], False),
    ("recert_credit_x_key", STR, [H, SZ], False),
    # credential.h
    ("recert_credential_new", INT, [OUT_H, STR, STR, I32], True),
    ("recert_credential_copy", INT, [OUT_H, H], True),
    ("recert_credential_free", None, [H], False),
    ("recert_credential_set_policy", INT, [H, STR], True),
    ("recert_credential_set_number", INT, [H, STR], True),
    ("recert_credential_set_certified", INT, [H, I32], True),
    ("recert_credential_set_cycle_start", INT, [H, I32], True),
    ("recert_credential_set_expires", INT, [H, I32], True),
    ("recert_credential_set_application", INT, [H, I32, INT, I32], True),
    ("recert_credential_set_audit", INT, [H, I32, I32, INT, I32], True),
    ("recert_credential_set_exam", INT, [H, I32], True),
    ("recert_credential_id", STR, [H], False),
    ("recert_credential_policy", STR, [H], False),
    ("recert_credential_number", STR, [H], False),
    ("recert_credential_certified", I32, [H], False),
    ("recert_credential_cycle_start", I32, [H], False),
    ("recert_credential_expires", I32, [H], False),
    ("recert_credential_application_received", I32, [H], False),
    ("recert_credential_application_decision", INT, [H], False),
    ("recert_credential_application_decided", I32, [H], False),
    ("recert_credential_audit_selected", I32, [H], False),
    ("recert_credential_audit_documents_received", I32, [H], False),
    ("recert_credential_audit_outcome", INT, [H], False),
    ("recert_credential_audit_decided", I32, [H], False),
    ("recert_credential_exam_passed", I32, [H], False),
    ("recert_credential_x_set", INT, [H, STR, STR], True),
    ("recert_credential_x_get", INT, [OUT_STR, H, STR], True),
    ("recert_credential_x_count", SZ, [H], False),
    ("recert_credential_x_key", STR, [H, SZ], False),
    # holder.h
    ("recert_holder_new", INT, [OUT_H, STR], True),
    ("recert_holder_copy", INT, [OUT_H, H], True),
    ("recert_holder_free", None, [H], False),
    ("recert_holder_set_name", INT, [H, STR], True),
    ("recert_holder_id", STR, [H], False),
    ("recert_holder_name", STR, [H], False),
    ("recert_holder_add_credential", INT, [H, H], True),
    ("recert_holder_add_credit", INT, [H, H], True),
    ("recert_holder_remove_credential", INT, [H, SZ], True),
    ("recert_holder_remove_credit", INT, [H, SZ], True),
    ("recert_holder_credential_count", SZ, [H], False),
    ("recert_holder_credential_at", H, [H, SZ], False),
    ("recert_holder_credit_count", SZ, [H], False),
    ("recert_holder_credit_at", H, [H, SZ], False),
    ("recert_holder_add_cpr_aed", INT, [H, I32, I32, INT, INT], True),
    ("recert_holder_remove_cpr_aed", INT, [H, SZ], True),
    ("recert_holder_cpr_aed_count", SZ, [H], False),
    ("recert_holder_cpr_aed_completed", I32, [H, SZ], False),
    ("recert_holder_cpr_aed_expires", I32, [H, SZ], False),
    ("recert_holder_cpr_aed_hands_on", INT, [H, SZ], False),
    ("recert_holder_cpr_aed_adult", INT, [H, SZ], False),
    ("recert_holder_x_set", INT, [H, STR, STR], True),
    ("recert_holder_x_get", INT, [OUT_STR, H, STR], True),
    ("recert_holder_x_count", SZ, [H], False),
    ("recert_holder_x_key", STR, [H, SZ], False),
    # roster.h
    ("recert_evaluate_json", INT, [OUT_STR, STR, SZ, STR], True),
    ("recert_validate_json", INT, [OUT_STR, STR, SZ], False),  # sets *out on EPARSE/EDATA too
    ("recert_validate_json_catalog", INT, [OUT_STR, STR, SZ, H], False),  # likewise
    ("recert_roster_new", INT, [OUT_H, H], True),
    ("recert_roster_from_json", INT, [OUT_H, STR, SZ], True),
    ("recert_roster_from_json_catalog", INT, [OUT_H, STR, SZ, H], True),
    ("recert_roster_to_json", INT, [OUT_STR, H, UINT], True),
    ("recert_roster_free", None, [H], False),
    ("recert_roster_add_policy", INT, [H, H], True),
    ("recert_roster_policy_count", SZ, [H], False),
    ("recert_roster_policy_at", H, [H, SZ], False),
    ("recert_roster_find_policy", H, [H, STR], False),
    ("recert_roster_add_holder", INT, [H, H], True),
    ("recert_roster_remove_holder", INT, [H, SZ], True),
    ("recert_roster_holder_count", SZ, [H], False),
    ("recert_roster_holder_at", H, [H, SZ], False),
    ("recert_roster_find_holder", H, [H, STR], False),
    ("recert_roster_x_set", INT, [H, STR, STR], True),
    ("recert_roster_x_get", INT, [OUT_STR, H, STR], True),
    ("recert_roster_evaluate", INT, [OUT_H, H, I32], True),
    # report.h
    ("recert_report_free", None, [H], False),
    ("recert_report_to_json", INT, [OUT_STR, H, UINT], True),
    ("recert_report_as_of", I32, [H], False),
    ("recert_report_holder_count", SZ, [H], False),
    ("recert_report_holder_id", STR, [H, SZ], False),
    ("recert_report_credential_count", SZ, [H, SZ], False),
    ("recert_report_credential_id", STR, [H, SZ, SZ], False),
    ("recert_report_policy_id", STR, [H, SZ, SZ], False),
    ("recert_report_status", INT, [H, SZ, SZ], False),
    ("recert_report_certified", INT, [H, SZ, SZ], False),
    ("recert_report_path", INT, [H, SZ, SZ], False),
    ("recert_report_date", I32, [H, SZ, SZ, INT], False),
    ("recert_report_credits", I64, [H, SZ, SZ, INT], False),
    ("recert_report_unit", STR, [H, SZ, SZ], False),
    ("recert_report_unit_per_hour", I64, [H, SZ, SZ], False),
    ("recert_report_counted_count", SZ, [H, SZ, SZ], False),
    ("recert_report_counted_at", STR, [H, SZ, SZ, SZ], False),
    ("recert_report_cpr_aed", INT, [H, SZ, SZ], False),
    ("recert_report_fee", I64, [H, SZ, SZ, INT], False),
    ("recert_report_currency", STR, [H, SZ, SZ], False),
    ("recert_report_tier_kind", INT, [H, SZ, SZ], False),
    ("recert_report_tier", STR, [H, SZ, SZ], False),
    ("recert_report_audit", INT, [H, SZ, SZ], False),
    ("recert_report_group_count", SZ, [H, SZ, SZ], False),
    ("recert_report_group_at", STR, [H, SZ, SZ, SZ], False),
    ("recert_report_notice_count", SZ, [H, SZ, SZ], False),
    ("recert_report_notice_code", INT, [H, SZ, SZ, SZ], False),
    ("recert_report_notice_credit", STR, [H, SZ, SZ, SZ], False),
    ("recert_report_notice_message", STR, [H, SZ, SZ, SZ], False),
    ("recert_report_credit_count", SZ, [H, SZ], False),
    ("recert_report_credit_id", STR, [H, SZ, SZ], False),
    ("recert_report_credit_amount", I64, [H, SZ, SZ], False),
    ("recert_report_credit_reason", INT, [H, SZ, SZ, SZ], False),
    ("recert_report_category_count", SZ, [H, SZ, SZ], False),
    ("recert_report_category_id", STR, [H, SZ, SZ, SZ], False),
    ("recert_report_category_amount", I64, [H, SZ, SZ, SZ, INT], False),
    ("recert_report_policy_effective", I32, [H, SZ, SZ], False),
    ("recert_status_name", STR, [INT], False),
    ("recert_path_name", STR, [INT], False),
    ("recert_cpr_aed_state_name", STR, [INT], False),
    ("recert_audit_state_name", STR, [INT], False),
    ("recert_notice_code_name", STR, [INT], False),
    ("recert_credit_reason_name", STR, [INT], False),
]

DECLARED_NAMES = tuple(d[0] for d in _DECLARATIONS)


def _text(b: Optional[bytes]) -> str:
    return b.decode("utf-8", "replace") if b else ""


class Library:
    """The loaded librecert: every declared function as an attribute
    (``lib.recert_evaluate_json(...)``), plus where it was loaded from."""

    def __init__(self, cdll: ctypes.CDLL, path: str) -> None:
        self.cdll = cdll
        self.path = path
        self.missing: List[str] = []
        for name, restype, argtypes, checked in _DECLARATIONS:
            try:
                fn = getattr(cdll, name)
            except AttributeError:
                self.missing.append(name)
                setattr(self, name, _missing_symbol(name, path))
                continue
            fn.restype = restype
            fn.argtypes = list(argtypes)
            if checked:
                fn.errcheck = self._check
            setattr(self, name, fn)

    def __getattr__(self, name: str) -> Any:
        # Only reached for names not set in __init__; declared for type
        # checkers, which then see every recert_* attribute as Any.
        raise AttributeError(name)

    def last_error(self, code: int) -> _errors.RecertError:
        """The exception for a call that just returned code, with this
        thread's last error's message and path."""
        message = ""
        path = ""
        if "recert_error_code" not in self.missing:
            if self.recert_error_code() == code:
                message = _text(self.recert_error_message())
                path = _text(self.recert_error_path())
        if not message:
            message = _text(self.recert_strerror(code))
        return _errors.make_error(code, message, path)

    def _check(self, result: int, func: Any, args: Any) -> int:
        if result < 0:
            raise self.last_error(result)
        return result

    # -- strings the library allocates -------------------------------------

    def take_string(self, ptr: c_void_p) -> str:
        """Read the NUL-terminated UTF-8 text at ptr and recert_free() it."""
        if not ptr.value:
            return ""
        try:
            return ctypes.string_at(ptr.value).decode("utf-8")
        finally:
            self.recert_free(ptr)
            ptr.value = None

    def out_string(self, fn: Callable[..., int], *args: Any) -> str:
        """Call fn(char **out, *args) and return *out as str, released."""
        out = c_void_p()
        try:
            fn(ctypes.byref(out), *args)
            return self.take_string(out)
        finally:
            if out.value:  # an errcheck raised after *out was set: free it
                self.recert_free(out)

    def out_handle(self, fn: Callable[..., int], *args: Any) -> int:
        """Call fn(T **out, *args) and return the new handle's address."""
        out = c_void_p()
        fn(ctypes.byref(out), *args)
        if not out.value:
            raise _errors.make_error(_errors.ENOMEM, "%s gave no handle" % getattr(fn, "__name__", "a call"))
        return out.value


def _missing_symbol(name: str, path: str) -> Callable[..., Any]:
    def missing(*args: Any) -> Any:
        raise _errors.UnsupportedError(
            "%s: the librecert at %s has no function %s (an older version?)" % (name, path, name),
            _errors.EUNSUPPORTED,
        )

    missing.__name__ = name
    return missing


_lock = threading.Lock()
_library: Optional[Library] = None


def candidates() -> List[Tuple[str, str]]:
    """Where the library is looked for, in order: (description, path)."""
    env = os.environ.get("RECERT_LIBRARY")
    if env:
        return [("RECERT_LIBRARY", env)]
    here = os.path.dirname(os.path.abspath(__file__))
    found = [("next to the package", os.path.join(here, SONAME)), ("the system's", SONAME)]
    multiarch = sysconfig.get_config_var("MULTIARCH")
    if multiarch:
        found.append(("the default prefix", os.path.join("/usr/local/lib", multiarch, SONAME)))
    found.append(("the default prefix", os.path.join("/usr/local/lib", SONAME)))
    return found


def load(candidate_list: Optional[List[Tuple[str, str]]] = None) -> Library:
    """Load librecert from the first candidate that works; raise
    LibraryNotFoundError saying what was tried when none does."""
    tried = []
    env_set = bool(os.environ.get("RECERT_LIBRARY")) if candidate_list is None else False
    for what, path in candidate_list if candidate_list is not None else candidates():
        if os.sep in path and not os.path.exists(path):
            tried.append("%s: %s: no such file" % (what, path))
            continue
        try:
            cdll = ctypes.CDLL(path)
        except OSError as e:
            tried.append("%s: %s: %s" % (what, path, e))
            continue
        if not hasattr(cdll, "recert_version"):
            tried.append("%s: %s: not librecert (no recert_version)" % (what, path))
            continue
        lib = Library(cdll, path)
        major = (lib.recert_version() >> 16) & 0xFF
        if major != SUPPORTED_MAJOR:
            tried.append(
                "%s: %s: version %s, this binding needs %d.x"
                % (what, path, _text(lib.recert_version_string()), SUPPORTED_MAJOR)
            )
            continue
        return lib
    hint = (
        "check the path in RECERT_LIBRARY"
        if env_set
        else "install librecert, or set RECERT_LIBRARY to the path of %s" % SONAME
    )
    raise _errors.LibraryNotFoundError(
        "librecert could not be loaded; tried:\n  " + "\n  ".join(tried) + "\n" + hint
    )


def lib() -> Library:
    """The library, loaded on first use (thread-safe)."""
    global _library
    if _library is None:
        with _lock:
            if _library is None:
                _library = load()
    return _library
