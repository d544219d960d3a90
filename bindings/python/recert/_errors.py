"""The exceptions of the recert package: one class per librecert error code.

Every failure of the library raises a :class:`RecertError` (or a subclass
named after its code), carrying the library's ``code``, ``message`` and
``path`` (the place in the document, ``""`` when the error has none).
"""

from __future__ import annotations

from typing import Dict, Optional, Type

# The codes of include/recert/error.h; fixed values, only ever appended to.
OK = 0
EINVAL = -1
EPARSE = -2
EDATA = -3
ENOTFOUND = -4
ERANGE = -5
ENOMEM = -6
EUNSUPPORTED = -7
EEXISTS = -8
EBUSY = -9
ELIMIT = -10

_CODE_NAMES = {
    EINVAL: "RECERT_EINVAL",
    EPARSE: "RECERT_EPARSE",
    EDATA: "RECERT_EDATA",
    ENOTFOUND: "RECERT_ENOTFOUND",
    ERANGE: "RECERT_ERANGE",
    ENOMEM: "RECERT_ENOMEM",
    EUNSUPPORTED: "RECERT_EUNSUPPORTED",
    EEXISTS: "RECERT_EEXISTS",
    EBUSY: "RECERT_EBUSY",
    ELIMIT: "RECERT_ELIMIT",
}


class RecertError(Exception):
    """A failure reported by librecert (or by the binding on its behalf).

    ``code`` is the library's negative error code (``RECERT_E...``),
    ``message`` its message (which starts with the path when there is one),
    ``path`` the place in the document (``"holders[0].credits[1].completed"``)
    or ``""``.
    """

    code: int
    message: str
    path: str

    def __init__(self, message: str, code: int = EINVAL, path: str = "") -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.path = path

    @property
    def code_name(self) -> str:
        """The code's name in the C header, ``"RECERT_EDATA"``."""
        return _CODE_NAMES.get(self.code, "RECERT_E?(%d)" % self.code)

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return "%s(%r, code=%s, path=%r)" % (type(self).__name__, self.message, self.code_name, self.path)

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (type(self), (self.message, self.code, self.path))


class ArgumentError(RecertError, ValueError):
    """RECERT_EINVAL: a bad argument (a bad date text, an unknown enum name,
    an amount that is not whole hundredths, ...)."""


class ParseError(RecertError, ValueError):
    """RECERT_EPARSE: the text is not JSON."""


class InvalidError(RecertError, ValueError):
    """RECERT_EDATA: valid JSON, but not a valid document."""


class NotFoundError(RecertError, LookupError):
    """RECERT_ENOTFOUND: no such policy, member, id, ..."""


class RangeError(RecertError, ValueError):
    """RECERT_ERANGE: a date or number out of range."""


class OutOfMemoryError(RecertError, MemoryError):
    """RECERT_ENOMEM: the library ran out of memory; nothing was changed."""


class UnsupportedError(RecertError):
    """RECERT_EUNSUPPORTED: a feature this version of the library does not
    support (a policy's ``versions``)."""


class ExistsError(RecertError):
    """RECERT_EEXISTS: a duplicate id."""


class BusyError(RecertError):
    """RECERT_EBUSY: the object is in use and may not change (a catalog a
    roster uses, a roster's policies once it has holders, a borrowed,
    read-only child)."""


class LimitError(RecertError):
    """RECERT_ELIMIT: a documented size limit was exceeded."""


class ClosedError(RecertError):
    """A handle used after close(), or a borrowed child used after its parent
    was closed or changed (the child may no longer exist). code is EINVAL."""


class LibraryNotFoundError(RecertError, OSError):
    """librecert.so.0 could not be found or loaded; the message says what was
    tried. code is EUNSUPPORTED."""

    def __init__(self, message: str, code: int = EUNSUPPORTED, path: str = "") -> None:
        RecertError.__init__(self, message, code, path)


_BY_CODE: Dict[int, Type[RecertError]] = {
    EINVAL: ArgumentError,
    EPARSE: ParseError,
    EDATA: InvalidError,
    ENOTFOUND: NotFoundError,
    ERANGE: RangeError,
    ENOMEM: OutOfMemoryError,
    EUNSUPPORTED: UnsupportedError,
    EEXISTS: ExistsError,
    EBUSY: BusyError,
    ELIMIT: LimitError,
}


def error_class(code: int) -> Type[RecertError]:
    """The exception class for a library error code (RecertError for a code
    this version of the binding does not know)."""
    return _BY_CODE.get(code, RecertError)


def make_error(code: int, message: str, path: str = "", fallback: Optional[str] = None) -> RecertError:
    """An exception of the right class for code."""
    if not message:
        message = fallback or _CODE_NAMES.get(code, "error %d" % code)
    return error_class(code)(message, code, path)
