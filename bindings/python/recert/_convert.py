"""Conversions between Python values and the library's plain values.

- Day numbers (int32 days since 1970-01-01) and ``datetime.date``:
  ``date.fromordinal(day + 719163)``; RECERT_DAY_NONE is ``None``.
- Centihours and ``decimal.Decimal`` in a unit whose size is per_hour in
  millionths: ``Decimal(centihours) * per_hour_micro / 10**8``, exact.
- Hundredths and ``Decimal``: an amount must be whole hundredths.
- JSON text: written exactly (``Decimal`` as its digits, ``date`` as
  ``YYYY-MM-DD``) and read with ``parse_float=Decimal``.

Pure Python: nothing here needs the library except ISO date text, which the
library parses so that the binding accepts exactly what it does.
"""

from __future__ import annotations

import ctypes
import datetime
import decimal
import json
import os
from decimal import Decimal
from typing import Any, Optional, Union

from . import _errors, _native
from ._native import DAY_MAX, DAY_MIN, DAY_NONE

EPOCH_ORDINAL = 719163  # datetime.date(1970, 1, 1).toordinal()

# A context of our own: the caller's decimal context (precision, traps) must
# not change the exact arithmetic below.
_CTX = decimal.Context(prec=60, rounding=decimal.ROUND_FLOOR, traps=[decimal.InvalidOperation])
_E8 = Decimal(10**8)
_HUNDRED = Decimal(100)
_TENTH = Decimal("0.1")

DateLike = Union[datetime.date, str]
AmountLike = Union[Decimal, int, str, float]


# -- dates -------------------------------------------------------------------


def day_to_date(day: int) -> Optional[datetime.date]:
    """A day number to a date; RECERT_DAY_NONE (or anything outside
    1900..9999) to None."""
    if day == DAY_NONE or day < DAY_MIN or day > DAY_MAX:
        return None
    return datetime.date.fromordinal(day + EPOCH_ORDINAL)


def date_to_day(value: datetime.date) -> int:
    """A date (a datetime counts as its date) to a day number."""
    if isinstance(value, datetime.datetime):
        value = value.date()
    return value.toordinal() - EPOCH_ORDINAL


def parse_iso(text: str) -> int:
    """Strict ``YYYY-MM-DD`` text to a day number, the library's way."""
    lib = _native.lib()  # the library decides what a valid date text is
    out = _native.I32()
    lib.recert_date_parse(ctypes.byref(out), text.encode("utf-8"))
    return out.value


def to_day(value: Optional[DateLike], what: str = "date", optional: bool = False) -> int:
    """A date, or ``YYYY-MM-DD`` text, to a day number; None gives
    RECERT_DAY_NONE when optional. Dates outside 1900..9999 are RangeError."""
    if value is None:
        if optional:
            return DAY_NONE
        raise _errors.ArgumentError("%s: a date is required" % what, _errors.EINVAL)
    if isinstance(value, datetime.date):
        day = date_to_day(value)
    elif isinstance(value, str):
        try:
            day = parse_iso(value)
        except _errors.RecertError as e:
            raise _errors.make_error(e.code, "%s: %s" % (what, e.message), e.path) from None
    else:
        raise _errors.ArgumentError(
            "%s: expected a datetime.date or YYYY-MM-DD text, got %s" % (what, type(value).__name__),
            _errors.EINVAL,
        )
    if day < DAY_MIN or day > DAY_MAX:
        raise _errors.RangeError("%s: %s is outside 1900-01-01..9999-12-31" % (what, value), _errors.ERANGE)
    return day


def iso_text(value: Optional[DateLike], what: str = "as_of") -> str:
    """A date or text for the one-call functions' as_of: today when None."""
    if value is None:
        value = datetime.date.today()
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, str):
        return value
    raise _errors.ArgumentError(
        "%s: expected a datetime.date or YYYY-MM-DD text, got %s" % (what, type(value).__name__), _errors.EINVAL
    )


# -- amounts -----------------------------------------------------------------


def centihours_to_decimal(centihours: int, per_hour_micro: int) -> Decimal:
    """Centihours written in a unit of per_hour_micro millionths per hour,
    exactly, with at least one decimal the way the report document writes
    it: 2000 centihours of CEU (100000) is Decimal('2.0'), 25 is
    Decimal('0.025')."""
    d = _CTX.divide(_CTX.multiply(Decimal(centihours), Decimal(per_hour_micro)), _E8)
    if d.as_tuple().exponent > -1:  # type: ignore[operator]
        d = d.quantize(_TENTH, context=_CTX)
    return d


def to_decimal(value: AmountLike, what: str = "amount") -> Decimal:
    """An amount given as Decimal, int, str or float to an exact Decimal (a
    float is read as its shortest repr: 1.9 is Decimal('1.9'))."""
    if isinstance(value, bool):
        raise _errors.ArgumentError("%s: expected a number, got bool" % what, _errors.EINVAL)
    try:
        if isinstance(value, Decimal):
            d = value
        elif isinstance(value, int):
            d = Decimal(value)
        elif isinstance(value, float):
            d = Decimal(repr(value))
        elif isinstance(value, str):
            d = Decimal(value.strip())
        else:
            raise TypeError
    except (TypeError, decimal.InvalidOperation):
        raise _errors.ArgumentError("%s: not a number: %r" % (what, value), _errors.EINVAL) from None
    if not d.is_finite():
        raise _errors.ArgumentError("%s: not a finite number: %r" % (what, value), _errors.EINVAL)
    return d


def to_hundredths(value: AmountLike, what: str = "amount") -> int:
    """An amount to whole hundredths (1.5 is 150); ArgumentError when it has
    more than two decimals."""
    d = _CTX.multiply(to_decimal(value, what), _HUNDRED)
    if d != d.to_integral_value():
        raise _errors.ArgumentError("%s: more than two decimals: %s" % (what, value), _errors.EINVAL)
    h = int(d)
    if abs(h) > _native.AMOUNT_MAX:  # would not fit the C side; the library refuses it anyway
        raise _errors.ArgumentError(
            "%s: %s is not in 0 < amount <= %d" % (what, value, _native.AMOUNT_MAX // 100), _errors.EINVAL
        )
    return h


def hundredths_to_decimal(hundredths: int) -> Decimal:
    """Whole hundredths back to an amount: 150 is Decimal('1.5'), 400 is
    Decimal('4')."""
    return _CTX.divide(Decimal(hundredths), _HUNDRED)


# -- JSON --------------------------------------------------------------------


def loads(text: Union[str, bytes]) -> Any:
    """JSON text from the library to Python: numbers with a fraction or an
    exponent become Decimal (exact), integers int."""
    return json.loads(text, parse_float=Decimal)


def dumps(value: Any) -> str:
    """Python to JSON text, exactly: Decimal as its own digits, date as
    ``YYYY-MM-DD``, tuples as arrays; NaN and infinities are refused."""
    parts: list = []
    _dump(value, parts, 0)
    return "".join(parts)


def _dump(value: Any, out: list, depth: int) -> None:
    if depth > 512:
        raise _errors.ArgumentError("value nested too deeply for JSON", _errors.EINVAL)
    if value is None or isinstance(value, (bool, str)):
        out.append(json.dumps(value, ensure_ascii=False))
    elif isinstance(value, int):
        out.append(int.__repr__(value))
    elif isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise _errors.ArgumentError("not a finite number: %r" % value, _errors.EINVAL)
        out.append(float.__repr__(value))
    elif isinstance(value, Decimal):
        if not value.is_finite():
            raise _errors.ArgumentError("not a finite number: %s" % value, _errors.EINVAL)
        out.append(str(value))
    elif isinstance(value, datetime.date):
        if isinstance(value, datetime.datetime):
            value = value.date()
        out.append('"%s"' % value.isoformat())
    elif isinstance(value, dict) or hasattr(value, "items"):
        out.append("{")
        first = True
        for k, v in value.items():
            if not isinstance(k, str):
                raise _errors.ArgumentError("JSON object keys must be str, got %r" % (k,), _errors.EINVAL)
            if not first:
                out.append(",")
            first = False
            out.append(json.dumps(k, ensure_ascii=False))
            out.append(":")
            _dump(v, out, depth + 1)
        out.append("}")
    elif isinstance(value, (list, tuple)):
        out.append("[")
        for i, v in enumerate(value):
            if i:
                out.append(",")
            _dump(v, out, depth + 1)
        out.append("]")
    else:
        raise _errors.ArgumentError("cannot write %s as JSON" % type(value).__name__, _errors.EINVAL)


def json_bytes(value: Any, what: str = "document") -> bytes:
    """A document given as a dict (or any mapping), JSON str or bytes, a
    path (str or os.PathLike naming an existing file) or a binary/text file
    object, as UTF-8 bytes.

    A str is JSON text when, after leading white space, it starts with ``{``
    or ``[`` (or is empty); otherwise it must name an existing file
    (FileNotFoundError when it does not)."""
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value)
    if isinstance(value, str):
        stripped = value.lstrip(" \t\r\n\ufeff")
        if stripped == "" or stripped[0] in "{[":
            return value.encode("utf-8")
        if os.path.isfile(value):
            with open(value, "rb") as f:
                return f.read()
        raise FileNotFoundError(
            2,
            "no such %s file (JSON text given as a str starts with '{')" % what,
            value,
        )
    if isinstance(value, os.PathLike):
        with open(value, "rb") as f:
            return f.read()
    if hasattr(value, "read"):
        data = value.read()
        return data.encode("utf-8") if isinstance(data, str) else bytes(data)
    if isinstance(value, dict) or hasattr(value, "items") or isinstance(value, (list, tuple)):
        return dumps(value).encode("utf-8")
    raise _errors.ArgumentError(
        "%s: expected a dict, JSON text, bytes or a path, got %s" % (what, type(value).__name__), _errors.EINVAL
    )
