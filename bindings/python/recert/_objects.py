"""The object path: Pythonic wrappers over librecert's handles.

Ownership, as the C API has it: a wrapper made by a constructor, ``copy()``,
``from_json()`` or ``evaluate()`` owns its handle and frees it on
``close()``, at the end of a ``with`` block, or (the safety net) when it is
garbage-collected (``weakref.finalize``). Adding an object to another copies
it: the caller's object stays its own. Children returned by getters
(``roster.holders``, ``holder.credits``, ``catalog[i]``) are *borrowed*:
read-only views that keep their parent alive, so wrappers may be dropped or
freed in any order. A borrowed view is valid while its parent is not changed:
after the parent changes (or is closed) using the view raises ClosedError
instead of touching freed memory; fetch it again.

Dates are ``datetime.date`` in and out (``YYYY-MM-DD`` text is accepted
in), credit amounts ``decimal.Decimal``, money int cents.
"""

from __future__ import annotations

import ctypes
import datetime
import weakref
from decimal import Decimal
from typing import (
    Any,
    Callable,
    Dict,
    Iterable,
    Iterator,
    List,
    Mapping,
    NamedTuple,
    Optional,
    Sequence,
    Tuple,
    TypeVar,
    Union,
    cast,
)

from . import _convert, _errors, _native
from ._convert import AmountLike, DateLike

T = TypeVar("T", bound="_Handle")
_MISSING: Any = object()

# -- the enums' names (the report and records documents' spelling) ------------

APPROVALS = ("preapproved", "not_preapproved")  # recert_approval
PETITION_STATUSES = (None, "pending", "approved", "denied")  # recert_petition_status
DECISIONS = ("pending", "accepted", "rejected")  # recert_decision
OUTCOMES = (None, "passed", "failed")  # recert_audit_outcome
CYCLE_KINDS = ("anniversary", "year_end", "fixed")  # recert_cycle_kind
UNAPPROVED = ("accepted", "petition")  # recert_unapproved
TIER_KINDS = ("on_time", "late", "closed")  # recert_tier_kind
DATE_KINDS = (  # recert_date_kind, in the enum's order
    "cycle_start",
    "expires",
    "credit_deadline",
    "on_time_deadline",
    "late_fee_deadline",
    "final_deadline",
    "cpr_aed_expires",
    "audit_documents_due",
    "exam_deadline",
    "next_cycle_start",
    "next_cycle_expires",
    "reference",
)
REPORT_DATES = DATE_KINDS[:9]  # the members of a report entry's "dates"
CREDITS_KINDS = ("required", "earned", "pending", "shortfall")  # recert_credits_kind
FEE_KINDS = ("renewal", "late", "total", "petition")  # recert_fee_kind
POLICY_FEE_KINDS = ("renewal", "petition", "combine_extra")  # recert_policy_fee_kind
CATEGORY_FIELDS = (0, 1, 2)  # recert_category_field: RECERT_CATEGORY_EARNED, _MIN, _MAX


def _enum_value(names: Sequence[Optional[str]], name: Optional[str], what: str) -> int:
    try:
        return names.index(name)
    except ValueError:
        allowed = ", ".join(repr(n) for n in names)
        raise _errors.ArgumentError("%s: %r is not one of %s" % (what, name, allowed), _errors.EINVAL) from None


def _enum_name(names: Sequence[Optional[str]], value: int) -> Optional[str]:
    if 0 <= value < len(names):
        return names[value]
    return None


# -- small records ------------------------------------------------------------


class Petition(NamedTuple):
    """A credit's petition: status "pending", "approved" or "denied"."""

    status: str
    filed: datetime.date
    decided: Optional[datetime.date] = None


class Application(NamedTuple):
    """A credential's renewal application: decision "pending", "accepted"
    or "rejected"."""

    received: datetime.date
    decision: str = "pending"
    decided: Optional[datetime.date] = None


class Audit(NamedTuple):
    """A credential's audit: outcome None, "passed" or "failed"."""

    selected: datetime.date
    documents_received: Optional[datetime.date] = None
    outcome: Optional[str] = None
    decided: Optional[datetime.date] = None


class CprAed(NamedTuple):
    """A holder's CPR/AED record."""

    completed: datetime.date
    expires: datetime.date
    hands_on: bool = True
    adult_cpr_aed: bool = True


class Offset(NamedTuple):
    """An offset of the policy document (docs/format.md): years, months and days
    as written (a part not given is 0), added to E (or to P for proration
    steps) the RULES §1 way. ``offset._asdict()`` gives the document's
    object."""

    years: int = 0
    months: int = 0
    days: int = 0


class LateWindow(NamedTuple):
    """One of a policy's late windows: its tier name, fee in cents, and the
    offset from E its window runs through (None: through the final
    deadline, ``"through": null``)."""

    tier: str
    fee_cents: int
    through: Optional[Offset] = None


class Category(NamedTuple):
    """One of a policy's credit categories (docs/rules.md §4a), amounts in
    the policy's unit: min (Decimal 0 when not given) and max (None: no
    cap)."""

    id: str
    min: Decimal
    max: Optional[Decimal]


class ProrationStep(NamedTuple):
    """A step of a policy's proration (docs/rules.md §3b): a first cycle
    starting on or after P + offset (P: the start of the full period ending
    on E) requires credits_required (in the policy's unit) instead of the
    policy's own requirement. offset is the document's ``from``."""

    offset: Offset
    credits_required: Decimal


class CategoryReport(NamedTuple):
    """A credit category as evaluation applied it to one credential
    (docs/rules.md §4a), in the credential's unit: what its counted credits
    contribute after the cap, its minimum, and its maximum (None: no cap)."""

    id: str
    earned: Decimal
    min: Decimal
    max: Optional[Decimal]


class Notice(NamedTuple):
    """A report notice: code, the credit id it is about (or None), message."""

    code: str
    credit: Optional[str]
    message: str


class ReportCredit(NamedTuple):
    """A holder's credit entry as evaluation saw it: its id and amount in
    centihours (rounded down)."""

    id: str
    centihours: int


class CreditReason(NamedTuple):
    """Why a credit entry counts for a credential or not: the credit's id,
    its amount in the credential's unit, and the reason ("counted",
    "counted_in_group", "pending", "not_applicable", "not_yet",
    "before_cycle", "after_deadline", "after_application",
    "petition_required", "petition_denied", "over_category_max")."""

    credit: str
    amount: Decimal
    reason: str


class NextCycle(NamedTuple):
    """The cycle a renewed credential goes on to."""

    cycle_start: datetime.date
    expires: datetime.date


def _as_tuple(value: Any, cls: Any, what: str) -> Any:
    """A NamedTuple given as itself, a tuple or a dict."""
    if isinstance(value, cls):
        return value
    try:
        if isinstance(value, Mapping):
            return cls(**value)
        return cls(*value)
    except TypeError as e:
        raise _errors.ArgumentError("%s: %s" % (what, e), _errors.EINVAL) from None


# -- helpers ------------------------------------------------------------------


def _b(text: Optional[str], what: str = "text") -> Optional[bytes]:
    if text is None:
        return None
    if not isinstance(text, str):
        raise _errors.ArgumentError("%s: expected str, got %s" % (what, type(text).__name__), _errors.EINVAL)
    return text.encode("utf-8")


def _s(raw: Optional[bytes]) -> Optional[str]:
    return None if raw is None else raw.decode("utf-8")


def _lib() -> _native.Library:
    return _native.lib()


def _flags(pretty: bool) -> int:
    return _native.JSON_PRETTY if pretty else 0


class _Handle:
    """An owned or borrowed librecert handle."""

    _free: str = ""  # the name of the C function that frees this kind
    _kind: str = "handle"

    _ptr: Optional[int]
    _parent: Optional["_Handle"]
    _gen0: int
    _gen: int
    _finalizer: Optional[weakref.finalize]

    def __init__(self) -> None:  # subclasses fill in with _adopt()
        self._ptr = None
        self._parent = None
        self._gen0 = 0
        self._gen = 0
        self._finalizer = None

    def _adopt(self, ptr: int) -> None:
        """Take ownership of a new handle."""
        self._ptr = ptr
        self._parent = None
        self._gen0 = 0
        self._gen = 0
        free = getattr(_lib(), self._free)
        self._finalizer = weakref.finalize(self, free, ptr)

    @classmethod
    def _owned(cls: "type[T]", ptr: int) -> T:
        obj = cls.__new__(cls)
        _Handle.__init__(obj)
        obj._adopt(ptr)
        return obj

    @classmethod
    def _borrowed(cls: "type[T]", ptr: int, parent: Optional["_Handle"]) -> T:
        obj = cls.__new__(cls)
        _Handle.__init__(obj)
        obj._ptr = ptr
        obj._parent = parent
        obj._gen0 = parent._gen if parent is not None else 0
        return obj

    @property
    def _h(self) -> int:
        """The handle's address, after checking it may still be used."""
        ptr = self._ptr
        if ptr is None:
            raise _errors.ClosedError("this %s is closed" % self._kind, _errors.EINVAL)
        parent = self._parent
        if parent is not None:
            if parent._ptr is None:
                raise _errors.ClosedError(
                    "this %s was borrowed from a %s that is closed" % (self._kind, parent._kind), _errors.EINVAL
                )
            parent._h  # the whole chain must be alive
            if parent._gen != self._gen0:
                raise _errors.ClosedError(
                    "this %s was borrowed from a %s that changed since; get it again" % (self._kind, parent._kind),
                    _errors.EINVAL,
                )
        return ptr

    def _w(self) -> int:
        """The handle for a change: refused on a borrowed (read-only) one."""
        ptr = self._h
        if self._finalizer is None:
            raise _errors.BusyError(
                "this %s is borrowed and read-only; change a copy() and add that" % self._kind, _errors.EBUSY
            )
        self._gen += 1  # borrowed children may no longer exist
        return ptr

    @property
    def borrowed(self) -> bool:
        """True for a read-only view of another object's child."""
        return self._finalizer is None

    @property
    def closed(self) -> bool:
        return self._ptr is None

    def close(self) -> None:
        """Free the handle now (an owned one), or drop the view (a borrowed
        one). Closing twice is harmless."""
        if self._finalizer is not None:
            self._finalizer()
        self._ptr = None
        self._parent = None

    def __enter__(self: T) -> T:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


class _XMembers(_Handle):
    """The application's own "x-" members, which cross as JSON text."""

    _x_prefix: str = ""

    def get_x(self, key: str, default: Any = _MISSING) -> Any:
        """The value of the application's own member key ("x-..."), as
        Python (numbers with a fraction are Decimal). Without default, a
        missing member raises NotFoundError."""
        lib = _lib()
        fn = getattr(lib, self._x_prefix + "_x_get")
        try:
            text = lib.out_string(fn, self._h, _b(key, "key"))
        except _errors.NotFoundError:
            if default is _MISSING:
                raise
            return default
        return _convert.loads(text)

    def set_x(self, key: str, value: Any) -> None:
        """Set the application's own member key (which must start with "x-")
        to a JSON-able value (None is JSON null; del_x() removes)."""
        getattr(_lib(), self._x_prefix + "_x_set")(self._w(), _b(key, "key"), _convert.dumps(value).encode("utf-8"))

    def del_x(self, key: str) -> None:
        """Remove the member key (nothing happens when it is absent)."""
        getattr(_lib(), self._x_prefix + "_x_set")(self._w(), _b(key, "key"), None)

    def x_keys(self) -> List[str]:
        """The names of the x- members, in order."""
        lib = _lib()
        h = self._h
        count = getattr(lib, self._x_prefix + "_x_count")(h)
        key_at = getattr(lib, self._x_prefix + "_x_key")
        return [cast(str, _s(key_at(h, i))) for i in range(count)]


def _checked_day(value: Optional[DateLike], what: str, optional: bool = False) -> int:
    return _convert.to_day(value, what, optional)


def _date(day: int) -> Optional[datetime.date]:
    return _convert.day_to_date(day)


def _offset(fn: Callable[..., int], *args: Any) -> Tuple[int, Offset]:
    """Call fn(*args, int *years, int *months, int *days): its result (1, 0
    or -1) and the parts it wrote."""
    years, months, days = ctypes.c_int(), ctypes.c_int(), ctypes.c_int()
    rc = fn(*args, ctypes.byref(years), ctypes.byref(months), ctypes.byref(days))
    return rc, Offset(years.value, months.value, days.value)


# -- Policy -------------------------------------------------------------------


class Policy(_Handle):
    """The rules of one certification (a policy document). Read-only: make
    one with Policy.from_json()."""

    _free = "recert_policy_free"
    _kind = "policy"

    def __init__(self, document: Any) -> None:
        """Same as Policy.from_json(document)."""
        super().__init__()
        text = _convert.json_bytes(document, "policy")
        lib = _lib()
        self._adopt(lib.out_handle(lib.recert_policy_from_json, text, len(text)))

    @classmethod
    def from_json(cls, document: Any) -> "Policy":
        """Parse a policy document: a dict, JSON text or bytes, or a path.
        ParseError / InvalidError / UnsupportedError with .path when bad."""
        return cls(document)

    def to_json(self, pretty: bool = False) -> str:
        lib = _lib()
        return lib.out_string(lib.recert_policy_to_json, self._h, _flags(pretty))

    def to_dict(self) -> Dict[str, Any]:
        return cast(Dict[str, Any], _convert.loads(self.to_json()))

    def copy(self) -> "Policy":
        lib = _lib()
        return Policy._owned(lib.out_handle(lib.recert_policy_copy, self._h))

    def _str(self, name: str) -> Optional[str]:
        return _s(getattr(_lib(), "recert_policy_" + name)(self._h))

    @property
    def id(self) -> str:
        return cast(str, self._str("id"))

    @property
    def organization(self) -> str:
        return cast(str, self._str("organization"))

    @property
    def name(self) -> str:
        return cast(str, self._str("name"))

    @property
    def source(self) -> Optional[str]:
        return self._str("source")

    @property
    def checked(self) -> Optional[datetime.date]:
        return _date(_lib().recert_policy_checked(self._h))

    @property
    def currency(self) -> str:
        return cast(str, self._str("currency"))

    @property
    def unit(self) -> str:
        """The unit's name, "CEU"."""
        return cast(str, self._str("unit"))

    @property
    def unit_per_hour_micro(self) -> int:
        """Units per contact hour, in millionths (CEU: 100000)."""
        return int(_lib().recert_policy_unit_per_hour(self._h))

    @property
    def unit_per_hour(self) -> Decimal:
        """Units per contact hour (CEU: Decimal('0.1'))."""
        return _convert.centihours_to_decimal(100, self.unit_per_hour_micro)

    def _amount(self, centihours: int) -> Decimal:
        return _convert.centihours_to_decimal(centihours, self.unit_per_hour_micro)

    @property
    def cycle_years(self) -> int:
        return int(_lib().recert_policy_cycle_years(self._h))

    @property
    def cycle_kind(self) -> str:
        """"anniversary" or "year_end"."""
        return cast(str, _enum_name(CYCLE_KINDS, _lib().recert_policy_cycle_kind(self._h)))

    @property
    def credits_required(self) -> Decimal:
        """In the policy's unit (NASM: Decimal('2'))."""
        return self._amount(_lib().recert_policy_credits_required(self._h))

    @property
    def credits_required_centihours(self) -> int:
        return int(_lib().recert_policy_credits_required(self._h))

    @property
    def credit_grace_days(self) -> int:
        return int(_lib().recert_policy_credit_grace_days(self._h))

    @property
    def cpr_aed_required(self) -> bool:
        return bool(_lib().recert_policy_cpr_aed_required(self._h))

    @property
    def cpr_aed_credit(self) -> Decimal:
        """In the policy's unit."""
        return self._amount(_lib().recert_policy_cpr_aed_credit(self._h))

    @property
    def unapproved_credits(self) -> str:
        """"accepted" or "petition"."""
        return cast(str, _enum_name(UNAPPROVED, _lib().recert_policy_unapproved_credits(self._h)))

    @property
    def exam_path(self) -> bool:
        return bool(_lib().recert_policy_exam_path(self._h))

    @property
    def combine_group(self) -> Optional[str]:
        return self._str("combine_group")

    def fee_cents(self, kind: str) -> int:
        """A fee in cents: kind "renewal", "petition" or "combine_extra"."""
        return int(_lib().recert_policy_fee(self._h, _enum_value(POLICY_FEE_KINDS, kind, "fee kind")))

    @property
    def renewal_fee_cents(self) -> int:
        return self.fee_cents("renewal")

    @property
    def petition_fee_cents(self) -> int:
        return self.fee_cents("petition")

    @property
    def combine_extra_cents(self) -> int:
        return self.fee_cents("combine_extra")

    @property
    def late_windows(self) -> List[LateWindow]:
        """The late windows in order, each LateWindow(tier, fee_cents,
        through): through is the Offset from E the window ends on, or None
        for one that runs through the final deadline."""
        lib = _lib()
        h = self._h
        out = []
        for i in range(lib.recert_policy_late_window_count(h)):
            rc, through = _offset(lib.recert_policy_late_window_through, h, i)
            out.append(
                LateWindow(
                    cast(str, _s(lib.recert_policy_late_window_tier(h, i))),
                    int(lib.recert_policy_late_window_fee(h, i)),
                    through if rc == 1 else None,
                )
            )
        return out

    @property
    def final_deadline(self) -> Optional[Offset]:
        """The final deadline as an Offset from E ("final_deadline"), or
        None when the policy gives none (the final deadline is then E)."""
        rc, offset = _offset(_lib().recert_policy_final_deadline, self._h)
        return offset if rc == 1 else None

    @property
    def audits(self) -> bool:
        return bool(_lib().recert_policy_audits(self._h))

    @property
    def audit_documents_days(self) -> int:
        return int(_lib().recert_policy_audit_documents_days(self._h))

    @property
    def cycle_ends(self) -> Optional[datetime.date]:
        """For a "fixed" cycle, the period end the policy names ("cycle.ends";
        every other end is it + k * cycle_years years); None for other kinds."""
        return _date(_lib().recert_policy_cycle_ends(self._h))

    @property
    def cpr_aed_valid_days(self) -> int:
        """How many days past the reference day a CPR/AED record must still
        be valid to count ("cpr_aed.valid_days_after", docs/rules.md §5a);
        0 when not given."""
        return int(_lib().recert_policy_cpr_aed_valid_days(self._h))

    @property
    def categories(self) -> List[Category]:
        """The credit categories (docs/rules.md §4a), in document order, each
        Category(id, min, max) with the amounts in the policy's unit (max
        None: no cap)."""
        lib = _lib()
        h = self._h
        out = []
        for i in range(lib.recert_policy_category_count(h)):
            high = int(lib.recert_policy_category_max(h, i))
            out.append(
                Category(
                    cast(str, _s(lib.recert_policy_category_id(h, i))),
                    self._amount(int(lib.recert_policy_category_min(h, i))),
                    None if high < 0 else self._amount(high),
                )
            )
        return out

    @property
    def proration(self) -> List[ProrationStep]:
        """The proration steps of a first cycle (docs/rules.md §3b), in
        document order, each ProrationStep(offset, credits_required) with
        the requirement in the policy's unit; [] without proration."""
        lib = _lib()
        h = self._h
        out = []
        for i in range(lib.recert_policy_proration_count(h)):
            required = ctypes.c_int64()
            years, months, days = ctypes.c_int(), ctypes.c_int(), ctypes.c_int()
            rc = lib.recert_policy_proration_step(
                h, i, ctypes.byref(years), ctypes.byref(months), ctypes.byref(days), ctypes.byref(required)
            )
            if rc == 1:
                out.append(ProrationStep(Offset(years.value, months.value, days.value), self._amount(required.value)))
        return out

    @property
    def versions(self) -> List["Policy"]:
        """The dated versions (docs/rules.md §11a), in effective order: each
        a complete Policy, the base terms with every version up to it
        applied. They belong to this policy: read-only views that keep it
        alive and raise ClosedError once it is closed. [] without versions,
        and for a version itself. copy() of a version raises ArgumentError
        (copy the whole policy instead)."""
        lib = _lib()
        h = self._h
        return [Policy._borrowed(lib.recert_policy_version_at(h, i), self) for i in range(lib.recert_policy_version_count(h))]

    @property
    def effective(self) -> Optional[datetime.date]:
        """The first day a version is in force; None for a policy's base
        terms (any policy that is not one of another's versions)."""
        return _date(_lib().recert_policy_effective(self._h))

    def in_force(self, day: DateLike) -> "Policy":
        """The terms in force on day: the last version whose effective day
        is <= day (a view, as in versions), else the base terms: this
        policy itself. A credential's terms are those in force on its
        expiration day E."""
        h = self._h
        ptr = _lib().recert_policy_in_force(h, _checked_day(day, "day"))
        if not ptr or ptr == h:
            return self
        return Policy._borrowed(ptr, self)

    def __repr__(self) -> str:
        if self._ptr is None:
            return "<recert.Policy (closed)>"
        effective = self.effective
        if effective is not None:
            return "<recert.Policy %r effective %s>" % (self.id, effective)
        return "<recert.Policy %r>" % self.id


# -- Catalog ------------------------------------------------------------------


class Catalog(_Handle):
    """A set of policies that rosters are read against. Catalog() is empty,
    Catalog.builtin() a copy of the built-ins to add to, Catalog.default()
    the library's shared, read-only one."""

    _free = "recert_catalog_free"
    _kind = "catalog"

    def __init__(self) -> None:
        super().__init__()
        lib = _lib()
        self._adopt(lib.out_handle(lib.recert_catalog_new))

    @classmethod
    def builtin(cls) -> "Catalog":
        lib = _lib()
        return cls._owned(lib.out_handle(lib.recert_catalog_new_builtin))

    @classmethod
    def default(cls) -> "Catalog":
        """The shared default catalog of the built-in policies (read-only)."""
        lib = _lib()
        return cls._borrowed(lib.out_handle(lib.recert_catalog_default), None)

    def add(self, policy: Policy) -> None:
        """Add a copy of policy, replacing one with the same id. BusyError
        once a roster uses the catalog."""
        _lib().recert_catalog_add(self._w(), policy._h)

    def add_json(self, document: Any) -> None:
        """Add every policy of a policy document or an array of them (a
        list, JSON text, bytes or a path); all or nothing."""
        text = _convert.json_bytes(document, "policies")
        _lib().recert_catalog_add_json(self._w(), text, len(text))

    def __len__(self) -> int:
        return int(_lib().recert_catalog_count(self._h))

    def __getitem__(self, i: int) -> Policy:
        n = len(self)
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError("catalog index out of range")
        return Policy._borrowed(_lib().recert_catalog_at(self._h, i), self)

    def __iter__(self) -> Iterator[Policy]:
        for i in range(len(self)):
            yield self[i]

    def find(self, policy_id: str) -> Optional[Policy]:
        ptr = _lib().recert_catalog_find(self._h, _b(policy_id, "policy id"))
        return Policy._borrowed(ptr, self) if ptr else None

    def to_json(self, pretty: bool = False) -> str:
        lib = _lib()
        return lib.out_string(lib.recert_catalog_to_json, self._h, _flags(pretty))

    def to_list(self) -> List[Dict[str, Any]]:
        return cast(List[Dict[str, Any]], _convert.loads(self.to_json()))

    def __repr__(self) -> str:
        if self._ptr is None:
            return "<recert.Catalog (closed)>"
        return "<recert.Catalog of %d policies>" % len(self)


# -- Credit -------------------------------------------------------------------


class Credit(_XMembers):
    """One course or activity of a holder.

    Give the amount either as ``hours=`` (contact hours) or as ``amount=``
    with ``unit=`` ("hours", "ceu", "cec" or a policy's own unit), each a
    Decimal, int, str or float with at most two decimals. One of them is
    required: a credit without an amount would export as ``"hours": 0``,
    which no import accepts. ``approval`` None leaves it out of the export
    (it means "preapproved").
    """

    _free = "recert_credit_free"
    _kind = "credit"
    _x_prefix = "recert_credit"

    def __init__(
        self,
        id: str,
        completed: DateLike,
        *,
        hours: Optional[AmountLike] = None,
        amount: Optional[AmountLike] = None,
        unit: Optional[str] = None,
        title: Optional[str] = None,
        provider: Optional[str] = None,
        approval: Optional[str] = None,
        petition: Optional[Union[Petition, Mapping[str, Any], Tuple[Any, ...]]] = None,
        applies_to: Optional[Iterable[str]] = None,
        category: Optional[str] = None,
    ) -> None:
        if (hours is None) == (amount is None):
            raise _errors.ArgumentError(
                "credit %s: give its amount as hours= or as amount= (with unit=), once" % id, _errors.EINVAL
            )
        if unit is not None and amount is None:
            raise _errors.ArgumentError("credit %s: unit= goes with amount=" % id, _errors.EINVAL)
        super().__init__()
        lib = _lib()
        self._adopt(lib.out_handle(lib.recert_credit_new, _b(id, "credit id"), _checked_day(completed, "completed")))
        if hours is not None:
            self.hours = hours  # type: ignore[assignment]
        elif unit is None:
            self.hours = amount  # type: ignore[assignment]
        else:
            self.set_amount(cast(AmountLike, amount), unit)
        if title is not None:
            self.title = title
        if provider is not None:
            self.provider = provider
        if approval is not None:
            self.approval = approval
        if petition is not None:
            self.petition = petition  # type: ignore[assignment]
        if applies_to is not None:
            self.applies_to = applies_to  # type: ignore[assignment]
        if category is not None:
            self.category = category

    def copy(self) -> "Credit":
        lib = _lib()
        return Credit._owned(lib.out_handle(lib.recert_credit_copy, self._h))

    @property
    def id(self) -> str:
        return cast(str, _s(_lib().recert_credit_id(self._h)))

    @property
    def completed(self) -> datetime.date:
        return cast(datetime.date, _date(_lib().recert_credit_completed(self._h)))

    @completed.setter
    def completed(self, value: DateLike) -> None:
        _lib().recert_credit_set_completed(self._w(), _checked_day(value, "completed"))

    @property
    def title(self) -> Optional[str]:
        return _s(_lib().recert_credit_title(self._h))

    @title.setter
    def title(self, value: Optional[str]) -> None:
        _lib().recert_credit_set_title(self._w(), _b(value, "title"))

    @property
    def provider(self) -> Optional[str]:
        return _s(_lib().recert_credit_provider(self._h))

    @provider.setter
    def provider(self, value: Optional[str]) -> None:
        _lib().recert_credit_set_provider(self._w(), _b(value, "provider"))

    @property
    def unit(self) -> Optional[str]:
        """The unit the amount was given in; None when given as hours."""
        return _s(_lib().recert_credit_unit(self._h))

    @property
    def amount(self) -> Decimal:
        """The amount as given, in unit (or in hours when unit is None)."""
        return _convert.hundredths_to_decimal(int(_lib().recert_credit_amount(self._h)))

    @property
    def hours(self) -> Optional[Decimal]:
        """The amount in contact hours when it was given in hours (hours=,
        or unit "hours"), else None."""
        unit = self.unit
        if unit is not None and unit.lower() != "hours":
            return None
        return self.amount

    @hours.setter
    def hours(self, value: AmountLike) -> None:
        _lib().recert_credit_set_hours(self._w(), _convert.to_hundredths(value, "hours"))

    def set_amount(self, amount: AmountLike, unit: str) -> None:
        """Set the amount in a unit: "hours", "ceu", "cec" or a policy's own
        (checked when the holder joins a roster)."""
        _lib().recert_credit_set_amount(self._w(), _convert.to_hundredths(amount, "amount"), _b(unit, "unit"))

    @property
    def approval(self) -> str:
        """"preapproved" or "not_preapproved"."""
        return cast(str, _enum_name(APPROVALS, _lib().recert_credit_approval(self._h)))

    @approval.setter
    def approval(self, value: str) -> None:
        _lib().recert_credit_set_approval(self._w(), _enum_value(APPROVALS, value, "approval"))

    @property
    def petition(self) -> Optional[Petition]:
        lib = _lib()
        h = self._h
        status = _enum_name(PETITION_STATUSES, lib.recert_credit_petition_status(h))
        if status is None:
            return None
        return Petition(
            status,
            cast(datetime.date, _date(lib.recert_credit_petition_filed(h))),
            _date(lib.recert_credit_petition_decided(h)),
        )

    @petition.setter
    def petition(self, value: Optional[Union[Petition, Mapping[str, Any], Tuple[Any, ...]]]) -> None:
        if value is None:
            _lib().recert_credit_set_petition(self._w(), 0, _native.DAY_NONE, _native.DAY_NONE)
            return
        p = _as_tuple(value, Petition, "petition")
        self.set_petition(p.status, p.filed, p.decided)

    def set_petition(self, status: str, filed: DateLike, decided: Optional[DateLike] = None) -> None:
        """Record a petition: status "pending", "approved" or "denied"."""
        code = _enum_value(PETITION_STATUSES, status, "petition status")
        if code == 0:
            raise _errors.ArgumentError("petition status: None; set .petition = None to remove it", _errors.EINVAL)
        _lib().recert_credit_set_petition(
            self._w(), code, _checked_day(filed, "petition.filed"), _checked_day(decided, "petition.decided", True)
        )

    @property
    def applies_to(self) -> Optional[List[str]]:
        """The ids of the credentials it is limited to; None: all of them."""
        lib = _lib()
        h = self._h
        n = lib.recert_credit_applies_to_count(h)
        if n < 0:
            return None
        return [cast(str, _s(lib.recert_credit_applies_to_at(h, i))) for i in range(n)]

    @applies_to.setter
    def applies_to(self, ids: Optional[Iterable[str]]) -> None:
        lib = _lib()
        if ids is None:
            lib.recert_credit_set_applies_to_all(self._w())
            return
        if isinstance(ids, str):
            raise _errors.ArgumentError("applies_to: expected a list of ids, got a str", _errors.EINVAL)
        encoded = [cast(bytes, _b(i, "applies_to id")) for i in ids]
        array = (ctypes.c_char_p * max(len(encoded), 1))(*encoded)
        lib.recert_credit_set_applies_to(self._w(), array, len(encoded))

    @property
    def category(self) -> Optional[str]:
        """The credit's category ("category", docs/rules.md §4a), matched
        against a policy's category ids ignoring ASCII case; None when it
        has none. Set None to remove it; "" is ArgumentError."""
        return _s(_lib().recert_credit_category(self._h))

    @category.setter
    def category(self, value: Optional[str]) -> None:
        _lib().recert_credit_set_category(self._w(), _b(value, "category"))

    def __repr__(self) -> str:
        if self._ptr is None:
            return "<recert.Credit (closed)>"
        return "<recert.Credit %r %s %s %s>" % (self.id, self.completed, self.amount, self.unit or "hours")


# -- Credential ---------------------------------------------------------------


class Credential(_XMembers):
    """One certification held by one holder, with its renewal application,
    audit and exam."""

    _free = "recert_credential_free"
    _kind = "credential"
    _x_prefix = "recert_credential"

    def __init__(
        self,
        id: str,
        policy: str,
        certified: DateLike,
        *,
        number: Optional[str] = None,
        cycle_start: Optional[DateLike] = None,
        expires: Optional[DateLike] = None,
        application: Optional[Union[Application, Mapping[str, Any], Tuple[Any, ...]]] = None,
        audit: Optional[Union[Audit, Mapping[str, Any], Tuple[Any, ...]]] = None,
        exam_passed: Optional[DateLike] = None,
    ) -> None:
        super().__init__()
        lib = _lib()
        self._adopt(
            lib.out_handle(
                lib.recert_credential_new,
                _b(id, "credential id"),
                _b(policy, "policy id"),
                _checked_day(certified, "certified"),
            )
        )
        if number is not None:
            self.number = number
        if cycle_start is not None:
            self.cycle_start = cycle_start  # type: ignore[assignment]
        if expires is not None:
            self.expires = expires  # type: ignore[assignment]
        if application is not None:
            self.application = application  # type: ignore[assignment]
        if audit is not None:
            self.audit = audit  # type: ignore[assignment]
        if exam_passed is not None:
            self.exam_passed = exam_passed  # type: ignore[assignment]

    def copy(self) -> "Credential":
        lib = _lib()
        return Credential._owned(lib.out_handle(lib.recert_credential_copy, self._h))

    @property
    def id(self) -> str:
        return cast(str, _s(_lib().recert_credential_id(self._h)))

    @property
    def policy(self) -> str:
        """The policy id."""
        return cast(str, _s(_lib().recert_credential_policy(self._h)))

    @policy.setter
    def policy(self, value: str) -> None:
        _lib().recert_credential_set_policy(self._w(), _b(value, "policy"))

    @property
    def number(self) -> Optional[str]:
        return _s(_lib().recert_credential_number(self._h))

    @number.setter
    def number(self, value: Optional[str]) -> None:
        _lib().recert_credential_set_number(self._w(), _b(value, "number"))

    @property
    def certified(self) -> datetime.date:
        return cast(datetime.date, _date(_lib().recert_credential_certified(self._h)))

    @certified.setter
    def certified(self, value: DateLike) -> None:
        _lib().recert_credential_set_certified(self._w(), _checked_day(value, "certified"))

    @property
    def cycle_start(self) -> Optional[datetime.date]:
        return _date(_lib().recert_credential_cycle_start(self._h))

    @cycle_start.setter
    def cycle_start(self, value: Optional[DateLike]) -> None:
        _lib().recert_credential_set_cycle_start(self._w(), _checked_day(value, "cycle_start", True))

    @property
    def expires(self) -> Optional[datetime.date]:
        return _date(_lib().recert_credential_expires(self._h))

    @expires.setter
    def expires(self, value: Optional[DateLike]) -> None:
        _lib().recert_credential_set_expires(self._w(), _checked_day(value, "expires", True))

    @property
    def application(self) -> Optional[Application]:
        lib = _lib()
        h = self._h
        received = _date(lib.recert_credential_application_received(h))
        if received is None:
            return None
        return Application(
            received,
            cast(str, _enum_name(DECISIONS, lib.recert_credential_application_decision(h))),
            _date(lib.recert_credential_application_decided(h)),
        )

    @application.setter
    def application(self, value: Optional[Union[Application, Mapping[str, Any], Tuple[Any, ...]]]) -> None:
        if value is None:
            _lib().recert_credential_set_application(self._w(), _native.DAY_NONE, 0, _native.DAY_NONE)
            return
        a = _as_tuple(value, Application, "application")
        self.set_application(a.received, a.decision, a.decided)

    def set_application(
        self, received: DateLike, decision: str = "pending", decided: Optional[DateLike] = None
    ) -> None:
        """Record the renewal application: decision "pending", "accepted" or
        "rejected"."""
        _lib().recert_credential_set_application(
            self._w(),
            _checked_day(received, "application.received"),
            _enum_value(DECISIONS, decision, "application.decision"),
            _checked_day(decided, "application.decided", True),
        )

    @property
    def audit(self) -> Optional[Audit]:
        lib = _lib()
        h = self._h
        selected = _date(lib.recert_credential_audit_selected(h))
        if selected is None:
            return None
        return Audit(
            selected,
            _date(lib.recert_credential_audit_documents_received(h)),
            _enum_name(OUTCOMES, lib.recert_credential_audit_outcome(h)),
            _date(lib.recert_credential_audit_decided(h)),
        )

    @audit.setter
    def audit(self, value: Optional[Union[Audit, Mapping[str, Any], Tuple[Any, ...]]]) -> None:
        if value is None:
            _lib().recert_credential_set_audit(self._w(), _native.DAY_NONE, _native.DAY_NONE, 0, _native.DAY_NONE)
            return
        a = _as_tuple(value, Audit, "audit")
        self.set_audit(a.selected, a.documents_received, a.outcome, a.decided)

    def set_audit(
        self,
        selected: DateLike,
        documents_received: Optional[DateLike] = None,
        outcome: Optional[str] = None,
        decided: Optional[DateLike] = None,
    ) -> None:
        """Record an audit: outcome None, "passed" or "failed"."""
        _lib().recert_credential_set_audit(
            self._w(),
            _checked_day(selected, "audit.selected"),
            _checked_day(documents_received, "audit.documents_received", True),
            _enum_value(OUTCOMES, outcome, "audit.outcome"),
            _checked_day(decided, "audit.decided", True),
        )

    @property
    def exam_passed(self) -> Optional[datetime.date]:
        """The day the exam was retaken and passed for renewal, or None."""
        return _date(_lib().recert_credential_exam_passed(self._h))

    @exam_passed.setter
    def exam_passed(self, value: Optional[DateLike]) -> None:
        _lib().recert_credential_set_exam(self._w(), _checked_day(value, "exam.passed", True))

    def __repr__(self) -> str:
        if self._ptr is None:
            return "<recert.Credential (closed)>"
        return "<recert.Credential %r %s certified %s>" % (self.id, self.policy, self.certified)


# -- Holder -------------------------------------------------------------------


class Holder(_XMembers):
    """One person, with credentials, credits and CPR/AED records. Adding a
    credential or credit copies it."""

    _free = "recert_holder_free"
    _kind = "holder"
    _x_prefix = "recert_holder"

    def __init__(self, id: str, name: Optional[str] = None) -> None:
        super().__init__()
        lib = _lib()
        self._adopt(lib.out_handle(lib.recert_holder_new, _b(id, "holder id")))
        if name is not None:
            self.name = name

    def copy(self) -> "Holder":
        lib = _lib()
        return Holder._owned(lib.out_handle(lib.recert_holder_copy, self._h))

    @property
    def id(self) -> str:
        return cast(str, _s(_lib().recert_holder_id(self._h)))

    @property
    def name(self) -> Optional[str]:
        return _s(_lib().recert_holder_name(self._h))

    @name.setter
    def name(self, value: Optional[str]) -> None:
        _lib().recert_holder_set_name(self._w(), _b(value, "name"))

    def add_credential(self, credential: Credential) -> None:
        """Add a copy of credential; ExistsError for a duplicate id."""
        _lib().recert_holder_add_credential(self._w(), credential._h)

    def add_credit(self, credit: Credit) -> None:
        """Add a copy of credit; ExistsError for a duplicate id."""
        _lib().recert_holder_add_credit(self._w(), credit._h)

    def remove_credential(self, i: int) -> None:
        _lib().recert_holder_remove_credential(self._w(), _index(i))

    def remove_credit(self, i: int) -> None:
        _lib().recert_holder_remove_credit(self._w(), _index(i))

    @property
    def credentials(self) -> List[Credential]:
        """Read-only views of the holder's credentials, in order."""
        lib = _lib()
        h = self._h
        return [
            Credential._borrowed(lib.recert_holder_credential_at(h, i), self)
            for i in range(lib.recert_holder_credential_count(h))
        ]

    @property
    def credits(self) -> List[Credit]:
        """Read-only views of the holder's credits, in order."""
        lib = _lib()
        h = self._h
        return [Credit._borrowed(lib.recert_holder_credit_at(h, i), self) for i in range(lib.recert_holder_credit_count(h))]

    def add_cpr_aed(
        self,
        completed: DateLike,
        expires: DateLike,
        hands_on: Optional[bool] = None,
        adult_cpr_aed: Optional[bool] = None,
    ) -> None:
        """Add a CPR/AED record. hands_on and adult_cpr_aed default to true
        when not given (None, which the records document leaves out)."""
        _lib().recert_holder_add_cpr_aed(
            self._w(),
            _checked_day(completed, "cpr_aed.completed"),
            _checked_day(expires, "cpr_aed.expires"),
            -1 if hands_on is None else int(bool(hands_on)),
            -1 if adult_cpr_aed is None else int(bool(adult_cpr_aed)),
        )

    def remove_cpr_aed(self, i: int) -> None:
        _lib().recert_holder_remove_cpr_aed(self._w(), _index(i))

    @property
    def cpr_aed(self) -> List[CprAed]:
        lib = _lib()
        h = self._h
        return [
            CprAed(
                cast(datetime.date, _date(lib.recert_holder_cpr_aed_completed(h, i))),
                cast(datetime.date, _date(lib.recert_holder_cpr_aed_expires(h, i))),
                lib.recert_holder_cpr_aed_hands_on(h, i) == 1,
                lib.recert_holder_cpr_aed_adult(h, i) == 1,
            )
            for i in range(lib.recert_holder_cpr_aed_count(h))
        ]

    def __repr__(self) -> str:
        if self._ptr is None:
            return "<recert.Holder (closed)>"
        lib = _lib()
        return "<recert.Holder %r: %d credentials, %d credits>" % (
            self.id,
            lib.recert_holder_credential_count(self._h),
            lib.recert_holder_credit_count(self._h),
        )


def _index(i: int) -> int:
    """An index for a size_t parameter (ctypes would wrap a negative one)."""
    if not isinstance(i, int) or isinstance(i, bool) or not 0 <= i < 2**63:
        raise _errors.RangeError("index out of range: %r" % (i,), _errors.ERANGE)
    return i


# -- Roster -------------------------------------------------------------------


class Roster(_XMembers):
    """A records document: holders, and the document's own policies, read
    against a catalog (the built-in policies by default)."""

    _free = "recert_roster_free"
    _kind = "roster"

    def __init__(self, catalog: Optional[Catalog] = None) -> None:
        super().__init__()
        lib = _lib()
        self._adopt(lib.out_handle(lib.recert_roster_new, catalog._h if catalog is not None else None))

    @classmethod
    def from_json(cls, records: Any, catalog: Optional[Catalog] = None) -> "Roster":
        """Import a records document (a dict, JSON text or bytes, or a path),
        all or nothing: ParseError / InvalidError / ... with .path when bad."""
        text = _convert.json_bytes(records, "records")
        lib = _lib()
        if catalog is None:
            ptr = lib.out_handle(lib.recert_roster_from_json, text, len(text))
        else:
            ptr = lib.out_handle(lib.recert_roster_from_json_catalog, text, len(text), catalog._h)
        return cls._owned(ptr)

    def to_json(self, pretty: bool = False) -> str:
        """Export the records document (exactly the members given)."""
        lib = _lib()
        return lib.out_string(lib.recert_roster_to_json, self._h, _flags(pretty))

    def to_dict(self) -> Dict[str, Any]:
        return cast(Dict[str, Any], _convert.loads(self.to_json()))

    def add_policy(self, policy: Policy) -> None:
        """Add a copy of a policy of the document's own (before any holder:
        BusyError after)."""
        _lib().recert_roster_add_policy(self._w(), policy._h)

    @property
    def policies(self) -> List[Policy]:
        """The document's own policies (read-only views)."""
        lib = _lib()
        h = self._h
        return [Policy._borrowed(lib.recert_roster_policy_at(h, i), self) for i in range(lib.recert_roster_policy_count(h))]

    def find_policy(self, policy_id: str) -> Optional[Policy]:
        """The policy an id means in this roster (the document's, else the
        catalog's), or None."""
        ptr = _lib().recert_roster_find_policy(self._h, _b(policy_id, "policy id"))
        return Policy._borrowed(ptr, self) if ptr else None

    def add_holder(self, holder: Holder) -> None:
        """Add a copy of holder, checked as an import checks it (ExistsError,
        NotFoundError for an unknown policy, InvalidError, RangeError, with
        the path the holder would have in the document)."""
        _lib().recert_roster_add_holder(self._w(), holder._h)

    def remove_holder(self, i: int) -> None:
        _lib().recert_roster_remove_holder(self._w(), _index(i))

    def __len__(self) -> int:
        return int(_lib().recert_roster_holder_count(self._h))

    @property
    def holders(self) -> List[Holder]:
        """Read-only views of the holders, in order."""
        lib = _lib()
        h = self._h
        return [Holder._borrowed(lib.recert_roster_holder_at(h, i), self) for i in range(lib.recert_roster_holder_count(h))]

    def find_holder(self, holder_id: str) -> Optional[Holder]:
        ptr = _lib().recert_roster_find_holder(self._h, _b(holder_id, "holder id"))
        return Holder._borrowed(ptr, self) if ptr else None

    _x_prefix = "recert_roster"

    def x_keys(self) -> List[str]:
        return [k for k in self.to_dict() if k.startswith("x-")]

    def evaluate(self, as_of: Optional[DateLike] = None) -> "Report":
        """Evaluate every credential as of a day (a date or YYYY-MM-DD text;
        None: today). The report does not refer to the roster."""
        if as_of is None:
            as_of = datetime.date.today()
        lib = _lib()
        return Report._owned(lib.out_handle(lib.recert_roster_evaluate, self._h, _checked_day(as_of, "as_of")))

    def __repr__(self) -> str:
        if self._ptr is None:
            return "<recert.Roster (closed)>"
        return "<recert.Roster of %d holders>" % len(self)


# -- Report -------------------------------------------------------------------


class Report(_Handle):
    """What evaluation computed as of a day, for every credential of every
    holder. Iterating gives one CredentialReport per credential."""

    _free = "recert_report_free"
    _kind = "report"

    def __init__(self) -> None:
        raise TypeError("a Report comes from Roster.evaluate()")

    def to_json(self, pretty: bool = False) -> str:
        """The report document (docs/format.md)."""
        lib = _lib()
        return lib.out_string(lib.recert_report_to_json, self._h, _flags(pretty))

    def to_dict(self) -> Dict[str, Any]:
        """The report document as a dict, as recert.evaluate() gives it."""
        return cast(Dict[str, Any], _convert.loads(self.to_json()))

    def to_dict_from_getters(self) -> Dict[str, Any]:
        """The same document built from the getters instead of the library's
        JSON (the two agree; the tests check it)."""
        return {"recert": 1, "as_of": self.as_of.isoformat(), "holders": [h.to_dict() for h in self.holders]}

    @property
    def as_of(self) -> datetime.date:
        return cast(datetime.date, _date(_lib().recert_report_as_of(self._h)))

    @property
    def holders(self) -> List["HolderReport"]:
        lib = _lib()
        h = self._h
        return [HolderReport(self, i) for i in range(lib.recert_report_holder_count(h))]

    def __len__(self) -> int:
        """The number of holders."""
        return int(_lib().recert_report_holder_count(self._h))

    def __iter__(self) -> Iterator["CredentialReport"]:
        for holder in self.holders:
            yield from holder.credentials

    def find(self, holder_id: str, credential_id: str) -> Optional["CredentialReport"]:
        """The entry of one credential of one holder, or None."""
        for holder in self.holders:
            if holder.id == holder_id:
                for entry in holder.credentials:
                    if entry.id == credential_id:
                        return entry
        return None

    def __repr__(self) -> str:
        if self._ptr is None:
            return "<recert.Report (closed)>"
        return "<recert.Report as of %s: %d holders>" % (self.as_of, len(self))


class HolderReport:
    """The report's part for one holder."""

    __slots__ = ("report", "index")

    def __init__(self, report: Report, index: int) -> None:
        self.report = report
        self.index = index

    @property
    def id(self) -> str:
        return cast(str, _s(_lib().recert_report_holder_id(self.report._h, self.index)))

    @property
    def credentials(self) -> List["CredentialReport"]:
        n = _lib().recert_report_credential_count(self.report._h, self.index)
        return [CredentialReport(self.report, self.index, c) for c in range(n)]

    @property
    def credits(self) -> List[ReportCredit]:
        """The holder's credit entries as evaluation saw them, in input order."""
        lib = _lib()
        h = self.report._h
        return [
            ReportCredit(cast(str, _s(lib.recert_report_credit_id(h, self.index, k))), int(lib.recert_report_credit_amount(h, self.index, k)))
            for k in range(lib.recert_report_credit_count(h, self.index))
        ]

    def to_dict(self) -> Dict[str, Any]:
        out: Dict[str, Any] = {"id": self.id, "credentials": [c.to_dict() for c in self.credentials]}
        if not out["credentials"] and self.credits:  # credits that count towards nothing
            out["credits"] = [{"id": k.id, "reason": "no_credential"} for k in self.credits]
        return out

    def __repr__(self) -> str:
        return "<recert.HolderReport %r>" % self.id


class CredentialReport:
    """The report's entry for one credential: every getter of report.h, with
    dates as datetime.date, credits as Decimal in the policy's unit and fees
    as int cents. Keeps its report alive."""

    __slots__ = ("report", "holder_index", "index")

    def __init__(self, report: Report, holder_index: int, index: int) -> None:
        self.report = report
        self.holder_index = holder_index
        self.index = index

    def _call(self, name: str, *args: Any) -> Any:
        return getattr(_lib(), "recert_report_" + name)(self.report._h, self.holder_index, self.index, *args)

    @property
    def holder_id(self) -> str:
        return cast(str, _s(_lib().recert_report_holder_id(self.report._h, self.holder_index)))

    @property
    def id(self) -> str:
        return cast(str, _s(self._call("credential_id")))

    @property
    def policy(self) -> str:
        return cast(str, _s(self._call("policy_id")))

    @property
    def status(self) -> str:
        """"renewed", "submitted", "eligible", "in_progress", "late" or
        "lapsed"."""
        return cast(str, _s(_lib().recert_status_name(self._call("status"))))

    @property
    def certified(self) -> bool:
        return bool(self._call("certified") == 1)

    @property
    def path(self) -> Optional[str]:
        """"credits", "exam" or None."""
        return _s(_lib().recert_path_name(self._call("path")))

    def date(self, kind: str) -> Optional[datetime.date]:
        """One of the dates by name (DATE_KINDS): "expires", "final_deadline",
        "next_cycle_start", ...; None when it does not apply."""
        return _date(self._call("date", _enum_value(DATE_KINDS, kind, "date kind")))

    @property
    def dates(self) -> Dict[str, Optional[datetime.date]]:
        """The report's "dates", by name."""
        return {kind: self.date(kind) for kind in REPORT_DATES}

    @property
    def cycle_start(self) -> Optional[datetime.date]:
        return self.date("cycle_start")

    @property
    def expires(self) -> Optional[datetime.date]:
        return self.date("expires")

    @property
    def final_deadline(self) -> Optional[datetime.date]:
        return self.date("final_deadline")

    @property
    def next_cycle(self) -> Optional[NextCycle]:
        """The next cycle of a renewed credential, else None."""
        start = self.date("next_cycle_start")
        expires = self.date("next_cycle_expires")
        if start is None or expires is None:
            return None
        return NextCycle(start, expires)

    @property
    def reference(self) -> Optional[datetime.date]:
        """R (docs/rules.md §7): the day the application was received, else
        as_of."""
        return self.date("reference")

    @property
    def credit_reasons(self) -> List[CreditReason]:
        """For every credit entry of the holder (input order), why it counts
        for this credential or not, with its amount in this unit."""
        lib = _lib()
        h = self.report._h
        per_hour = self.unit_per_hour_micro
        out = []
        for k in range(lib.recert_report_credit_count(h, self.holder_index)):
            reason = lib.recert_report_credit_reason(h, self.holder_index, self.index, k)
            out.append(
                CreditReason(
                    cast(str, _s(lib.recert_report_credit_id(h, self.holder_index, k))),
                    _convert.centihours_to_decimal(int(lib.recert_report_credit_amount(h, self.holder_index, k)), per_hour),
                    _s(lib.recert_credit_reason_name(reason)) or str(reason),
                )
            )
        return out

    @property
    def unit(self) -> str:
        """The unit the credits are written in ("CEU")."""
        return cast(str, _s(self._call("unit")))

    @property
    def unit_per_hour_micro(self) -> int:
        return int(self._call("unit_per_hour"))

    def credits_centihours(self, kind: str) -> int:
        """"required", "earned", "pending" or "shortfall" in centihours."""
        return int(self._call("credits", _enum_value(CREDITS_KINDS, kind, "credits kind")))

    def credits(self, kind: str) -> Decimal:
        """"required", "earned", "pending" or "shortfall" in the unit,
        exactly."""
        return _convert.centihours_to_decimal(self.credits_centihours(kind), self.unit_per_hour_micro)

    @property
    def required(self) -> Decimal:
        return self.credits("required")

    @property
    def earned(self) -> Decimal:
        return self.credits("earned")

    @property
    def pending(self) -> Decimal:
        return self.credits("pending")

    @property
    def shortfall(self) -> Decimal:
        return self.credits("shortfall")

    @property
    def counted(self) -> List[str]:
        """The ids of the credits that count, in input order."""
        return [cast(str, _s(self._call("counted_at", i))) for i in range(self._call("counted_count"))]

    @property
    def cpr_aed(self) -> str:
        """"current", "expiring" (valid now, but not for the policy's
        cpr_aed_valid_days more), "not_hands_on", "expired", "missing" or
        "not_required"."""
        return cast(str, _s(_lib().recert_cpr_aed_state_name(self._call("cpr_aed"))))

    @property
    def categories(self) -> List[CategoryReport]:
        """The credit categories of the policy version that applied, in its
        order (docs/rules.md §4a): CategoryReport(id, earned, min, max) in
        this credential's unit, max None for no cap. [] when that version
        has no categories (the report document then has no "categories")."""
        lib = _lib()
        h = self.report._h
        hi, ci = self.holder_index, self.index
        per_hour = self.unit_per_hour_micro
        out = []
        for i in range(lib.recert_report_category_count(h, hi, ci)):
            earned, low, high = (
                int(lib.recert_report_category_amount(h, hi, ci, i, which)) for which in CATEGORY_FIELDS
            )
            out.append(
                CategoryReport(
                    cast(str, _s(lib.recert_report_category_id(h, hi, ci, i))),
                    _convert.centihours_to_decimal(earned, per_hour),
                    _convert.centihours_to_decimal(low, per_hour),
                    None if high < 0 else _convert.centihours_to_decimal(high, per_hour),  # -1: no maximum
                )
            )
        return out

    @property
    def policy_effective(self) -> Optional[datetime.date]:
        """The effective day of the policy version whose terms applied (the
        one in force on E, docs/rules.md §11a); None when the base terms
        applied or the policy has no versions."""
        return _date(self._call("policy_effective"))

    def fee_cents(self, kind: str) -> int:
        """"renewal", "late", "total" or "petition", in cents."""
        return int(self._call("fee", _enum_value(FEE_KINDS, kind, "fee kind")))

    @property
    def renewal_cents(self) -> int:
        return self.fee_cents("renewal")

    @property
    def late_cents(self) -> int:
        return self.fee_cents("late")

    @property
    def total_cents(self) -> int:
        return self.fee_cents("total")

    @property
    def petition_cents(self) -> int:
        return self.fee_cents("petition")

    @property
    def currency(self) -> str:
        return cast(str, _s(self._call("currency")))

    @property
    def tier(self) -> str:
        """"on_time", "closed" or a late window's name ("late")."""
        return cast(str, _s(self._call("tier")))

    @property
    def tier_kind(self) -> str:
        """"on_time", "late" (any late window) or "closed"."""
        return cast(str, _enum_name(TIER_KINDS, self._call("tier_kind")))

    @property
    def audit(self) -> str:
        """"none", "documents_due", "overdue", "under_review", "passed" or
        "failed"."""
        return cast(str, _s(_lib().recert_audit_state_name(self._call("audit"))))

    @property
    def audit_documents_due(self) -> Optional[datetime.date]:
        return self.date("audit_documents_due")

    @property
    def renewal_group(self) -> Optional[List[str]]:
        """The sorted ids of the credentials renewed together, or None."""
        n = self._call("group_count")
        if n == 0:
            return None
        return [cast(str, _s(self._call("group_at", i))) for i in range(n)]

    @property
    def notices(self) -> List[Notice]:
        lib = _lib()
        out = []
        for i in range(self._call("notice_count")):
            out.append(
                Notice(
                    cast(str, _s(lib.recert_notice_code_name(self._call("notice_code", i)))),
                    _s(self._call("notice_credit", i)),
                    cast(str, _s(self._call("notice_message", i))),
                )
            )
        return out

    def to_dict(self) -> Dict[str, Any]:
        """This entry in the shape of the report document (docs/format.md), built
        from the getters: dates as YYYY-MM-DD text, amounts Decimal. One
        difference: for a policy with versions whose base terms applied,
        the document's "policy_effective": null is not here (the getter
        gives None for that and for a policy without versions alike)."""

        def iso(d: Optional[datetime.date]) -> Optional[str]:
            return None if d is None else d.isoformat()

        entry: Dict[str, Any] = {
            "id": self.id,
            "policy": self.policy,
            "status": self.status,
            "certified": self.certified,
            "path": self.path,
            "dates": {k: iso(v) for k, v in self.dates.items()},
            "credits": {
                "unit": self.unit,
                "required": self.required,
                "earned": self.earned,
                "pending": self.pending,
                "shortfall": self.shortfall,
                "counted": self.counted,
                "cpr_aed": self.cpr_aed,
            },
            "fees": {
                "currency": self.currency,
                "tier": self.tier,
                "renewal_cents": self.renewal_cents,
                "late_cents": self.late_cents,
                "total_cents": self.total_cents,
                "petition_cents": self.petition_cents,
            },
            "audit": {"state": self.audit, "documents_due": iso(self.audit_documents_due)},
            "notices": [_notice_dict(n) for n in self.notices],
        }
        categories = self.categories
        if categories:
            entry["credits"]["categories"] = [
                {"id": k.id, "earned": k.earned, "min": k.min, "max": k.max} for k in categories
            ]
        effective = self.policy_effective
        if effective is not None:
            # The getters cannot tell "no versions" from "the base terms
            # applied" (both RECERT_DAY_NONE): the document's
            # "policy_effective": null is left out.
            entry["policy_effective"] = effective.isoformat()
        nxt = self.next_cycle
        if nxt is not None:
            entry["next_cycle"] = {"cycle_start": nxt.cycle_start.isoformat(), "expires": nxt.expires.isoformat()}
        group = self.renewal_group
        if group is not None:
            entry["renewal_group"] = group
        return entry

    def __repr__(self) -> str:
        return "<recert.CredentialReport %s/%s: %s>" % (self.holder_id, self.id, self.status)


def _notice_dict(notice: Notice) -> Dict[str, Any]:
    d: Dict[str, Any] = {"code": notice.code}
    if notice.credit is not None:
        d["credit"] = notice.credit
    d["message"] = notice.message
    return d
