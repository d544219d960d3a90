"""recert: librecert from Python, through ctypes and the standard library.

The one-call path::

    import recert
    report = recert.evaluate("roster.json", "2026-11-23")   # a dict
    problems = recert.validate(records)                    # [] when valid
    for policy in recert.policies(): ...

The object path, for programs that keep their own records::

    with recert.Roster() as roster:
        h = recert.Holder("trainer-0042", name="Jane Doe")
        h.add_credential(recert.Credential("nasm", "nasm-cpt", date(2022, 4, 10)))
        h.add_credit(recert.Credit("k1", date(2025, 2, 1), amount="1.5", unit="ceu"))
        h.add_cpr_aed(date(2025, 6, 1), date(2027, 6, 1))
        roster.add_holder(h)
        with roster.evaluate(date(2026, 11, 23)) as report:
            for entry in report:
                print(entry.holder_id, entry.id, entry.status, entry.shortfall)

Every failure raises RecertError (a subclass per error code) with .code,
.message and .path. The library is found through RECERT_LIBRARY, a copy of
librecert.so.0 next to this package, or the system's librecert.so.0.
"""

from ._api import audit_select, evaluate, evaluate_json, library_path, library_version, policies, strerror, validate
from ._errors import (
    ArgumentError,
    BusyError,
    ClosedError,
    ExistsError,
    InvalidError,
    LibraryNotFoundError,
    LimitError,
    NotFoundError,
    OutOfMemoryError,
    ParseError,
    RangeError,
    RecertError,
    UnsupportedError,
)
from ._objects import (
    Application,
    Audit,
    Catalog,
    Category,
    CategoryReport,
    CprAed,
    Credential,
    CredentialReport,
    CreditReason,
    Credit,
    Holder,
    HolderReport,
    LateWindow,
    NextCycle,
    Notice,
    Offset,
    Petition,
    Policy,
    ProrationStep,
    Report,
    ReportCredit,
    Roster,
)

__version__ = "0.1.0"

__all__ = [
    "evaluate",
    "evaluate_json",
    "validate",
    "policies",
    "library_version",
    "library_path",
    "strerror",
    "audit_select",
    "RecertError",
    "ArgumentError",
    "ParseError",
    "InvalidError",
    "NotFoundError",
    "RangeError",
    "OutOfMemoryError",
    "UnsupportedError",
    "ExistsError",
    "BusyError",
    "LimitError",
    "ClosedError",
    "LibraryNotFoundError",
    "Roster",
    "Holder",
    "Credential",
    "Credit",
    "Policy",
    "Catalog",
    "Report",
    "HolderReport",
    "CredentialReport",
    "Petition",
    "Application",
    "Audit",
    "CprAed",
    "LateWindow",
    "Offset",
    "Category",
    "ProrationStep",
    "CategoryReport",
    "Notice",
    "NextCycle",
    "ReportCredit",
    "CreditReason",
]
