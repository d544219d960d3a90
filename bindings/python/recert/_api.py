"""The one-call path: a records document in, a report document out."""

from __future__ import annotations

import ctypes
from typing import Any, Dict, List, Optional

from . import _convert, _errors, _native
from ._convert import DateLike


def evaluate(records: Any, as_of: Optional[DateLike] = None) -> Dict[str, Any]:
    """Evaluate a records document as of a day and return the report document.

    records: a dict, JSON text (str or bytes), or a path (str or os.PathLike)
    naming an existing file. as_of: a ``datetime.date`` or ``YYYY-MM-DD``
    text; None means today (``datetime.date.today()``, local time).

    The report is the report document of docs/format.md as a dict: dates stay
    ``YYYY-MM-DD`` text, amounts (``required``, ``earned``, ...) are exact
    ``decimal.Decimal``, money is int cents.

    One call to ``recert_evaluate_json``. Raises a RecertError subclass
    (ParseError, InvalidError, RangeError, ...) with ``.path`` for bad records
    or a bad as_of, FileNotFoundError for a path that names no file.
    """
    text = _convert.json_bytes(records, "records")
    day = _convert.iso_text(as_of)
    lib = _native.lib()
    out = lib.out_string(lib.recert_evaluate_json, text, len(text), day.encode("utf-8"))
    return _convert.loads(out)  # type: ignore[no-any-return]


def evaluate_json(records: Any, as_of: Optional[DateLike] = None) -> str:
    """Like :func:`evaluate`, but return the report document as JSON text,
    exactly as the library wrote it."""
    text = _convert.json_bytes(records, "records")
    day = _convert.iso_text(as_of)
    lib = _native.lib()
    return lib.out_string(lib.recert_evaluate_json, text, len(text), day.encode("utf-8"))


def validate(records: Any, catalog: Any = None) -> List[Dict[str, str]]:
    """Check a records document in full, without evaluating it.

    Returns the list of errors, each ``{"path": ..., "message": ...}``, in
    document order; an empty list when the document is valid. A document
    that is not JSON, or not valid, is *not* an exception here: its errors
    are the result. Raises only when the check itself cannot run
    (ArgumentError, OutOfMemoryError) and FileNotFoundError for a path that
    names no file.

    catalog: a Catalog to read the records against, as
    ``Roster.from_json(records, catalog)`` does (None: the built-in
    policies).
    """
    text = _convert.json_bytes(records, "records")
    lib = _native.lib()
    out = ctypes.c_void_p()
    try:
        if catalog is None:
            rc = lib.recert_validate_json(ctypes.byref(out), text, len(text))
        else:
            rc = lib.recert_validate_json_catalog(ctypes.byref(out), text, len(text), catalog._h)
        if not out.value:
            if rc == _errors.OK:
                return []
            raise lib.last_error(rc)
        errors = _convert.loads(lib.take_string(out))
    finally:
        if out.value:
            lib.recert_free(out)
    if not isinstance(errors, list):
        raise _errors.RecertError("recert_validate_json gave no array", _errors.EDATA)
    return errors


def policies() -> List[Dict[str, Any]]:
    """The built-in policies, each a policy document (docs/format.md) as a dict;
    amounts are Decimal."""
    lib = _native.lib()
    return _convert.loads(lib.out_string(lib.recert_policies_json))


def library_version() -> str:
    """The loaded library's version, ``"0.1.0"``."""
    return _native.lib().recert_version_string().decode("ascii")


def library_path() -> str:
    """Where the loaded library was found."""
    return _native.lib().path


def strerror(code: int) -> str:
    """The library's fixed text for an error code."""
    return _native.lib().recert_strerror(code).decode("utf-8")


def audit_select(application_id: str, rate_ppm: int, seed: int) -> bool:
    """Is the application with this id selected for a random audit at this
    rate (parts per million: 10% is 100000), with this seed? Deterministic
    and uniform (recert_audit_select): the same arguments always give the
    same answer; use a new seed for each audit period."""
    if not isinstance(application_id, str):
        raise _errors.ArgumentError("audit_select: the id must be a str", _errors.EINVAL)
    if isinstance(rate_ppm, bool) or not isinstance(rate_ppm, int) or not 0 <= rate_ppm <= _native.AUDIT_RATE_ONE:
        raise _errors.ArgumentError(
            "audit_select: rate_ppm must be an int in 0..%d, got %r" % (_native.AUDIT_RATE_ONE, rate_ppm), _errors.EINVAL
        )
    if isinstance(seed, bool) or not isinstance(seed, int) or not 0 <= seed < 2**64:
        raise _errors.ArgumentError("audit_select: seed must be an int in 0..2**64-1, got %r" % (seed,), _errors.EINVAL)
    return bool(_native.lib().recert_audit_select(application_id.encode("utf-8"), rate_ppm, seed))
