"""A gym's back end: which trainers must act on their certifications, by
when, and what it costs.

The gym keeps its trainers, certifications and courses in its own database
(SQLite here, from the standard library). The object path hands them to
librecert without writing JSON; the report comes back typed: dates as
datetime.date, credits as Decimal, money as int cents.

Run it from the repository root (RECERT_LIBRARY names the built library
when librecert is not installed):

    RECERT_LIBRARY=build/lib/librecert.so.0 PYTHONPATH=bindings/python \\
        python3 bindings/python/examples/gym_backend.py 2026-11-23
"""

from __future__ import annotations

import datetime
import sqlite3
import sys
from decimal import Decimal
from typing import Dict, List, Optional

import recert

SCHEMA = """
create table trainer (
    id text primary key, name text, email text,
    cpr_completed text, cpr_expires text, cpr_hands_on integer);
create table certification (
    trainer_id text, id text, policy text, number text,
    certified text, cycle_start text, applied text);
create table course (
    trainer_id text, id text, title text, provider text, completed text,
    amount text, unit text, preapproved integer,
    petition_status text, petition_filed text);
"""

DEMO = {
    "trainer": [
        ("t-001", "Maria Alvarez", "maria@example.com", "2025-01-11", "2027-01-11", 1),
        ("t-002", "Tomasz Kowalski", "tomasz@example.com", "2025-02-22", "2027-02-22", 1),
        ("t-003", "Marcus Hill", "marcus@example.com", "2025-01-15", "2027-01-15", 1),
    ],
    "certification": [
        ("t-001", "nasm", "nasm-cpt", "1048271", "2019-01-28", "2025-01-28", None),
        ("t-002", "nasm", "nasm-cpt", "1093311", "2020-09-15", "2024-09-15", None),
        ("t-003", "cpt", "acsm-cpt", "771204", "2023-05-10", None, None),
        ("t-003", "ep", "acsm-ep", "771987", "2023-09-01", None, None),
    ],
    "course": [
        ("t-001", "m1", "Golf Fitness Specialist", "NASM", "2025-04-06", "0.8", "ceu", 1, None, None),
        ("t-001", "m2", "TRX Suspension Training", "TRX Training", "2025-09-13", "0.7", "ceu", 1, None, None),
        ("t-001", "m3", "Mobility Workshop", "Peak Physio", "2026-02-21", "4", "hours", 0, "approved", "2026-03-02"),
        ("t-002", "k1", "Youth Exercise Specialist", "NASM", "2025-01-10", "1.0", "ceu", 1, None, None),
        ("t-002", "k2", "Kettlebell Workshop", "Local studio", "2026-10-01", "5", "hours", 1, None, None),
        ("t-002", "k3", "Pilates Mat I", "Core Studio", "2026-10-20", "6", "hours", 0, None, None),
        ("t-003", "a", "ACSM Annual Meeting", "ACSM", "2023-11-01", "20", "cec", 1, None, None),
        ("t-003", "b", "Exercise is Medicine", "ACE", "2024-06-01", "2.5", "ceu", 1, None, None),
        ("t-003", "c", "Strength Coaching Clinic", "NSCA", "2025-02-01", "16", "hours", 1, None, None),
    ],
}


def day(text: str) -> datetime.date:
    return datetime.date.fromisoformat(text)


def maybe_day(text: Optional[str]) -> Optional[datetime.date]:
    return None if text is None else day(text)


def open_database() -> sqlite3.Connection:
    db = sqlite3.connect(":memory:")
    db.executescript(SCHEMA)
    for table, rows in DEMO.items():
        marks = ",".join("?" * len(rows[0]))
        db.executemany("insert into %s values (%s)" % (table, marks), rows)
    return db


def build_roster(db: sqlite3.Connection) -> recert.Roster:
    """The gym's records as a roster, through the object path."""
    roster = recert.Roster()
    trainers = db.execute("select id, name, email, cpr_completed, cpr_expires, cpr_hands_on from trainer order by id")
    for tid, name, email, cpr_completed, cpr_expires, hands_on in trainers.fetchall():
        with recert.Holder(tid, name=name) as holder:
            holder.set_x("x-email", email)  # the gym's own data travels along
            if cpr_completed:
                holder.add_cpr_aed(day(cpr_completed), day(cpr_expires), hands_on=bool(hands_on))
            rows = db.execute(
                "select id, policy, number, certified, cycle_start, applied from certification"
                " where trainer_id = ? order by rowid",
                (tid,),
            )
            for cid, policy, number, certified, cycle_start, applied in rows:
                with recert.Credential(
                    cid, policy, day(certified), number=number, cycle_start=maybe_day(cycle_start)
                ) as c:
                    if applied:
                        c.set_application(day(applied))
                    holder.add_credential(c)  # adds a copy
            rows = db.execute(
                "select id, title, provider, completed, amount, unit, preapproved, petition_status, petition_filed"
                " from course where trainer_id = ? order by rowid",
                (tid,),
            )
            for kid, title, provider, completed, amount, unit, preapproved, p_status, p_filed in rows:
                with recert.Credit(
                    kid,
                    day(completed),
                    amount=Decimal(amount),
                    unit=unit,
                    title=title,
                    provider=provider,
                    approval="preapproved" if preapproved else "not_preapproved",
                ) as k:
                    if p_status:
                        k.set_petition(p_status, day(p_filed))
                    holder.add_credit(k)
            roster.add_holder(holder)  # checked like an import: unknown policy, bad cycle, ...
    return roster


def to_do(entry: recert.CredentialReport) -> List[str]:
    """What a trainer must do next for one certification."""
    if entry.status in ("renewed", "submitted"):
        return []  # nothing until the certifying body decides
    if entry.status == "lapsed":
        return ["lapsed: contact the certifying body about reinstatement"]
    actions = []
    if entry.shortfall > 0:
        actions.append("earn %s more %s by %s" % (entry.shortfall, entry.unit, entry.date("credit_deadline")))
    actions.extend(notice.message for notice in entry.notices)
    fee = "$%d.%02d" % divmod(entry.total_cents, 100)
    if entry.status == "late":
        actions.append("apply now: %s, %s tier" % (fee, entry.tier))
    elif entry.status == "eligible":
        actions.append("apply by %s: %s" % (entry.date("on_time_deadline"), fee))
    return actions


def main(argv: List[str]) -> int:
    as_of = datetime.date.fromisoformat(argv[1]) if len(argv) > 1 else datetime.date.today()
    db = open_database()
    try:
        roster = build_roster(db)
    except recert.RecertError as e:
        # e.path says which record: holders[2].credentials[0].certified
        print("bad record at %s: %s" % (e.path or "?", e.message), file=sys.stderr)
        return 1
    emails: Dict[str, str] = {h.id: h.get_x("x-email") for h in roster.holders}
    names: Dict[str, Optional[str]] = {h.id: h.name for h in roster.holders}

    with roster, roster.evaluate(as_of) as report:
        print("Certifications as of %s" % report.as_of)
        owed = 0
        for entry in report:
            name = names[entry.holder_id]
            print(
                "%-16s %-9s %-11s %5s of %5s %s, expires %s"
                % (name, entry.policy, entry.status, entry.earned, entry.required, entry.unit, entry.expires)
            )
            for action in to_do(entry):
                print("    -> %s (mail %s)" % (action, emails[entry.holder_id]))
            if entry.status not in ("renewed", "submitted", "lapsed"):
                owed += entry.total_cents
            if entry.renewal_group:
                print("    renews together with: %s" % ", ".join(entry.renewal_group))
        print("Renewal fees still to pay: $%d.%02d" % divmod(owed, 100))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
