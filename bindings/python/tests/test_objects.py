"""The object path: wrappers, conversions, and handle lifetimes."""

from __future__ import annotations

import datetime
import gc
import itertools
import unittest
import weakref
from decimal import Decimal

import recert

from .support import needs_library

D = datetime.date


def jane() -> recert.Holder:
    """A NASM trainer (docs/format.md's records example, simplified)."""
    h = recert.Holder("trainer-0042", name="Jane Doe")
    h.add_cpr_aed(D(2025, 6, 1), D(2027, 6, 1), hands_on=True)
    h.add_credential(
        recert.Credential("nasm", "nasm-cpt", D(2022, 4, 10), number="1234567", cycle_start=D(2024, 4, 10))
    )
    h.add_credit(recert.Credit("k1", D(2025, 2, 1), amount=Decimal("1.5"), unit="ceu", title="Corrective Exercise"))
    h.add_credit(
        recert.Credit(
            "k2",
            "2025-09-14",
            hours=4,
            approval="not_preapproved",
            petition=recert.Petition("pending", D(2025, 9, 20)),
        )
    )
    return h


@needs_library
class Conversions(unittest.TestCase):
    def test_credit_members_round_trip(self) -> None:
        with recert.Credit("k1", D(2025, 2, 1), amount="1.5", unit="ceu") as k:
            self.assertEqual(k.id, "k1")
            self.assertEqual(k.completed, D(2025, 2, 1))
            self.assertEqual(k.amount, Decimal("1.5"))
            self.assertEqual((k.unit or "").lower(), "ceu")
            self.assertIsNone(k.hours)
            k.hours = Decimal("2.25")
            self.assertEqual(k.hours, Decimal("2.25"))
            self.assertIsNone(k.unit)
            k.title = "Kettlebells"
            k.provider = "Local studio"
            self.assertEqual((k.title, k.provider), ("Kettlebells", "Local studio"))
            k.title = None
            self.assertIsNone(k.title)
            self.assertEqual(k.approval, "preapproved")
            k.approval = "not_preapproved"
            self.assertEqual(k.approval, "not_preapproved")
            self.assertIsNone(k.petition)
            k.set_petition("approved", "2025-02-10", D(2025, 3, 1))
            self.assertEqual(k.petition, recert.Petition("approved", D(2025, 2, 10), D(2025, 3, 1)))
            k.petition = None
            self.assertIsNone(k.petition)
            self.assertIsNone(k.applies_to)
            k.applies_to = ["nasm"]
            self.assertEqual(k.applies_to, ["nasm"])
            k.applies_to = []
            self.assertEqual(k.applies_to, [])
            k.applies_to = None
            self.assertIsNone(k.applies_to)
            k.completed = datetime.datetime(2025, 3, 4, 12, 30)  # a datetime counts as its date
            self.assertEqual(k.completed, D(2025, 3, 4))

    def test_amount_must_be_whole_hundredths(self) -> None:
        with self.assertRaises(recert.ArgumentError):
            recert.Credit("k", D(2025, 1, 1), hours="0.125")
        with self.assertRaises(recert.ArgumentError):
            recert.Credit("k", D(2025, 1, 1), hours=float("nan"))
        # a float is read as its shortest text: 1.9 is exactly 1.9
        with recert.Credit("k", D(2025, 1, 1), amount=1.9, unit="ceu") as k:
            self.assertEqual(k.amount, Decimal("1.9"))

    def test_credential_members_round_trip(self) -> None:
        c = recert.Credential("nasm", "nasm-cpt", "2022-04-10")
        self.assertEqual(c.certified, D(2022, 4, 10))
        self.assertIsNone(c.cycle_start)
        self.assertIsNone(c.expires)
        self.assertIsNone(c.number)
        c.cycle_start = D(2024, 4, 10)
        c.expires = "2026-04-10"
        self.assertEqual((c.cycle_start, c.expires), (D(2024, 4, 10), D(2026, 4, 10)))
        c.expires = None
        self.assertIsNone(c.expires)
        self.assertIsNone(c.application)
        c.set_application(D(2026, 3, 30))
        self.assertEqual(c.application, recert.Application(D(2026, 3, 30), "pending", None))
        c.application = {"received": D(2026, 3, 30), "decision": "accepted", "decided": D(2026, 4, 2)}
        self.assertEqual(c.application, recert.Application(D(2026, 3, 30), "accepted", D(2026, 4, 2)))
        c.application = None
        self.assertIsNone(c.application)
        self.assertIsNone(c.audit)
        c.set_audit(D(2026, 4, 2), D(2026, 4, 20), "passed", D(2026, 5, 1))
        self.assertEqual(c.audit, recert.Audit(D(2026, 4, 2), D(2026, 4, 20), "passed", D(2026, 5, 1)))
        c.audit = None
        self.assertIsNone(c.audit)
        c.exam_passed = D(2026, 12, 1)
        self.assertEqual(c.exam_passed, D(2026, 12, 1))
        c.policy = "acsm-cpt"
        self.assertEqual(c.policy, "acsm-cpt")
        c.close()

    def test_holder_members(self) -> None:
        with jane() as h:
            self.assertEqual((h.id, h.name), ("trainer-0042", "Jane Doe"))
            self.assertEqual([c.id for c in h.credentials], ["nasm"])
            self.assertEqual([k.id for k in h.credits], ["k1", "k2"])
            self.assertEqual(h.credits[1].petition, recert.Petition("pending", D(2025, 9, 20), None))
            self.assertEqual(h.cpr_aed, [recert.CprAed(D(2025, 6, 1), D(2027, 6, 1), True, True)])
            h.add_cpr_aed("2023-01-01", "2025-01-01", hands_on=False, adult_cpr_aed=False)
            self.assertEqual(h.cpr_aed[1], recert.CprAed(D(2023, 1, 1), D(2025, 1, 1), False, False))
            h.remove_cpr_aed(1)
            h.remove_credit(0)
            self.assertEqual([k.id for k in h.credits], ["k2"])
            h.name = None
            self.assertIsNone(h.name)

    def test_x_members(self) -> None:
        with jane() as h:
            h.set_x("x-crm", {"id": 17, "tags": ["pt", "yoga"], "rate": Decimal("42.50")})
            self.assertEqual(h.get_x("x-crm"), {"id": 17, "tags": ["pt", "yoga"], "rate": Decimal("42.50")})
            self.assertEqual(h.x_keys(), ["x-crm"])
            self.assertIsNone(h.get_x("x-none", None))
            with self.assertRaises(recert.NotFoundError):
                h.get_x("x-none")
            with self.assertRaises(recert.ArgumentError):
                h.set_x("crm", 1)  # not an x- name
            h.del_x("x-crm")
            self.assertEqual(h.x_keys(), [])
            with recert.Roster() as roster:
                roster.set_x("x-gym", "Downtown")
                roster.add_holder(h)
                self.assertEqual(roster.get_x("x-gym"), "Downtown")
                self.assertEqual(roster.x_keys(), ["x-gym"])

    def test_policy_getters(self) -> None:
        catalog = recert.Catalog.default()
        nasm = catalog.find("nasm-cpt")
        self.assertIsNotNone(nasm)
        assert nasm is not None
        self.assertEqual(nasm.organization, "NASM")
        self.assertEqual(nasm.unit, "CEU")
        self.assertEqual(nasm.unit_per_hour_micro, 100000)
        self.assertEqual(nasm.unit_per_hour, Decimal("0.1"))
        self.assertEqual(nasm.credits_required, Decimal("1.9"))
        self.assertEqual(nasm.credits_required_centihours, 1900)
        self.assertEqual((nasm.cycle_years, nasm.cycle_kind), (2, "anniversary"))
        self.assertEqual(nasm.credit_grace_days, 90)
        self.assertTrue(nasm.cpr_aed_required)
        self.assertEqual(nasm.cpr_aed_credit, Decimal("0.1"))
        self.assertEqual(nasm.unapproved_credits, "petition")
        self.assertFalse(nasm.exam_path)
        self.assertIsNone(nasm.combine_group)
        self.assertEqual(nasm.renewal_fee_cents, 9900)
        self.assertEqual([w.tier for w in nasm.late_windows], ["late", "late_additional"])
        self.assertTrue(nasm.audits)
        self.assertEqual(nasm.audit_documents_days, 30)
        self.assertEqual(nasm.currency, "USD")
        acsm = catalog.find("acsm-cpt")
        assert acsm is not None
        self.assertEqual((acsm.cycle_kind, acsm.combine_group, acsm.exam_path), ("year_end", "acsm", True))
        self.assertIsNone(catalog.find("no-such-policy"))
        # the one-call list and the catalog agree
        self.assertEqual([p["id"] for p in recert.policies()], [p.id for p in catalog])
        self.assertEqual(catalog.to_list(), recert.policies())
        # a policy document round-trips
        with recert.Policy.from_json(nasm.to_json()) as copy:
            self.assertEqual(copy.to_dict(), nasm.to_dict())

    def test_custom_policy_in_a_catalog(self) -> None:
        doc = {
            "id": "gym-ace",
            "organization": "ACE",
            "name": "ACE Certified Personal Trainer",
            "currency": "USD",
            "unit": {"name": "ACE-CEC", "per_hour": Decimal("0.1")},
            "cycle": {"years": 2, "expires": "anniversary"},
            "credits_required": Decimal("2.0"),
            "fees": {"renewal_cents": 12900},
        }
        catalog = recert.Catalog.builtin()
        n = len(catalog)
        catalog.add(recert.Policy(doc))
        self.assertEqual(len(catalog), n + 1)
        roster = recert.Roster(catalog)
        del catalog  # the roster keeps its catalog alive
        gc.collect()
        h = recert.Holder("h1")
        h.add_credential(recert.Credential("ace", "gym-ace", D(2024, 3, 1)))
        h.add_credit(recert.Credit("c1", D(2025, 1, 10), amount="1.2", unit="ace-cec"))
        roster.add_holder(h)
        entry = next(iter(roster.evaluate(D(2025, 6, 1))))
        self.assertEqual((entry.policy, entry.unit), ("gym-ace", "ACE-CEC"))
        self.assertEqual(entry.earned, Decimal("1.2"))
        self.assertEqual(entry.shortfall, Decimal("0.8"))
        self.assertEqual(entry.expires, D(2026, 3, 1))


    def test_holder_with_credits_and_no_credentials(self) -> None:
        # issue 13 item 1: this report crashed the binding (the holder's
        # credit getters read uninitialised memory)
        new = recert.Holder("new-trainer")
        new.add_credit(recert.Credit("k1", D(2025, 3, 1), hours=2))
        new.add_credit(recert.Credit("k2", D(2025, 4, 1), hours="1.5"))
        with recert.Roster() as roster:
            roster.add_holder(new)
            roster.add_holder(recert.Holder("nobody"))
            roster.add_holder(jane())
            report = roster.evaluate(D(2025, 10, 1))
        first, second, third = report.holders
        self.assertEqual(first.credentials, [])
        self.assertEqual(first.credits, [recert.ReportCredit("k1", 200), recert.ReportCredit("k2", 150)])
        self.assertEqual((second.credentials, second.credits), ([], []))
        self.assertEqual(len(third.credentials), 1)
        lib = recert._native.lib()
        self.assertEqual(lib.recert_report_credit_reason(report._h, 0, 0, 0), 11)
        self.assertEqual(lib.recert_credit_reason_name(11), b"no_credential")
        doc = report.to_dict()
        self.assertEqual(
            doc["holders"][0],
            {"id": "new-trainer", "credentials": [],
             "credits": [{"id": "k1", "reason": "no_credential"}, {"id": "k2", "reason": "no_credential"}]},
        )
        self.assertEqual(doc["holders"][1], {"id": "nobody", "credentials": []})
        self.assertEqual(report.to_dict_from_getters(), doc)
        self.assertEqual([e.id for e in report], ["nasm"])

@needs_library
class Lifetimes(unittest.TestCase):
    def test_children_keep_their_parent_alive(self) -> None:
        roster = recert.Roster()
        roster.add_holder(jane())
        credit = roster.holders[0].credits[0]
        ref = weakref.ref(roster)
        del roster
        gc.collect()
        self.assertIsNotNone(ref())  # kept by the credit's holder view
        self.assertEqual(credit.id, "k1")
        self.assertEqual(credit.amount, Decimal("1.5"))
        del credit
        gc.collect()
        self.assertIsNone(ref())  # and freed with the last view

    def test_free_in_any_order(self) -> None:
        def use(o: object) -> object:
            return len(o) if isinstance(o, recert.Roster) else o.id  # type: ignore[arg-type,attr-defined]

        for order in itertools.permutations(range(3)):
            roster = recert.Roster()
            roster.add_holder(jane())
            holder = roster.holders[0]
            credential = holder.credentials[0]
            chain = [roster, holder, credential]  # each one's parent is the one before
            closed = set()
            for i in order:
                chain[i].close()
                closed.add(i)
                for j, o in enumerate(chain):
                    if any(k in closed for k in range(j + 1)):  # itself or an ancestor
                        with self.assertRaises(recert.ClosedError):
                            use(o)
                    else:
                        self.assertTrue(use(o))

    def test_borrowed_views_are_read_only(self) -> None:
        with recert.Roster() as roster:
            roster.add_holder(jane())
            holder = roster.holders[0]
            self.assertTrue(holder.borrowed)
            with self.assertRaises(recert.BusyError):
                holder.name = "X"
            with self.assertRaises(recert.BusyError):
                holder.credits[0].title = "X"
            # a copy is the caller's own
            with holder.copy() as mine:
                self.assertFalse(mine.borrowed)
                mine.name = "Jane Roe"
                self.assertEqual(mine.name, "Jane Roe")
            self.assertEqual(holder.name, "Jane Doe")

    def test_views_go_stale_when_their_parent_changes(self) -> None:
        with jane() as h:
            credit = h.credits[1]
            self.assertEqual(credit.id, "k2")
            h.remove_credit(0)  # the views' pointers may no longer be valid
            with self.assertRaises(recert.ClosedError):
                credit.id
            self.assertEqual(h.credits[0].id, "k2")

    def test_close_is_idempotent_and_with_closes(self) -> None:
        with recert.Holder("h") as h:
            pass
        self.assertTrue(h.closed)
        h.close()
        with self.assertRaises(recert.ClosedError):
            h.id
        self.assertIn("closed", repr(h))

    def test_finalizer_frees_without_close(self) -> None:
        h = recert.Holder("h")
        fin = h._finalizer
        assert fin is not None
        self.assertTrue(fin.alive)
        del h
        gc.collect()
        self.assertFalse(fin.alive)

    def test_report_outlives_roster(self) -> None:
        roster = recert.Roster()
        roster.add_holder(jane())
        report = roster.evaluate("2026-11-23")
        roster.close()
        entries = list(report)
        self.assertEqual(len(entries), 1)
        self.assertEqual(entries[0].holder_id, "trainer-0042")
        self.assertIn(entries[0].status, ("renewed", "submitted", "eligible", "in_progress", "late", "lapsed"))
        self.assertEqual(entries[0].to_dict(), report.to_dict()["holders"][0]["credentials"][0])

    def test_default_catalog_is_read_only(self) -> None:
        catalog = recert.Catalog.default()
        with self.assertRaises(recert.BusyError):
            catalog.add(catalog[0].copy())
        catalog.close()  # nothing to free: it is the library's
        self.assertGreater(len(recert.Catalog.default()), 0)


if __name__ == "__main__":
    unittest.main()
