"""The policy-format extensions (issue 8): fixed cycle periods (docs/rules.md
§3a), proration (§3b), credit categories (§4a), the CPR/AED validity margin
(§5a) and dated versions (§11a), through the object API. Every expected value
below is worked out by hand from those rules in the comments."""

from __future__ import annotations

import copy
import datetime
import gc
import unittest
import weakref
from decimal import Decimal
from typing import Any, Dict

import recert
from recert import _native

from .support import build_roster, needs_library

D = datetime.date

# A policy with every extension: 3-year fixed periods ending 2026-12-31 (and
# every 3 years before and after), a prorated first cycle, two categories, a
# 30-day CPR/AED margin, and two dated versions. Version 0 (2025-06-01)
# raises the renewal fee, widens the CPR/AED margin to 60 days, replaces the
# categories (arrays replace, RFC 7386), and the late windows with a single
# one through the final deadline, now E + 6 months. Version 1 (2030-01-01)
# removes the categories and the proration (null: the default, none).
POLICY: Dict[str, Any] = {
    "id": "gym-fixed",
    "organization": "Gym",
    "name": "Fixed-period test certification",
    "currency": "USD",
    "unit": {"name": "NSCA-CEU", "per_hour": Decimal("0.1")},
    "cycle": {"years": 3, "expires": "fixed", "ends": "2026-12-31"},
    "credits_required": Decimal("6.0"),
    "proration": [
        {"from": {"days": 1}, "credits_required": Decimal("4.0")},
        {"from": {"years": 1}, "credits_required": Decimal("2.0")},
        {"from": {"years": 2}, "credits_required": 0},
    ],
    "credit_grace_days": 0,
    "cpr_aed": {"required": True, "credit": 0, "valid_days_after": 30},
    "unapproved_credits": "accepted",
    "fees": {"renewal_cents": 7500, "petition_cents": 0, "combine_extra_cents": 0},
    "categories": [
        {"id": "ethics", "name": "Ethics", "min": Decimal("0.5")},
        {"id": "online", "max": Decimal("3.0")},
    ],
    "late_windows": [
        {"tier": "late", "through": {"days": 30}, "fee_cents": 2500},
        {"tier": "late_additional", "through": None, "fee_cents": 5000},
    ],
    "final_deadline": {"months": 3},
    "versions": [
        {
            "effective": "2025-06-01",
            "fees": {"renewal_cents": 9000},
            "cpr_aed": {"valid_days_after": 60},
            "categories": [{"id": "ethics", "min": Decimal("1.0")}, {"id": "online", "max": Decimal("2.0")}],
            "late_windows": [{"tier": "late", "through": None, "fee_cents": 4000}],
            "final_deadline": {"months": 6},
        },
        {"effective": "2030-01-01", "categories": None, "proration": None},
    ],
}

# 1 NSCA-CEU = 10 contact hours (per_hour 0.1).
RECORDS: Dict[str, Any] = {
    "recert": 1,
    "policies": [POLICY],
    "holders": [
        {
            "id": "h1",
            "cpr_aed": {"completed": "2025-01-01", "expires": "2027-06-01"},
            "credentials": [{"id": "c1", "policy": "gym-fixed", "certified": "2024-03-10"}],
            "credits": [
                {"id": "k1", "completed": "2024-05-01", "hours": 10, "category": "online"},
                {"id": "k2", "completed": "2024-08-01", "hours": 15, "category": "ONLINE"},
                {"id": "k3", "completed": "2025-02-01", "hours": 5, "category": "online"},
                {"id": "k4", "completed": "2025-03-01", "hours": 20},
                {"id": "k5", "completed": "2025-04-01", "hours": 5, "category": "ethics"},
                {"id": "k6", "completed": "2025-05-01", "hours": 3, "category": "nutrition"},
            ],
        },
        {
            "id": "h2",
            "credentials": [{"id": "c2", "policy": "gym-fixed", "certified": "2021-05-01", "expires": "2023-12-31"}],
            "credits": [{"id": "j1", "completed": "2022-01-01", "hours": 10, "category": "Ethics"}],
        },
        {
            "id": "h3",
            "cpr_aed": {"completed": "2024-07-01", "expires": "2026-07-01"},
            "credentials": [{"id": "c3", "policy": "gym-fixed", "certified": "2024-01-01"}],
        },
    ],
}
AS_OF = D(2026, 6, 1)


@needs_library
class PolicyGetters(unittest.TestCase):
    def setUp(self) -> None:
        self.policy = recert.Policy.from_json(POLICY)

    def tearDown(self) -> None:
        self.policy.close()

    def test_fixed_cycle_and_cpr_margin(self) -> None:
        p = self.policy
        self.assertEqual((p.cycle_kind, p.cycle_years, p.cycle_ends), ("fixed", 3, D(2026, 12, 31)))
        self.assertEqual(p.cpr_aed_valid_days, 30)
        self.assertEqual(p.credits_required, Decimal("6.0"))
        # not fixed: no period end; no margin given: 0
        nasm = recert.Catalog.default().find("nasm-cpt")
        assert nasm is not None
        self.assertIsNone(nasm.cycle_ends)
        self.assertEqual(nasm.cpr_aed_valid_days, 0)
        self.assertEqual((nasm.categories, nasm.proration, nasm.versions, nasm.effective), ([], [], [], None))

    def test_late_window_offsets_and_final_deadline(self) -> None:
        p = self.policy
        self.assertEqual(
            p.late_windows,
            [
                recert.LateWindow("late", 2500, recert.Offset(days=30)),
                recert.LateWindow("late_additional", 5000, None),  # "through": null
            ],
        )
        self.assertEqual(p.final_deadline, recert.Offset(0, 3, 0))
        self.assertEqual(p.final_deadline._asdict(), {"years": 0, "months": 3, "days": 0})  # type: ignore[union-attr]
        # NASM (built in): late 90 days, late_additional through the final
        # deadline E + 1 year - 1 day (RULES §7)
        nasm = recert.Catalog.default().find("nasm-cpt")
        assert nasm is not None
        self.assertEqual([w.through for w in nasm.late_windows], [recert.Offset(days=90), None])
        self.assertEqual(nasm.final_deadline, recert.Offset(years=1, days=-1))
        # ACSM (built in): no late window, no final_deadline: the final deadline is E
        acsm = recert.Catalog.default().find("acsm-cpt")
        assert acsm is not None
        self.assertEqual((acsm.late_windows, acsm.final_deadline), ([], None))

    def test_categories_and_proration(self) -> None:
        p = self.policy
        self.assertEqual(
            p.categories,
            [
                recert.Category("ethics", Decimal("0.5"), None),  # no max: no cap
                recert.Category("online", Decimal("0"), Decimal("3.0")),  # no min: 0
            ],
        )
        self.assertEqual(
            p.proration,
            [
                recert.ProrationStep(recert.Offset(days=1), Decimal("4.0")),
                recert.ProrationStep(recert.Offset(years=1), Decimal("2.0")),
                recert.ProrationStep(recert.Offset(years=2), Decimal("0")),
            ],
        )

    def test_versions(self) -> None:
        p = self.policy
        self.assertIsNone(p.effective)  # the base terms
        v0, v1 = p.versions
        self.assertTrue(v0.borrowed and v1.borrowed)
        self.assertEqual((v0.effective, v1.effective), (D(2025, 6, 1), D(2030, 1, 1)))
        # version 0 = base + patch 0: the fee replaced, the other fees kept
        # (an object merges), cpr_aed.required kept, the margin 60
        self.assertEqual((v0.id, v0.unit, v0.cycle_kind, v0.cycle_ends), ("gym-fixed", "NSCA-CEU", "fixed", D(2026, 12, 31)))
        self.assertEqual((v0.renewal_fee_cents, v0.petition_fee_cents), (9000, 0))
        self.assertEqual((v0.cpr_aed_required, v0.cpr_aed_valid_days), (True, 60))
        self.assertEqual(
            v0.categories, [recert.Category("ethics", Decimal("1.0"), None), recert.Category("online", Decimal("0"), Decimal("2.0"))]
        )
        self.assertEqual(v0.proration, p.proration)  # not in the patch: the base's
        self.assertEqual(v0.late_windows, [recert.LateWindow("late", 4000, None)])
        self.assertEqual(v0.final_deadline, recert.Offset(months=6))
        # version 1 = base + patch 0 + patch 1: null removed categories and proration
        self.assertEqual((v1.categories, v1.proration), ([], []))
        self.assertEqual((v1.renewal_fee_cents, v1.cpr_aed_valid_days), (9000, 60))
        # a version has no versions of its own
        self.assertEqual((v0.versions, v1.versions), ([], []))
        # its document: the merged terms, without "versions" and "effective"
        doc = v0.to_dict()
        self.assertNotIn("versions", doc)
        self.assertNotIn("effective", doc)
        self.assertEqual(doc["fees"], {"renewal_cents": 9000, "petition_cents": 0, "combine_extra_cents": 0})
        self.assertEqual(repr(v0), "<recert.Policy 'gym-fixed' effective 2025-06-01>")

    def test_in_force(self) -> None:
        p = self.policy
        # the last version whose effective day is <= day, else the base itself
        self.assertIs(p.in_force(D(2025, 5, 31)), p)
        self.assertEqual(p.in_force(D(2025, 6, 1)).effective, D(2025, 6, 1))
        self.assertEqual(p.in_force("2026-12-31").effective, D(2025, 6, 1))  # E of the current period
        self.assertEqual(p.in_force(D(2029, 12, 31)).effective, D(2025, 6, 1))
        self.assertEqual(p.in_force(D(2030, 1, 1)).effective, D(2030, 1, 1))
        self.assertEqual(p.in_force(D(2030, 1, 1)).categories, [])
        v0 = p.versions[0]
        self.assertIs(v0.in_force(D(2031, 1, 1)), v0)  # a version is its own terms
        with self.assertRaises(recert.RangeError):
            p.in_force(D(1899, 12, 31))

    def test_versions_keep_their_policy_alive(self) -> None:
        p = recert.Policy.from_json(POLICY)
        ref = weakref.ref(p)
        v0 = p.versions[0]
        in_force = p.in_force(D(2030, 6, 1))
        del p
        gc.collect()
        self.assertIsNotNone(ref())  # kept by the views
        self.assertEqual((v0.renewal_fee_cents, in_force.effective), (9000, D(2030, 1, 1)))
        del v0, in_force
        gc.collect()
        self.assertIsNone(ref())  # and freed with the last of them

    def test_versions_die_with_their_policy(self) -> None:
        p = recert.Policy.from_json(POLICY)
        v0 = p.versions[0]
        p.close()
        with self.assertRaises(recert.ClosedError):
            v0.renewal_fee_cents
        v0.close()  # dropping the view is harmless

    def test_a_version_is_not_copied(self) -> None:
        v0 = self.policy.versions[0]
        with self.assertRaises(recert.ArgumentError):
            v0.copy()
        with self.assertRaises(recert.ArgumentError):
            recert.Catalog().add(v0)  # adding copies
        # the whole policy copies, versions and all
        with self.policy.copy() as mine:
            self.assertEqual([v.effective for v in mine.versions], [D(2025, 6, 1), D(2030, 1, 1)])
        # the merged document stands alone as a policy of its own
        with recert.Policy.from_json(v0.to_json()) as alone:
            self.assertEqual((alone.effective, alone.renewal_fee_cents), (None, 9000))

    def test_version_errors(self) -> None:
        doc = copy.deepcopy(POLICY)
        doc["versions"][1]["unit"] = {"name": "CEU", "per_hour": Decimal("0.1")}
        with self.assertRaises(recert.InvalidError) as cm:
            recert.Policy.from_json(doc)
        self.assertEqual(cm.exception.path, "versions[1].unit")
        doc = copy.deepcopy(POLICY)
        doc["versions"][1]["effective"] = "2025-06-01"  # not strictly increasing
        with self.assertRaises(recert.InvalidError) as cm:
            recert.Policy.from_json(doc)
        self.assertEqual(cm.exception.path, "versions[1].effective")
        doc = copy.deepcopy(POLICY)
        doc["versions"] = [{"effective": (D(2000, 1, 1) + datetime.timedelta(days=i)).isoformat()} for i in range(65)]
        with self.assertRaises(recert.LimitError):
            recert.Policy.from_json(doc)


@needs_library
class ReportExtensions(unittest.TestCase):
    @classmethod
    def setUpClass(cls) -> None:
        cls.roster = recert.Roster.from_json(RECORDS)
        cls.report = cls.roster.evaluate(AS_OF)

    @classmethod
    def tearDownClass(cls) -> None:
        cls.report.close()
        cls.roster.close()

    def entry(self, holder: str, credential: str) -> recert.CredentialReport:
        e = self.report.find(holder, credential)
        assert e is not None
        return e

    def test_categories_capped_and_short(self) -> None:
        # c1: certified 2024-03-10, fixed periods of 3 years ending 2026-12-31
        # (§3a): S = 2024-03-10, E = 2026-12-31, the first end after S.
        # Terms in force on E: version 0 (2025-06-01 <= E < 2030-01-01).
        e = self.entry("h1", "c1")
        self.assertEqual((e.cycle_start, e.expires), (D(2024, 3, 10), D(2026, 12, 31)))
        self.assertEqual(e.policy_effective, D(2025, 6, 1))
        # Proration (§3b): P = E - 3 years + 1 day = 2024-01-01 < S = certified;
        # P + 1 day = 2024-01-02 <= S < P + 1 year = 2025-01-01: 4.0.
        self.assertEqual(e.required, Decimal("4.0"))
        # Categories of version 0 (§4a), in input order: online (max 2.0):
        # k1 1.0 (room 2.0), k2 "ONLINE" 1.5 -> 1.0 (room 1.0, cut),
        # k3 0.5 -> 0 (full: over_category_max); k4 2.0 uncategorised;
        # k5 ethics 0.5; k6 "nutrition", not listed: uncategorised 0.3.
        # earned = 1.0 + 1.0 + 2.0 + 0.5 + 0.3 = 4.8 >= 4.0, but ethics
        # 0.5 < its min 1.0: shortfall = max(4.0 - 4.8, 1.0 - 0.5) = 0.5.
        self.assertEqual(
            e.categories,
            [
                recert.CategoryReport("ethics", Decimal("0.5"), Decimal("1.0"), None),
                recert.CategoryReport("online", Decimal("2.0"), Decimal("0"), Decimal("2.0")),
            ],
        )
        self.assertEqual((e.earned, e.shortfall, e.status), (Decimal("4.8"), Decimal("0.5"), "in_progress"))
        self.assertEqual(e.counted, ["k1", "k2", "k4", "k5", "k6"])
        self.assertEqual(
            [(r.credit, r.amount, r.reason) for r in e.credit_reasons],
            [
                ("k1", Decimal("1.0"), "counted"),
                ("k2", Decimal("1.5"), "counted"),  # counted in part
                ("k3", Decimal("0.5"), "over_category_max"),
                ("k4", Decimal("2.0"), "counted"),
                ("k5", Decimal("0.5"), "counted"),
                ("k6", Decimal("0.3"), "counted"),
            ],
        )
        self.assertEqual(
            sorted((n.code, n.credit) for n in e.notices),
            [("category_maximum", "k2"), ("category_maximum", "k3"), ("category_minimum", None)],
        )
        minimum = [n for n in e.notices if n.code == "category_minimum"][0]
        self.assertEqual(
            minimum.message,
            '0.5 NSCA-CEU of category "ethics" still needed (minimum 1.0 NSCA-CEU, 0.5 NSCA-CEU counted)',
        )
        # CPR/AED expires 2027-06-01 >= R + 60 = 2026-07-31: current; the
        # version's fee 9000, on time (T <= E); final deadline E + 6 months
        self.assertEqual((e.cpr_aed, e.renewal_cents, e.tier), ("current", 9000, "on_time"))
        self.assertEqual(e.final_deadline, D(2027, 6, 30))

    def test_base_terms_before_the_first_version(self) -> None:
        # c2: expires 2023-12-31 given; the first cycle counted from certified
        # 2021-05-01 ends 2023-12-31, so S = 2021-05-01. E < 2025-06-01: the
        # base terms apply (policy_effective None): categories ethics min 0.5
        # and online max 3.0; proration P = 2021-01-01 < S, P + 1 day <= S
        # < P + 1 year: 4.0; final deadline E + 3 months = 2024-03-31 < T:
        # lapsed. j1 "Ethics" (1.0) counts for ethics: 1.0 >= 0.5.
        e = self.entry("h2", "c2")
        self.assertEqual((e.cycle_start, e.expires), (D(2021, 5, 1), D(2023, 12, 31)))
        self.assertIsNone(e.policy_effective)
        self.assertEqual(e.required, Decimal("4.0"))
        self.assertEqual(
            e.categories,
            [
                recert.CategoryReport("ethics", Decimal("1.0"), Decimal("0.5"), None),
                recert.CategoryReport("online", Decimal("0"), Decimal("0"), Decimal("3.0")),
            ],
        )
        self.assertEqual((e.earned, e.shortfall, e.status), (Decimal("1.0"), Decimal("3.0"), "lapsed"))
        self.assertEqual(e.date("late_fee_deadline"), D(2024, 1, 30))  # E + 30 days, the base's first window
        self.assertEqual(e.final_deadline, D(2024, 3, 31))
        self.assertEqual(e.notices, [])  # no category_minimum for a lapsed credential

    def test_cpr_aed_expiring_and_no_proration(self) -> None:
        # c3: certified 2024-01-01 = P, the start of the full period
        # 2024-01-01..2026-12-31: S == P, no proration, 6.0. CPR/AED valid on
        # R = T = 2026-06-01 but expires 2026-07-01 < R + 60 (version 0's
        # margin): expiring (§5a). The notice fires: 2026-07-01 < E + 60.
        e = self.entry("h3", "c3")
        self.assertEqual(e.required, Decimal("6.0"))
        self.assertEqual(e.cpr_aed, "expiring")
        # shortfall = max(6.0 - 0, 1.0 - 0) + CPR/AED credit 0 = 6.0
        self.assertEqual((e.earned, e.shortfall, e.status), (Decimal("0.0"), Decimal("6.0"), "in_progress"))
        self.assertEqual(
            [(n.code, n.message) for n in e.notices],
            [
                (
                    "category_minimum",
                    '1.0 NSCA-CEU of category "ethics" still needed (minimum 1.0 NSCA-CEU, 0.0 NSCA-CEU counted)',
                ),
                (
                    "cpr_aed_expires_before_deadline",
                    "CPR/AED expires on 2026-07-01: it must still be valid 60 days after the application, "
                    "so renew it before applying",
                ),
            ],
        )

    def test_getters_agree_with_the_document(self) -> None:
        doc = self.report.to_dict()
        credits = doc["holders"][0]["credentials"][0]["credits"]
        self.assertEqual(
            credits["categories"],
            [
                {"id": "ethics", "earned": Decimal("0.5"), "min": Decimal("1.0"), "max": None},
                {"id": "online", "earned": Decimal("2.0"), "min": Decimal("0.0"), "max": Decimal("2.0")},
            ],
        )
        self.assertEqual(doc["holders"][1]["credentials"][0]["policy_effective"], None)
        got = self.report.to_dict_from_getters()
        # c2's base terms applied: the document says "policy_effective": null,
        # which the getters cannot tell from "no versions" (see to_dict())
        del doc["holders"][1]["credentials"][0]["policy_effective"]
        self.assertEqual(got, doc)

    def test_no_categories_member_without_categories(self) -> None:
        # a policy without categories and versions: [] and None, and the
        # document has neither member (existing reports are unchanged)
        with recert.Roster() as roster:
            h = recert.Holder("h")
            h.add_credential(recert.Credential("nasm", "nasm-cpt", D(2024, 1, 10)))
            roster.add_holder(h)
            with roster.evaluate(D(2025, 1, 1)) as report:
                e = next(iter(report))
                self.assertEqual((e.categories, e.policy_effective), ([], None))
                entry = report.to_dict()["holders"][0]["credentials"][0]
                self.assertNotIn("categories", entry["credits"])
                self.assertNotIn("policy_effective", entry)

    def test_built_by_hand_gives_the_same_report(self) -> None:
        # support.build_roster passes category= to Credit
        with build_roster(RECORDS) as roster, roster.evaluate(AS_OF) as report:
            self.assertEqual(report.to_json(), self.report.to_json())


@needs_library
class CreditCategory(unittest.TestCase):
    def test_round_trip_through_export(self) -> None:
        k = recert.Credit("k1", D(2025, 4, 1), hours=5, category="Ethics")
        self.assertEqual(k.category, "Ethics")
        h = recert.Holder("h1")
        h.add_credit(k)
        k.category = None  # removed; the holder has its own copy
        self.assertIsNone(k.category)
        h.add_credit(recert.Credit("k2", D(2025, 4, 2), hours=1))
        with recert.Roster() as roster:
            roster.add_holder(h)
            exported = roster.to_dict()
            credits = exported["holders"][0]["credits"]
            self.assertEqual(credits[0]["category"], "Ethics")  # written as given
            self.assertNotIn("category", credits[1])
            self.assertEqual([c.category for c in roster.holders[0].credits], ["Ethics", None])
        with recert.Roster.from_json(exported) as again:
            self.assertEqual([c.category for c in again.holders[0].credits], ["Ethics", None])
            self.assertEqual(again.to_dict(), exported)
        # the copy keeps it
        with h.credits[0].copy() as mine:
            self.assertEqual(mine.category, "Ethics")
            mine.category = "online"
            self.assertEqual(mine.category, "online")

    def test_bad_category(self) -> None:
        k = recert.Credit("k1", D(2025, 4, 1), hours=5)
        with self.assertRaises(recert.ArgumentError):
            k.category = ""  # NULL removes; "" is refused
        with self.assertRaises(recert.ArgumentError):
            k.category = 7  # type: ignore[assignment]
        self.assertIsNone(k.category)  # nothing changed
        h = recert.Holder("h")
        h.add_credit(k)
        with self.assertRaises(recert.BusyError):
            h.credits[0].category = "ethics"  # a borrowed view is read-only


@needs_library
class ValidateAgainstACatalog(unittest.TestCase):
    def test_validate_with_a_catalog(self) -> None:
        # recert_validate_json_catalog: the records without their own
        # policies name gym-fixed, which only the catalog has
        records = {k: v for k, v in RECORDS.items() if k != "policies"}
        errors = recert.validate(records)
        self.assertEqual(errors[0]["path"], "holders[0].credentials[0].policy")
        catalog = recert.Catalog.builtin()
        catalog.add(recert.Policy(POLICY))
        self.assertEqual(recert.validate(records, catalog), [])
        with recert.Roster.from_json(records, catalog) as roster, roster.evaluate(AS_OF) as report:
            e = report.find("h1", "c1")
            assert e is not None
            self.assertEqual((e.policy_effective, e.shortfall), (D(2025, 6, 1), Decimal("0.5")))
        bad = copy.deepcopy(records)
        bad["holders"][0]["credits"][0]["category"] = ""  # must be non-empty
        self.assertEqual([e["path"] for e in recert.validate(bad, catalog)], ["holders[0].credits[0].category"])


class NewEnumNames(unittest.TestCase):
    def test_cycle_kinds(self) -> None:
        from recert import _objects

        self.assertEqual(_objects.CYCLE_KINDS.index("fixed"), 2)  # RECERT_CYCLE_FIXED

    @needs_library
    def test_library_names(self) -> None:
        lib = _native.lib()
        self.assertEqual(lib.recert_cpr_aed_state_name(5), b"expiring")
        self.assertEqual(lib.recert_notice_code_name(8), b"category_minimum")
        self.assertEqual(lib.recert_notice_code_name(9), b"category_maximum")
        self.assertEqual(lib.recert_credit_reason_name(10), b"over_category_max")


if __name__ == "__main__":
    unittest.main()
