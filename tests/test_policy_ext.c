/*
 * The policy-format extensions (docs/rules.md §3a, §3b, §4a, §5a, §11a) and
 * the credit "category" member, one rule per test, as a Check suite.
 *
 * Written from the design (issue 8: fixed cycle periods, proration, credit
 * categories, the CPR/AED validity margin, dated versions), in the style of
 * tests/test_rules.c: each test builds a small records document, evaluates
 * it with recert_evaluate_json() (or through a roster, for the report and
 * policy getters) as of a day, and asserts the members the rule decides.
 * Each test's comment names its section and shows the dates worked out by
 * hand. The helpers (EVAL_DOC, ROSTER_EVAL, EXPECT_*, ...) are in
 * tests/rules_support.[ch], shared with tests/test_rules.c.
 *
 * Records are written as C string literals with ' in place of " (turned
 * back before evaluation) so that they stay readable.
 *
 * Units: every test policy reports in CEU (per_hour 0.1: 1.0 CEU = 10
 * contact hours = 1000 centihours); credits are given in 'ceu', so the
 * amounts read as written.
 *
 * Common cases, worked out once:
 *   FIXED3: {years 3, fixed, ends 2026-12-31}: period ends ... 2020-12-31,
 *     2023-12-31, 2026-12-31, 2029-12-31 ... (2026-12-31 + k*3 years).
 *     The period ending 2026-12-31 starts P = 2026-12-31 - 3y + 1d =
 *     2024-01-01.
 *   ANNIV2: {years 2, anniversary}: certified 2024-06-30 -> S = 2024-06-30,
 *     E = 2026-06-30.
 *
 * SPDX-License-Identifier: MIT
 */
#include "recert.h"
#include "rules_support.h"

#include <check.h>
#include <jansson.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- documents (quotes as ') -------------------------------------------- */

/* A user policy: unit CEU (0.1 per hour), the given cycle and credit
 * requirement, then the members given in `more`. */
#define POL(id, cycle, req, more)                                                                  \
    "{'id':'" id "','organization':'Test','name':'Test " id "','currency':'USD',"                  \
    "'unit':{'name':'CEU','per_hour':0.1},'cycle':" cycle ",'credits_required':" req more "}"
#define ANNIV2 "{'years':2,'expires':'anniversary'}"
#define FIXED3 "{'years':3,'expires':'fixed','ends':'2026-12-31'}"
/* One holder with one credential (policy, certified, extra members). */
#define CRED(cid, pol, certified, extra) \
    "{'id':'" cid "','policy':'" pol "','certified':'" certified "'" extra "}"
#define HOLDER(hid, cpr, creds, credits) "{'id':'" hid "'," cpr "'credentials':[" creds "],'credits':[" credits "]}"
#define H1(pol, certified, extra, credits) HOLDER("h1", "", CRED("c", pol, certified, extra), credits)
/* Credits in CEU, without and with a category. */
#define CEU(kid, completed, amt) "{'id':'" kid "','completed':'" completed "','amount':" amt ",'unit':'ceu'}"
#define CAT(kid, completed, amt, cat) \
    "{'id':'" kid "','completed':'" completed "','amount':" amt ",'unit':'ceu','category':'" cat "'}"
/* A hands-on CPR/AED record. */
#define CPR(done, exp) "'cpr_aed':{'completed':'" done "','expires':'" exp "'},"

/* ==== §3a Fixed cycle periods ============================================ */

/* §3a computed E: the first period end strictly after S = certified.
 * FIXED3 ends: 2020-12-31, 2023-12-31, 2026-12-31, 2029-12-31.
 *   certified 2025-03-10 -> S 2025-03-10; 2023-12-31 <= S < 2026-12-31
 *     -> E 2026-12-31 (the ext.md example).
 *   certified 2021-05-05 -> S 2021-05-05; 2020-12-31 <= S < 2023-12-31
 *     -> E 2023-12-31 (a period before "ends": k = -1).
 *   certified 2026-12-30 (the day before an end) -> E 2026-12-31. */
START_TEST(s3a_fixed_computed_inside_period)
{
    EVAL_DOC("2025-06-01", DOC(POL("f", FIXED3, "6.0", ""),
                               HOLDER("a", "", CRED("c", "f", "2025-03-10", ""), "") ","
                               HOLDER("b", "", CRED("c", "f", "2021-05-05", ""), "") ","
                               HOLDER("d", "", CRED("c", "f", "2026-12-30", ""), "")));
    EXPECT_STR(HC(0), "dates.cycle_start", "2025-03-10");
    EXPECT_STR(HC(0), "dates.expires", "2026-12-31");
    EXPECT_STR(HC(1), "dates.cycle_start", "2021-05-05");
    EXPECT_STR(HC(1), "dates.expires", "2023-12-31");
    EXPECT_STR(HC(2), "dates.cycle_start", "2026-12-30");
    EXPECT_STR(HC(2), "dates.expires", "2026-12-31");
}
END_TEST

/* §3a: certified ON a period end: E is the NEXT end ("strictly after S").
 *   certified 2026-12-31 -> 2026-12-31 is not > S -> E = 2026-12-31 + 3y
 *   = 2029-12-31 (the ext.md example).
 *   certified 2023-12-31 -> E 2026-12-31. */
START_TEST(s3a_fixed_certified_on_period_end)
{
    EVAL_DOC("2027-01-15", DOC(POL("f", FIXED3, "6.0", ""),
                               HOLDER("a", "", CRED("c", "f", "2026-12-31", ""), "") ","
                               HOLDER("b", "", CRED("c", "f", "2023-12-31", ""), "")));
    EXPECT_STR(HC(0), "dates.cycle_start", "2026-12-31");
    EXPECT_STR(HC(0), "dates.expires", "2029-12-31");
    EXPECT_STR(HC(1), "dates.cycle_start", "2023-12-31");
    EXPECT_STR(HC(1), "dates.expires", "2026-12-31");
}
END_TEST

/* §3a: S = cycle_start when given. certified 2020-02-01 (alone it would give
 * E 2020-12-31).
 *   cycle_start 2024-06-15 -> S 2024-06-15, first end after it 2026-12-31.
 *   cycle_start 2023-12-31 (on an end) -> S 2023-12-31, E 2026-12-31 (not
 *   2023-12-31, which would be E <= S). */
START_TEST(s3a_fixed_cycle_start_given)
{
    EVAL_DOC("2025-06-01",
             DOC(POL("f", FIXED3, "6.0", ""),
                 HOLDER("a", "", CRED("c", "f", "2020-02-01", ",'cycle_start':'2024-06-15'"), "") ","
                 HOLDER("b", "", CRED("c", "f", "2020-02-01", ",'cycle_start':'2023-12-31'"), "")));
    EXPECT_STR(HC(0), "dates.cycle_start", "2024-06-15");
    EXPECT_STR(HC(0), "dates.expires", "2026-12-31");
    EXPECT_STR(HC(1), "dates.cycle_start", "2023-12-31");
    EXPECT_STR(HC(1), "dates.expires", "2026-12-31");
}
END_TEST

/* §3a expires given alone: E = expires; S from the walk from certified
 * (first cycle certified .. first end after it, each next from the day after
 * the previous end), the cycle whose end is nearest E.
 *   certified 2019-05-01, expires 2027-02-15:
 *     cycle 0: 2019-05-01 .. 2020-12-31
 *     cycle 1: 2021-01-01 .. 2023-12-31
 *     cycle 2: 2024-01-01 .. 2026-12-31  (|E - end| = 46 days)
 *     cycle 3: 2027-01-01 .. 2029-12-31  (|E - end| = 1050 days)
 *     -> S = 2024-01-01 (not 2027-01-01, the start of the period holding E).
 *   certified 2025-03-10, expires 2026-12-31: cycle 0 2025-03-10 ..
 *     2026-12-31 (distance 0) -> S = 2025-03-10. */
START_TEST(s3a_fixed_expires_alone_walk)
{
    EVAL_DOC("2025-06-01",
             DOC(POL("f", FIXED3, "6.0", ""),
                 HOLDER("a", "", CRED("c", "f", "2019-05-01", ",'expires':'2027-02-15'"), "") ","
                 HOLDER("b", "", CRED("c", "f", "2025-03-10", ",'expires':'2026-12-31'"), "")));
    EXPECT_STR(HC(0), "dates.cycle_start", "2024-01-01");
    EXPECT_STR(HC(0), "dates.expires", "2027-02-15");
    EXPECT_STR(HC(1), "dates.cycle_start", "2025-03-10");
    EXPECT_STR(HC(1), "dates.expires", "2026-12-31");
}
END_TEST

/* §3a accepted renewal: certified 2025-03-10 -> E 2026-12-31; received
 * 2026-10-01, accepted 2026-10-15; as of 2026-11-01: renewed,
 * S' = E + 1d = 2027-01-01, E' = the next end 2026-12-31 + 3y = 2029-12-31. */
START_TEST(s3a_fixed_renewal_next_cycle)
{
    EVAL_DOC("2026-11-01",
             DOC(POL("f", FIXED3, "6.0", ""),
                 H1("f", "2025-03-10",
                    ",'application':{'received':'2026-10-01','decision':'accepted','decided':'2026-10-15'}", "")));
    EXPECT_STR(C(0), "status", "renewed");
    EXPECT_STR(C(0), "dates.expires", "2026-12-31");
    EXPECT_STR(C(0), "next_cycle.cycle_start", "2027-01-01");
    EXPECT_STR(C(0), "next_cycle.expires", "2029-12-31");
}
END_TEST

/* §3a ends on Feb 29, N = 1: each end is computed from "ends" itself with
 * §1 clamping: 2023-02-28 (2023-02-29 clamped), 2024-02-29, 2025-02-28,
 * 2026-02-28, 2027-02-28, 2028-02-29 (2024 + 4 years exists; chaining from a
 * clamped Feb 28 would give 2028-02-28), 2029-02-28.
 *   certified 2027-03-01 -> E 2028-02-29.
 *   certified 2028-02-29 (on an end) -> E 2029-02-28.
 *   certified 2023-02-28 (on an end) -> E 2024-02-29.
 *   certified 2022-03-01 -> E 2023-02-28.
 *   certified 2026-03-01 -> E 2027-02-28; accepted: S' = 2027-03-01,
 *     E' = 2028-02-29 (from "ends", not 2027-02-28 + 1y = 2028-02-28). */
START_TEST(s3a_fixed_feb29_ends)
{
#define FEB29 "{'years':1,'expires':'fixed','ends':'2024-02-29'}"
    EVAL_DOC("2027-02-01",
             DOC(POL("f", FEB29, "1.0", ""),
                 HOLDER("a", "", CRED("c", "f", "2027-03-01", ""), "") ","
                 HOLDER("b", "", CRED("c", "f", "2028-02-29", ""), "") ","
                 HOLDER("d", "", CRED("c", "f", "2023-02-28", ""), "") ","
                 HOLDER("e", "", CRED("c", "f", "2022-03-01", ""), "") ","
                 HOLDER("g", "", CRED("c", "f", "2026-03-01",
                        ",'application':{'received':'2027-01-10','decision':'accepted','decided':'2027-01-20'}"), "")));
    EXPECT_STR(HC(0), "dates.expires", "2028-02-29");
    EXPECT_STR(HC(1), "dates.expires", "2029-02-28");
    EXPECT_STR(HC(2), "dates.expires", "2024-02-29");
    EXPECT_STR(HC(3), "dates.expires", "2023-02-28");
    EXPECT_STR(HC(4), "dates.expires", "2027-02-28");
    EXPECT_STR(HC(4), "status", "renewed");
    EXPECT_STR(HC(4), "next_cycle.cycle_start", "2027-03-01");
    EXPECT_STR(HC(4), "next_cycle.expires", "2028-02-29");
#undef FEB29
}
END_TEST

/* §3a getters: kind RECERT_CYCLE_FIXED, cycle_ends 2026-12-31; an
 * anniversary policy has RECERT_DAY_NONE. */
START_TEST(s3a_fixed_getters)
{
    const recert_policy *p = POLICY(POL("f", FIXED3, "6.0", ""));
    ck_assert_int_eq(recert_policy_cycle_kind(p), RECERT_CYCLE_FIXED);
    ck_assert_int_eq(recert_policy_cycle_years(p), 3);
    ck_assert_int_eq(recert_policy_cycle_ends(p), DAY("2026-12-31"));
    p = POLICY(POL("a", ANNIV2, "1.0", ""));
    ck_assert_int_eq(recert_policy_cycle_ends(p), RECERT_DAY_NONE);
    ck_assert_int_eq(recert_policy_cycle_ends(NULL), RECERT_DAY_NONE);
}
END_TEST

/* §3a policy errors: "fixed" needs "ends"; "ends" with "anniversary" or
 * "year_end" is an error at cycle.ends. */
START_TEST(s3a_fixed_policy_errors)
{
    EXPECT_ERROR(DOC(POL("f", "{'years':3,'expires':'fixed'}", "6.0", ""), "{'id':'h1'}"), RECERT_EDATA,
                 "policies[0].cycle.ends");
    EXPECT_ERROR(DOC(POL("f", "{'years':2,'expires':'anniversary','ends':'2026-12-31'}", "6.0", ""), "{'id':'h1'}"),
                 RECERT_EDATA, "policies[0].cycle.ends");
    EXPECT_ERROR(DOC(POL("f", "{'years':2,'expires':'year_end','ends':'2026-12-31'}", "6.0", ""), "{'id':'h1'}"),
                 RECERT_EDATA, "policies[0].cycle.ends");
}
END_TEST

/* ==== §3b Proration ====================================================== */

/* NSCA-like: FIXED3, base 6.0, steps +1d -> 4.0, +1y -> 2.0, +2y -> 0. */
#define NSCA(more)                                                                                          \
    POL("p", FIXED3, "6.0", ",'proration':[{'from':{'days':1},'credits_required':4.0},"                    \
                            "{'from':{'years':1},'credits_required':2.0},{'from':{'years':2},'credits_required':0}]" more)

/* §3b each step boundary. E = 2026-12-31 for every certified day below;
 * P = 2026-12-31 - 3y + 1d = 2024-01-01; step days P+1d = 2024-01-02,
 * P+1y = 2025-01-01, P+2y = 2026-01-01.
 *   certified 2024-01-01: S == P -> no proration -> 6.0
 *   certified 2024-01-02: P+1d = 2024-01-02 <= S -> 4.0 (on the step day)
 *   certified 2024-12-31: P+1y = 2025-01-01 > S -> still 4.0 (day before)
 *   certified 2025-01-01: P+1y <= S -> 2.0 (on)
 *   certified 2025-12-31: P+2y = 2026-01-01 > S -> 2.0 (day before)
 *   certified 2026-01-01: P+2y <= S -> 0.0 (on)
 *   certified 2026-12-30: -> 0.0
 * As of 2024-01-01 <= every E: required = requirement (no CPR/AED). */
START_TEST(s3b_proration_step_boundaries)
{
    EVAL_DOC("2024-01-01", DOC(NSCA(""),
                               HOLDER("a", "", CRED("c", "p", "2024-01-01", ""), "") ","
                               HOLDER("b", "", CRED("c", "p", "2024-01-02", ""), "") ","
                               HOLDER("d", "", CRED("c", "p", "2024-12-31", ""), "") ","
                               HOLDER("e", "", CRED("c", "p", "2025-01-01", ""), "") ","
                               HOLDER("g", "", CRED("c", "p", "2025-12-31", ""), "") ","
                               HOLDER("i", "", CRED("c", "p", "2026-01-01", ""), "") ","
                               HOLDER("j", "", CRED("c", "p", "2026-12-30", ""), "")));
    EXPECT_STR(HC(0), "dates.expires", "2026-12-31");
    EXPECT_AMT(HC(0), "credits.required", "6.0");
    EXPECT_AMT(HC(1), "credits.required", "4.0");
    EXPECT_AMT(HC(2), "credits.required", "4.0");
    EXPECT_AMT(HC(3), "credits.required", "2.0");
    EXPECT_AMT(HC(4), "credits.required", "2.0");
    EXPECT_AMT(HC(5), "credits.required", "0.0");
    EXPECT_AMT(HC(6), "credits.required", "0.0");
    EXPECT_STR(HC(6), "dates.expires", "2026-12-31");
}
END_TEST

/* §3b: no step's day <= S (but S > P) -> the base requirement. One step
 * {months 6} -> 3.0, FIXED3 base 6.0; P = 2024-01-01, step day
 * P + 6 months = 2024-07-01.
 *   certified 2024-06-30: S > P, 2024-07-01 > S -> 6.0
 *   certified 2024-07-01: 2024-07-01 <= S -> 3.0 */
START_TEST(s3b_proration_before_first_step_is_base)
{
    EVAL_DOC("2024-01-01",
             DOC(POL("p", FIXED3, "6.0", ",'proration':[{'from':{'months':6},'credits_required':3.0}]"),
                 HOLDER("a", "", CRED("c", "p", "2024-06-30", ""), "") ","
                 HOLDER("b", "", CRED("c", "p", "2024-07-01", ""), "")));
    EXPECT_AMT(HC(0), "credits.required", "6.0");
    EXPECT_AMT(HC(1), "credits.required", "3.0");
}
END_TEST

/* §3b S == P is no proration even when a step's day is P itself: one step
 * {days 0} -> 5.0, FIXED3 base 6.0; P = 2024-01-01, step day P + 0 =
 * 2024-01-01.
 *   certified 2024-01-01: S == P -> no proration -> 6.0 (although the step
 *     day 2024-01-01 <= S).
 *   certified 2024-01-02: S > P, step day <= S -> 5.0. */
START_TEST(s3b_proration_s_equals_p_ignores_steps)
{
    EVAL_DOC("2024-01-01",
             DOC(POL("p", FIXED3, "6.0", ",'proration':[{'from':{'days':0},'credits_required':5.0}]"),
                 HOLDER("a", "", CRED("c", "p", "2024-01-01", ""), "") ","
                 HOLDER("b", "", CRED("c", "p", "2024-01-02", ""), "")));
    EXPECT_AMT(HC(0), "credits.required", "6.0");
    EXPECT_AMT(HC(1), "credits.required", "5.0");
}
END_TEST

/* §3b P around February 29. Fixed 1-year periods ending 2024-02-29 + k
 * years: ends 2023-02-28, 2024-02-29, 2025-02-28 (clamped), 2026-02-28.
 * Certified 2024-03-01: E = 2025-02-28; the previous end is 2024-02-29, so
 * P = 2024-03-01 = S: a full period, the base 6.0 (E - 1y + 1d would give
 * 2024-02-29 < S and prorate it wrongly). Certified 2025-03-01: E =
 * 2026-02-28, P = 2025-02-28 + 1 = 2025-03-01 = S: also 6.0. Certified
 * 2025-03-02: S > P, P + 1 day = 2025-03-02 <= S -> the step's 5.0.
 * Anniversary, 2 years: certified 2024-02-29 -> E = 2026-02-28 (clamped);
 * S + 2y = E, a full cycle -> 6.0 although E - 2y = 2024-02-28 < S. */
START_TEST(s3b_proration_february_29)
{
    EVAL_DOC("2025-01-01",
             DOC(POL("p", "{'years':1,'expires':'fixed','ends':'2024-02-29'}", "6.0",
                     ",'proration':[{'from':{'days':1},'credits_required':5.0}]") ","
                 POL("q", ANNIV2, "6.0",
                     ",'proration':[{'from':{'days':1},'credits_required':5.0}]"),
                 HOLDER("a", "", CRED("c", "p", "2024-03-01", ""), "") ","
                 HOLDER("b", "", CRED("c", "p", "2025-03-01", ""), "") ","
                 HOLDER("c", "", CRED("c", "p", "2025-03-02", ""), "") ","
                 HOLDER("d", "", CRED("c", "q", "2024-02-29", ""), "")));
    EXPECT_STR(HC(0), "dates.expires", "2025-02-28");
    EXPECT_AMT(HC(0), "credits.required", "6.0");
    EXPECT_STR(HC(1), "dates.expires", "2026-02-28");
    EXPECT_AMT(HC(1), "credits.required", "6.0");
    EXPECT_AMT(HC(2), "credits.required", "5.0");
    EXPECT_STR(HC(3), "dates.expires", "2026-02-28");
    EXPECT_AMT(HC(3), "credits.required", "6.0");
}
END_TEST

/* §3b first cycle only (S == certified): certified 2021-05-05, cycle_start
 * 2025-03-10 -> S = 2025-03-10 != certified, E = 2026-12-31, P = 2024-01-01
 * < S; prorated it would be 2.0 (P+1y = 2025-01-01 <= S < P+2y), but S is
 * not certified -> the base 6.0. Same S with certified 2025-03-10 -> 2.0. */
START_TEST(s3b_proration_second_cycle_uses_base)
{
    EVAL_DOC("2025-06-01",
             DOC(NSCA(""),
                 HOLDER("a", "", CRED("c", "p", "2021-05-05", ",'cycle_start':'2025-03-10'"), "") ","
                 HOLDER("b", "", CRED("c", "p", "2025-03-10", ""), "")));
    EXPECT_STR(HC(0), "dates.cycle_start", "2025-03-10");
    EXPECT_STR(HC(0), "dates.expires", "2026-12-31");
    EXPECT_AMT(HC(0), "credits.required", "6.0");
    EXPECT_AMT(HC(1), "credits.required", "2.0");
}
END_TEST

/* §3b requirement 0: certified 2026-01-01 -> E 2026-12-31, step P+2y =
 * 2026-01-01 <= S -> 0 credits; CPR/AED required with credit 0.1:
 * required = 0 + 0.1 = 0.1. As of 2026-06-01 (T <= E):
 *   CPR hands-on 2026-01-15 .. 2028-01-15 (current; after E, no notice):
 *     counted 0 >= 0 and CPR current -> path credits, eligible, earned 0.1,
 *     shortfall 0.0.
 *   no CPR: missing -> path null, in_progress, shortfall 0.1. */
START_TEST(s3b_proration_zero_requirement)
{
#define P0 NSCA(",'cpr_aed':{'required':true,'credit':0.1}")
    EVAL_DOC("2026-06-01", DOC(P0, HOLDER("h1", CPR("2026-01-15", "2028-01-15"), CRED("c", "p", "2026-01-01", ""), "")));
    EXPECT_AMT(C(0), "credits.required", "0.1");
    EXPECT_STR(C(0), "credits.cpr_aed", "current");
    EXPECT_STR(C(0), "path", "credits");
    EXPECT_STR(C(0), "status", "eligible");
    EXPECT_AMT(C(0), "credits.earned", "0.1");
    EXPECT_AMT(C(0), "credits.shortfall", "0.0");
    EVAL_DOC("2026-06-01", DOC(P0, H1("p", "2026-01-01", "", "")));
    EXPECT_STR(C(0), "credits.cpr_aed", "missing");
    EXPECT_NULL(C(0), "path");
    EXPECT_STR(C(0), "status", "in_progress");
    EXPECT_AMT(C(0), "credits.shortfall", "0.1");
#undef P0
}
END_TEST

/* §3b with anniversary cycles: P = E - N years (no + 1 day). Policy
 * anniversary 2y, base 2.0, one step {days 1} -> 1.0.
 *   computed: certified 2024-03-10 -> E 2026-03-10, P = 2024-03-10 = S
 *     -> no proration -> 2.0.
 *   expires alone 2026-03-09: walk cycle 0 2024-03-10 .. 2026-03-10
 *     (distance 1) -> S = 2024-03-10 = certified; P = 2026-03-09 - 2y =
 *     2024-03-09 < S; step day P+1d = 2024-03-10 <= S -> 1.0. (With the
 *     year_end/fixed formula P + 1d = S there would be no proration.) */
START_TEST(s3b_proration_anniversary)
{
    EVAL_DOC("2025-01-01",
             DOC(POL("pa", ANNIV2, "2.0", ",'proration':[{'from':{'days':1},'credits_required':1.0}]"),
                 HOLDER("a", "", CRED("c", "pa", "2024-03-10", ""), "") ","
                 HOLDER("b", "", CRED("c", "pa", "2024-03-10", ",'expires':'2026-03-09'"), "")));
    EXPECT_STR(HC(0), "dates.expires", "2026-03-10");
    EXPECT_AMT(HC(0), "credits.required", "2.0");
    EXPECT_STR(HC(1), "dates.cycle_start", "2024-03-10");
    EXPECT_AMT(HC(1), "credits.required", "1.0");
}
END_TEST

/* §3b getters: 3 steps in document order; centihours (1.0 CEU = 1000). */
START_TEST(s3b_proration_getters)
{
    const recert_policy *p = POLICY(NSCA(""));
    int y = -9, m = -9, d = -9;
    int64_t req = -9;
    ck_assert_uint_eq(recert_policy_proration_count(p), 3);
    ck_assert_int_eq(recert_policy_proration_step(p, 0, &y, &m, &d, &req), 1);
    ck_assert(y == 0 && m == 0 && d == 1 && req == 4000);
    ck_assert_int_eq(recert_policy_proration_step(p, 1, &y, &m, &d, &req), 1);
    ck_assert(y == 1 && m == 0 && d == 0 && req == 2000);
    ck_assert_int_eq(recert_policy_proration_step(p, 2, &y, NULL, NULL, &req), 1);
    ck_assert(y == 2 && req == 0);
    y = 77;
    ck_assert_int_eq(recert_policy_proration_step(p, 3, &y, &m, &d, &req), -1);
    ck_assert_int_eq(y, 77);
    ck_assert_int_eq(recert_policy_credits_required(p), 6000);
}
END_TEST

/* §3b policy errors: steps in strictly increasing order of "from" applied to
 * 2001-01-01: {years 1} = 2002-01-01, then {days 1} = 2001-01-02 (before)
 * and {days 365} = 2002-01-01 (equal; 2001 is not a leap year) are errors at
 * proration[1].from; {days 366} = 2002-01-02 is fine. A step without "from"
 * is an error at proration[0].from. */
START_TEST(s3b_proration_policy_errors)
{
#define PR(steps) DOC(POL("p", FIXED3, "6.0", ",'proration':[" steps "]"), "{'id':'h1'}")
    EXPECT_ERROR(PR("{'from':{'years':1},'credits_required':2.0},{'from':{'days':1},'credits_required':4.0}"),
                 RECERT_EDATA, "policies[0].proration[1].from");
    EXPECT_ERROR(PR("{'from':{'years':1},'credits_required':2.0},{'from':{'days':365},'credits_required':1.0}"),
                 RECERT_EDATA, "policies[0].proration[1].from");
    EXPECT_ERROR(PR("{'credits_required':2.0}"), RECERT_EDATA, "policies[0].proration[0].from");
    EVAL_DOC("2025-01-01",
             PR("{'from':{'years':1},'credits_required':2.0},{'from':{'days':366},'credits_required':1.0}"));
#undef PR
}
END_TEST

/* ==== §4a Credit categories ============================================== */

/* Category tests: ANNIV2, certified 2024-06-30 -> S 2024-06-30, E
 * 2026-06-30; as of 2026-01-15 (T <= E); no CPR/AED required. */
#define CPOL(req, cats, more) POL("cp", ANNIV2, req, ",'categories':[" cats "]" more)
#define CH(credits) H1("cp", "2024-06-30", "", credits)

/* §4a max cuts in part: online max 1.5; credits in input order k1 online
 * 1.0, k2 online 1.0, k3 uncategorised 1.0:
 *   k1: room 1.5 -> 1.0 (room left 0.5); k2: min(1.0, 0.5) = 0.5, cut in
 *   part, still counted; k3: 1.0 (no cap).
 *   counted [k1,k2,k3], earned 1.0 + 0.5 + 1.0 = 2.5, required 3.0,
 *   shortfall 0.5; categories [{online, earned 1.5, min 0.0, max 1.5}];
 *   notice category_maximum:k2 "k2 counts 0.5 of its 1.0 CEU: ...". */
START_TEST(s4a_max_cuts_in_part)
{
    EVAL_DOC("2026-01-15", DOC(CPOL("3.0", "{'id':'online','max':1.5}", ""),
                               CH(CAT("k1", "2024-09-01", "1.0", "online") "," CAT("k2", "2024-10-01", "1.0", "online")
                                  "," CEU("k3", "2024-11-01", "1.0"))));
    EXPECT_IDS(C(0), "credits.counted", "k1,k2,k3");
    EXPECT_AMT(C(0), "credits.earned", "2.5");
    EXPECT_AMT(C(0), "credits.required", "3.0");
    EXPECT_AMT(C(0), "credits.shortfall", "0.5");
    EXPECT_STR(C(0), "credits.categories[0].id", "online");
    EXPECT_AMT(C(0), "credits.categories[0].earned", "1.5");
    EXPECT_AMT(C(0), "credits.categories[0].min", "0.0");
    EXPECT_AMT(C(0), "credits.categories[0].max", "1.5");
    EXPECT_NOTICES(C(0), "category_maximum:k2");
    EXPECT_MESSAGE(C(0), 0, "k2 counts 0.5 of its 1.0 CEU: the 1.5 CEU maximum of category \"online\" is reached");
    EXPECT_STR(C(0), "path", NULL);
}
END_TEST

/* §4a max cuts wholly: online max 1.0; k1 online 1.0 fills it exactly (not
 * cut: no notice), k2 online 1.0 has no room -> reason over_category_max,
 * not counted; k3 uncategorised 1.0. counted [k1,k3], earned 2.0, required
 * 3.0 -> shortfall 1.0; categories online earned 1.0. Notice
 * "k2 does not count: the 1.0 CEU maximum of category \"online\" is reached". */
START_TEST(s4a_max_cuts_wholly)
{
#define D DOC(CPOL("3.0", "{'id':'online','max':1.0}", ""),                                           \
              CH(CAT("k1", "2024-09-01", "1.0", "online") "," CAT("k2", "2024-10-01", "1.0", "online") "," \
                 CEU("k3", "2024-11-01", "1.0")))
    recert_report *r;
    EVAL_DOC("2026-01-15", D);
    EXPECT_IDS(C(0), "credits.counted", "k1,k3");
    EXPECT_AMT(C(0), "credits.earned", "2.0");
    EXPECT_AMT(C(0), "credits.shortfall", "1.0");
    EXPECT_AMT(C(0), "credits.categories[0].earned", "1.0");
    EXPECT_NOTICES(C(0), "category_maximum:k2");
    EXPECT_MESSAGE(C(0), 0, "k2 does not count: the 1.0 CEU maximum of category \"online\" is reached");
    r = ROSTER_EVAL("2026-01-15", D);
    ck_assert_int_eq(recert_report_credit_reason(r, 0, 0, 0), RECERT_CREDIT_COUNTED);
    ck_assert_int_eq(recert_report_credit_reason(r, 0, 0, 1), RECERT_CREDIT_OVER_CATEGORY_MAX);
    ck_assert_int_eq(recert_report_credit_reason(r, 0, 0, 2), RECERT_CREDIT_COUNTED);
    ck_assert_str_eq(recert_credit_reason_name(RECERT_CREDIT_OVER_CATEGORY_MAX), "over_category_max");
    ck_assert_uint_eq(recert_report_counted_count(r, 0, 0), 2);
    ck_assert_int_eq(recert_report_credits(r, 0, 0, RECERT_CREDITS_EARNED), 2000);
#undef D
}
END_TEST

/* §4a input order (the holder's credits array), not completion order,
 * decides which entry is cut: online max 1.0; credits listed k2 (online
 * 0.6, completed 2025-01-01) then k1 (online 1.0, completed 2024-09-01):
 * k2 -> 0.6, k1 -> min(1.0, 0.4) = 0.4 (in part). By completion order k1
 * would fill it and k2 would not count. counted [k2,k1], earned 1.0,
 * notice "k1 counts 0.4 of its 1.0 CEU: the 1.0 CEU maximum ...". */
START_TEST(s4a_max_input_order_decides)
{
    recert_report *r;
#define D DOC(CPOL("3.0", "{'id':'online','max':1.0}", ""), \
              CH(CAT("k2", "2025-01-01", "0.6", "online") "," CAT("k1", "2024-09-01", "1.0", "online")))
    EVAL_DOC("2026-01-15", D);
    EXPECT_IDS(C(0), "credits.counted", "k2,k1");
    EXPECT_AMT(C(0), "credits.earned", "1.0");
    EXPECT_NOTICES(C(0), "category_maximum:k1");
    EXPECT_MESSAGE(C(0), 0, "k1 counts 0.4 of its 1.0 CEU: the 1.0 CEU maximum of category \"online\" is reached");
    r = ROSTER_EVAL("2026-01-15", D);
    ck_assert_int_eq(recert_report_credit_reason(r, 0, 0, 0), RECERT_CREDIT_COUNTED);
    ck_assert_int_eq(recert_report_credit_reason(r, 0, 0, 1), RECERT_CREDIT_COUNTED);
#undef D
}
END_TEST

/* §4a the cap applies to entries that count (after §4): k0 online 1.0
 * completed 2024-05-01 < S = 2024-06-30 (before_cycle) takes no room; k1
 * online 1.0 then fills max 1.0 exactly: counted [k1], earned 1.0, no
 * notice, k0's reason stays before_cycle. */
START_TEST(s4a_max_only_counting_entries)
{
    recert_report *r;
#define D DOC(CPOL("1.0", "{'id':'online','max':1.0}", ""), \
              CH(CAT("k0", "2024-05-01", "1.0", "online") "," CAT("k1", "2024-09-01", "1.0", "online")))
    EVAL_DOC("2026-01-15", D);
    EXPECT_IDS(C(0), "credits.counted", "k1");
    EXPECT_AMT(C(0), "credits.earned", "1.0");
    EXPECT_NOTICES(C(0), "");
    EXPECT_STR(C(0), "path", "credits");
    r = ROSTER_EVAL("2026-01-15", D);
    ck_assert_int_eq(recert_report_credit_reason(r, 0, 0, 0), RECERT_CREDIT_BEFORE_CYCLE);
#undef D
}
END_TEST

/* §4a min not met: required 2.0, ethics min 1.0; k1 uncategorised 2.5, k2
 * ethics 0.5: counted 3.0 >= 2.0 but ethics 0.5 < 1.0 (deficit 0.5) -> no
 * credits path, in_progress, shortfall = max(2.0 - 3.0, 0.5) = 0.5, earned
 * 3.0; notice category_minimum (no credit) "0.5 CEU of category \"ethics\"
 * still needed (minimum 1.0 CEU, 0.5 CEU counted)".
 * Adding k3 ethics 0.5 -> ethics 1.0 = min: path credits, eligible,
 * shortfall 0.0, no notice. */
START_TEST(s4a_min_not_met)
{
    EVAL_DOC("2026-01-15", DOC(CPOL("2.0", "{'id':'ethics','min':1.0}", ""),
                               CH(CEU("k1", "2024-09-01", "2.5") "," CAT("k2", "2024-10-01", "0.5", "ethics"))));
    EXPECT_IDS(C(0), "credits.counted", "k1,k2");
    EXPECT_AMT(C(0), "credits.earned", "3.0");
    EXPECT_AMT(C(0), "credits.shortfall", "0.5");
    EXPECT_NULL(C(0), "path");
    EXPECT_STR(C(0), "status", "in_progress");
    EXPECT_NOTICES(C(0), "category_minimum");
    EXPECT_ABSENT(C(0), "notices[0].credit");
    EXPECT_MESSAGE(C(0), 0, "0.5 CEU of category \"ethics\" still needed (minimum 1.0 CEU, 0.5 CEU counted)");
    EXPECT_AMT(C(0), "credits.categories[0].earned", "0.5");
    EXPECT_AMT(C(0), "credits.categories[0].min", "1.0");
    EXPECT_NULL(C(0), "credits.categories[0].max");

    EVAL_DOC("2026-01-15", DOC(CPOL("2.0", "{'id':'ethics','min':1.0}", ""),
                               CH(CEU("k1", "2024-09-01", "2.5") "," CAT("k2", "2024-10-01", "0.5", "ethics") ","
                                  CAT("k3", "2024-11-01", "0.5", "ethics"))));
    EXPECT_STR(C(0), "path", "credits");
    EXPECT_STR(C(0), "status", "eligible");
    EXPECT_AMT(C(0), "credits.shortfall", "0.0");
    EXPECT_NOTICES(C(0), "");
}
END_TEST

/* §4a shortfall = max(requirement - counted, sum of deficits), not the sum:
 *   required 4.0, ethics min 1.0; k1 2.5, k2 ethics 0.5: counted 3.0,
 *   4.0 - 3.0 = 1.0 vs deficit 0.5 -> 1.0 (not 1.5).
 *   required 2.0, ethics min 1.0, safety min 0.6; k1 3.0, k2 ethics 0.5,
 *   k3 safety 0.2: counted 3.7 (2.0 - 3.7 < 0) vs deficits 0.5 + 0.4 = 0.9
 *   -> 0.9; two category_minimum notices, ethics then safety (policy
 *   order): "0.4 CEU of category \"safety\" still needed (minimum 0.6 CEU,
 *   0.2 CEU counted)". */
START_TEST(s4a_min_shortfall_is_max)
{
    EVAL_DOC("2026-01-15", DOC(CPOL("4.0", "{'id':'ethics','min':1.0}", ""),
                               CH(CEU("k1", "2024-09-01", "2.5") "," CAT("k2", "2024-10-01", "0.5", "ethics"))));
    EXPECT_AMT(C(0), "credits.shortfall", "1.0");
    EVAL_DOC("2026-01-15",
             DOC(CPOL("2.0", "{'id':'ethics','min':1.0},{'id':'safety','min':0.6}", ""),
                 CH(CEU("k1", "2024-09-01", "3.0") "," CAT("k2", "2024-10-01", "0.5", "ethics") ","
                    CAT("k3", "2024-11-01", "0.2", "safety"))));
    EXPECT_AMT(C(0), "credits.earned", "3.7");
    EXPECT_AMT(C(0), "credits.shortfall", "0.9");
    EXPECT_NULL(C(0), "path");
    EXPECT_NOTICES(C(0), "category_minimum,category_minimum");
    EXPECT_MESSAGE(C(0), 0, "0.5 CEU of category \"ethics\" still needed (minimum 1.0 CEU, 0.5 CEU counted)");
    EXPECT_MESSAGE(C(0), 1, "0.4 CEU of category \"safety\" still needed (minimum 0.6 CEU, 0.2 CEU counted)");
}
END_TEST

/* §4a no category_minimum notice for a renewed credential or one on the exam
 * path (same unmet ethics min 1.0 with 0.5):
 *   accepted application (received 2026-01-05, accepted 2026-01-10): as of
 *   2026-01-15 renewed -> no notice.
 *   exam_path policy, exam passed 2025-12-01 (in S..E, by T): path exam ->
 *   no notice. */
START_TEST(s4a_min_notice_not_for_renewed_or_exam)
{
    EVAL_DOC("2026-01-15",
             DOC(CPOL("2.0", "{'id':'ethics','min':1.0}", ""),
                 H1("cp", "2024-06-30",
                    ",'application':{'received':'2026-01-05','decision':'accepted','decided':'2026-01-10'}",
                    CEU("k1", "2024-09-01", "2.5") "," CAT("k2", "2024-10-01", "0.5", "ethics"))));
    EXPECT_STR(C(0), "status", "renewed");
    NO_NOTICE(C(0), "category_minimum");
    EVAL_DOC("2026-01-15",
             DOC(CPOL("2.0", "{'id':'ethics','min':1.0}", ",'exam_path':true"),
                 H1("cp", "2024-06-30", ",'exam':{'passed':'2025-12-01'}",
                    CEU("k1", "2024-09-01", "2.5") "," CAT("k2", "2024-10-01", "0.5", "ethics"))));
    EXPECT_STR(C(0), "path", "exam");
    NO_NOTICE(C(0), "category_minimum");
}
END_TEST

/* §4a ids match ignoring ASCII case: policy category "Ethics" min 1.0, max
 * 1.0; credit category "eTHICS" 1.5 -> matches: contributes 1.0 (cut in
 * part), min met, required 1.0 -> path credits; the report names the
 * policy's id "Ethics". */
START_TEST(s4a_case_insensitive_match)
{
    EVAL_DOC("2026-01-15", DOC(CPOL("1.0", "{'id':'Ethics','min':1.0,'max':1.0}", ""),
                               CH(CAT("k1", "2024-09-01", "1.5", "eTHICS"))));
    EXPECT_STR(C(0), "credits.categories[0].id", "Ethics");
    EXPECT_AMT(C(0), "credits.categories[0].earned", "1.0");
    EXPECT_AMT(C(0), "credits.earned", "1.0");
    EXPECT_STR(C(0), "path", "credits");
    EXPECT_NOTICES(C(0), "category_maximum:k1");
    EXPECT_MESSAGE(C(0), 0, "k1 counts 1.0 of its 1.5 CEU: the 1.0 CEU maximum of category \"Ethics\" is reached");
}
END_TEST

/* §4a a category the policy does not list is uncategorised: online max
 * 0.5; k1 "webinar" 2.0 -> not capped: earned 2.0, path credits, online
 * earned 0.0, no notice. */
START_TEST(s4a_unknown_category_uncategorised)
{
    EVAL_DOC("2026-01-15", DOC(CPOL("2.0", "{'id':'online','max':0.5}", ""),
                               CH(CAT("k1", "2024-09-01", "2.0", "webinar"))));
    EXPECT_AMT(C(0), "credits.earned", "2.0");
    EXPECT_IDS(C(0), "credits.counted", "k1");
    EXPECT_STR(C(0), "path", "credits");
    EXPECT_AMT(C(0), "credits.categories[0].earned", "0.0");
    EXPECT_NOTICES(C(0), "");
}
END_TEST

/* §4a pending (petitions) is not capped: petition policy, online max 1.0;
 * k1 online 1.0 preapproved counts (fills the cap); k2 online 1.0 not
 * preapproved, petition filed 2025-01-20 pending -> pending 1.0 (not 0),
 * earned 1.0; no category_maximum notice (k2 is not counted), only
 * petition_pending:k2. */
START_TEST(s4a_pending_not_capped)
{
    recert_report *r;
#define D DOC(CPOL("2.0", "{'id':'online','max':1.0}", ",'unapproved_credits':'petition'"),                       \
              CH(CAT("k1", "2024-09-01", "1.0", "online") ","                                                   \
                 "{'id':'k2','completed':'2025-01-05','amount':1.0,'unit':'ceu','category':'online',"             \
                 "'approval':'not_preapproved','petition':{'filed':'2025-01-20','status':'pending'}}"))
    EVAL_DOC("2026-01-15", D);
    EXPECT_AMT(C(0), "credits.earned", "1.0");
    EXPECT_AMT(C(0), "credits.pending", "1.0");
    EXPECT_IDS(C(0), "credits.counted", "k1");
    EXPECT_NOTICES(C(0), "petition_pending:k2");
    r = ROSTER_EVAL("2026-01-15", D);
    ck_assert_int_eq(recert_report_credit_reason(r, 0, 0, 1), RECERT_CREDIT_PENDING);
    ck_assert_int_eq(recert_report_credits(r, 0, 0, RECERT_CREDITS_PENDING), 1000);
#undef D
}
END_TEST

/* §4a + §6 renewal group: policies ga (required 2.0, online max 1.0) and gb
 * (required 1.0, ethics min 0.5), combine_group "g"; credentials a (ga) and
 * b (gb) certified 2024-06-30 -> both E 2026-06-30, R = T = 2026-01-15:
 * one group [a,b], requirement max(2.0, 1.0) = 2.0 for both.
 * Credits: k1 online 1.5 applies_to [a], k2 ethics 0.3 applies_to [b],
 * k3 1.0: the pool is k1, k2, k3 (2.8) for both.
 *   a (ga's categories): k1 cut to 1.0 (in part), k2 "ethics" is unknown to
 *     ga -> 0.3, k3 1.0: earned 2.3 >= 2.0 -> path credits, eligible;
 *     notice category_maximum:k1 "k1 counts 1.0 of its 1.5 CEU ...".
 *   b (gb's categories): online unknown -> k1 1.5 uncapped, ethics 0.3 <
 *     0.5: earned 2.8, shortfall max(2.0 - 2.8, 0.2) = 0.2, no path,
 *     in_progress; notice "0.2 CEU of category \"ethics\" still needed
 *     (minimum 0.5 CEU, 0.3 CEU counted)". */
START_TEST(s4a_group_members_own_categories)
{
    EVAL_DOC("2026-01-15",
             DOC(POL("ga", ANNIV2, "2.0", ",'combine_group':'g','categories':[{'id':'online','max':1.0}]") ","
                 POL("gb", ANNIV2, "1.0", ",'combine_group':'g','categories':[{'id':'ethics','min':0.5}]"),
                 HOLDER("h1", "", CRED("a", "ga", "2024-06-30", "") "," CRED("b", "gb", "2024-06-30", ""),
                        "{'id':'k1','completed':'2024-09-01','amount':1.5,'unit':'ceu','category':'online','applies_to':['a']},"
                        "{'id':'k2','completed':'2024-10-01','amount':0.3,'unit':'ceu','category':'ethics','applies_to':['b']},"
                        CEU("k3", "2024-11-01", "1.0"))));
    EXPECT_IDS(C(0), "renewal_group", "a,b");
    EXPECT_IDS(C(1), "renewal_group", "a,b");
    EXPECT_AMT(C(0), "credits.required", "2.0");
    EXPECT_AMT(C(1), "credits.required", "2.0");

    EXPECT_AMT(C(0), "credits.earned", "2.3");
    EXPECT_STR(C(0), "path", "credits");
    EXPECT_STR(C(0), "status", "eligible");
    EXPECT_STR(C(0), "credits.categories[0].id", "online");
    EXPECT_AMT(C(0), "credits.categories[0].earned", "1.0");
    EXPECT_ABSENT(C(0), "credits.categories[1]");
    EXPECT_NOTICES(C(0), "category_maximum:k1");
    EXPECT_MESSAGE(C(0), 0, "k1 counts 1.0 of its 1.5 CEU: the 1.0 CEU maximum of category \"online\" is reached");

    EXPECT_AMT(C(1), "credits.earned", "2.8");
    EXPECT_AMT(C(1), "credits.shortfall", "0.2");
    EXPECT_NULL(C(1), "path");
    EXPECT_STR(C(1), "status", "in_progress");
    EXPECT_STR(C(1), "credits.categories[0].id", "ethics");
    EXPECT_AMT(C(1), "credits.categories[0].earned", "0.3");
    EXPECT_NOTICES(C(1), "category_minimum");
    EXPECT_MESSAGE(C(1), 0, "0.2 CEU of category \"ethics\" still needed (minimum 0.5 CEU, 0.3 CEU counted)");
}
END_TEST

/* §4a + §8 late vs lapsed uses the same "met" test. Policy: required 1.0,
 * ethics min 0.5, grace 0, one late window through the final deadline
 * E + 3 months, renewal 5000, late 1000. certified 2024-06-30 -> E
 * 2026-06-30, credit deadline E, final deadline 2026-09-30. As of
 * 2026-07-15 (E < T <= final, T > E + grace):
 *   k1 2.0 only: counted 2.0 >= 1.0 but ethics 0 < 0.5 -> not met ->
 *   lapsed; no category_minimum notice (lapsed).
 *   + k2 ethics 0.5: met -> late, tier late, 5000 + 1000. */
START_TEST(s4a_late_vs_lapsed_with_min)
{
#define LP CPOL("1.0", "{'id':'ethics','min':0.5}",                                                          \
                ",'fees':{'renewal_cents':5000},'late_windows':[{'tier':'late','through':null,'fee_cents':1000}]," \
                "'final_deadline':{'months':3}")
    EVAL_DOC("2026-07-15", DOC(LP, CH(CEU("k1", "2025-01-01", "2.0"))));
    EXPECT_STR(C(0), "dates.final_deadline", "2026-09-30");
    EXPECT_STR(C(0), "status", "lapsed");
    NO_NOTICE(C(0), "category_minimum");
    EVAL_DOC("2026-07-15", DOC(LP, CH(CEU("k1", "2025-01-01", "2.0") "," CAT("k2", "2025-02-01", "0.5", "ethics"))));
    EXPECT_STR(C(0), "status", "late");
    EXPECT_STR(C(0), "fees.tier", "late");
    EXPECT_INT(C(0), "fees.renewal_cents", 5000);
    EXPECT_INT(C(0), "fees.late_cents", 1000);
#undef LP
}
END_TEST

/* §4a report: "categories" in policy order, {id, earned, min, max|null},
 * present even with no categorised credit; absent for a policy without
 * categories (credential n under a plain policy in the same holder). */
START_TEST(s4a_report_categories_member)
{
    EVAL_DOC("2026-01-15",
             DOC(CPOL("1.0", "{'id':'b','max':2.0},{'id':'a','min':0.5}", "") "," POL("plain", ANNIV2, "1.0", ""),
                 HOLDER("h1", "", CRED("c", "cp", "2024-06-30", "") "," CRED("n", "plain", "2024-06-30", ""),
                        CEU("k1", "2024-09-01", "1.0"))));
    EXPECT_STR(C(0), "credits.categories[0].id", "b");
    EXPECT_AMT(C(0), "credits.categories[0].earned", "0.0");
    EXPECT_AMT(C(0), "credits.categories[0].min", "0.0");
    EXPECT_AMT(C(0), "credits.categories[0].max", "2.0");
    EXPECT_STR(C(0), "credits.categories[1].id", "a");
    EXPECT_AMT(C(0), "credits.categories[1].min", "0.5");
    EXPECT_NULL(C(0), "credits.categories[1].max");
    EXPECT_ABSENT(C(0), "credits.categories[2]");
    EXPECT_ABSENT(C(1), "credits.categories");
}
END_TEST

/* §4a report getters (the s4a_max_cuts_in_part case: online earned 1.5 =
 * 1500 centihours, min 0, max 1500) and a credential without categories
 * (count 0); out of range and a bad field give NULL / -1. */
START_TEST(s4a_report_category_getters)
{
    recert_report *r = ROSTER_EVAL(
        "2026-01-15",
        DOC(CPOL("3.0", "{'id':'online','max':1.5},{'id':'ethics','min':0.5}", "") "," POL("plain", ANNIV2, "1.0", ""),
            HOLDER("h1", "", CRED("c", "cp", "2024-06-30", "") "," CRED("n", "plain", "2024-06-30", ""),
                   CAT("k1", "2024-09-01", "1.0", "online") "," CAT("k2", "2024-10-01", "1.0", "online") ","
                   CEU("k3", "2024-11-01", "1.0"))));
    ck_assert_uint_eq(recert_report_category_count(r, 0, 0), 2);
    ck_assert_str_eq(recert_report_category_id(r, 0, 0, 0), "online");
    ck_assert_int_eq(recert_report_category_amount(r, 0, 0, 0, RECERT_CATEGORY_EARNED), 1500);
    ck_assert_int_eq(recert_report_category_amount(r, 0, 0, 0, RECERT_CATEGORY_MIN), 0);
    ck_assert_int_eq(recert_report_category_amount(r, 0, 0, 0, RECERT_CATEGORY_MAX), 1500);
    ck_assert_str_eq(recert_report_category_id(r, 0, 0, 1), "ethics");
    ck_assert_int_eq(recert_report_category_amount(r, 0, 0, 1, RECERT_CATEGORY_EARNED), 0);
    ck_assert_int_eq(recert_report_category_amount(r, 0, 0, 1, RECERT_CATEGORY_MIN), 500);
    ck_assert_int_eq(recert_report_category_amount(r, 0, 0, 1, RECERT_CATEGORY_MAX), -1);
    ck_assert_ptr_null(recert_report_category_id(r, 0, 0, 2));
    ck_assert_int_eq(recert_report_category_amount(r, 0, 0, 2, RECERT_CATEGORY_EARNED), -1);
    ck_assert_int_eq(recert_report_category_amount(r, 0, 0, 0, (recert_category_field)7), -1);
    ck_assert_uint_eq(recert_report_category_count(r, 0, 1), 0);
    ck_assert_uint_eq(recert_report_category_count(NULL, 0, 0), 0);
    /* earned 2.5 = 2500 (k2 cut to 0.5) */
    ck_assert_int_eq(recert_report_credits(r, 0, 0, RECERT_CREDITS_EARNED), 2500);
}
END_TEST

/* §4a policy getters: two categories in document order ("name" and x-
 * members allowed); min 0 / max -1 when not given; out of range NULL, -1. */
START_TEST(s4a_policy_category_getters)
{
    const recert_policy *p =
        POLICY(CPOL("1.0", "{'id':'online','max':1.5},{'id':'ethics','name':'Ethics','min':0.5,'x-note':1}", ""));
    ck_assert_uint_eq(recert_policy_category_count(p), 2);
    ck_assert_str_eq(recert_policy_category_id(p, 0), "online");
    ck_assert_int_eq(recert_policy_category_min(p, 0), 0);
    ck_assert_int_eq(recert_policy_category_max(p, 0), 1500);
    ck_assert_str_eq(recert_policy_category_id(p, 1), "ethics");
    ck_assert_int_eq(recert_policy_category_min(p, 1), 500);
    ck_assert_int_eq(recert_policy_category_max(p, 1), -1);
    ck_assert_ptr_null(recert_policy_category_id(p, 2));
    ck_assert_int_eq(recert_policy_category_min(p, 2), -1);
    ck_assert_int_eq(recert_policy_category_max(p, 2), -1);
}
END_TEST

/* §4a policy errors: duplicate ids ignoring case ("ethics", "ETHICS") at
 * categories[1].id; max 0.5 < min 1.0 at categories[0].max (min == max is
 * fine); an amount off the 0.01-hour grid (unit pts, 3 per hour: max 1 pt
 * = 0.333.. h) at categories[0].max. */
START_TEST(s4a_policy_errors)
{
    EXPECT_ERROR(DOC(CPOL("1.0", "{'id':'ethics'},{'id':'ETHICS'}", ""), "{'id':'h1'}"), RECERT_EDATA,
                 "policies[0].categories[1].id");
    EXPECT_ERROR(DOC(CPOL("1.0", "{'id':'x','min':1.0,'max':0.5}", ""), "{'id':'h1'}"), RECERT_EDATA,
                 "policies[0].categories[0].max");
    EVAL_DOC("2025-01-01", DOC(CPOL("1.0", "{'id':'x','min':1.0,'max':1.0}", ""), "{'id':'h1'}"));
    EXPECT_ERROR(DOC("{'id':'pa','organization':'X','name':'A','currency':'USD','unit':{'name':'pts','per_hour':3},"
                     "'cycle':{'years':2,'expires':'anniversary'},'credits_required':3,'categories':[{'id':'x','max':1}]}",
                     "{'id':'h1'}"),
                 RECERT_EDATA, "policies[0].categories[0].max");
}
END_TEST

/* ==== §5a CPR/AED validity margin ======================================== */

/* ANNIV2, required 1.0, CPR/AED required with credit 0.1; certified
 * 2024-06-30 -> E 2026-06-30; k1 1.0 counts. */
#define MPOL(more) POL("m", ANNIV2, "1.0", ",'cpr_aed':{'required':true,'credit':0.1" more "}")
#define MH(cpr, extra) HOLDER("h1", cpr, CRED("c", "m", "2024-06-30", extra), CEU("k1", "2024-09-01", "1.0"))

/* §5a margin D = 30, no application, as of 2026-03-01: R = T = 2026-03-01,
 * R + D = 2026-03-31.
 *   expires 2026-03-30 = R + D - 1 < R + D -> expiring: no CPR/AED credit
 *     (earned 1.0, shortfall 0.1), no path, in_progress; cpr_aed_expires
 *     2026-03-30; notice cpr_aed_expires_before_deadline (expiring, T <= E,
 *     2026-03-30 < E + D = 2026-07-30).
 *   expires 2026-03-31 = R + D -> current: earned 1.1, shortfall 0.0, path
 *     credits, eligible (notice too: 2026-03-31 < 2026-07-30). */
START_TEST(s5a_expiring_vs_current)
{
    EVAL_DOC("2026-03-01", DOC(MPOL(",'valid_days_after':30"), MH(CPR("2024-04-01", "2026-03-30"), "")));
    EXPECT_STR(C(0), "credits.cpr_aed", "expiring");
    EXPECT_STR(C(0), "dates.cpr_aed_expires", "2026-03-30");
    EXPECT_AMT(C(0), "credits.required", "1.1");
    EXPECT_AMT(C(0), "credits.earned", "1.0");
    EXPECT_AMT(C(0), "credits.shortfall", "0.1");
    EXPECT_NULL(C(0), "path");
    EXPECT_STR(C(0), "status", "in_progress");
    EXPECT_NOTICES(C(0), "cpr_aed_expires_before_deadline");
    EVAL_DOC("2026-03-01", DOC(MPOL(",'valid_days_after':30"), MH(CPR("2024-04-01", "2026-03-31"), "")));
    EXPECT_STR(C(0), "credits.cpr_aed", "current");
    EXPECT_AMT(C(0), "credits.earned", "1.1");
    EXPECT_AMT(C(0), "credits.shortfall", "0.0");
    EXPECT_STR(C(0), "path", "credits");
    EXPECT_STR(C(0), "status", "eligible");
}
END_TEST

/* §5a ranking current > expiring > not_hands_on > expired > missing. D 30,
 * as of 2026-03-01 (R + D = 2026-03-31):
 *   online-only 2026-01-10 .. 2028-01-10 (valid on R, not hands-on, no
 *   waiver: not_hands_on) + hands-on 2024-04-01 .. 2026-03-15 (< R + D:
 *   expiring) -> expiring, cpr_aed_expires 2026-03-15.
 *   + hands-on 2025-01-01 .. 2027-01-01 (current) -> current, 2027-01-01. */
START_TEST(s5a_expiring_ranks_before_not_hands_on)
{
#define ONLINE "{'completed':'2026-01-10','expires':'2028-01-10','hands_on':false}"
#define EXPIRING "{'completed':'2024-04-01','expires':'2026-03-15'}"
    EVAL_DOC("2026-03-01", DOC(MPOL(",'valid_days_after':30"), MH("'cpr_aed':[" ONLINE "," EXPIRING "],", "")));
    EXPECT_STR(C(0), "credits.cpr_aed", "expiring");
    EXPECT_STR(C(0), "dates.cpr_aed_expires", "2026-03-15");
    EXPECT_AMT(C(0), "credits.earned", "1.0");
    EVAL_DOC("2026-03-01", DOC(MPOL(",'valid_days_after':30"),
                               MH("'cpr_aed':[" ONLINE "," EXPIRING ",{'completed':'2025-01-01','expires':'2027-01-01'}],",
                                  "")));
    EXPECT_STR(C(0), "credits.cpr_aed", "current");
    EXPECT_STR(C(0), "dates.cpr_aed_expires", "2027-01-01");
#undef ONLINE
#undef EXPIRING
}
END_TEST

/* §5a notice text, as of 2026-03-01, no application, T <= E = 2026-06-30:
 *   D = 30, expires 2026-07-15 (current: >= R + D = 2026-03-31) and
 *   < E + D = 2026-07-30 -> "CPR/AED expires on 2026-07-15: it must still be
 *   valid 30 days after the application, so renew it before applying".
 *   D = 30, expires 2026-07-30 = E + D -> no notice.
 *   D = 0, expires 2026-05-01 < E -> the old text "CPR/AED expires on
 *   2026-05-01, before the renewal deadline 2026-06-30".
 *   D = 0, expires 2026-07-15 >= E -> no notice. */
START_TEST(s5a_notice_text)
{
    EVAL_DOC("2026-03-01", DOC(MPOL(",'valid_days_after':30"), MH(CPR("2024-07-15", "2026-07-15"), "")));
    EXPECT_STR(C(0), "credits.cpr_aed", "current");
    EXPECT_NOTICES(C(0), "cpr_aed_expires_before_deadline");
    EXPECT_MESSAGE(C(0), 0,
                   "CPR/AED expires on 2026-07-15: it must still be valid 30 days after the application, so renew it "
                   "before applying");
    EVAL_DOC("2026-03-01", DOC(MPOL(",'valid_days_after':30"), MH(CPR("2024-07-30", "2026-07-30"), "")));
    EXPECT_NOTICES(C(0), "");
    EVAL_DOC("2026-03-01", DOC(MPOL(""), MH(CPR("2024-05-01", "2026-05-01"), "")));
    EXPECT_STR(C(0), "credits.cpr_aed", "current");
    EXPECT_NOTICES(C(0), "cpr_aed_expires_before_deadline");
    EXPECT_MESSAGE(C(0), 0, "CPR/AED expires on 2026-05-01, before the renewal deadline 2026-06-30");
    EVAL_DOC("2026-03-01", DOC(MPOL(""), MH(CPR("2024-07-15", "2026-07-15"), "")));
    EXPECT_NOTICES(C(0), "");
}
END_TEST

/* §5a R is the application's receipt: received 2026-02-01, as of
 * 2026-03-01: R + D = 2026-02-01 + 30 = 2026-03-03 (February 2026 has 28
 * days).
 *   expires 2026-03-02 = R + D - 1 -> expiring, no path (submitted).
 *   expires 2026-03-03 = R + D -> current, path credits. (On T it would be
 *   expiring: T + D = 2026-03-31.) */
START_TEST(s5a_reference_is_receipt)
{
    EVAL_DOC("2026-03-01", DOC(MPOL(",'valid_days_after':30"),
                               MH(CPR("2024-04-01", "2026-03-02"), ",'application':{'received':'2026-02-01'}")));
    EXPECT_STR(C(0), "status", "submitted");
    EXPECT_STR(C(0), "credits.cpr_aed", "expiring");
    EXPECT_NULL(C(0), "path");
    EVAL_DOC("2026-03-01", DOC(MPOL(",'valid_days_after':30"),
                               MH(CPR("2024-04-01", "2026-03-03"), ",'application':{'received':'2026-02-01'}")));
    EXPECT_STR(C(0), "credits.cpr_aed", "current");
    EXPECT_STR(C(0), "path", "credits");
}
END_TEST

/* §5a getter, the state's name, and D < 0 is an error. */
START_TEST(s5a_getter_and_errors)
{
    const recert_policy *p = POLICY(MPOL(",'valid_days_after':30"));
    ck_assert_int_eq(recert_policy_cpr_aed_valid_days(p), 30);
    p = POLICY(MPOL(""));
    ck_assert_int_eq(recert_policy_cpr_aed_valid_days(p), 0);
    ck_assert_int_eq(recert_policy_cpr_aed_valid_days(NULL), 0);
    ck_assert_str_eq(recert_cpr_aed_state_name(RECERT_CPR_AED_EXPIRING), "expiring");
    EXPECT_ERROR(DOC(MPOL(",'valid_days_after':-1"), "{'id':'h1'}"), RECERT_EDATA,
                 "policies[0].cpr_aed.valid_days_after");
}
END_TEST

/* ==== §11a Dated versions ================================================ */

/* Base: required 1.0, renewal 1000, petition 300, audit 10 days. Version 0
 * (2025-01-01): required 1.5, fees {renewal 2000} (merged into the base's
 * fees object: petition 300 stays), an x- member. Version 1 (2026-01-01):
 * required 2.0 only (renewal 2000 survives from version 0). */
#define VPOL                                                                                              \
    POL("v", ANNIV2, "1.0", ",'fees':{'renewal_cents':1000,'petition_cents':300},'audit':{'documents_days':10}," \
                            "'versions':[{'effective':'2025-01-01','credits_required':1.5,"                \
                            "'fees':{'renewal_cents':2000},'x-why':'2025 fees'},"                           \
                            "{'effective':'2026-01-01','credits_required':2.0}]")

/* §11a the version in force on E (the last one with effective <= E).
 * ANNIV2, as of 2024-06-01 (T <= every E, tier on_time):
 *   certified 2022-12-31 -> E 2024-12-31 < 2025-01-01 -> base: 1.0, 1000,
 *     policy_effective null.
 *   certified 2023-01-01 -> E 2025-01-01 (on effective) -> version 0: 1.5,
 *     2000, "2025-01-01".
 *   certified 2023-12-31 -> E 2025-12-31 (day before 2026-01-01) ->
 *     version 0.
 *   certified 2024-01-01 -> E 2026-01-01 -> version 1: 2.0, and renewal
 *     2000 from version 0 (cumulative), "2026-01-01". */
START_TEST(s11a_version_in_force_on_E)
{
    EVAL_DOC("2024-06-01", DOC(VPOL, HOLDER("a", "", CRED("c", "v", "2022-12-31", ""), "") ","
                                     HOLDER("b", "", CRED("c", "v", "2023-01-01", ""), "") ","
                                     HOLDER("d", "", CRED("c", "v", "2023-12-31", ""), "") ","
                                     HOLDER("e", "", CRED("c", "v", "2024-01-01", ""), "")));
    EXPECT_STR(HC(0), "dates.expires", "2024-12-31");
    EXPECT_AMT(HC(0), "credits.required", "1.0");
    EXPECT_INT(HC(0), "fees.renewal_cents", 1000);
    EXPECT_NULL(HC(0), "policy_effective");
    EXPECT_STR(HC(1), "dates.expires", "2025-01-01");
    EXPECT_AMT(HC(1), "credits.required", "1.5");
    EXPECT_INT(HC(1), "fees.renewal_cents", 2000);
    EXPECT_STR(HC(1), "policy_effective", "2025-01-01");
    EXPECT_STR(HC(2), "dates.expires", "2025-12-31");
    EXPECT_AMT(HC(2), "credits.required", "1.5");
    EXPECT_STR(HC(2), "policy_effective", "2025-01-01");
    EXPECT_STR(HC(3), "dates.expires", "2026-01-01");
    EXPECT_AMT(HC(3), "credits.required", "2.0");
    EXPECT_INT(HC(3), "fees.renewal_cents", 2000);
    EXPECT_STR(HC(3), "policy_effective", "2026-01-01");
}
END_TEST

/* §11a report getter recert_report_policy_effective (the case above:
 * RECERT_DAY_NONE for the base, the effective day otherwise) and no
 * "policy_effective" member (RECERT_DAY_NONE) for a policy without versions. */
START_TEST(s11a_report_policy_effective)
{
    recert_report *r = ROSTER_EVAL("2024-06-01", DOC(VPOL "," POL("plain", ANNIV2, "1.0", ""),
                                                     HOLDER("a", "", CRED("c", "v", "2022-12-31", ""), "") ","
                                                     HOLDER("b", "", CRED("c", "v", "2023-12-31", ""), "") ","
                                                     HOLDER("d", "", CRED("c", "v", "2024-01-01", ""), "") ","
                                                     HOLDER("e", "", CRED("c", "plain", "2024-01-01", ""), "")));
    ck_assert_int_eq(recert_report_policy_effective(r, 0, 0), RECERT_DAY_NONE);
    ck_assert_int_eq(recert_report_policy_effective(r, 1, 0), DAY("2025-01-01"));
    ck_assert_int_eq(recert_report_policy_effective(r, 2, 0), DAY("2026-01-01"));
    ck_assert_int_eq(recert_report_policy_effective(r, 3, 0), RECERT_DAY_NONE);
    ck_assert_int_eq(recert_report_policy_effective(r, 9, 0), RECERT_DAY_NONE);
    EVAL_DOC("2024-06-01", DOC(POL("plain", ANNIV2, "1.0", ""), H1("plain", "2024-01-01", "", "")));
    EXPECT_ABSENT(C(0), "policy_effective");
}
END_TEST

/* §11a cumulative merge patches, through the policy getters: version 0 =
 * base + v0: required 1500, renewal 2000, petition 300 (the fees object
 * merged, not replaced), audit 10 days kept; version 1 = version 0 + v1:
 * required 2000, renewal 2000 (set in version 0, survives), petition 300.
 * Getters: count 2, effective days, in_force on 2024-12-31 (base),
 * 2025-01-01 / 2025-12-31 (v0), 2026-01-01 / 2030-01-01 (v1). */
START_TEST(s11a_cumulative_merge_and_getters)
{
    const recert_policy *p = POLICY(VPOL);
    const recert_policy *v0, *v1;
    ck_assert_uint_eq(recert_policy_version_count(p), 2);
    v0 = recert_policy_version_at(p, 0);
    v1 = recert_policy_version_at(p, 1);
    ck_assert_ptr_nonnull(v0);
    ck_assert_ptr_nonnull(v1);
    ck_assert_ptr_null(recert_policy_version_at(p, 2));
    ck_assert_int_eq(recert_policy_effective(p), RECERT_DAY_NONE);
    ck_assert_int_eq(recert_policy_effective(v0), DAY("2025-01-01"));
    ck_assert_int_eq(recert_policy_effective(v1), DAY("2026-01-01"));
    ck_assert_uint_eq(recert_policy_version_count(v0), 0);
    ck_assert_str_eq(recert_policy_id(v1), "v");

    ck_assert_int_eq(recert_policy_credits_required(p), 1000);
    ck_assert_int_eq(recert_policy_fee(p, RECERT_POLICY_FEE_RENEWAL), 1000);
    ck_assert_int_eq(recert_policy_credits_required(v0), 1500);
    ck_assert_int_eq(recert_policy_fee(v0, RECERT_POLICY_FEE_RENEWAL), 2000);
    ck_assert_int_eq(recert_policy_fee(v0, RECERT_POLICY_FEE_PETITION), 300);
    ck_assert_int_eq(recert_policy_audit_documents_days(v0), 10);
    ck_assert_int_eq(recert_policy_credits_required(v1), 2000);
    ck_assert_int_eq(recert_policy_fee(v1, RECERT_POLICY_FEE_RENEWAL), 2000);
    ck_assert_int_eq(recert_policy_fee(v1, RECERT_POLICY_FEE_PETITION), 300);

    ck_assert_ptr_eq(recert_policy_in_force(p, DAY("2024-12-31")), p);
    ck_assert_ptr_eq(recert_policy_in_force(p, DAY("2025-01-01")), v0);
    ck_assert_ptr_eq(recert_policy_in_force(p, DAY("2025-12-31")), v0);
    ck_assert_ptr_eq(recert_policy_in_force(p, DAY("2026-01-01")), v1);
    ck_assert_ptr_eq(recert_policy_in_force(p, DAY("2030-01-01")), v1);
    ck_assert_ptr_null(recert_policy_in_force(NULL, DAY("2026-01-01")));
    ck_assert_uint_eq(recert_policy_version_count(NULL), 0);
}
END_TEST

/* §11a null in a version removes the member, so its default applies. Base:
 * audit 10 days, late window "late" through the final deadline E + 3 months
 * (fee 1000); version 2026-01-01: audit null, late_windows null,
 * final_deadline null (no audit, no windows, final deadline E).
 *   certified 2023-06-30 -> E 2025-06-30 (base): as of 2025-07-15 with 1.0
 *     counted: final 2025-09-30 -> late, tier late, 1000; policy_effective
 *     null.
 *   certified 2024-06-30 -> E 2026-06-30 (version): as of 2026-07-15: final
 *     = E = 2026-06-30 < T -> lapsed, final_deadline 2026-06-30.
 *   Audit: received 2026-06-01, selected 2026-06-10, as of 2026-06-15:
 *     version (no audit) -> none; base case (received 2025-06-01, selected
 *     2025-06-10, as of 2025-06-15) -> documents_due 2025-06-20. */
START_TEST(s11a_null_restores_default)
{
#define VN POL("vn", ANNIV2, "1.0", ",'audit':{'documents_days':10},"                                     \
                                   "'late_windows':[{'tier':'late','through':null,'fee_cents':1000}],"     \
                                   "'final_deadline':{'months':3},"                                        \
                                   "'versions':[{'effective':'2026-01-01','audit':null,'late_windows':null," \
                                   "'final_deadline':null}]")
#define VH(certified, extra) H1("vn", certified, extra, CEU("k1", "2024-09-01", "1.0"))
    const recert_policy *p, *v;
    EVAL_DOC("2025-07-15", DOC(VN, VH("2023-06-30", "")));
    EXPECT_STR(C(0), "dates.final_deadline", "2025-09-30");
    EXPECT_STR(C(0), "status", "late");
    EXPECT_STR(C(0), "fees.tier", "late");
    EXPECT_INT(C(0), "fees.late_cents", 1000);
    EXPECT_NULL(C(0), "policy_effective");
    EVAL_DOC("2026-07-15", DOC(VN, VH("2024-06-30", "")));
    EXPECT_STR(C(0), "policy_effective", "2026-01-01");
    EXPECT_STR(C(0), "dates.final_deadline", "2026-06-30");
    EXPECT_STR(C(0), "status", "lapsed");
    EVAL_DOC("2026-06-15",
             DOC(VN, VH("2024-06-30", ",'application':{'received':'2026-06-01'},'audit':{'selected':'2026-06-10'}")));
    EXPECT_STR(C(0), "audit.state", "none");
    EVAL_DOC("2025-06-15",
             DOC(VN, VH("2023-06-30", ",'application':{'received':'2025-06-01'},'audit':{'selected':'2025-06-10'}")));
    EXPECT_STR(C(0), "audit.state", "documents_due");
    EXPECT_STR(C(0), "audit.documents_due", "2025-06-20");

    p = POLICY(VN);
    v = recert_policy_version_at(p, 0);
    ck_assert_int_eq(recert_policy_audits(p), 1);
    ck_assert_int_eq(recert_policy_audits(v), 0);
    ck_assert_uint_eq(recert_policy_late_window_count(p), 1);
    ck_assert_uint_eq(recert_policy_late_window_count(v), 0);
    ck_assert_int_eq(recert_policy_final_deadline(p, NULL, NULL, NULL), 1);
    ck_assert_int_eq(recert_policy_final_deadline(v, NULL, NULL, NULL), 0);
#undef VH
#undef VN
}
END_TEST

/* §11a arrays replace (no element-wise merge): base categories [a max 1.0,
 * b], version 2026-01-01 categories [c min 0.5] -> the version has one
 * category, c. A credential whose E 2025-06-30 is before the version gets
 * [a, b]; E 2026-06-30 gets [c] only. */
START_TEST(s11a_arrays_replace)
{
#define VA POL("va", ANNIV2, "1.0", ",'categories':[{'id':'a','max':1.0},{'id':'b'}]," \
                                   "'versions':[{'effective':'2026-01-01','categories':[{'id':'c','min':0.5}]}]")
    const recert_policy *p = POLICY(VA), *v = recert_policy_version_at(p, 0);
    ck_assert_uint_eq(recert_policy_category_count(p), 2);
    ck_assert_uint_eq(recert_policy_category_count(v), 1);
    ck_assert_str_eq(recert_policy_category_id(v, 0), "c");
    ck_assert_int_eq(recert_policy_category_min(v, 0), 500);
    EVAL_DOC("2025-01-01", DOC(VA, HOLDER("a", "", CRED("c", "va", "2023-06-30", ""), "") ","
                                   HOLDER("b", "", CRED("c", "va", "2024-06-30", ""), "")));
    EXPECT_STR(HC(0), "credits.categories[0].id", "a");
    EXPECT_STR(HC(0), "credits.categories[1].id", "b");
    EXPECT_STR(HC(1), "credits.categories[0].id", "c");
    EXPECT_ABSENT(HC(1), "credits.categories[1]");
#undef VA
}
END_TEST

/* §11a + §4a: categories only in a version: the report's "categories" member
 * is present only when the version that applied has them. Version
 * 2026-01-01 adds ethics min 0.5. certified 2023-06-30 -> E 2025-06-30
 * (base: no member, policy_effective null, path credits with 1.0);
 * certified 2024-06-30 -> E 2026-06-30 (version: member present, ethics
 * earned 0.0 < 0.5 -> no path). As of 2025-01-01. */
START_TEST(s11a_categories_from_version)
{
    EVAL_DOC("2025-01-01",
             DOC(POL("vc", ANNIV2, "1.0", ",'versions':[{'effective':'2026-01-01','categories':[{'id':'ethics','min':0.5}]}]"),
                 HOLDER("a", "", CRED("c", "vc", "2023-06-30", ""), CEU("k1", "2023-09-01", "1.0")) ","
                 HOLDER("b", "", CRED("c", "vc", "2024-06-30", ""), CEU("k1", "2024-09-01", "1.0"))));
    EXPECT_ABSENT(HC(0), "credits.categories");
    EXPECT_NULL(HC(0), "policy_effective");
    EXPECT_STR(HC(0), "path", "credits");
    EXPECT_STR(HC(1), "policy_effective", "2026-01-01");
    EXPECT_STR(HC(1), "credits.categories[0].id", "ethics");
    EXPECT_NULL(HC(1), "path");
    EXPECT_AMT(HC(1), "credits.shortfall", "0.5");
}
END_TEST

/* §11a errors: a version giving id, unit or cycle (at versions[0].<member>);
 * effective missing (versions[0].effective); effective not strictly
 * increasing, equal or earlier (versions[1].effective); a merged version
 * that is not a valid policy is reported under versions[0] (base late
 * window + final deadline, version final_deadline null: windows without a
 * final deadline). Standalone: the path starts at "versions". */
START_TEST(s11a_version_errors)
{
#define VE(versions) DOC(POL("v", ANNIV2, "1.0", ",'versions':[" versions "]"), "{'id':'h1'}")
    EXPECT_ERROR(VE("{'effective':'2026-01-01','id':'w'}"), RECERT_EDATA, "policies[0].versions[0].id");
    EXPECT_ERROR(VE("{'effective':'2026-01-01','unit':{'name':'CEU','per_hour':0.1}}"), RECERT_EDATA,
                 "policies[0].versions[0].unit");
    EXPECT_ERROR(VE("{'effective':'2026-01-01','cycle':{'years':2,'expires':'anniversary'}}"), RECERT_EDATA,
                 "policies[0].versions[0].cycle");
    EXPECT_ERROR(VE("{'credits_required':2.0}"), RECERT_EDATA, "policies[0].versions[0].effective");
    EXPECT_ERROR(VE("{'effective':'2026-01-01'},{'effective':'2026-01-01'}"), RECERT_EDATA,
                 "policies[0].versions[1].effective");
    EXPECT_ERROR(VE("{'effective':'2026-01-01'},{'effective':'2025-06-01'}"), RECERT_EDATA,
                 "policies[0].versions[1].effective");
    EXPECT_ERROR_UNDER(DOC(POL("v", ANNIV2, "1.0", ",'late_windows':[{'tier':'late','through':null}],"
                                                   "'final_deadline':{'months':3},"
                                                   "'versions':[{'effective':'2026-01-01','final_deadline':null}]"),
                           "{'id':'h1'}"),
                       RECERT_EDATA, "policies[0].versions[0]");
    EXPECT_ERROR_UNDER(VE("{'effective':'2026-01-01','late_windows':[{'tier':'late','through':null}]}"), RECERT_EDATA,
                       "policies[0].versions[0]");
    EXPECT_POLICY_ERROR(POL("v", ANNIV2, "1.0", ",'versions':[{'effective':'2026-01-01','id':'w'}]"), RECERT_EDATA,
                        "versions[0].id");
#undef VE
}
END_TEST

/* §11a recert_policy_copy of a versioned policy keeps its versions: count 2,
 * effective days, in_force on 2026-06-30 is the copy's version 1 (required
 * 2000), and the copy exports the same document. */
START_TEST(s11a_copy_keeps_versions)
{
    const recert_policy *p = POLICY(VPOL);
    recert_policy *c = NULL;
    char *a = NULL, *b = NULL;
    ck_assert_int_eq(recert_policy_copy(&c, p), RECERT_OK);
    ck_assert_uint_eq(recert_policy_version_count(c), 2);
    ck_assert_int_eq(recert_policy_effective(recert_policy_version_at(c, 0)), DAY("2025-01-01"));
    ck_assert_int_eq(recert_policy_effective(recert_policy_version_at(c, 1)), DAY("2026-01-01"));
    ck_assert_ptr_eq(recert_policy_in_force(c, DAY("2026-06-30")), recert_policy_version_at(c, 1));
    ck_assert_int_eq(recert_policy_credits_required(recert_policy_in_force(c, DAY("2026-06-30"))), 2000);
    ck_assert_int_eq(recert_policy_fee(recert_policy_in_force(c, DAY("2025-06-30")), RECERT_POLICY_FEE_RENEWAL), 2000);
    ck_assert_int_eq(recert_policy_to_json(&a, p, 0), RECERT_OK);
    ck_assert_int_eq(recert_policy_to_json(&b, c, 0), RECERT_OK);
    ck_assert_str_eq(a, b);
    EXPECT_SAME_JSON(rs_json_text(VPOL), a);
    recert_free(a);
    recert_free(b);
    recert_policy_free(c);
}
END_TEST

/* §11a + the credit "category": a records document with a versioned policy
 * (x- member in a version) and categorised credits exports losslessly
 * (recert_roster_to_json gives the same JSON; a second round trip gives the
 * same text). */
START_TEST(s11a_roster_export_lossless)
{
    static const char doc[] =
        DOC(VPOL, HOLDER("h1", "", CRED("c", "v", "2024-01-01", ""),
                         CAT("k1", "2024-09-01", "1.0", "Ethics") "," CEU("k2", "2024-10-01", "0.5")));
    char input[TEXT_MAX];
    char *out = NULL, *out2 = NULL;
    recert_roster *again = NULL;
    snprintf(input, sizeof input, "%s", rs_json_text(doc));
    ck_assert_int_eq(recert_roster_from_json(&g_roster, input, strlen(input)), RECERT_OK);
    ck_assert_int_eq(recert_roster_to_json(&out, g_roster, 0), RECERT_OK);
    EXPECT_SAME_JSON(input, out);
    ck_assert_int_eq(recert_roster_from_json(&again, out, strlen(out)), RECERT_OK);
    ck_assert_int_eq(recert_roster_to_json(&out2, again, 0), RECERT_OK);
    ck_assert_str_eq(out, out2);
    ck_assert_uint_eq(recert_policy_version_count(recert_roster_policy_at(again, 0)), 2);
    recert_free(out);
    recert_free(out2);
    recert_roster_free(again);
}
END_TEST

/* ==== the credit "category" member ======================================= */

/* Import: k1's "Ethics" reads back as given (case kept); k2 has none. */
START_TEST(credit_category_import)
{
    const recert_holder *h;
    ROSTER_EVAL("2025-01-01", DOC(POL("plain", ANNIV2, "1.0", ""),
                                  HOLDER("h1", "", CRED("c", "plain", "2024-01-01", ""),
                                         CAT("k1", "2024-09-01", "1.0", "Ethics") "," CEU("k2", "2024-10-01", "0.5"))));
    h = recert_roster_holder_at(g_roster, 0);
    ck_assert_str_eq(recert_credit_category(recert_holder_credit_at(h, 0)), "Ethics");
    ck_assert_ptr_null(recert_credit_category(recert_holder_credit_at(h, 1)));
}
END_TEST

/* Setters: "online" set and read back; "" is RECERT_EINVAL and changes
 * nothing; NULL removes; a NULL credit is RECERT_EINVAL; a copy keeps it. */
START_TEST(credit_category_setters)
{
    recert_credit *k = NULL, *c = NULL;
    ck_assert_int_eq(recert_credit_new(&k, "k1", DAY("2024-09-01")), RECERT_OK);
    ck_assert_ptr_null(recert_credit_category(k));
    ck_assert_int_eq(recert_credit_set_category(k, "online"), RECERT_OK);
    ck_assert_str_eq(recert_credit_category(k), "online");
    ck_assert_int_eq(recert_credit_set_category(k, ""), RECERT_EINVAL);
    ck_assert_str_eq(recert_credit_category(k), "online");
    ck_assert_int_eq(recert_credit_copy(&c, k), RECERT_OK);
    ck_assert_str_eq(recert_credit_category(c), "online");
    ck_assert_int_eq(recert_credit_set_category(k, NULL), RECERT_OK);
    ck_assert_ptr_null(recert_credit_category(k));
    ck_assert_str_eq(recert_credit_category(c), "online");
    ck_assert_int_eq(recert_credit_set_category(NULL, "x"), RECERT_EINVAL);
    ck_assert_ptr_null(recert_credit_category(NULL));
    recert_credit_free(k);
    recert_credit_free(c);
}
END_TEST

/* A category set through the API counts in evaluation: roster with policy
 * cp (online max 1.0, required 1.0), a holder built in C: credential c
 * certified 2024-06-30 (E 2026-06-30), credits k1 "ONLINE" 1.5 CEU (150
 * hundredths of ceu) -> cut to 1.0, category earned 1000; export writes
 * "category":"ONLINE". */
START_TEST(credit_category_api_evaluates)
{
    recert_holder *h = NULL;
    recert_credential *c = NULL;
    recert_credit *k = NULL;
    char *out = NULL;
    const char *text = rs_json_text(DOC(CPOL("1.0", "{'id':'online','max':1.0}", ""), ""));
    ck_assert_int_eq(recert_roster_from_json(&g_roster, text, strlen(text)), RECERT_OK);
    ck_assert_int_eq(recert_holder_new(&h, "h1"), RECERT_OK);
    ck_assert_int_eq(recert_credential_new(&c, "c", "cp", DAY("2024-06-30")), RECERT_OK);
    ck_assert_int_eq(recert_holder_add_credential(h, c), RECERT_OK);
    ck_assert_int_eq(recert_credit_new(&k, "k1", DAY("2024-09-01")), RECERT_OK);
    ck_assert_int_eq(recert_credit_set_amount(k, 150, "ceu"), RECERT_OK);
    ck_assert_int_eq(recert_credit_set_category(k, "ONLINE"), RECERT_OK);
    ck_assert_int_eq(recert_holder_add_credit(h, k), RECERT_OK);
    ck_assert_int_eq(recert_roster_add_holder(g_roster, h), RECERT_OK);
    recert_credit_free(k);
    recert_credential_free(c);
    recert_holder_free(h);
    ck_assert_int_eq(recert_roster_evaluate(&g_rep, g_roster, DAY("2026-01-15")), RECERT_OK);
    ck_assert_int_eq(recert_report_category_amount(g_rep, 0, 0, 0, RECERT_CATEGORY_EARNED), 1000);
    ck_assert_int_eq(recert_report_credits(g_rep, 0, 0, RECERT_CREDITS_EARNED), 1000);
    ck_assert_int_eq(recert_report_status(g_rep, 0, 0), RECERT_STATUS_ELIGIBLE);
    ck_assert_int_eq(recert_roster_to_json(&out, g_roster, 0), RECERT_OK);
    ck_assert_msg(strstr(out, "\"category\":\"ONLINE\"") != NULL, "export: %s", out);
    recert_free(out);
}
END_TEST

/* "category": "" in a records document is RECERT_EDATA at its path; a
 * non-string too. */
START_TEST(credit_category_empty_is_error)
{
    EXPECT_ERROR("{'recert':1,'holders':[{'id':'h1','credits':[{'id':'k1','completed':'2024-09-01','hours':1,"
                 "'category':''}]}]}",
                 RECERT_EDATA, "holders[0].credits[0].category");
    EXPECT_ERROR("{'recert':1,'holders':[{'id':'h1','credits':[{'id':'k1','completed':'2024-09-01','hours':1,"
                 "'category':5}]}]}",
                 RECERT_EDATA, "holders[0].credits[0].category");
}
END_TEST

/* ==== suite ============================================================== */

static Suite *policy_ext_suite(void)
{
    Suite *s = suite_create("policy_ext");
    TCase *tc;

    tc = rs_tcase(s, "s3a_fixed");
    tcase_add_test(tc, s3a_fixed_computed_inside_period);
    tcase_add_test(tc, s3a_fixed_certified_on_period_end);
    tcase_add_test(tc, s3a_fixed_cycle_start_given);
    tcase_add_test(tc, s3a_fixed_expires_alone_walk);
    tcase_add_test(tc, s3a_fixed_renewal_next_cycle);
    tcase_add_test(tc, s3a_fixed_feb29_ends);
    tcase_add_test(tc, s3a_fixed_getters);
    tcase_add_test(tc, s3a_fixed_policy_errors);

    tc = rs_tcase(s, "s3b_proration");
    tcase_add_test(tc, s3b_proration_step_boundaries);
    tcase_add_test(tc, s3b_proration_before_first_step_is_base);
    tcase_add_test(tc, s3b_proration_s_equals_p_ignores_steps);
    tcase_add_test(tc, s3b_proration_second_cycle_uses_base);
    tcase_add_test(tc, s3b_proration_february_29);
    tcase_add_test(tc, s3b_proration_zero_requirement);
    tcase_add_test(tc, s3b_proration_anniversary);
    tcase_add_test(tc, s3b_proration_getters);
    tcase_add_test(tc, s3b_proration_policy_errors);

    tc = rs_tcase(s, "s4a_categories");
    tcase_add_test(tc, s4a_max_cuts_in_part);
    tcase_add_test(tc, s4a_max_cuts_wholly);
    tcase_add_test(tc, s4a_max_input_order_decides);
    tcase_add_test(tc, s4a_max_only_counting_entries);
    tcase_add_test(tc, s4a_min_not_met);
    tcase_add_test(tc, s4a_min_shortfall_is_max);
    tcase_add_test(tc, s4a_min_notice_not_for_renewed_or_exam);
    tcase_add_test(tc, s4a_case_insensitive_match);
    tcase_add_test(tc, s4a_unknown_category_uncategorised);
    tcase_add_test(tc, s4a_pending_not_capped);
    tcase_add_test(tc, s4a_group_members_own_categories);
    tcase_add_test(tc, s4a_late_vs_lapsed_with_min);
    tcase_add_test(tc, s4a_report_categories_member);
    tcase_add_test(tc, s4a_report_category_getters);
    tcase_add_test(tc, s4a_policy_category_getters);
    tcase_add_test(tc, s4a_policy_errors);

    tc = rs_tcase(s, "s5a_margin");
    tcase_add_test(tc, s5a_expiring_vs_current);
    tcase_add_test(tc, s5a_expiring_ranks_before_not_hands_on);
    tcase_add_test(tc, s5a_notice_text);
    tcase_add_test(tc, s5a_reference_is_receipt);
    tcase_add_test(tc, s5a_getter_and_errors);

    tc = rs_tcase(s, "s11a_versions");
    tcase_add_test(tc, s11a_version_in_force_on_E);
    tcase_add_test(tc, s11a_report_policy_effective);
    tcase_add_test(tc, s11a_cumulative_merge_and_getters);
    tcase_add_test(tc, s11a_null_restores_default);
    tcase_add_test(tc, s11a_arrays_replace);
    tcase_add_test(tc, s11a_categories_from_version);
    tcase_add_test(tc, s11a_version_errors);
    tcase_add_test(tc, s11a_copy_keeps_versions);
    tcase_add_test(tc, s11a_roster_export_lossless);

    tc = rs_tcase(s, "credit_category");
    tcase_add_test(tc, credit_category_import);
    tcase_add_test(tc, credit_category_setters);
    tcase_add_test(tc, credit_category_api_evaluates);
    tcase_add_test(tc, credit_category_empty_is_error);

    return s;
}

int main(void)
{
    return rs_run(policy_ext_suite());
}
