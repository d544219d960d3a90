/*
 * The handle API (docs/api.md): versions, the last error, catalogs, rosters built
 * by hand giving exactly the report the JSON path gives, report getters,
 * and "a failing call changes nothing".
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "recert.h"

static int32_t day(const char *iso)
{
    int32_t d;
    ck_assert_int_eq(recert_date_parse(&d, iso), RECERT_OK);
    return d;
}

START_TEST(versions_agree)
{
    ck_assert_uint_eq(recert_version(), RECERT_VERSION_NUMBER);
    ck_assert_str_eq(recert_version_string(), RECERT_VERSION_STRING);
    ck_assert_uint_eq(RECERT_VERSION_NUMBER,
                      (RECERT_VERSION_MAJOR << 16) | (RECERT_VERSION_MINOR << 8) | RECERT_VERSION_PATCH);
}
END_TEST

START_TEST(last_error_accessors)
{
    recert_error_clear();
    ck_assert_int_eq(recert_error_code(), RECERT_OK);
    ck_assert_str_eq(recert_error_message(), "");
    ck_assert_str_eq(recert_error_path(), "");
    ck_assert_ptr_nonnull(recert_error_last());
    int32_t d;
    ck_assert_int_eq(recert_date_parse(&d, "2025-02-30"), RECERT_EINVAL);
    ck_assert_int_eq(recert_error_code(), RECERT_EINVAL);
    ck_assert_ptr_nonnull(strstr(recert_error_message(), "2025-02-30"));
    /* a successful call keeps the last error */
    ck_assert_int_eq(recert_date_parse(&d, "2025-02-28"), RECERT_OK);
    ck_assert_int_eq(recert_error_code(), RECERT_EINVAL);
    for (int c = 0; c >= -10; c--)
        ck_assert_str_ne(recert_strerror(c), "unknown error");
    ck_assert_str_eq(recert_strerror(-999), "unknown error");
}
END_TEST

/* Example 10 of tests/data/examples built through the handles: the report
 * must be the very text the JSON path gives. */
static recert_roster *build_example_10(void)
{
    recert_roster *r;
    ck_assert_int_eq(recert_roster_new(&r, NULL), RECERT_OK);
    recert_holder *h;
    ck_assert_int_eq(recert_holder_new(&h, "h1"), RECERT_OK);
    ck_assert_int_eq(recert_holder_add_cpr_aed(h, day("2025-01-15"), day("2027-01-15"), 1, -1), RECERT_OK);
    recert_credential *c;
    ck_assert_int_eq(recert_credential_new(&c, "cpt", "acsm-cpt", day("2023-05-10")), RECERT_OK);
    ck_assert_int_eq(recert_holder_add_credential(h, c), RECERT_OK);
    recert_credential_free(c); /* adding copied it */
    ck_assert_int_eq(recert_credential_new(&c, "ep", "acsm-ep", day("2023-09-01")), RECERT_OK);
    ck_assert_int_eq(recert_holder_add_credential(h, c), RECERT_OK);
    recert_credential_free(c);
    recert_credit *k;
    ck_assert_int_eq(recert_credit_new(&k, "a", day("2023-11-01")), RECERT_OK);
    ck_assert_int_eq(recert_credit_set_amount(k, 2000, "cec"), RECERT_OK);
    ck_assert_int_eq(recert_holder_add_credit(h, k), RECERT_OK);
    recert_credit_free(k);
    ck_assert_int_eq(recert_credit_new(&k, "b", day("2024-06-01")), RECERT_OK);
    ck_assert_int_eq(recert_credit_set_amount(k, 250, "ceu"), RECERT_OK);
    ck_assert_int_eq(recert_holder_add_credit(h, k), RECERT_OK);
    recert_credit_free(k);
    ck_assert_int_eq(recert_credit_new(&k, "c", day("2025-02-01")), RECERT_OK);
    ck_assert_int_eq(recert_credit_set_hours(k, 1600), RECERT_OK);
    ck_assert_int_eq(recert_holder_add_credit(h, k), RECERT_OK);
    recert_credit_free(k);
    ck_assert_int_eq(recert_roster_add_holder(r, h), RECERT_OK);
    recert_holder_free(h);
    return r;
}

START_TEST(handles_give_the_json_report)
{
    const char *doc =
        "{\"recert\":1,\"holders\":[{\"id\":\"h1\",\"cpr_aed\":{\"completed\":\"2025-01-15\",\"expires\":\"2027-01-15\","
        "\"hands_on\":true},\"credentials\":[{\"id\":\"cpt\",\"policy\":\"acsm-cpt\",\"certified\":\"2023-05-10\"},"
        "{\"id\":\"ep\",\"policy\":\"acsm-ep\",\"certified\":\"2023-09-01\"}],\"credits\":[{\"id\":\"a\","
        "\"completed\":\"2023-11-01\",\"amount\":20,\"unit\":\"cec\"},{\"id\":\"b\",\"completed\":\"2024-06-01\","
        "\"amount\":2.5,\"unit\":\"ceu\"},{\"id\":\"c\",\"completed\":\"2025-02-01\",\"hours\":16}]}]}";
    char *via_json;
    ck_assert_int_eq(recert_evaluate_json(&via_json, doc, strlen(doc), "2026-10-01"), RECERT_OK);
    recert_roster *r = build_example_10();
    recert_report *rep;
    ck_assert_int_eq(recert_roster_evaluate(&rep, r, day("2026-10-01")), RECERT_OK);
    recert_roster_free(r); /* the report does not refer to the roster */
    char *via_handles;
    ck_assert_int_eq(recert_report_to_json(&via_handles, rep, 0), RECERT_OK);
    ck_assert_str_eq(via_handles, via_json);

    /* Getters: docs/rules.md §6 pooled 20 + 25 + 16 = 61 CEC >= 60; invoice 55 + 5. */
    ck_assert_uint_eq(recert_report_holder_count(rep), 1);
    ck_assert_str_eq(recert_report_holder_id(rep, 0), "h1");
    ck_assert_uint_eq(recert_report_credential_count(rep, 0), 2);
    ck_assert_int_eq(recert_report_status(rep, 0, 1), RECERT_STATUS_ELIGIBLE);
    ck_assert_int_eq(recert_report_path(rep, 0, 1), RECERT_PATH_CREDITS);
    ck_assert_int_eq(recert_report_certified(rep, 0, 1), 1);
    ck_assert_int_eq(recert_report_credits(rep, 0, 0, RECERT_CREDITS_EARNED), 6100);
    ck_assert_int_eq(recert_report_credits(rep, 0, 0, RECERT_CREDITS_REQUIRED), 6000);
    ck_assert_int_eq(recert_report_fee(rep, 0, 0, RECERT_FEE_RENEWAL), 500);
    ck_assert_int_eq(recert_report_fee(rep, 0, 1, RECERT_FEE_TOTAL), 5500);
    ck_assert_int_eq(recert_report_date(rep, 0, 0, RECERT_DATE_EXPIRES), day("2026-12-31"));
    ck_assert_int_eq(recert_report_date(rep, 0, 0, RECERT_DATE_LATE_FEE_DEADLINE), RECERT_DAY_NONE);
    ck_assert_uint_eq(recert_report_group_count(rep, 0, 0), 2);
    ck_assert_str_eq(recert_report_group_at(rep, 0, 0, 0), "cpt");
    ck_assert_str_eq(recert_report_group_at(rep, 0, 0, 1), "ep");
    ck_assert_uint_eq(recert_report_counted_count(rep, 0, 0), 3);
    ck_assert_str_eq(recert_report_counted_at(rep, 0, 0, 2), "c");
    ck_assert_str_eq(recert_report_tier(rep, 0, 0), "on_time");
    ck_assert_int_eq(recert_report_tier_kind(rep, 0, 0), RECERT_TIER_ON_TIME);
    ck_assert_str_eq(recert_report_unit(rep, 0, 0), "CEC");
    ck_assert_int_eq(recert_report_cpr_aed(rep, 0, 0), RECERT_CPR_AED_CURRENT);
    ck_assert_int_eq(recert_report_audit(rep, 0, 0), RECERT_AUDIT_NONE);
    /* out of range: the "nothing" values */
    ck_assert_int_eq(recert_report_status(rep, 0, 2), -1);
    ck_assert_ptr_null(recert_report_holder_id(rep, 1));
    ck_assert_int_eq(recert_report_date(rep, 5, 0, RECERT_DATE_EXPIRES), RECERT_DAY_NONE);
    ck_assert_uint_eq(recert_report_notice_count(rep, 9, 9), 0);
    recert_report_free(rep);
    recert_free(via_handles);
    recert_free(via_json);
}
END_TEST

/* docs/api.md: "A failing call changes nothing." */
START_TEST(failed_add_changes_nothing)
{
    recert_roster *r = build_example_10();
    recert_holder *h;
    ck_assert_int_eq(recert_holder_new(&h, "h1"), RECERT_OK);
    ck_assert_int_eq(recert_roster_add_holder(r, h), RECERT_EEXISTS);
    ck_assert_str_eq(recert_error_path(), "holders[1].id");
    recert_holder_free(h);
    ck_assert_int_eq(recert_holder_new(&h, "h2"), RECERT_OK);
    recert_credential *c;
    ck_assert_int_eq(recert_credential_new(&c, "x", "no-such-policy", day("2020-01-01")), RECERT_OK);
    ck_assert_int_eq(recert_holder_add_credential(h, c), RECERT_OK);
    ck_assert_int_eq(recert_holder_add_credential(h, c), RECERT_EEXISTS);
    ck_assert_uint_eq(recert_holder_credential_count(h), 1);
    recert_credential_free(c);
    ck_assert_int_eq(recert_roster_add_holder(r, h), RECERT_ENOTFOUND);
    ck_assert_str_eq(recert_error_path(), "holders[1].credentials[0].policy");
    recert_holder_free(h);
    /* A credit never given an amount is refused as an import would. */
    ck_assert_int_eq(recert_holder_new(&h, "h3"), RECERT_OK);
    recert_credit *k;
    ck_assert_int_eq(recert_credit_new(&k, "k", day("2023-01-01")), RECERT_OK);
    ck_assert_int_eq(recert_holder_add_credit(h, k), RECERT_OK);
    recert_credit_free(k);
    ck_assert_int_eq(recert_roster_add_holder(r, h), RECERT_EDATA);
    ck_assert_str_eq(recert_error_path(), "holders[1].credits[0]");
    ck_assert_uint_eq(recert_roster_holder_count(r), 1);
    recert_holder_free(h);
    /* policies come before holders */
    const recert_catalog *def;
    ck_assert_int_eq(recert_catalog_default(&def), RECERT_OK);
    ck_assert_int_eq(recert_roster_add_policy(r, recert_catalog_at(def, 0)), RECERT_EBUSY);
    ck_assert_ptr_nonnull(recert_roster_find_holder(r, "h1"));
    ck_assert_ptr_null(recert_roster_find_holder(r, "h2"));
    ck_assert_int_eq(recert_roster_remove_holder(r, 3), RECERT_ERANGE);
    ck_assert_int_eq(recert_roster_remove_holder(r, 0), RECERT_OK);
    ck_assert_ptr_null(recert_roster_find_holder(r, "h1"));
    recert_roster_free(r);
}
END_TEST

/* common.h: the handle API applies the import's per-holder limits, so a
 * holder built by a program can always be exported and read back. The
 * holder is left as it was by the refused add. */
START_TEST(handle_limits)
{
    recert_holder *h;
    char id[32];
    ck_assert_int_eq(recert_holder_new(&h, "h1"), RECERT_OK);
    for (int i = 0; i < RECERT_MAX_CREDITS; i++) {
        recert_credit *k;
        snprintf(id, sizeof id, "k%d", i);
        ck_assert_int_eq(recert_credit_new(&k, id, day("2023-01-01")), RECERT_OK);
        ck_assert_int_eq(recert_credit_set_hours(k, 100), RECERT_OK);
        ck_assert_int_eq(recert_holder_add_credit(h, k), RECERT_OK);
        recert_credit_free(k);
    }
    recert_credit *extra;
    ck_assert_int_eq(recert_credit_new(&extra, "one-more", day("2023-01-01")), RECERT_OK);
    ck_assert_int_eq(recert_credit_set_hours(extra, 100), RECERT_OK);
    ck_assert_int_eq(recert_holder_add_credit(h, extra), RECERT_ELIMIT);
    ck_assert_ptr_nonnull(strstr(recert_error_message(), "10000 credit entries"));
    recert_credit_free(extra);
    ck_assert_uint_eq(recert_holder_credit_count(h), RECERT_MAX_CREDITS);
    for (int i = 0; i < RECERT_MAX_CPR_AED; i++)
        ck_assert_int_eq(recert_holder_add_cpr_aed(h, day("2024-01-01"), day("2026-01-01"), 1, 1), RECERT_OK);
    ck_assert_int_eq(recert_holder_add_cpr_aed(h, day("2024-01-01"), day("2026-01-01"), 1, 1), RECERT_ELIMIT);
    for (int i = 0; i < RECERT_MAX_CREDENTIALS; i++) {
        recert_credential *c;
        snprintf(id, sizeof id, "c%d", i);
        ck_assert_int_eq(recert_credential_new(&c, id, "nasm-cpt", day("2020-01-01")), RECERT_OK);
        ck_assert_int_eq(recert_holder_add_credential(h, c), RECERT_OK);
        recert_credential_free(c);
    }
    recert_credential *c;
    ck_assert_int_eq(recert_credential_new(&c, "one-more", "nasm-cpt", day("2020-01-01")), RECERT_OK);
    ck_assert_int_eq(recert_holder_add_credential(h, c), RECERT_ELIMIT);
    ck_assert_uint_eq(recert_holder_credential_count(h), RECERT_MAX_CREDENTIALS);
    recert_credential_free(c);
    recert_holder_free(h);
}
END_TEST

/* docs/api.md "Policies and threads": a catalog is read-only once a roster uses
 * it; a roster keeps its catalog alive. */
START_TEST(catalogs)
{
    const recert_catalog *def;
    ck_assert_int_eq(recert_catalog_default(&def), RECERT_OK);
    ck_assert_uint_eq(recert_catalog_count(def), 9);
    const recert_policy *nasm = recert_catalog_find(def, "nasm-cpt");
    ck_assert_ptr_nonnull(nasm);
    ck_assert_int_eq(recert_policy_credits_required(nasm), 1900); /* 1.9 CEU = 19 h */
    ck_assert_int_eq(recert_policy_cpr_aed_credit(nasm), 100);    /* 0.1 CEU = 1 h */
    ck_assert_int_eq(recert_policy_unit_per_hour(nasm), RECERT_PER_HOUR_CEU);
    ck_assert_ptr_null(recert_catalog_find(def, "nope"));

    recert_catalog *cat;
    ck_assert_int_eq(recert_catalog_new(&cat), RECERT_OK);
    ck_assert_int_eq(recert_catalog_add(cat, nasm), RECERT_OK);
    const char *acsm = "[{\"id\":\"x-cpt\",\"organization\":\"X\",\"name\":\"X\",\"currency\":\"EUR\","
                       "\"unit\":{\"name\":\"hours\",\"per_hour\":1},\"cycle\":{\"years\":1,\"expires\":\"year_end\"},"
                       "\"credits_required\":8}]";
    ck_assert_int_eq(recert_catalog_add_json(cat, acsm, strlen(acsm)), RECERT_OK);
    ck_assert_uint_eq(recert_catalog_count(cat), 2);
    ck_assert_int_eq(recert_catalog_add_json(cat, "[{}]", 4), RECERT_EDATA);
    ck_assert_uint_eq(recert_catalog_count(cat), 2); /* all or nothing */
    recert_roster *r;
    ck_assert_int_eq(recert_roster_new(&r, cat), RECERT_OK);
    ck_assert_int_eq(recert_catalog_add(cat, nasm), RECERT_EBUSY);
    recert_catalog_free(cat); /* the roster keeps it alive */
    ck_assert_ptr_nonnull(recert_roster_find_policy(r, "x-cpt"));
    ck_assert_ptr_null(recert_roster_find_policy(r, "acsm-cpt"));
    recert_holder *h;
    ck_assert_int_eq(recert_holder_new(&h, "h"), RECERT_OK);
    recert_credential *c;
    /* x-cpt: year_end, 1 year: certified 2024-03-01; S + 1 year - 1 day =
     * 2025-02-28, whose Dec 31 is E = 2025-12-31 (docs/rules.md §3). */
    ck_assert_int_eq(recert_credential_new(&c, "c", "x-cpt", day("2024-03-01")), RECERT_OK);
    ck_assert_int_eq(recert_holder_add_credential(h, c), RECERT_OK);
    recert_credential_free(c);
    ck_assert_int_eq(recert_roster_add_holder(r, h), RECERT_OK);
    recert_holder_free(h);
    recert_report *rep;
    ck_assert_int_eq(recert_roster_evaluate(&rep, r, day("2024-06-01")), RECERT_OK);
    ck_assert_int_eq(recert_report_date(rep, 0, 0, RECERT_DATE_EXPIRES), day("2025-12-31"));
    ck_assert_str_eq(recert_report_currency(rep, 0, 0), "EUR");
    ck_assert_int_eq(recert_report_cpr_aed(rep, 0, 0), RECERT_CPR_AED_NOT_REQUIRED);
    recert_report_free(rep);
    recert_roster_free(r);
}
END_TEST

/* docs/rules.md §4, one reason per credit entry. NASM, cycle_start 2024-06-30,
 * E = 2026-06-30, grace 90: credit deadline 2026-09-28; application received
 * 2026-08-01 = R; T = 2026-10-15. */
START_TEST(credit_reasons)
{
    const char *doc =
        "{\"recert\":1,\"holders\":[{\"id\":\"h\",\"credentials\":[{\"id\":\"n\",\"policy\":\"nasm-cpt\","
        "\"certified\":\"2022-06-30\",\"cycle_start\":\"2024-06-30\",\"application\":{\"received\":\"2026-08-01\"}},"
        "{\"id\":\"other\",\"policy\":\"acsm-cpt\",\"certified\":\"2024-01-10\"}],\"credits\":["
        "{\"id\":\"ok\",\"completed\":\"2024-09-01\",\"hours\":5},"                /* in S..R: counted */
        "{\"id\":\"old\",\"completed\":\"2024-06-29\",\"hours\":5},"               /* S - 1 day */
        "{\"id\":\"late\",\"completed\":\"2026-09-29\",\"hours\":5},"              /* deadline + 1 */
        "{\"id\":\"afterapp\",\"completed\":\"2026-08-02\",\"hours\":5},"          /* R + 1, before deadline */
        "{\"id\":\"future\",\"completed\":\"2026-10-16\",\"hours\":5},"            /* T + 1 */
        "{\"id\":\"elsewhere\",\"completed\":\"2025-01-01\",\"hours\":5,\"applies_to\":[\"other\"]},"
        "{\"id\":\"nopet\",\"completed\":\"2025-01-01\",\"hours\":5,\"approval\":\"not_preapproved\"},"
        "{\"id\":\"denied\",\"completed\":\"2025-01-01\",\"hours\":5,\"approval\":\"not_preapproved\","
        "\"petition\":{\"filed\":\"2025-02-01\",\"status\":\"denied\"}},"
        "{\"id\":\"pend\",\"completed\":\"2025-01-01\",\"hours\":5,\"approval\":\"not_preapproved\","
        "\"petition\":{\"filed\":\"2025-02-01\",\"status\":\"pending\"}}]}]}";
    recert_roster *r;
    ck_assert_int_eq(recert_roster_from_json(&r, doc, strlen(doc)), RECERT_OK);
    recert_report *rep;
    ck_assert_int_eq(recert_roster_evaluate(&rep, r, day("2026-10-15")), RECERT_OK);
    const int expected[] = {RECERT_CREDIT_COUNTED, RECERT_CREDIT_BEFORE_CYCLE, RECERT_CREDIT_AFTER_DEADLINE,
                            RECERT_CREDIT_AFTER_APPLICATION, RECERT_CREDIT_NOT_YET, RECERT_CREDIT_NOT_APPLICABLE,
                            RECERT_CREDIT_PETITION_REQUIRED, RECERT_CREDIT_PETITION_DENIED, RECERT_CREDIT_PENDING};
    ck_assert_uint_eq(recert_report_credit_count(rep, 0), 9);
    for (size_t k = 0; k < 9; k++)
        ck_assert_msg(recert_report_credit_reason(rep, 0, 0, k) == expected[k], "%s: %s", recert_report_credit_id(rep, 0, k),
                      recert_credit_reason_name(recert_report_credit_reason(rep, 0, 0, k)));
    ck_assert_int_eq(recert_report_credit_amount(rep, 0, 0), 500);
    ck_assert_int_eq(recert_report_date(rep, 0, 0, RECERT_DATE_REFERENCE), day("2026-08-01"));
    ck_assert_int_eq(recert_report_date(rep, 0, 1, RECERT_DATE_REFERENCE), day("2026-10-15"));
    ck_assert_int_eq(recert_report_credit_reason(rep, 0, 0, 9), -1);
    ck_assert_str_eq(recert_credit_reason_name(RECERT_CREDIT_AFTER_APPLICATION), "after_application");
    recert_report_free(rep);
    recert_roster_free(r);
}
END_TEST

/* Issue 13 item 1: a holder with credits and no credentials (a new trainer
 * who logged courses before holding anything), and a holder with neither.
 * Every report getter gives a defined value on both; the first one's
 * credits are there, counting towards nothing (no_credential), in the
 * getters and in the report document. */
static void every_getter_on_a_holder_without_credentials(const recert_report *rep, size_t h)
{
    ck_assert_uint_eq(recert_report_credential_count(rep, h), 0);
    for (size_t c = 0; c < 2; c++) { /* c = 0 and one past it: no credential either way */
        ck_assert_ptr_null(recert_report_credential_id(rep, h, c));
        ck_assert_ptr_null(recert_report_policy_id(rep, h, c));
        ck_assert_int_eq(recert_report_status(rep, h, c), -1);
        ck_assert_int_eq(recert_report_certified(rep, h, c), -1);
        ck_assert_int_eq(recert_report_path(rep, h, c), -1);
        for (int d = RECERT_DATE_CYCLE_START; d <= RECERT_DATE_REFERENCE; d++)
            ck_assert_int_eq(recert_report_date(rep, h, c, (recert_date_kind)d), RECERT_DAY_NONE);
        for (int k = RECERT_CREDITS_REQUIRED; k <= RECERT_CREDITS_SHORTFALL; k++)
            ck_assert_int_eq(recert_report_credits(rep, h, c, (recert_credits_kind)k), -1);
        ck_assert_ptr_null(recert_report_unit(rep, h, c));
        ck_assert_int_eq(recert_report_unit_per_hour(rep, h, c), 0);
        ck_assert_uint_eq(recert_report_counted_count(rep, h, c), 0);
        ck_assert_ptr_null(recert_report_counted_at(rep, h, c, 0));
        ck_assert_int_eq(recert_report_cpr_aed(rep, h, c), -1);
        for (int f = RECERT_FEE_RENEWAL; f <= RECERT_FEE_PETITION; f++)
            ck_assert_int_eq(recert_report_fee(rep, h, c, (recert_fee_kind)f), -1);
        ck_assert_ptr_null(recert_report_currency(rep, h, c));
        ck_assert_int_eq(recert_report_tier_kind(rep, h, c), -1);
        ck_assert_ptr_null(recert_report_tier(rep, h, c));
        ck_assert_int_eq(recert_report_audit(rep, h, c), -1);
        ck_assert_uint_eq(recert_report_group_count(rep, h, c), 0);
        ck_assert_ptr_null(recert_report_group_at(rep, h, c, 0));
        ck_assert_uint_eq(recert_report_notice_count(rep, h, c), 0);
        ck_assert_int_eq(recert_report_notice_code(rep, h, c, 0), -1);
        ck_assert_ptr_null(recert_report_notice_credit(rep, h, c, 0));
        ck_assert_ptr_null(recert_report_notice_message(rep, h, c, 0));
        ck_assert_uint_eq(recert_report_category_count(rep, h, c), 0);
        ck_assert_ptr_null(recert_report_category_id(rep, h, c, 0));
        ck_assert_int_eq(recert_report_category_amount(rep, h, c, 0, RECERT_CATEGORY_EARNED), -1);
        ck_assert_int_eq(recert_report_policy_effective(rep, h, c), RECERT_DAY_NONE);
    }
}

START_TEST(holder_without_credentials)
{
    const char *doc =
        "{\"recert\":1,\"holders\":["
        "{\"id\":\"new\",\"credits\":[{\"id\":\"k1\",\"completed\":\"2025-03-01\",\"hours\":2},"
        "{\"id\":\"k2\",\"completed\":\"2025-04-01\",\"hours\":1.5}]},"
        "{\"id\":\"empty\"},"
        "{\"id\":\"held\",\"credentials\":[{\"id\":\"c\",\"policy\":\"nasm-cpt\",\"certified\":\"2024-01-01\"}],"
        "\"credits\":[{\"id\":\"k3\",\"completed\":\"2024-06-01\",\"hours\":1}]}]}";
    recert_roster *r;
    ck_assert_int_eq(recert_roster_from_json(&r, doc, strlen(doc)), RECERT_OK);
    for (int round = 0; round < 2; round++) { /* the second report reuses freed memory */
        recert_report *rep;
        ck_assert_int_eq(recert_roster_evaluate(&rep, r, day("2025-06-01")), RECERT_OK);
        ck_assert_uint_eq(recert_report_holder_count(rep), 3);
        ck_assert_str_eq(recert_report_holder_id(rep, 0), "new");
        ck_assert_str_eq(recert_report_holder_id(rep, 1), "empty");
        every_getter_on_a_holder_without_credentials(rep, 0);
        every_getter_on_a_holder_without_credentials(rep, 1);
        /* "new": its two credits, in input order, counting towards nothing */
        ck_assert_uint_eq(recert_report_credit_count(rep, 0), 2);
        ck_assert_str_eq(recert_report_credit_id(rep, 0, 0), "k1");
        ck_assert_str_eq(recert_report_credit_id(rep, 0, 1), "k2");
        ck_assert_int_eq(recert_report_credit_amount(rep, 0, 0), 200);
        ck_assert_int_eq(recert_report_credit_amount(rep, 0, 1), 150);
        ck_assert_int_eq(recert_report_credit_reason(rep, 0, 0, 0), RECERT_CREDIT_NO_CREDENTIAL);
        ck_assert_int_eq(recert_report_credit_reason(rep, 0, 0, 1), RECERT_CREDIT_NO_CREDENTIAL);
        ck_assert_int_eq(recert_report_credit_reason(rep, 0, 1, 0), -1);
        ck_assert_int_eq(recert_report_credit_reason(rep, 0, 0, 2), -1);
        ck_assert_ptr_null(recert_report_credit_id(rep, 0, 2));
        ck_assert_int_eq(recert_report_credit_amount(rep, 0, 2), -1);
        ck_assert_str_eq(recert_credit_reason_name(RECERT_CREDIT_NO_CREDENTIAL), "no_credential");
        ck_assert_ptr_null(recert_credit_reason_name(RECERT_CREDIT_NO_CREDENTIAL + 1));
        /* "empty": nothing at all */
        ck_assert_uint_eq(recert_report_credit_count(rep, 1), 0);
        ck_assert_ptr_null(recert_report_credit_id(rep, 1, 0));
        ck_assert_int_eq(recert_report_credit_amount(rep, 1, 0), -1);
        ck_assert_int_eq(recert_report_credit_reason(rep, 1, 0, 0), -1);
        /* "held" is as before: its credit counts for its credential */
        ck_assert_uint_eq(recert_report_credit_count(rep, 2), 1);
        ck_assert_int_eq(recert_report_credit_reason(rep, 2, 0, 0), RECERT_CREDIT_COUNTED);
        char *json;
        ck_assert_int_eq(recert_report_to_json(&json, rep, 0), RECERT_OK);
        ck_assert_ptr_nonnull(strstr(json, "{\"id\":\"new\",\"credentials\":[],\"credits\":["
                                           "{\"id\":\"k1\",\"reason\":\"no_credential\"},"
                                           "{\"id\":\"k2\",\"reason\":\"no_credential\"}]}"));
        ck_assert_ptr_nonnull(strstr(json, "{\"id\":\"empty\",\"credentials\":[]}"));
        ck_assert_ptr_null(strstr(json, "\"id\":\"k3\",\"reason\"")); /* only where it applies */
        recert_free(json);
        recert_report_free(rep);
    }
    recert_roster_free(r);
}
END_TEST

/* docs/rules.md §9: seeded selection, deterministic, uniform over ids, the rate
 * within statistical error. Over n = 1,000,000 ids at p = 0.1 the count is
 * Binomial(n, p): mean 100,000, standard deviation sqrt(n p (1-p)) = 300;
 * a fixed seed makes this deterministic, and 6 deviations (1,800) is a bound
 * a fair hash meets with certainty in practice. */
START_TEST(audit_selection)
{
    char id[32];
    long selected = 0, selected_other_seed = 0, both = 0;
    for (long i = 0; i < 1000000; i++) {
        snprintf(id, sizeof id, "app-%07ld", i);
        int a = recert_audit_select(id, 100000, 42);
        int b = recert_audit_select(id, 100000, 43);
        ck_assert(a == 0 || a == 1);
        selected += a;
        selected_other_seed += b;
        both += a && b;
        if (i < 1000) {
            ck_assert_int_eq(recert_audit_select(id, 100000, 42), a);       /* deterministic */
            ck_assert_int_ge(recert_audit_select(id, 200000, 42), a);       /* monotone in the rate */
            ck_assert_int_eq(recert_audit_select(id, 0, 42), 0);
            ck_assert_int_eq(recert_audit_select(id, RECERT_AUDIT_RATE_ONE, 42), 1);
        }
    }
    ck_assert_msg(labs(selected - 100000) <= 1800, "selected %ld of 1,000,000 at 10%%", selected);
    ck_assert_msg(labs(selected_other_seed - 100000) <= 1800, "seed 43: %ld", selected_other_seed);
    /* Independent seeds: both select about p^2 n = 10,000 (sd ~ 95). */
    ck_assert_msg(labs(both - 10000) <= 600, "selected under both seeds: %ld", both);
    ck_assert_int_eq(recert_audit_select(NULL, 1, 1), RECERT_EINVAL);
    ck_assert_int_eq(recert_audit_select("x", RECERT_AUDIT_RATE_ONE + 1, 1), RECERT_EINVAL);
}
END_TEST

START_TEST(null_arguments)
{
    recert_free(NULL);
    recert_roster_free(NULL);
    recert_report_free(NULL);
    recert_catalog_free(NULL);
    recert_policy_free(NULL);
    recert_holder_free(NULL);
    recert_credential_free(NULL);
    recert_credit_free(NULL);
    ck_assert_int_eq(recert_evaluate_json(NULL, "{}", 2, "2025-01-01"), RECERT_EINVAL);
    char *out = (char *)1;
    ck_assert_int_eq(recert_roster_to_json(&out, NULL, 0), RECERT_EINVAL);
    ck_assert_ptr_null(out);
    recert_report *rep = (recert_report *)1;
    ck_assert_int_eq(recert_roster_evaluate(&rep, NULL, 0), RECERT_EINVAL);
    ck_assert_ptr_null(rep);
    ck_assert_uint_eq(recert_roster_holder_count(NULL), 0);
    ck_assert_ptr_null(recert_policy_id(NULL));
}
END_TEST

int main(void)
{
    Suite *s = suite_create("api");
    TCase *t = tcase_create("api");
    tcase_add_test(t, versions_agree);
    tcase_add_test(t, last_error_accessors);
    tcase_add_test(t, handles_give_the_json_report);
    tcase_add_test(t, failed_add_changes_nothing);
    tcase_add_test(t, catalogs);
    tcase_add_test(t, credit_reasons);
    tcase_add_test(t, holder_without_credentials);
    tcase_add_test(t, audit_selection);
    tcase_add_test(t, null_arguments);
    tcase_add_test(t, handle_limits);
    suite_add_tcase(s, t);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
