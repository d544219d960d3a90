/*
 * The getters of policies and reports: every documented answer for a bad
 * handle, a bad index and a bad kind (include/recert/policy.h, report.h:
 * NULL, -1, 0 or RECERT_DAY_NONE, never a read out of bounds), and the
 * values of the built-in nasm-cpt policy (lib/policies/nasm-cpt.json) and
 * of one evaluated credential, read through each getter.
 *
 * SPDX-License-Identifier: MIT
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <recert.h>

static int32_t day(const char *iso)
{
    int32_t d = RECERT_DAY_NONE;
    ck_assert_int_eq(recert_date_parse(&d, iso), RECERT_OK);
    return d;
}

static const recert_policy *nasm(void)
{
    const recert_catalog *cat = NULL;
    ck_assert_int_eq(recert_catalog_default(&cat), RECERT_OK);
    const recert_policy *p = recert_catalog_find(cat, "nasm-cpt");
    ck_assert_ptr_nonnull(p);
    return p;
}

/* ---- policies ------------------------------------------------------------- */

START_TEST(policy_getters_on_null)
{
    int y = 7, m = 7, d = 7;
    int64_t req = 7;
    ck_assert_ptr_null(recert_policy_id(NULL));
    ck_assert_ptr_null(recert_policy_organization(NULL));
    ck_assert_ptr_null(recert_policy_name(NULL));
    ck_assert_ptr_null(recert_policy_source(NULL));
    ck_assert_int_eq(recert_policy_checked(NULL), RECERT_DAY_NONE);
    ck_assert_ptr_null(recert_policy_currency(NULL));
    ck_assert_ptr_null(recert_policy_unit(NULL));
    ck_assert_int_eq(recert_policy_unit_per_hour(NULL), 0);
    ck_assert_int_eq(recert_policy_cycle_years(NULL), 0);
    ck_assert_int_eq(recert_policy_cycle_kind(NULL), RECERT_CYCLE_ANNIVERSARY);
    ck_assert_int_eq(recert_policy_credits_required(NULL), 0);
    ck_assert_int_eq(recert_policy_credit_grace_days(NULL), 0);
    ck_assert_int_eq(recert_policy_cpr_aed_required(NULL), 0);
    ck_assert_int_eq(recert_policy_cpr_aed_credit(NULL), 0);
    ck_assert_int_eq(recert_policy_unapproved_credits(NULL), RECERT_UNAPPROVED_ACCEPTED);
    ck_assert_int_eq(recert_policy_exam_path(NULL), 0);
    ck_assert_ptr_null(recert_policy_combine_group(NULL));
    ck_assert_int_eq(recert_policy_late_window_count(NULL), 0);
    ck_assert_int_eq(recert_policy_audits(NULL), 0);
    ck_assert_int_eq(recert_policy_audit_documents_days(NULL), 0);
    ck_assert_int_eq(recert_policy_fee(NULL, RECERT_POLICY_FEE_RENEWAL), -1);
    ck_assert_ptr_null(recert_policy_late_window_tier(NULL, 0));
    ck_assert_int_eq(recert_policy_late_window_fee(NULL, 0), -1);
    ck_assert_int_eq(recert_policy_late_window_through(NULL, 0, &y, &m, &d), -1);
    ck_assert_int_eq(recert_policy_final_deadline(NULL, &y, &m, &d), -1);
    ck_assert_int_eq(y * 100 + m * 10 + d, 777); /* untouched */
    ck_assert_int_eq(recert_policy_cycle_ends(NULL), RECERT_DAY_NONE);
    ck_assert_int_eq(recert_policy_cpr_aed_valid_days(NULL), 0);
    ck_assert_int_eq(recert_policy_category_count(NULL), 0);
    ck_assert_ptr_null(recert_policy_category_id(NULL, 0));
    ck_assert_int_eq(recert_policy_category_min(NULL, 0), -1);
    ck_assert_int_eq(recert_policy_category_max(NULL, 0), -1);
    ck_assert_int_eq(recert_policy_proration_count(NULL), 0);
    ck_assert_int_eq(recert_policy_proration_step(NULL, 0, &y, &m, &d, &req), -1);
    ck_assert_int_eq(req, 7);
    ck_assert_int_eq(recert_policy_version_count(NULL), 0);
    ck_assert_ptr_null(recert_policy_version_at(NULL, 0));
    ck_assert_int_eq(recert_policy_effective(NULL), RECERT_DAY_NONE);
    ck_assert_ptr_null(recert_policy_in_force(NULL, 0));
}
END_TEST

/* nasm-cpt as lib/policies/nasm-cpt.json gives it: 1.9 CEU of courses
 * (19 hours = 1900 centihours at 0.1 CEU an hour) + 0.1 CEU for CPR/AED
 * (100 centihours), 2-year anniversary cycles, 90 days of grace, $99, a
 * $25 petition, late windows "late" (E + 90 days, $30) and
 * "late_additional" (through the final deadline E + 1 year - 1 day, $50),
 * audits with 30 days for documents. */
START_TEST(policy_getters_on_nasm)
{
    const recert_policy *p = nasm();
    int y = 7, m = 7, d = 7;
    int64_t req = 7;
    ck_assert_str_eq(recert_policy_id(p), "nasm-cpt");
    ck_assert_str_eq(recert_policy_organization(p), "NASM");
    ck_assert_str_eq(recert_policy_currency(p), "USD");
    ck_assert_str_eq(recert_policy_unit(p), "CEU");
    ck_assert_int_eq(recert_policy_checked(p), day("2026-11-23"));
    ck_assert_int_eq(recert_policy_unit_per_hour(p), 100000); /* 0.1 in millionths */
    ck_assert_int_eq(recert_policy_cycle_years(p), 2);
    ck_assert_int_eq(recert_policy_cycle_kind(p), RECERT_CYCLE_ANNIVERSARY);
    ck_assert_int_eq(recert_policy_credits_required(p), 1900);
    ck_assert_int_eq(recert_policy_credit_grace_days(p), 90);
    ck_assert_int_eq(recert_policy_cpr_aed_required(p), 1);
    ck_assert_int_eq(recert_policy_cpr_aed_credit(p), 100);
    ck_assert_int_eq(recert_policy_unapproved_credits(p), RECERT_UNAPPROVED_PETITION);
    ck_assert_int_eq(recert_policy_exam_path(p), 0);
    ck_assert_ptr_null(recert_policy_combine_group(p));
    ck_assert_int_eq(recert_policy_fee(p, RECERT_POLICY_FEE_RENEWAL), 9900);
    ck_assert_int_eq(recert_policy_fee(p, RECERT_POLICY_FEE_PETITION), 2500);
    ck_assert_int_eq(recert_policy_fee(p, RECERT_POLICY_FEE_COMBINE_EXTRA), 0);
    ck_assert_int_eq(recert_policy_fee(p, (recert_policy_fee_kind)99), -1);
    ck_assert_int_eq(recert_policy_fee(p, (recert_policy_fee_kind)-1), -1);

    ck_assert_int_eq(recert_policy_late_window_count(p), 2);
    ck_assert_str_eq(recert_policy_late_window_tier(p, 0), "late");
    ck_assert_str_eq(recert_policy_late_window_tier(p, 1), "late_additional");
    ck_assert_ptr_null(recert_policy_late_window_tier(p, 2));
    ck_assert_int_eq(recert_policy_late_window_fee(p, 0), 3000);
    ck_assert_int_eq(recert_policy_late_window_fee(p, 1), 5000);
    ck_assert_int_eq(recert_policy_late_window_fee(p, 2), -1);
    /* window 0 runs through E + 90 days: an offset, 1 */
    ck_assert_int_eq(recert_policy_late_window_through(p, 0, &y, &m, &d), 1);
    ck_assert_int_eq(y, 0);
    ck_assert_int_eq(m, 0);
    ck_assert_int_eq(d, 90);
    /* window 1 runs through the final deadline: no offset, 0, and zeros */
    ck_assert_int_eq(recert_policy_late_window_through(p, 1, &y, &m, &d), 0);
    ck_assert_int_eq(y + m + d, 0);
    ck_assert_int_eq(recert_policy_late_window_through(p, 2, &y, &m, &d), -1);
    /* NULL out-pointers are allowed */
    ck_assert_int_eq(recert_policy_late_window_through(p, 0, NULL, NULL, NULL), 1);
    ck_assert_int_eq(recert_policy_final_deadline(p, &y, &m, &d), 1);
    ck_assert_int_eq(y, 1);
    ck_assert_int_eq(m, 0);
    ck_assert_int_eq(d, -1);
    ck_assert_int_eq(recert_policy_final_deadline(p, NULL, NULL, NULL), 1);

    ck_assert_int_eq(recert_policy_audits(p), 1);
    ck_assert_int_eq(recert_policy_audit_documents_days(p), 30);
    ck_assert_int_eq(recert_policy_cycle_ends(p), RECERT_DAY_NONE);
    ck_assert_int_eq(recert_policy_cpr_aed_valid_days(p), 0);
    ck_assert_int_eq(recert_policy_category_count(p), 0);
    ck_assert_ptr_null(recert_policy_category_id(p, 0));
    ck_assert_int_eq(recert_policy_category_min(p, 0), -1);
    ck_assert_int_eq(recert_policy_category_max(p, 0), -1);
    ck_assert_int_eq(recert_policy_proration_count(p), 0);
    ck_assert_int_eq(recert_policy_proration_step(p, 0, &y, &m, &d, &req), -1);
    ck_assert_int_eq(req, 7);
    ck_assert_int_eq(recert_policy_version_count(p), 0);
    ck_assert_ptr_null(recert_policy_version_at(p, 0));
    ck_assert_int_eq(recert_policy_effective(p), RECERT_DAY_NONE);
    /* without versions the base is in force on every day */
    ck_assert_ptr_eq(recert_policy_in_force(p, day("1900-01-01")), p);
    ck_assert_ptr_eq(recert_policy_in_force(p, day("9999-12-31")), p);
}
END_TEST

/* A policy with categories, proration and two versions: the getters read
 * each, and the version in force changes on each effective day. */
static const char policy_ext[] =
    "{\"recert\": 1, \"id\": \"ext\", \"organization\": \"O\", \"name\": \"N\", \"currency\": \"EUR\","
    " \"unit\": {\"name\": \"PT\", \"per_hour\": 1}, \"cycle\": {\"years\": 3, \"expires\": \"fixed\","
    " \"ends\": \"2026-12-31\"}, \"credits_required\": 6,"
    " \"categories\": [{\"id\": \"ethics\", \"name\": \"Ethics\", \"min\": 1},"
    "                  {\"id\": \"online\", \"name\": \"Online\", \"max\": 3.5}],"
    " \"proration\": [{\"from\": {\"years\": 1}, \"credits_required\": 4},"
    "                 {\"from\": {\"years\": 2, \"months\": 1, \"days\": -1}, \"credits_required\": 2}],"
    " \"waivers\": [{\"id\": \"covid\", \"accepts\": \"online_cpr_aed\", \"from\": \"2020-03-13\", \"through\": null}],"
    " \"versions\": [{\"effective\": \"2022-01-01\", \"fees\": {\"renewal_cents\": 6000}},"
    "                {\"effective\": \"2025-07-01\", \"fees\": {\"renewal_cents\": 7000}}]}";

START_TEST(policy_getters_on_extensions)
{
    recert_policy *p = NULL;
    int y = 7, m = 7, d = 7;
    int64_t req = 7;
    ck_assert_int_eq(recert_policy_from_json(&p, policy_ext, strlen(policy_ext)), RECERT_OK);
    ck_assert_int_eq(recert_policy_cycle_kind(p), RECERT_CYCLE_FIXED);
    ck_assert_int_eq(recert_policy_cycle_ends(p), day("2026-12-31"));
    ck_assert_int_eq(recert_policy_category_count(p), 2);
    ck_assert_str_eq(recert_policy_category_id(p, 0), "ethics");
    ck_assert_int_eq(recert_policy_category_min(p, 0), 100);  /* 1 PT = 1 hour */
    ck_assert_int_eq(recert_policy_category_max(p, 0), -1);   /* none */
    ck_assert_int_eq(recert_policy_category_min(p, 1), 0);    /* none */
    ck_assert_int_eq(recert_policy_category_max(p, 1), 350);
    ck_assert_ptr_null(recert_policy_category_id(p, 2));
    ck_assert_int_eq(recert_policy_proration_count(p), 2);
    ck_assert_int_eq(recert_policy_proration_step(p, 0, &y, &m, &d, &req), 1);
    ck_assert_int_eq(y * 10000 + m * 100 + d, 10000);
    ck_assert_int_eq(req, 400);
    ck_assert_int_eq(recert_policy_proration_step(p, 1, &y, &m, &d, &req), 1);
    ck_assert_int_eq(y, 2);
    ck_assert_int_eq(m, 1);
    ck_assert_int_eq(d, -1);
    ck_assert_int_eq(req, 200);
    ck_assert_int_eq(recert_policy_proration_step(p, 1, NULL, NULL, NULL, NULL), 1);
    ck_assert_int_eq(recert_policy_proration_step(p, 2, &y, &m, &d, &req), -1);

    ck_assert_int_eq(recert_policy_version_count(p), 2);
    const recert_policy *v1 = recert_policy_version_at(p, 0), *v2 = recert_policy_version_at(p, 1);
    ck_assert_ptr_nonnull(v1);
    ck_assert_ptr_nonnull(v2);
    ck_assert_ptr_null(recert_policy_version_at(p, 2));
    ck_assert_int_eq(recert_policy_effective(v1), day("2022-01-01"));
    ck_assert_int_eq(recert_policy_effective(v2), day("2025-07-01"));
    ck_assert_int_eq(recert_policy_fee(p, RECERT_POLICY_FEE_RENEWAL), 0);
    ck_assert_int_eq(recert_policy_fee(v1, RECERT_POLICY_FEE_RENEWAL), 6000);
    ck_assert_int_eq(recert_policy_fee(v2, RECERT_POLICY_FEE_RENEWAL), 7000);
    /* the version in force: the base before 2022-01-01, v1 from that day
     * through 2025-06-30, v2 from 2025-07-01 */
    ck_assert_ptr_eq(recert_policy_in_force(p, day("2021-12-31")), p);
    ck_assert_ptr_eq(recert_policy_in_force(p, day("2022-01-01")), v1);
    ck_assert_ptr_eq(recert_policy_in_force(p, day("2025-06-30")), v1);
    ck_assert_ptr_eq(recert_policy_in_force(p, day("2025-07-01")), v2);
    /* a version's document is the base merged with the versions up to it,
     * without "versions": read back, it is a policy of those terms */
    char *vtext = NULL;
    recert_policy *vp = NULL;
    ck_assert_int_eq(recert_policy_to_json(&vtext, v2, 0), RECERT_OK);
    ck_assert_ptr_null(strstr(vtext, "\"versions\""));
    ck_assert_int_eq(recert_policy_from_json(&vp, vtext, strlen(vtext)), RECERT_OK);
    ck_assert_int_eq(recert_policy_fee(vp, RECERT_POLICY_FEE_RENEWAL), 7000);
    ck_assert_int_eq(recert_policy_version_count(vp), 0);
    ck_assert_int_eq(recert_policy_category_count(vp), 2);
    recert_policy_free(vp);
    recert_free(vtext);
    ck_assert_int_eq(recert_policy_to_json(&vtext, v1, RECERT_JSON_PRETTY), RECERT_OK);
    ck_assert_ptr_nonnull(strstr(vtext, "\n"));
    ck_assert_int_eq(recert_policy_from_json(&vp, vtext, strlen(vtext)), RECERT_OK);
    ck_assert_int_eq(recert_policy_fee(vp, RECERT_POLICY_FEE_RENEWAL), 6000);
    recert_policy_free(vp);
    recert_free(vtext);
    /* a catalog of it, written pretty, reads back to the same policies */
    recert_catalog *cat = NULL, *cat2 = NULL;
    ck_assert_int_eq(recert_catalog_new(&cat), RECERT_OK);
    ck_assert_int_eq(recert_catalog_add(cat, p), RECERT_OK);
    ck_assert_int_eq(recert_catalog_to_json(&vtext, cat, RECERT_JSON_PRETTY), RECERT_OK);
    ck_assert_int_eq(recert_catalog_new(&cat2), RECERT_OK);
    ck_assert_int_eq(recert_catalog_add_json(cat2, vtext, strlen(vtext)), RECERT_OK);
    ck_assert_int_eq(recert_catalog_count(cat2), 1);
    ck_assert_int_eq(recert_policy_version_count(recert_catalog_find(cat2, "ext")), 2);
    recert_free(vtext);
    recert_catalog_free(cat2);
    recert_catalog_free(cat);
    /* a version is its policy's: free ignores it, copy refuses it */
    recert_policy_free((recert_policy *)v1);
    recert_policy *c = NULL;
    ck_assert_int_eq(recert_policy_copy(&c, v1), RECERT_EINVAL);
    ck_assert_ptr_null(c);
    ck_assert_int_eq(recert_policy_copy(&c, NULL), RECERT_EINVAL);
    ck_assert_int_eq(recert_policy_copy(NULL, p), RECERT_EINVAL);
    ck_assert_int_eq(recert_policy_copy(&c, p), RECERT_OK);
    ck_assert_int_eq(recert_policy_version_count(c), 2);
    recert_policy_free(c);
    recert_policy_free(p);
}
END_TEST

/* ---- reports -------------------------------------------------------------- */

/* One NASM credential, certified 2024-01-15: E = 2026-01-15. As of
 * 2026-02-01 it has expired but the credit deadline and the "late" window
 * (E + 90 days = 2026-04-15) are still open, so with a shortfall it is
 * "late" ($99 + $30); one credit k1 of 4 hours (0.4 CEU) completed
 * 2025-03-01, inside the cycle, counts. */
static const char records[] =
    "{\"recert\": 1, \"holders\": [{\"id\": \"h1\", \"credentials\": [{\"id\": \"c1\", \"policy\": \"nasm-cpt\","
    " \"certified\": \"2024-01-15\"}], \"credits\": [{\"id\": \"k1\", \"completed\": \"2025-03-01\", \"hours\": 4}]}]}";

static recert_report *evaluated(recert_roster **roster)
{
    recert_report *r = NULL;
    ck_assert_int_eq(recert_roster_from_json(roster, records, strlen(records)), RECERT_OK);
    ck_assert_int_eq(recert_roster_evaluate(&r, *roster, day("2026-02-01")), RECERT_OK);
    return r;
}

START_TEST(report_getters_on_bad_indexes)
{
    recert_roster *roster = NULL;
    recert_report *r = evaluated(&roster);
    /* for NULL, a holder past the last, a credential past the last */
    const recert_report *reps[] = {NULL, r, r};
    const size_t hs[] = {0, 1, 0}, cs[] = {0, 0, 1};
    for (int t = 0; t < 3; t++) {
        const recert_report *q = reps[t];
        size_t h = hs[t], c = cs[t];
        ck_assert_ptr_null(recert_report_credential_id(q, h, c));
        ck_assert_ptr_null(recert_report_policy_id(q, h, c));
        ck_assert_int_eq(recert_report_status(q, h, c), -1);
        ck_assert_int_eq(recert_report_certified(q, h, c), -1);
        ck_assert_int_eq(recert_report_path(q, h, c), -1);
        ck_assert_ptr_null(recert_report_unit(q, h, c));
        ck_assert_int_eq(recert_report_unit_per_hour(q, h, c), 0);
        ck_assert_int_eq(recert_report_counted_count(q, h, c), 0);
        ck_assert_int_eq(recert_report_cpr_aed(q, h, c), -1);
        ck_assert_ptr_null(recert_report_currency(q, h, c));
        ck_assert_int_eq(recert_report_tier_kind(q, h, c), -1);
        ck_assert_ptr_null(recert_report_tier(q, h, c));
        ck_assert_int_eq(recert_report_audit(q, h, c), -1);
        ck_assert_int_eq(recert_report_group_count(q, h, c), 0);
        ck_assert_int_eq(recert_report_notice_count(q, h, c), 0);
        ck_assert_int_eq(recert_report_date(q, h, c, RECERT_DATE_EXPIRES), RECERT_DAY_NONE);
        ck_assert_int_eq(recert_report_credits(q, h, c, RECERT_CREDITS_EARNED), -1);
        ck_assert_int_eq(recert_report_fee(q, h, c, RECERT_FEE_TOTAL), -1);
        ck_assert_ptr_null(recert_report_counted_at(q, h, c, 0));
        ck_assert_ptr_null(recert_report_group_at(q, h, c, 0));
        ck_assert_int_eq(recert_report_notice_code(q, h, c, 0), -1);
        ck_assert_ptr_null(recert_report_notice_credit(q, h, c, 0));
        ck_assert_ptr_null(recert_report_notice_message(q, h, c, 0));
        ck_assert_int_eq(recert_report_credit_reason(q, h, c, 0), -1);
        ck_assert_int_eq(recert_report_category_count(q, h, c), 0);
        ck_assert_ptr_null(recert_report_category_id(q, h, c, 0));
        ck_assert_int_eq(recert_report_category_amount(q, h, c, 0, RECERT_CATEGORY_EARNED), -1);
        ck_assert_int_eq(recert_report_policy_effective(q, h, c), RECERT_DAY_NONE);
    }
    ck_assert_int_eq(recert_report_as_of(NULL), RECERT_DAY_NONE);
    ck_assert_int_eq(recert_report_holder_count(NULL), 0);
    ck_assert_ptr_null(recert_report_holder_id(NULL, 0));
    ck_assert_ptr_null(recert_report_holder_id(r, 1));
    ck_assert_int_eq(recert_report_credential_count(NULL, 0), 0);
    ck_assert_int_eq(recert_report_credential_count(r, 1), 0);
    ck_assert_int_eq(recert_report_credit_count(NULL, 0), 0);
    ck_assert_int_eq(recert_report_credit_count(r, 1), 0);
    ck_assert_ptr_null(recert_report_credit_id(NULL, 0, 0));
    ck_assert_ptr_null(recert_report_credit_id(r, 1, 0));
    ck_assert_ptr_null(recert_report_credit_id(r, 0, 1));
    ck_assert_int_eq(recert_report_credit_amount(NULL, 0, 0), -1);
    ck_assert_int_eq(recert_report_credit_amount(r, 1, 0), -1);
    ck_assert_int_eq(recert_report_credit_amount(r, 0, 1), -1);

    /* the entry that exists, with an index past its lists or a bad kind */
    ck_assert_int_eq(recert_report_date(r, 0, 0, (recert_date_kind)-1), RECERT_DAY_NONE);
    ck_assert_int_eq(recert_report_date(r, 0, 0, (recert_date_kind)12), RECERT_DAY_NONE);
    ck_assert_int_eq(recert_report_credits(r, 0, 0, (recert_credits_kind)4), -1);
    ck_assert_int_eq(recert_report_credits(r, 0, 0, (recert_credits_kind)-1), -1);
    ck_assert_int_eq(recert_report_fee(r, 0, 0, (recert_fee_kind)4), -1);
    ck_assert_int_eq(recert_report_fee(r, 0, 0, (recert_fee_kind)-1), -1);
    ck_assert_ptr_null(recert_report_counted_at(r, 0, 0, recert_report_counted_count(r, 0, 0)));
    ck_assert_ptr_null(recert_report_group_at(r, 0, 0, 0));
    size_t nn = recert_report_notice_count(r, 0, 0);
    ck_assert_int_eq(recert_report_notice_code(r, 0, 0, nn), -1);
    ck_assert_ptr_null(recert_report_notice_credit(r, 0, 0, nn));
    ck_assert_ptr_null(recert_report_notice_message(r, 0, 0, nn));
    ck_assert_int_eq(recert_report_credit_reason(r, 0, 0, 1), -1);
    ck_assert_ptr_null(recert_report_category_id(r, 0, 0, 0));
    ck_assert_int_eq(recert_report_category_amount(r, 0, 0, 0, RECERT_CATEGORY_MAX), -1);
    recert_report_free(r);
    recert_report_free(NULL);
    recert_roster_free(roster);
}
END_TEST

START_TEST(report_getters_on_one_credential)
{
    recert_roster *roster = NULL;
    recert_report *r = evaluated(&roster);
    ck_assert_int_eq(recert_report_as_of(r), day("2026-02-01"));
    ck_assert_int_eq(recert_report_holder_count(r), 1);
    ck_assert_str_eq(recert_report_holder_id(r, 0), "h1");
    ck_assert_int_eq(recert_report_credential_count(r, 0), 1);
    ck_assert_str_eq(recert_report_credential_id(r, 0, 0), "c1");
    ck_assert_str_eq(recert_report_policy_id(r, 0, 0), "nasm-cpt");
    ck_assert_str_eq(recert_report_unit(r, 0, 0), "CEU");
    ck_assert_int_eq(recert_report_unit_per_hour(r, 0, 0), 100000);
    ck_assert_str_eq(recert_report_currency(r, 0, 0), "USD");
    /* E = 2026-01-15, the credit deadline E + 90 days = 2026-04-15, the
     * final deadline E + 1 year - 1 day = 2027-01-14 */
    ck_assert_int_eq(recert_report_date(r, 0, 0, RECERT_DATE_EXPIRES), day("2026-01-15"));
    ck_assert_int_eq(recert_report_date(r, 0, 0, RECERT_DATE_CREDIT_DEADLINE), day("2026-04-15"));
    ck_assert_int_eq(recert_report_date(r, 0, 0, RECERT_DATE_FINAL_DEADLINE), day("2027-01-14"));
    ck_assert_int_eq(recert_report_status(r, 0, 0), RECERT_STATUS_LATE);
    ck_assert_int_eq(recert_report_certified(r, 0, 0), 0);
    ck_assert_int_eq(recert_report_path(r, 0, 0), RECERT_PATH_NONE);
    ck_assert_int_eq(recert_report_tier_kind(r, 0, 0), RECERT_TIER_LATE);
    ck_assert_str_eq(recert_report_tier(r, 0, 0), "late");
    ck_assert_int_eq(recert_report_fee(r, 0, 0, RECERT_FEE_RENEWAL), 9900);
    ck_assert_int_eq(recert_report_fee(r, 0, 0, RECERT_FEE_LATE), 3000);
    ck_assert_int_eq(recert_report_fee(r, 0, 0, RECERT_FEE_TOTAL), 12900);
    ck_assert_int_eq(recert_report_audit(r, 0, 0), RECERT_AUDIT_NONE);
    /* 4 hours count (400 centihours), 2000 required with the CPR/AED credit */
    ck_assert_int_eq(recert_report_credits(r, 0, 0, RECERT_CREDITS_EARNED), 400);
    ck_assert_int_eq(recert_report_credits(r, 0, 0, RECERT_CREDITS_REQUIRED), 2000);
    ck_assert_int_eq(recert_report_counted_count(r, 0, 0), 1);
    ck_assert_str_eq(recert_report_counted_at(r, 0, 0, 0), "k1");
    ck_assert_int_eq(recert_report_credit_count(r, 0), 1);
    ck_assert_str_eq(recert_report_credit_id(r, 0, 0), "k1");
    ck_assert_int_eq(recert_report_credit_amount(r, 0, 0), 400);
    ck_assert_int_eq(recert_report_credit_reason(r, 0, 0, 0), RECERT_CREDIT_COUNTED);
    ck_assert_int_eq(recert_report_cpr_aed(r, 0, 0), RECERT_CPR_AED_MISSING);
    ck_assert_int_eq(recert_report_group_count(r, 0, 0), 0);
    ck_assert_int_eq(recert_report_category_count(r, 0, 0), 0);
    ck_assert_int_eq(recert_report_policy_effective(r, 0, 0), RECERT_DAY_NONE);
    recert_report_free(r);
    recert_roster_free(roster);
}
END_TEST

/* Notices come ordered by code name, then by their credit's input order,
 * however many there are (past 16 they are merge-sorted). NASM, certified
 * 2024-01-15: the cycle runs 2024-01-15 .. E = 2026-01-15, credits count
 * through E + 90 days = 2026-04-15. As of 2026-05-01, with no application
 * recorded, the 40 credits alternate: even ones completed 2026-04-20,
 * after the credit deadline (credit_outside_window, code 3), odd ones in
 * the cycle, not preapproved and without a petition (petition_required,
 * code 0): made in credit order, so out of order by name
 * ("credit_outside_window" < "petition_required"). */
START_TEST(notices_ordered)
{
    char *doc = malloc(40 * 160 + 400), *p = doc;
    p += sprintf(p, "{\"recert\": 1, \"holders\": [{\"id\": \"h\", \"credentials\": [{\"id\": \"c\", "
                    "\"policy\": \"nasm-cpt\", \"certified\": \"2024-01-15\"}], \"credits\": [");
    for (int i = 0; i < 40; i++)
        p += sprintf(p, "%s{\"id\": \"k%02d\", \"completed\": \"%s\", \"hours\": 1%s}", i ? ", " : "", i,
                     i % 2 ? "2025-03-01" : "2026-04-20", i % 2 ? ", \"approval\": \"not_preapproved\"" : "");
    sprintf(p, "]}]}");
    recert_roster *roster = NULL;
    recert_report *r = NULL;
    ck_assert_int_eq(recert_roster_from_json(&roster, doc, strlen(doc)), RECERT_OK);
    ck_assert_int_eq(recert_roster_evaluate(&r, roster, day("2026-05-01")), RECERT_OK);
    size_t n = recert_report_notice_count(r, 0, 0);
    ck_assert_uint_ge(n, 40);
    int last_code = -1;
    const char *last_credit = NULL;
    size_t outside = 0, petition = 0;
    for (size_t i = 0; i < n; i++) {
        int code = recert_report_notice_code(r, 0, 0, i);
        const char *credit = recert_report_notice_credit(r, 0, 0, i);
        if (last_code >= 0)
            ck_assert_int_le(strcmp(recert_notice_code_name(last_code), recert_notice_code_name(code)), 0);
        if (code == last_code && credit && last_credit)
            ck_assert_int_lt(strcmp(last_credit, credit), 0); /* k00 < k01 < ...: input order */
        if (code == RECERT_NOTICE_CREDIT_OUTSIDE_WINDOW)
            outside++;
        if (code == RECERT_NOTICE_PETITION_REQUIRED)
            petition++;
        last_code = code;
        last_credit = credit;
    }
    ck_assert_uint_eq(outside, 20);
    ck_assert_uint_eq(petition, 20);
    ck_assert_int_eq(recert_report_notice_code(r, 0, 0, 0), RECERT_NOTICE_CREDIT_OUTSIDE_WINDOW);
    ck_assert_str_eq(recert_report_notice_credit(r, 0, 0, 0), "k00");
    ck_assert_int_eq(recert_report_notice_code(r, 0, 0, 20), RECERT_NOTICE_PETITION_REQUIRED);
    ck_assert_str_eq(recert_report_notice_credit(r, 0, 0, 20), "k01");
    recert_report_free(r);
    recert_roster_free(roster);
    free(doc);
}
END_TEST

/* The names of the enums' values, as the report document writes them; none
 * for a value outside the enum. */
START_TEST(enum_names)
{
    ck_assert_str_eq(recert_status_name(RECERT_STATUS_RENEWED), "renewed");
    ck_assert_str_eq(recert_status_name(RECERT_STATUS_LAPSED), "lapsed");
    ck_assert_ptr_null(recert_status_name(-1));
    ck_assert_ptr_null(recert_status_name(1000));
    ck_assert_ptr_null(recert_path_name(RECERT_PATH_NONE)); /* null in the document */
    ck_assert_str_eq(recert_path_name(RECERT_PATH_CREDITS), "credits");
    ck_assert_str_eq(recert_path_name(RECERT_PATH_EXAM), "exam");
    ck_assert_ptr_null(recert_path_name(-1));
    ck_assert_ptr_null(recert_path_name(3));
    ck_assert_str_eq(recert_cpr_aed_state_name(RECERT_CPR_AED_CURRENT), "current");
    ck_assert_str_eq(recert_cpr_aed_state_name(RECERT_CPR_AED_EXPIRING), "expiring");
    ck_assert_ptr_null(recert_cpr_aed_state_name(-1));
    ck_assert_ptr_null(recert_cpr_aed_state_name(1000));
    ck_assert_str_eq(recert_audit_state_name(RECERT_AUDIT_NONE), "none");
    ck_assert_str_eq(recert_audit_state_name(RECERT_AUDIT_FAILED), "failed");
    ck_assert_ptr_null(recert_audit_state_name(-1));
    ck_assert_ptr_null(recert_audit_state_name(1000));
    ck_assert_str_eq(recert_credit_reason_name(RECERT_CREDIT_COUNTED), "counted");
    ck_assert_str_eq(recert_credit_reason_name(RECERT_CREDIT_OVER_CATEGORY_MAX), "over_category_max");
    ck_assert_ptr_null(recert_credit_reason_name(-1));
    ck_assert_ptr_null(recert_credit_reason_name(1000));
    ck_assert_str_eq(recert_notice_code_name(RECERT_NOTICE_PETITION_REQUIRED), "petition_required");
    ck_assert_str_eq(recert_notice_code_name(RECERT_NOTICE_CATEGORY_MAXIMUM), "category_maximum");
    ck_assert_ptr_null(recert_notice_code_name(-1));
    ck_assert_ptr_null(recert_notice_code_name(1000));
}
END_TEST

/* ---- bad arguments to the entry points ------------------------------------ */

/* Each entry point refuses a NULL where it needs a value with
 * RECERT_EINVAL (and the last error says so), sets an out-parameter to
 * NULL first, and accepts NULL where its header says "NULL: none". */
START_TEST(entry_points_on_null)
{
    recert_roster *roster = (recert_roster *)1;
    recert_policy *pol = (recert_policy *)1;
    recert_catalog *cat = (recert_catalog *)1;
    recert_report *rep = (recert_report *)1;
    char *text = (char *)1;
    const char doc[] = "{\"recert\": 1, \"holders\": []}";

    ck_assert_int_eq(recert_roster_new(NULL, NULL), RECERT_EINVAL);
    ck_assert_int_eq(recert_error_code(), RECERT_EINVAL);
    ck_assert_int_eq(recert_roster_from_json(NULL, doc, strlen(doc)), RECERT_EINVAL);
    ck_assert_int_eq(recert_roster_from_json(&roster, NULL, 0), RECERT_EINVAL);
    ck_assert_ptr_null(roster);
    ck_assert_int_eq(recert_roster_to_json(NULL, NULL, 0), RECERT_EINVAL);
    ck_assert_int_eq(recert_roster_to_json(&text, NULL, 0), RECERT_EINVAL);
    ck_assert_ptr_null(text);
    ck_assert_int_eq(recert_roster_add_policy(NULL, NULL), RECERT_EINVAL);
    ck_assert_int_eq(recert_roster_add_holder(NULL, NULL), RECERT_EINVAL);
    ck_assert_int_eq(recert_roster_remove_holder(NULL, 0), RECERT_EINVAL);
    ck_assert_int_eq(recert_roster_x_set(NULL, "x-a", "1"), RECERT_EINVAL);
    ck_assert_int_eq(recert_roster_evaluate(NULL, NULL, 0), RECERT_EINVAL);
    ck_assert_int_eq(recert_roster_evaluate(&rep, NULL, 0), RECERT_EINVAL);
    ck_assert_ptr_null(rep);
    ck_assert_int_eq(recert_roster_policy_count(NULL), 0);
    ck_assert_ptr_null(recert_roster_policy_at(NULL, 0));
    ck_assert_ptr_null(recert_roster_find_policy(NULL, "nasm-cpt"));
    ck_assert_int_eq(recert_roster_holder_count(NULL), 0);
    ck_assert_ptr_null(recert_roster_holder_at(NULL, 0));
    ck_assert_ptr_null(recert_roster_find_holder(NULL, "h"));
    recert_roster_free(NULL);

    ck_assert_int_eq(recert_policy_from_json(NULL, doc, strlen(doc)), RECERT_EINVAL);
    ck_assert_int_eq(recert_policy_from_json(&pol, NULL, 0), RECERT_EINVAL);
    ck_assert_ptr_null(pol);
    ck_assert_int_eq(recert_policy_to_json(NULL, nasm(), 0), RECERT_EINVAL);
    text = (char *)1;
    ck_assert_int_eq(recert_policy_to_json(&text, NULL, 0), RECERT_EINVAL);
    ck_assert_ptr_null(text);
    recert_policy_free(NULL);

    ck_assert_int_eq(recert_catalog_new(NULL), RECERT_EINVAL);
    ck_assert_int_eq(recert_catalog_new_builtin(NULL), RECERT_EINVAL);
    ck_assert_int_eq(recert_catalog_default(NULL), RECERT_EINVAL);
    ck_assert_int_eq(recert_catalog_add(NULL, nasm()), RECERT_EINVAL);
    ck_assert_int_eq(recert_catalog_add_json(NULL, doc, strlen(doc)), RECERT_EINVAL);
    ck_assert_int_eq(recert_catalog_to_json(NULL, NULL, 0), RECERT_EINVAL);
    text = (char *)1;
    ck_assert_int_eq(recert_catalog_to_json(&text, NULL, 0), RECERT_EINVAL);
    ck_assert_ptr_null(text);
    ck_assert_int_eq(recert_catalog_count(NULL), 0);
    ck_assert_ptr_null(recert_catalog_at(NULL, 0));
    ck_assert_ptr_null(recert_catalog_find(NULL, "nasm-cpt"));
    recert_catalog_free(NULL);
    ck_assert_int_eq(recert_catalog_new(&cat), RECERT_OK);
    ck_assert_int_eq(recert_catalog_add(cat, NULL), RECERT_EINVAL);
    ck_assert_int_eq(recert_catalog_add_json(cat, NULL, 0), RECERT_EINVAL);
    ck_assert_ptr_null(recert_catalog_find(cat, NULL));
    ck_assert_ptr_null(recert_catalog_at(cat, 0));
    recert_catalog_free(cat);
    ck_assert_int_eq(recert_policies_json(NULL), RECERT_EINVAL);

    ck_assert_int_eq(recert_report_to_json(NULL, NULL, 0), RECERT_EINVAL);
    text = (char *)1;
    ck_assert_int_eq(recert_report_to_json(&text, NULL, 0), RECERT_EINVAL);
    ck_assert_ptr_null(text);
    ck_assert_int_eq(recert_evaluate_json(NULL, doc, strlen(doc), "2026-01-01"), RECERT_EINVAL);
    ck_assert_int_eq(recert_validate_json(NULL, doc, strlen(doc)), RECERT_EINVAL);
    text = (char *)1;
    ck_assert_int_eq(recert_validate_json(&text, NULL, 0), RECERT_EINVAL);
    ck_assert_ptr_null(text);

    /* a roster of its own, for the arguments after the handle */
    ck_assert_int_eq(recert_roster_new(&roster, NULL), RECERT_OK);
    ck_assert_int_eq(recert_roster_add_policy(roster, NULL), RECERT_EINVAL);
    ck_assert_int_eq(recert_roster_add_holder(roster, NULL), RECERT_EINVAL);
    ck_assert_int_eq(recert_roster_remove_holder(roster, 0), RECERT_ERANGE); /* no holder 0 */
    ck_assert_ptr_null(recert_roster_find_holder(roster, NULL));
    ck_assert_ptr_null(recert_roster_find_policy(roster, "no-such-policy"));
    ck_assert_ptr_nonnull(recert_roster_find_policy(roster, "nasm-cpt")); /* the default catalog's */
    /* an evaluation day outside 1900-01-01..9999-12-31 */
    rep = (recert_report *)1;
    ck_assert_int_eq(recert_roster_evaluate(&rep, roster, RECERT_DAY_MAX + 1), RECERT_ERANGE);
    ck_assert_ptr_null(rep);
    ck_assert_int_eq(recert_roster_evaluate(&rep, roster, RECERT_DAY_MIN - 1), RECERT_ERANGE);
    ck_assert_int_eq(recert_roster_evaluate(&rep, roster, RECERT_DAY_MIN), RECERT_OK);
    ck_assert_int_eq(recert_report_holder_count(rep), 0);
    recert_report_free(rep);
    recert_roster_free(roster);
}
END_TEST

/* A roster keeps its holders in the order given and finds each by id;
 * removing one in the middle keeps the others' order and lookups. */
START_TEST(roster_add_remove_find)
{
    recert_roster *roster = NULL;
    ck_assert_int_eq(recert_roster_new(&roster, NULL), RECERT_OK);
    char id[16];
    for (int i = 0; i < 100; i++) { /* past the first index size (64 slots) */
        recert_holder *h = NULL;
        snprintf(id, sizeof id, "h%d", i);
        ck_assert_int_eq(recert_holder_new(&h, id), RECERT_OK);
        ck_assert_int_eq(recert_roster_add_holder(roster, h), RECERT_OK);
        /* the same id twice is refused */
        ck_assert_int_eq(recert_roster_add_holder(roster, h), RECERT_EEXISTS);
        recert_holder_free(h);
    }
    ck_assert_int_eq(recert_roster_holder_count(roster), 100);
    ck_assert_int_eq(recert_roster_remove_holder(roster, 100), RECERT_ERANGE);
    ck_assert_int_eq(recert_roster_remove_holder(roster, 50), RECERT_OK);
    ck_assert_int_eq(recert_roster_holder_count(roster), 99);
    ck_assert_ptr_null(recert_roster_find_holder(roster, "h50"));
    for (int i = 0; i < 100; i++) {
        snprintf(id, sizeof id, "h%d", i);
        const recert_holder *h = recert_roster_find_holder(roster, id);
        if (i == 50) {
            ck_assert_ptr_null(h);
            continue;
        }
        ck_assert_ptr_nonnull(h);
        ck_assert_str_eq(recert_holder_id(h), id);
        ck_assert_ptr_eq(recert_roster_holder_at(roster, (size_t)(i < 50 ? i : i - 1)), h);
    }
    /* policies only before the first holder */
    ck_assert_int_eq(recert_roster_add_policy(roster, nasm()), RECERT_EBUSY);
    recert_roster_free(roster);
}
END_TEST

/* A roster's own policy of an id replaces the one before it (and shadows
 * the catalog's): the count stays, find gives the latest; a policy whose
 * unit name is another's with a different per_hour is refused. */
START_TEST(roster_policies_replace)
{
    static const char a1[] = "{\"recert\": 1, \"id\": \"gym-cert\", \"organization\": \"G\", \"name\": \"One\","
                             " \"currency\": \"USD\", \"unit\": {\"name\": \"PT\", \"per_hour\": 1},"
                             " \"cycle\": {\"years\": 2, \"expires\": \"anniversary\"}, \"credits_required\": 10}";
    static const char a2[] = "{\"recert\": 1, \"id\": \"gym-cert\", \"organization\": \"G\", \"name\": \"Two\","
                             " \"currency\": \"USD\", \"unit\": {\"name\": \"PT\", \"per_hour\": 1},"
                             " \"cycle\": {\"years\": 3, \"expires\": \"anniversary\"}, \"credits_required\": 12}";
    static const char b[] = "{\"recert\": 1, \"id\": \"other\", \"organization\": \"G\", \"name\": \"B\","
                            " \"currency\": \"USD\", \"unit\": {\"name\": \"pt\", \"per_hour\": 2},"
                            " \"cycle\": {\"years\": 2, \"expires\": \"anniversary\"}, \"credits_required\": 10}";
    recert_policy *p1 = NULL, *p2 = NULL, *pb = NULL;
    recert_roster *roster = NULL;
    ck_assert_int_eq(recert_policy_from_json(&p1, a1, strlen(a1)), RECERT_OK);
    ck_assert_int_eq(recert_policy_from_json(&p2, a2, strlen(a2)), RECERT_OK);
    ck_assert_int_eq(recert_policy_from_json(&pb, b, strlen(b)), RECERT_OK);
    ck_assert_int_eq(recert_roster_new(&roster, NULL), RECERT_OK);
    ck_assert_int_eq(recert_roster_add_policy(roster, p1), RECERT_OK);
    ck_assert_int_eq(recert_roster_add_policy(roster, p2), RECERT_OK);
    ck_assert_int_eq(recert_roster_policy_count(roster), 1);
    ck_assert_str_eq(recert_policy_name(recert_roster_find_policy(roster, "gym-cert")), "Two");
    ck_assert_int_eq(recert_policy_cycle_years(recert_roster_policy_at(roster, 0)), 3);
    /* replaced by one of another unit: lookups by unit follow */
    static const char a3[] = "{\"recert\": 1, \"id\": \"gym-cert\", \"organization\": \"G\", \"name\": \"Three\","
                             " \"currency\": \"USD\", \"unit\": {\"name\": \"GU\", \"per_hour\": 0.5},"
                             " \"cycle\": {\"years\": 2, \"expires\": \"anniversary\"}, \"credits_required\": 4}";
    recert_policy *p3 = NULL;
    ck_assert_int_eq(recert_policy_from_json(&p3, a3, strlen(a3)), RECERT_OK);
    ck_assert_int_eq(recert_roster_add_policy(roster, p3), RECERT_OK);
    ck_assert_str_eq(recert_policy_unit(recert_roster_find_policy(roster, "gym-cert")), "GU");
    ck_assert_int_eq(recert_roster_add_policy(roster, p2), RECERT_OK); /* and back */
    recert_policy_free(p3);
    /* "pt" is "PT" (case ignored) at another per_hour */
    ck_assert_int_eq(recert_roster_add_policy(roster, pb), RECERT_EDATA);
    ck_assert_int_eq(recert_roster_policy_count(roster), 1);
    ck_assert_ptr_null(recert_roster_find_policy(roster, "other"));
    recert_roster_free(roster);
    recert_policy_free(p1);
    recert_policy_free(p2);
    recert_policy_free(pb);
}
END_TEST

/* x- members through every handle: get of a missing member is
 * RECERT_ENOTFOUND, NULL arguments RECERT_EINVAL, and what is set comes
 * back as written, keys in the order they were set. */
START_TEST(x_members_on_every_handle)
{
    recert_holder *h = NULL;
    recert_credit *k = NULL;
    recert_credential *c = NULL;
    recert_roster *r = NULL;
    char *out = (char *)1;
    ck_assert_int_eq(recert_holder_new(&h, "h"), RECERT_OK);
    ck_assert_int_eq(recert_credit_new(&k, "k", day("2025-01-01")), RECERT_OK);
    ck_assert_int_eq(recert_credential_new(&c, "c", "nasm-cpt", day("2024-01-15")), RECERT_OK);
    ck_assert_int_eq(recert_roster_new(&r, NULL), RECERT_OK);

    ck_assert_int_eq(recert_holder_x_get(NULL, h, "x-a"), RECERT_EINVAL);
    ck_assert_int_eq(recert_holder_x_get(&out, NULL, "x-a"), RECERT_EINVAL);
    ck_assert_ptr_null(out);
    ck_assert_int_eq(recert_holder_x_get(&out, h, NULL), RECERT_EINVAL);
    ck_assert_int_eq(recert_holder_x_get(&out, h, "x-a"), RECERT_ENOTFOUND);
    ck_assert_int_eq(recert_credit_x_get(&out, NULL, "x-a"), RECERT_EINVAL);
    ck_assert_int_eq(recert_credential_x_get(&out, NULL, "x-a"), RECERT_EINVAL);
    ck_assert_int_eq(recert_roster_x_get(&out, NULL, "x-a"), RECERT_EINVAL);
    ck_assert_int_eq(recert_holder_x_count(NULL), 0);
    ck_assert_ptr_null(recert_holder_x_key(NULL, 0));
    ck_assert_int_eq(recert_credit_x_count(NULL), 0);
    ck_assert_int_eq(recert_credential_x_count(NULL), 0);

    ck_assert_int_eq(recert_holder_x_set(h, "x-b", "[1, 2]"), RECERT_OK);
    ck_assert_int_eq(recert_holder_x_set(h, "x-a", "{\"q\": \"\\\"\"}"), RECERT_OK);
    ck_assert_int_eq(recert_holder_x_set(h, "a", "1"), RECERT_EINVAL);      /* not an x- name */
    ck_assert_int_eq(recert_holder_x_set(h, "x-c", "[1,"), RECERT_EPARSE);  /* not JSON */
    ck_assert_int_eq(recert_holder_x_count(h), 2);
    ck_assert_str_eq(recert_holder_x_key(h, 0), "x-b");
    ck_assert_str_eq(recert_holder_x_key(h, 1), "x-a");
    ck_assert_ptr_null(recert_holder_x_key(h, 2));
    ck_assert_int_eq(recert_holder_x_get(&out, h, "x-a"), RECERT_OK);
    ck_assert_str_eq(out, "{\"q\":\"\\\"\"}");
    recert_free(out);
    /* replaced in place, then removed */
    ck_assert_int_eq(recert_holder_x_set(h, "x-b", "3"), RECERT_OK);
    ck_assert_str_eq(recert_holder_x_key(h, 0), "x-b");
    ck_assert_int_eq(recert_holder_x_set(h, "x-b", NULL), RECERT_OK);
    ck_assert_int_eq(recert_holder_x_count(h), 1);
    ck_assert_int_eq(recert_holder_x_set(h, "x-none", NULL), RECERT_OK); /* nothing to remove */
    ck_assert_int_eq(recert_holder_x_count(h), 1);

    ck_assert_int_eq(recert_credit_x_set(k, "x-k", "true"), RECERT_OK);
    ck_assert_int_eq(recert_credit_x_get(&out, k, "x-k"), RECERT_OK);
    ck_assert_str_eq(out, "true");
    recert_free(out);
    ck_assert_int_eq(recert_credential_x_set(c, "x-c", "null"), RECERT_OK);
    ck_assert_int_eq(recert_credential_x_get(&out, c, "x-c"), RECERT_OK);
    ck_assert_str_eq(out, "null");
    recert_free(out);
    ck_assert_int_eq(recert_roster_x_set(r, "x-r", "\"gym\""), RECERT_OK);
    ck_assert_int_eq(recert_roster_x_get(&out, r, "x-r"), RECERT_OK);
    ck_assert_str_eq(out, "\"gym\"");
    recert_free(out);

    recert_roster_free(r);
    recert_credential_free(c);
    recert_credit_free(k);
    recert_holder_free(h);
}
END_TEST

/* A policy's strings with every character JSON escapes come back equal
 * through export and import. */
START_TEST(policy_strings_with_escapes)
{
    static const char text[] =
        "{\"recert\": 1, \"id\": \"esc\", \"organization\": \"O \\\"quoted\\\" \\\\ back\","
        " \"name\": \"tab\\there\\nnew line\\r\\b\\f\\u0001\\u001f\", \"currency\": \"USD\","
        " \"unit\": {\"name\": \"CEU\", \"per_hour\": 0.1}, \"cycle\": {\"years\": 2, \"expires\": \"anniversary\"},"
        " \"credits_required\": 2}";
    recert_policy *p = NULL, *q = NULL;
    char *out = NULL;
    ck_assert_int_eq(recert_policy_from_json(&p, text, strlen(text)), RECERT_OK);
    ck_assert_str_eq(recert_policy_organization(p), "O \"quoted\" \\ back");
    ck_assert_str_eq(recert_policy_name(p), "tab\there\nnew line\r\b\f\x01\x1f");
    ck_assert_int_eq(recert_policy_to_json(&out, p, RECERT_JSON_PRETTY), RECERT_OK);
    ck_assert_int_eq(recert_policy_from_json(&q, out, strlen(out)), RECERT_OK);
    ck_assert_str_eq(recert_policy_name(q), recert_policy_name(p));
    ck_assert_str_eq(recert_policy_organization(q), recert_policy_organization(p));
    recert_free(out);
    recert_policy_free(q);
    recert_policy_free(p);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("getters");
    TCase *tp = tcase_create("policy");
    tcase_add_test(tp, policy_getters_on_null);
    tcase_add_test(tp, policy_getters_on_nasm);
    tcase_add_test(tp, policy_getters_on_extensions);
    suite_add_tcase(s, tp);
    TCase *tr = tcase_create("report");
    tcase_add_test(tr, report_getters_on_bad_indexes);
    tcase_add_test(tr, report_getters_on_one_credential);
    tcase_add_test(tr, enum_names);
    tcase_add_test(tr, notices_ordered);
    suite_add_tcase(s, tr);
    TCase *ta = tcase_create("arguments");
    tcase_add_test(ta, entry_points_on_null);
    tcase_add_test(ta, roster_add_remove_find);
    tcase_add_test(ta, roster_policies_replace);
    tcase_add_test(ta, x_members_on_every_handle);
    tcase_add_test(ta, policy_strings_with_escapes);
    suite_add_tcase(s, ta);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
