/*
 * Tests of the records model through the public API: credits, credentials,
 * holders (docs/format.md "Records document"; docs/api.md "Handles and ownership":
 * "Adding an object to another copies it", "A failing call changes
 * nothing", getters lend).
 *
 * Day numbers used (checked with Python, days since 1970-01-01):
 *     2022-04-10 = 19092   2024-04-10 = 19823   2025-02-01 = 20120
 *     2025-06-01 = 20240   2025-09-14 = 20345   2025-09-20 = 20351
 *     2026-03-30 = 20542   2026-04-02 = 20545   2026-04-10 = 20553
 *     2026-04-20 = 20563   2027-06-01 = 20970
 *
 * SPDX-License-Identifier: MIT
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "recert.h"

enum {
    D2022_04_10 = 19092,
    D2024_04_10 = 19823,
    D2025_02_01 = 20120,
    D2025_06_01 = 20240,
    D2025_09_14 = 20345,
    D2025_09_20 = 20351,
    D2026_03_30 = 20542,
    D2026_04_02 = 20545,
    D2026_04_10 = 20553,
    D2026_04_20 = 20563,
    D2027_06_01 = 20970,
};

static int32_t day_of(const char *iso)
{
    int32_t d = 0;
    ck_assert_int_eq(recert_date_parse(&d, iso), RECERT_OK);
    return d;
}

/* An x- member's value, or NULL when absent. */
static char *xget_credit(const recert_credit *k, const char *key)
{
    char *out = (char *)"sentinel";
    int rc = recert_credit_x_get(&out, k, key);
    if (rc != RECERT_OK) {
        ck_assert_ptr_null(out);
        return NULL;
    }
    return out;
}

START_TEST(test_day_constants)
{
    /* The constants above are the days they name. */
    ck_assert_int_eq(day_of("2022-04-10"), D2022_04_10);
    ck_assert_int_eq(day_of("2024-04-10"), D2024_04_10);
    ck_assert_int_eq(day_of("2025-02-01"), D2025_02_01);
    ck_assert_int_eq(day_of("2025-06-01"), D2025_06_01);
    ck_assert_int_eq(day_of("2025-09-14"), D2025_09_14);
    ck_assert_int_eq(day_of("2025-09-20"), D2025_09_20);
    ck_assert_int_eq(day_of("2026-03-30"), D2026_03_30);
    ck_assert_int_eq(day_of("2026-04-02"), D2026_04_02);
    ck_assert_int_eq(day_of("2026-04-10"), D2026_04_10);
    ck_assert_int_eq(day_of("2026-04-20"), D2026_04_20);
    ck_assert_int_eq(day_of("2027-06-01"), D2027_06_01);
}
END_TEST

/* ---- credits ---------------------------------------------------------- */

START_TEST(test_credit_new_and_defaults)
{
    /* docs/format.md credit: id and completed required; approval defaults to
     * preapproved; applies_to defaults to all credentials. */
    recert_credit *k = NULL;
    ck_assert_int_eq(recert_credit_new(&k, "k1", D2025_02_01), RECERT_OK);
    ck_assert_ptr_nonnull(k);
    ck_assert_str_eq(recert_credit_id(k), "k1");
    ck_assert_int_eq(recert_credit_completed(k), D2025_02_01);
    ck_assert_ptr_null(recert_credit_title(k));
    ck_assert_ptr_null(recert_credit_provider(k));
    ck_assert_int_eq(recert_credit_amount(k), 0); /* worth nothing yet */
    ck_assert_ptr_null(recert_credit_unit(k));
    ck_assert_int_eq(recert_credit_approval(k), RECERT_APPROVAL_PREAPPROVED);
    ck_assert_int_eq(recert_credit_petition_status(k), RECERT_PETITION_NONE);
    ck_assert_int_eq(recert_credit_petition_filed(k), RECERT_DAY_NONE);
    ck_assert_int_eq(recert_credit_petition_decided(k), RECERT_DAY_NONE);
    ck_assert_int_eq(recert_credit_applies_to_count(k), -1);
    ck_assert_ptr_null(recert_credit_applies_to_at(k, 0));
    ck_assert_uint_eq(recert_credit_x_count(k), 0);
    ck_assert_ptr_null(recert_credit_x_key(k, 0));
    recert_credit_free(k);
    recert_credit_free(NULL); /* a no-op */
}
END_TEST

START_TEST(test_credit_new_errors)
{
    recert_credit *k = (recert_credit *)&k; /* not NULL: must be reset */
    ck_assert_int_eq(recert_credit_new(&k, NULL, D2025_02_01), RECERT_EINVAL);
    ck_assert_ptr_null(k);
    ck_assert_int_eq(recert_error_code(), RECERT_EINVAL);
    k = (recert_credit *)&k;
    ck_assert_int_eq(recert_credit_new(&k, "", D2025_02_01), RECERT_EINVAL);
    ck_assert_ptr_null(k);
    k = (recert_credit *)&k;
    ck_assert_int_eq(recert_credit_new(&k, "k1", RECERT_DAY_NONE), RECERT_ERANGE);
    ck_assert_ptr_null(k);
    ck_assert_int_eq(recert_error_code(), RECERT_ERANGE);
    ck_assert_int_eq(recert_credit_new(&k, "k1", RECERT_DAY_MIN - 1), RECERT_ERANGE);
    ck_assert_int_eq(recert_credit_new(&k, "k1", RECERT_DAY_MAX + 1), RECERT_ERANGE);
    ck_assert_ptr_null(k);
    ck_assert_int_eq(recert_credit_new(NULL, "k1", D2025_02_01), RECERT_EINVAL);
    /* The range ends themselves are days. */
    ck_assert_int_eq(recert_credit_new(&k, "k1", RECERT_DAY_MIN), RECERT_OK);
    recert_credit_free(k);
    ck_assert_int_eq(recert_credit_new(&k, "k1", RECERT_DAY_MAX), RECERT_OK);
    recert_credit_free(k);
}
END_TEST

START_TEST(test_credit_setters)
{
    /* The docs/format.md example credits: k1 1.5 CEU, completed 2025-02-01;
     * k2 4 hours, not preapproved, petition filed 2025-09-20, pending. */
    recert_credit *k = NULL;
    ck_assert_int_eq(recert_credit_new(&k, "k1", D2025_02_01), RECERT_OK);
    ck_assert_int_eq(recert_credit_set_title(k, "Corrective Exercise Specialist"), RECERT_OK);
    ck_assert_int_eq(recert_credit_set_provider(k, "NASM"), RECERT_OK);
    ck_assert_int_eq(recert_credit_set_amount(k, 150, "ceu"), RECERT_OK);
    ck_assert_str_eq(recert_credit_title(k), "Corrective Exercise Specialist");
    ck_assert_str_eq(recert_credit_provider(k), "NASM");
    ck_assert_int_eq(recert_credit_amount(k), 150);
    ck_assert_str_eq(recert_credit_unit(k), "ceu");

    /* Hours: the unit is NULL and the amount is centihours. */
    ck_assert_int_eq(recert_credit_set_hours(k, 400), RECERT_OK);
    ck_assert_int_eq(recert_credit_amount(k), 400);
    ck_assert_ptr_null(recert_credit_unit(k));
    /* A policy's own unit name is kept as given (checked in a roster). */
    ck_assert_int_eq(recert_credit_set_amount(k, 25, "PDU"), RECERT_OK);
    ck_assert_str_eq(recert_credit_unit(k), "PDU");
    ck_assert_int_eq(recert_credit_amount(k), 25);
    /* The largest amount. */
    ck_assert_int_eq(recert_credit_set_hours(k, RECERT_AMOUNT_MAX), RECERT_OK);
    ck_assert_int_eq(recert_credit_amount(k), RECERT_AMOUNT_MAX);

    /* NULL removes the title and provider. */
    ck_assert_int_eq(recert_credit_set_title(k, NULL), RECERT_OK);
    ck_assert_int_eq(recert_credit_set_provider(k, NULL), RECERT_OK);
    ck_assert_ptr_null(recert_credit_title(k));
    ck_assert_ptr_null(recert_credit_provider(k));

    ck_assert_int_eq(recert_credit_set_completed(k, D2025_09_14), RECERT_OK);
    ck_assert_int_eq(recert_credit_completed(k), D2025_09_14);

    ck_assert_int_eq(recert_credit_set_approval(k, RECERT_APPROVAL_NOT_PREAPPROVED), RECERT_OK);
    ck_assert_int_eq(recert_credit_approval(k), RECERT_APPROVAL_NOT_PREAPPROVED);

    /* A petition filed 2025-09-20, pending, no decision day. */
    ck_assert_int_eq(
        recert_credit_set_petition(k, RECERT_PETITION_PENDING, D2025_09_20, RECERT_DAY_NONE),
        RECERT_OK);
    ck_assert_int_eq(recert_credit_petition_status(k), RECERT_PETITION_PENDING);
    ck_assert_int_eq(recert_credit_petition_filed(k), D2025_09_20);
    ck_assert_int_eq(recert_credit_petition_decided(k), RECERT_DAY_NONE);
    /* Approved on 2026-03-30. */
    ck_assert_int_eq(
        recert_credit_set_petition(k, RECERT_PETITION_APPROVED, D2025_09_20, D2026_03_30),
        RECERT_OK);
    ck_assert_int_eq(recert_credit_petition_status(k), RECERT_PETITION_APPROVED);
    ck_assert_int_eq(recert_credit_petition_decided(k), D2026_03_30);
    /* NONE removes it; filed and decided are then ignored. */
    ck_assert_int_eq(recert_credit_set_petition(k, RECERT_PETITION_NONE, 12345, -999999999),
                     RECERT_OK);
    ck_assert_int_eq(recert_credit_petition_status(k), RECERT_PETITION_NONE);
    ck_assert_int_eq(recert_credit_petition_filed(k), RECERT_DAY_NONE);
    ck_assert_int_eq(recert_credit_petition_decided(k), RECERT_DAY_NONE);

    /* applies_to: some ids, none ([]), then all again. */
    const char *ids[] = {"nasm", "acsm-cpt"};
    ck_assert_int_eq(recert_credit_set_applies_to(k, ids, 2), RECERT_OK);
    ck_assert_int_eq(recert_credit_applies_to_count(k), 2);
    ck_assert_str_eq(recert_credit_applies_to_at(k, 0), "nasm");
    ck_assert_str_eq(recert_credit_applies_to_at(k, 1), "acsm-cpt");
    ck_assert_ptr_null(recert_credit_applies_to_at(k, 2));
    ck_assert_ptr_ne(recert_credit_applies_to_at(k, 0), ids[0]); /* copied */
    ck_assert_int_eq(recert_credit_set_applies_to(k, NULL, 0), RECERT_OK);
    ck_assert_int_eq(recert_credit_applies_to_count(k), 0);
    ck_assert_ptr_null(recert_credit_applies_to_at(k, 0));
    ck_assert_int_eq(recert_credit_set_applies_to(k, ids, 1), RECERT_OK);
    ck_assert_int_eq(recert_credit_applies_to_count(k), 1);
    ck_assert_int_eq(recert_credit_set_applies_to_all(k), RECERT_OK);
    ck_assert_int_eq(recert_credit_applies_to_count(k), -1);
    ck_assert_ptr_null(recert_credit_applies_to_at(k, 0));
    recert_credit_free(k);
}
END_TEST

/* Snapshot of a credit's visible state, to show a failed call changed
 * nothing. */
typedef struct credit_state {
    char title[64], provider[64], unit[64];
    int32_t completed, filed, decided;
    int64_t amount;
    int approval, petition;
    long applies_n;
    char applies0[64];
    size_t xn;
} credit_state;

static void snap(credit_state *s, const recert_credit *k)
{
    memset(s, 0, sizeof *s);
    snprintf(s->title, sizeof s->title, "%s", recert_credit_title(k) ? recert_credit_title(k) : "(null)");
    snprintf(s->provider, sizeof s->provider, "%s",
             recert_credit_provider(k) ? recert_credit_provider(k) : "(null)");
    snprintf(s->unit, sizeof s->unit, "%s", recert_credit_unit(k) ? recert_credit_unit(k) : "(null)");
    s->completed = recert_credit_completed(k);
    s->filed = recert_credit_petition_filed(k);
    s->decided = recert_credit_petition_decided(k);
    s->amount = recert_credit_amount(k);
    s->approval = (int)recert_credit_approval(k);
    s->petition = (int)recert_credit_petition_status(k);
    s->applies_n = recert_credit_applies_to_count(k);
    snprintf(s->applies0, sizeof s->applies0, "%s",
             recert_credit_applies_to_at(k, 0) ? recert_credit_applies_to_at(k, 0) : "(null)");
    s->xn = recert_credit_x_count(k);
}

static void same(const credit_state *a, const credit_state *b)
{
    ck_assert_str_eq(a->title, b->title);
    ck_assert_str_eq(a->provider, b->provider);
    ck_assert_str_eq(a->unit, b->unit);
    ck_assert_int_eq(a->completed, b->completed);
    ck_assert_int_eq(a->filed, b->filed);
    ck_assert_int_eq(a->decided, b->decided);
    ck_assert_int_eq(a->amount, b->amount);
    ck_assert_int_eq(a->approval, b->approval);
    ck_assert_int_eq(a->petition, b->petition);
    ck_assert_int_eq(a->applies_n, b->applies_n);
    ck_assert_str_eq(a->applies0, b->applies0);
    ck_assert_uint_eq(a->xn, b->xn);
}

START_TEST(test_credit_failures_change_nothing)
{
    /* docs/api.md: "A failing call changes nothing." */
    recert_credit *k = NULL;
    ck_assert_int_eq(recert_credit_new(&k, "k2", D2025_09_14), RECERT_OK);
    ck_assert_int_eq(recert_credit_set_title(k, "Kettlebell workshop"), RECERT_OK);
    ck_assert_int_eq(recert_credit_set_amount(k, 150, "ceu"), RECERT_OK);
    ck_assert_int_eq(recert_credit_set_approval(k, RECERT_APPROVAL_NOT_PREAPPROVED), RECERT_OK);
    ck_assert_int_eq(
        recert_credit_set_petition(k, RECERT_PETITION_PENDING, D2025_09_20, RECERT_DAY_NONE),
        RECERT_OK);
    const char *ids[] = {"nasm"};
    ck_assert_int_eq(recert_credit_set_applies_to(k, ids, 1), RECERT_OK);
    ck_assert_int_eq(recert_credit_x_set(k, "x-a", "1"), RECERT_OK);

    credit_state before, after;
    snap(&before, k);

#define FAILS(call, code)                                                                      \
    do {                                                                                       \
        recert_error_clear();                                                                  \
        ck_assert_int_eq((call), (code));                                                      \
        ck_assert_int_eq(recert_error_code(), (code));                                         \
        ck_assert_str_ne(recert_error_message(), "");                                          \
        snap(&after, k);                                                                       \
        same(&before, &after);                                                                 \
    } while (0)

    /* Amounts: 0 < x <= RECERT_AMOUNT_MAX. */
    FAILS(recert_credit_set_hours(k, 0), RECERT_EINVAL);
    FAILS(recert_credit_set_hours(k, -400), RECERT_EINVAL);
    FAILS(recert_credit_set_hours(k, RECERT_AMOUNT_MAX + 1), RECERT_EINVAL);
    FAILS(recert_credit_set_amount(k, 0, "ceu"), RECERT_EINVAL);
    FAILS(recert_credit_set_amount(k, RECERT_AMOUNT_MAX + 1, "ceu"), RECERT_EINVAL);
    FAILS(recert_credit_set_amount(k, 100, NULL), RECERT_EINVAL);
    FAILS(recert_credit_set_amount(k, 100, ""), RECERT_EINVAL);
    /* Days outside 1900..9999. */
    FAILS(recert_credit_set_completed(k, RECERT_DAY_NONE), RECERT_ERANGE);
    FAILS(recert_credit_set_completed(k, RECERT_DAY_MAX + 1), RECERT_ERANGE);
    /* Enums out of range. */
    FAILS(recert_credit_set_approval(k, (recert_approval)2), RECERT_EINVAL);
    FAILS(recert_credit_set_approval(k, (recert_approval)-1), RECERT_EINVAL);
    FAILS(recert_credit_set_petition(k, (recert_petition_status)4, D2025_09_20, RECERT_DAY_NONE),
          RECERT_EINVAL);
    FAILS(recert_credit_set_petition(k, (recert_petition_status)-1, D2025_09_20, RECERT_DAY_NONE),
          RECERT_EINVAL);
    /* A petition needs its filing day; a decision day must be a day. */
    FAILS(recert_credit_set_petition(k, RECERT_PETITION_DENIED, RECERT_DAY_NONE, D2026_03_30),
          RECERT_ERANGE);
    FAILS(recert_credit_set_petition(k, RECERT_PETITION_DENIED, D2025_09_20, RECERT_DAY_MIN - 1),
          RECERT_ERANGE);
    /* applies_to: a NULL list with n > 0, a NULL or empty id. */
    FAILS(recert_credit_set_applies_to(k, NULL, 1), RECERT_EINVAL);
    const char *bad1[] = {"acsm", NULL};
    FAILS(recert_credit_set_applies_to(k, bad1, 2), RECERT_EINVAL);
    const char *bad2[] = {"acsm", ""};
    FAILS(recert_credit_set_applies_to(k, bad2, 2), RECERT_EINVAL);
    /* x- members: a key without "x-", a value that is not JSON. */
    FAILS(recert_credit_x_set(k, "note", "1"), RECERT_EINVAL);
    FAILS(recert_credit_x_set(k, "x-b", "{not json"), RECERT_EPARSE);
    FAILS(recert_credit_x_set(k, "x-a", "[1,"), RECERT_EPARSE);
#undef FAILS
    char *v = xget_credit(k, "x-a");
    ck_assert_ptr_nonnull(v);
    ck_assert_str_eq(v, "1"); /* the old value survived the failed set */
    recert_free(v);

    /* NULL credit: EINVAL from every setter. */
    ck_assert_int_eq(recert_credit_set_title(NULL, "t"), RECERT_EINVAL);
    ck_assert_int_eq(recert_credit_set_provider(NULL, "p"), RECERT_EINVAL);
    ck_assert_int_eq(recert_credit_set_completed(NULL, D2025_09_14), RECERT_EINVAL);
    ck_assert_int_eq(recert_credit_set_hours(NULL, 100), RECERT_EINVAL);
    ck_assert_int_eq(recert_credit_set_amount(NULL, 100, "ceu"), RECERT_EINVAL);
    ck_assert_int_eq(recert_credit_set_approval(NULL, RECERT_APPROVAL_PREAPPROVED), RECERT_EINVAL);
    ck_assert_int_eq(recert_credit_set_petition(NULL, RECERT_PETITION_NONE, 0, 0), RECERT_EINVAL);
    ck_assert_int_eq(recert_credit_set_applies_to(NULL, ids, 1), RECERT_EINVAL);
    ck_assert_int_eq(recert_credit_set_applies_to_all(NULL), RECERT_EINVAL);
    ck_assert_int_eq(recert_credit_x_set(NULL, "x-a", "1"), RECERT_EINVAL);
    recert_credit_free(k);
}
END_TEST

START_TEST(test_credit_null_getters)
{
    /* credit.h: "NULL credit: NULL, 0 or NONE." */
    ck_assert_ptr_null(recert_credit_id(NULL));
    ck_assert_ptr_null(recert_credit_title(NULL));
    ck_assert_ptr_null(recert_credit_provider(NULL));
    ck_assert_int_eq(recert_credit_completed(NULL), RECERT_DAY_NONE);
    ck_assert_int_eq(recert_credit_amount(NULL), 0);
    ck_assert_ptr_null(recert_credit_unit(NULL));
    ck_assert_int_eq(recert_credit_approval(NULL), 0);
    ck_assert_int_eq(recert_credit_petition_status(NULL), RECERT_PETITION_NONE);
    ck_assert_int_eq(recert_credit_petition_filed(NULL), RECERT_DAY_NONE);
    ck_assert_int_eq(recert_credit_petition_decided(NULL), RECERT_DAY_NONE);
    ck_assert_int_eq(recert_credit_applies_to_count(NULL), 0);
    ck_assert_ptr_null(recert_credit_applies_to_at(NULL, 0));
    ck_assert_uint_eq(recert_credit_x_count(NULL), 0);
    ck_assert_ptr_null(recert_credit_x_key(NULL, 0));
    char *out = (char *)"x";
    ck_assert_int_eq(recert_credit_x_get(&out, NULL, "x-a"), RECERT_EINVAL);
    ck_assert_ptr_null(out);
}
END_TEST

START_TEST(test_credit_x_members)
{
    /* docs/format.md: members whose name starts with "x-" are the
     * application's own; API: values cross as JSON text. */
    recert_credit *k = NULL;
    ck_assert_int_eq(recert_credit_new(&k, "k1", D2025_02_01), RECERT_OK);
    ck_assert_int_eq(recert_credit_x_set(k, "x-lms-id", "\"C-1138\""), RECERT_OK);
    ck_assert_int_eq(recert_credit_x_set(k, "x-tags", "[\"a\",\"b\"]"), RECERT_OK);
    ck_assert_int_eq(recert_credit_x_set(k, "x-n", "42"), RECERT_OK);
    ck_assert_uint_eq(recert_credit_x_count(k), 3);
    /* In the order they were set. */
    ck_assert_str_eq(recert_credit_x_key(k, 0), "x-lms-id");
    ck_assert_str_eq(recert_credit_x_key(k, 1), "x-tags");
    ck_assert_str_eq(recert_credit_x_key(k, 2), "x-n");
    ck_assert_ptr_null(recert_credit_x_key(k, 3));

    char *v = xget_credit(k, "x-lms-id");
    ck_assert_str_eq(v, "\"C-1138\"");
    recert_free(v);
    v = xget_credit(k, "x-tags");
    ck_assert_str_eq(v, "[\"a\",\"b\"]");
    recert_free(v);

    /* Setting again replaces the value in place. */
    ck_assert_int_eq(recert_credit_x_set(k, "x-n", "43"), RECERT_OK);
    ck_assert_uint_eq(recert_credit_x_count(k), 3);
    v = xget_credit(k, "x-n");
    ck_assert_str_eq(v, "43");
    recert_free(v);

    /* NULL removes; an absent member is ENOTFOUND. */
    ck_assert_int_eq(recert_credit_x_set(k, "x-lms-id", NULL), RECERT_OK);
    ck_assert_uint_eq(recert_credit_x_count(k), 2);
    ck_assert_str_eq(recert_credit_x_key(k, 0), "x-tags");
    char *out = NULL;
    ck_assert_int_eq(recert_credit_x_get(&out, k, "x-lms-id"), RECERT_ENOTFOUND);
    ck_assert_ptr_null(out);
    ck_assert_int_eq(recert_credit_x_get(&out, k, "x-never"), RECERT_ENOTFOUND);
    recert_credit_free(k);
}
END_TEST

START_TEST(test_credit_copy_is_deep)
{
    recert_credit *k = NULL, *c = NULL;
    ck_assert_int_eq(recert_credit_new(&k, "k1", D2025_02_01), RECERT_OK);
    ck_assert_int_eq(recert_credit_set_title(k, "Title"), RECERT_OK);
    ck_assert_int_eq(recert_credit_set_provider(k, "Provider"), RECERT_OK);
    ck_assert_int_eq(recert_credit_set_amount(k, 150, "ceu"), RECERT_OK);
    ck_assert_int_eq(
        recert_credit_set_petition(k, RECERT_PETITION_DENIED, D2025_09_20, D2026_03_30),
        RECERT_OK);
    const char *ids[] = {"nasm", "acsm"};
    ck_assert_int_eq(recert_credit_set_applies_to(k, ids, 2), RECERT_OK);
    ck_assert_int_eq(recert_credit_x_set(k, "x-a", "{\"b\":[1,2]}"), RECERT_OK);

    ck_assert_int_eq(recert_credit_copy(&c, k), RECERT_OK);
    ck_assert_ptr_nonnull(c);
    ck_assert_ptr_ne(c, k);
    ck_assert_ptr_ne(recert_credit_id(c), recert_credit_id(k));
    ck_assert_ptr_ne(recert_credit_applies_to_at(c, 0), recert_credit_applies_to_at(k, 0));

    /* Change and free the original: the copy keeps its own values. */
    ck_assert_int_eq(recert_credit_set_title(k, "Other"), RECERT_OK);
    ck_assert_int_eq(recert_credit_set_applies_to_all(k), RECERT_OK);
    ck_assert_int_eq(recert_credit_x_set(k, "x-a", NULL), RECERT_OK);
    recert_credit_free(k);

    ck_assert_str_eq(recert_credit_id(c), "k1");
    ck_assert_str_eq(recert_credit_title(c), "Title");
    ck_assert_str_eq(recert_credit_provider(c), "Provider");
    ck_assert_str_eq(recert_credit_unit(c), "ceu");
    ck_assert_int_eq(recert_credit_amount(c), 150);
    ck_assert_int_eq(recert_credit_completed(c), D2025_02_01);
    ck_assert_int_eq(recert_credit_petition_status(c), RECERT_PETITION_DENIED);
    ck_assert_int_eq(recert_credit_petition_filed(c), D2025_09_20);
    ck_assert_int_eq(recert_credit_petition_decided(c), D2026_03_30);
    ck_assert_int_eq(recert_credit_applies_to_count(c), 2);
    ck_assert_str_eq(recert_credit_applies_to_at(c, 1), "acsm");
    char *v = xget_credit(c, "x-a");
    ck_assert_ptr_nonnull(v);
    ck_assert_str_eq(v, "{\"b\":[1,2]}");
    recert_free(v);

    recert_credit *c2 = (recert_credit *)&c2;
    ck_assert_int_eq(recert_credit_copy(&c2, NULL), RECERT_EINVAL);
    ck_assert_ptr_null(c2);
    ck_assert_int_eq(recert_credit_copy(NULL, c), RECERT_EINVAL);
    recert_credit_free(c);
}
END_TEST

/* ---- credentials ------------------------------------------------------ */

START_TEST(test_credential_new_and_defaults)
{
    /* docs/format.md credential: id, policy and certified required; the rest
     * not given. */
    recert_credential *c = NULL;
    ck_assert_int_eq(recert_credential_new(&c, "nasm", "nasm-cpt", D2022_04_10), RECERT_OK);
    ck_assert_str_eq(recert_credential_id(c), "nasm");
    ck_assert_str_eq(recert_credential_policy(c), "nasm-cpt");
    ck_assert_int_eq(recert_credential_certified(c), D2022_04_10);
    ck_assert_ptr_null(recert_credential_number(c));
    ck_assert_int_eq(recert_credential_cycle_start(c), RECERT_DAY_NONE);
    ck_assert_int_eq(recert_credential_expires(c), RECERT_DAY_NONE);
    ck_assert_int_eq(recert_credential_application_received(c), RECERT_DAY_NONE);
    ck_assert_int_eq(recert_credential_application_decision(c), RECERT_DECISION_PENDING);
    ck_assert_int_eq(recert_credential_application_decided(c), RECERT_DAY_NONE);
    ck_assert_int_eq(recert_credential_audit_selected(c), RECERT_DAY_NONE);
    ck_assert_int_eq(recert_credential_audit_documents_received(c), RECERT_DAY_NONE);
    ck_assert_int_eq(recert_credential_audit_outcome(c), RECERT_OUTCOME_NONE);
    ck_assert_int_eq(recert_credential_audit_decided(c), RECERT_DAY_NONE);
    ck_assert_int_eq(recert_credential_exam_passed(c), RECERT_DAY_NONE);
    ck_assert_uint_eq(recert_credential_x_count(c), 0);
    recert_credential_free(c);
    recert_credential_free(NULL);

    /* Errors: NULL or empty strings, days outside 1900..9999. */
    c = (recert_credential *)&c;
    ck_assert_int_eq(recert_credential_new(&c, "", "nasm-cpt", D2022_04_10), RECERT_EINVAL);
    ck_assert_ptr_null(c);
    ck_assert_int_eq(recert_credential_new(&c, NULL, "nasm-cpt", D2022_04_10), RECERT_EINVAL);
    ck_assert_int_eq(recert_credential_new(&c, "nasm", "", D2022_04_10), RECERT_EINVAL);
    ck_assert_int_eq(recert_credential_new(&c, "nasm", NULL, D2022_04_10), RECERT_EINVAL);
    ck_assert_int_eq(recert_credential_new(&c, "nasm", "nasm-cpt", RECERT_DAY_NONE), RECERT_ERANGE);
    ck_assert_int_eq(recert_credential_new(&c, "nasm", "nasm-cpt", RECERT_DAY_MAX + 1),
                     RECERT_ERANGE);
    ck_assert_ptr_null(c);
    ck_assert_int_eq(recert_credential_new(NULL, "nasm", "nasm-cpt", D2022_04_10), RECERT_EINVAL);
}
END_TEST

START_TEST(test_credential_setters)
{
    /* The docs/format.md example credential: certified 2022-04-10, cycle
     * 2024-04-10 .. 2026-04-10, application received 2026-03-30 (pending),
     * audit selected 2026-04-02 with documents 2026-04-20. */
    recert_credential *c = NULL;
    ck_assert_int_eq(recert_credential_new(&c, "nasm", "acsm-cpt", D2022_04_10), RECERT_OK);
    ck_assert_int_eq(recert_credential_set_policy(c, "nasm-cpt"), RECERT_OK);
    ck_assert_str_eq(recert_credential_policy(c), "nasm-cpt");
    ck_assert_int_eq(recert_credential_set_number(c, "1234567"), RECERT_OK);
    ck_assert_str_eq(recert_credential_number(c), "1234567");
    ck_assert_int_eq(recert_credential_set_certified(c, D2024_04_10), RECERT_OK);
    ck_assert_int_eq(recert_credential_certified(c), D2024_04_10);
    ck_assert_int_eq(recert_credential_set_certified(c, D2022_04_10), RECERT_OK);
    ck_assert_int_eq(recert_credential_set_cycle_start(c, D2024_04_10), RECERT_OK);
    ck_assert_int_eq(recert_credential_set_expires(c, D2026_04_10), RECERT_OK);
    ck_assert_int_eq(recert_credential_cycle_start(c), D2024_04_10);
    ck_assert_int_eq(recert_credential_expires(c), D2026_04_10);

    ck_assert_int_eq(recert_credential_set_application(c, D2026_03_30, RECERT_DECISION_PENDING,
                                                       RECERT_DAY_NONE),
                     RECERT_OK);
    ck_assert_int_eq(recert_credential_application_received(c), D2026_03_30);
    ck_assert_int_eq(recert_credential_application_decision(c), RECERT_DECISION_PENDING);
    ck_assert_int_eq(recert_credential_application_decided(c), RECERT_DAY_NONE);
    ck_assert_int_eq(recert_credential_set_application(c, D2026_03_30, RECERT_DECISION_ACCEPTED,
                                                       D2026_04_20),
                     RECERT_OK);
    ck_assert_int_eq(recert_credential_application_decision(c), RECERT_DECISION_ACCEPTED);
    ck_assert_int_eq(recert_credential_application_decided(c), D2026_04_20);

    ck_assert_int_eq(recert_credential_set_audit(c, D2026_04_02, D2026_04_20, RECERT_OUTCOME_NONE,
                                                 RECERT_DAY_NONE),
                     RECERT_OK);
    ck_assert_int_eq(recert_credential_audit_selected(c), D2026_04_02);
    ck_assert_int_eq(recert_credential_audit_documents_received(c), D2026_04_20);
    ck_assert_int_eq(recert_credential_audit_outcome(c), RECERT_OUTCOME_NONE);
    ck_assert_int_eq(recert_credential_audit_decided(c), RECERT_DAY_NONE);
    ck_assert_int_eq(recert_credential_set_audit(c, D2026_04_02, RECERT_DAY_NONE,
                                                 RECERT_OUTCOME_PASSED, D2026_04_20),
                     RECERT_OK);
    ck_assert_int_eq(recert_credential_audit_documents_received(c), RECERT_DAY_NONE);
    ck_assert_int_eq(recert_credential_audit_outcome(c), RECERT_OUTCOME_PASSED);
    ck_assert_int_eq(recert_credential_audit_decided(c), D2026_04_20);

    ck_assert_int_eq(recert_credential_set_exam(c, D2026_03_30), RECERT_OK);
    ck_assert_int_eq(recert_credential_exam_passed(c), D2026_03_30);

    /* Removing: NULL number, NONE days. */
    ck_assert_int_eq(recert_credential_set_number(c, NULL), RECERT_OK);
    ck_assert_ptr_null(recert_credential_number(c));
    ck_assert_int_eq(recert_credential_set_cycle_start(c, RECERT_DAY_NONE), RECERT_OK);
    ck_assert_int_eq(recert_credential_set_expires(c, RECERT_DAY_NONE), RECERT_OK);
    ck_assert_int_eq(recert_credential_cycle_start(c), RECERT_DAY_NONE);
    ck_assert_int_eq(recert_credential_expires(c), RECERT_DAY_NONE);
    /* "received (required; RECERT_DAY_NONE removes the application)": the
     * decision and decided go with it. */
    ck_assert_int_eq(recert_credential_set_application(c, RECERT_DAY_NONE,
                                                       RECERT_DECISION_REJECTED, D2026_04_20),
                     RECERT_OK);
    ck_assert_int_eq(recert_credential_application_received(c), RECERT_DAY_NONE);
    ck_assert_int_eq(recert_credential_application_decision(c), RECERT_DECISION_PENDING);
    ck_assert_int_eq(recert_credential_application_decided(c), RECERT_DAY_NONE);
    ck_assert_int_eq(recert_credential_set_audit(c, RECERT_DAY_NONE, D2026_04_20,
                                                 RECERT_OUTCOME_FAILED, D2026_04_20),
                     RECERT_OK);
    ck_assert_int_eq(recert_credential_audit_selected(c), RECERT_DAY_NONE);
    ck_assert_int_eq(recert_credential_audit_documents_received(c), RECERT_DAY_NONE);
    ck_assert_int_eq(recert_credential_audit_outcome(c), RECERT_OUTCOME_NONE);
    ck_assert_int_eq(recert_credential_audit_decided(c), RECERT_DAY_NONE);
    ck_assert_int_eq(recert_credential_set_exam(c, RECERT_DAY_NONE), RECERT_OK);
    ck_assert_int_eq(recert_credential_exam_passed(c), RECERT_DAY_NONE);
    recert_credential_free(c);
}
END_TEST

START_TEST(test_credential_failures_change_nothing)
{
    recert_credential *c = NULL;
    ck_assert_int_eq(recert_credential_new(&c, "nasm", "nasm-cpt", D2022_04_10), RECERT_OK);
    ck_assert_int_eq(recert_credential_set_number(c, "1234567"), RECERT_OK);
    ck_assert_int_eq(recert_credential_set_cycle_start(c, D2024_04_10), RECERT_OK);
    ck_assert_int_eq(recert_credential_set_expires(c, D2026_04_10), RECERT_OK);
    ck_assert_int_eq(recert_credential_set_application(c, D2026_03_30, RECERT_DECISION_PENDING,
                                                       RECERT_DAY_NONE),
                     RECERT_OK);
    ck_assert_int_eq(recert_credential_set_audit(c, D2026_04_02, D2026_04_20, RECERT_OUTCOME_NONE,
                                                 RECERT_DAY_NONE),
                     RECERT_OK);
    ck_assert_int_eq(recert_credential_set_exam(c, D2026_03_30), RECERT_OK);

#define UNCHANGED()                                                                            \
    do {                                                                                       \
        ck_assert_str_eq(recert_credential_policy(c), "nasm-cpt");                             \
        ck_assert_str_eq(recert_credential_number(c), "1234567");                              \
        ck_assert_int_eq(recert_credential_certified(c), D2022_04_10);                         \
        ck_assert_int_eq(recert_credential_cycle_start(c), D2024_04_10);                       \
        ck_assert_int_eq(recert_credential_expires(c), D2026_04_10);                           \
        ck_assert_int_eq(recert_credential_application_received(c), D2026_03_30);              \
        ck_assert_int_eq(recert_credential_application_decision(c), RECERT_DECISION_PENDING);  \
        ck_assert_int_eq(recert_credential_application_decided(c), RECERT_DAY_NONE);           \
        ck_assert_int_eq(recert_credential_audit_selected(c), D2026_04_02);                    \
        ck_assert_int_eq(recert_credential_audit_documents_received(c), D2026_04_20);          \
        ck_assert_int_eq(recert_credential_audit_outcome(c), RECERT_OUTCOME_NONE);             \
        ck_assert_int_eq(recert_credential_audit_decided(c), RECERT_DAY_NONE);                 \
        ck_assert_int_eq(recert_credential_exam_passed(c), D2026_03_30);                       \
    } while (0)
#define FAILS(call, code)                                                                      \
    do {                                                                                       \
        recert_error_clear();                                                                  \
        ck_assert_int_eq((call), (code));                                                      \
        ck_assert_int_eq(recert_error_code(), (code));                                         \
        UNCHANGED();                                                                           \
    } while (0)

    FAILS(recert_credential_set_policy(c, ""), RECERT_EINVAL);
    FAILS(recert_credential_set_policy(c, NULL), RECERT_EINVAL);
    FAILS(recert_credential_set_certified(c, RECERT_DAY_NONE), RECERT_ERANGE);
    FAILS(recert_credential_set_certified(c, RECERT_DAY_MIN - 1), RECERT_ERANGE);
    FAILS(recert_credential_set_cycle_start(c, RECERT_DAY_MAX + 1), RECERT_ERANGE);
    FAILS(recert_credential_set_expires(c, RECERT_DAY_MIN - 1), RECERT_ERANGE);
    /* The application: a bad received day, a bad decision, a bad decided
     * day — each refused whole. */
    FAILS(recert_credential_set_application(c, RECERT_DAY_MAX + 1, RECERT_DECISION_ACCEPTED,
                                            RECERT_DAY_NONE),
          RECERT_ERANGE);
    FAILS(recert_credential_set_application(c, D2026_04_02, (recert_decision)3, RECERT_DAY_NONE),
          RECERT_EINVAL);
    FAILS(recert_credential_set_application(c, D2026_04_02, (recert_decision)-1, RECERT_DAY_NONE),
          RECERT_EINVAL);
    FAILS(recert_credential_set_application(c, D2026_04_02, RECERT_DECISION_ACCEPTED,
                                            RECERT_DAY_MAX + 1),
          RECERT_ERANGE);
    /* The audit. */
    FAILS(recert_credential_set_audit(c, RECERT_DAY_MIN - 1, RECERT_DAY_NONE, RECERT_OUTCOME_NONE,
                                      RECERT_DAY_NONE),
          RECERT_ERANGE);
    FAILS(recert_credential_set_audit(c, D2026_04_10, RECERT_DAY_MAX + 1, RECERT_OUTCOME_NONE,
                                      RECERT_DAY_NONE),
          RECERT_ERANGE);
    FAILS(recert_credential_set_audit(c, D2026_04_10, RECERT_DAY_NONE, (recert_audit_outcome)3,
                                      RECERT_DAY_NONE),
          RECERT_EINVAL);
    FAILS(recert_credential_set_audit(c, D2026_04_10, RECERT_DAY_NONE, RECERT_OUTCOME_PASSED,
                                      RECERT_DAY_MIN - 1),
          RECERT_ERANGE);
    FAILS(recert_credential_set_exam(c, RECERT_DAY_MAX + 1), RECERT_ERANGE);
    FAILS(recert_credential_x_set(c, "y-note", "1"), RECERT_EINVAL);
    FAILS(recert_credential_x_set(c, "x-note", "nope"), RECERT_EPARSE);
#undef FAILS
#undef UNCHANGED

    /* NULL credential. */
    ck_assert_int_eq(recert_credential_set_policy(NULL, "nasm-cpt"), RECERT_EINVAL);
    ck_assert_int_eq(recert_credential_set_number(NULL, "1"), RECERT_EINVAL);
    ck_assert_int_eq(recert_credential_set_certified(NULL, D2022_04_10), RECERT_EINVAL);
    ck_assert_int_eq(recert_credential_set_cycle_start(NULL, D2022_04_10), RECERT_EINVAL);
    ck_assert_int_eq(recert_credential_set_expires(NULL, D2022_04_10), RECERT_EINVAL);
    ck_assert_int_eq(recert_credential_set_application(NULL, D2026_03_30, RECERT_DECISION_PENDING,
                                                       RECERT_DAY_NONE),
                     RECERT_EINVAL);
    ck_assert_int_eq(recert_credential_set_audit(NULL, D2026_04_02, RECERT_DAY_NONE,
                                                 RECERT_OUTCOME_NONE, RECERT_DAY_NONE),
                     RECERT_EINVAL);
    ck_assert_int_eq(recert_credential_set_exam(NULL, D2026_03_30), RECERT_EINVAL);
    ck_assert_int_eq(recert_credential_x_set(NULL, "x-a", "1"), RECERT_EINVAL);
    recert_credential_free(c);
}
END_TEST

START_TEST(test_credential_null_getters)
{
    ck_assert_ptr_null(recert_credential_id(NULL));
    ck_assert_ptr_null(recert_credential_policy(NULL));
    ck_assert_ptr_null(recert_credential_number(NULL));
    ck_assert_int_eq(recert_credential_certified(NULL), RECERT_DAY_NONE);
    ck_assert_int_eq(recert_credential_cycle_start(NULL), RECERT_DAY_NONE);
    ck_assert_int_eq(recert_credential_expires(NULL), RECERT_DAY_NONE);
    ck_assert_int_eq(recert_credential_application_received(NULL), RECERT_DAY_NONE);
    ck_assert_int_eq(recert_credential_application_decision(NULL), RECERT_DECISION_PENDING);
    ck_assert_int_eq(recert_credential_application_decided(NULL), RECERT_DAY_NONE);
    ck_assert_int_eq(recert_credential_audit_selected(NULL), RECERT_DAY_NONE);
    ck_assert_int_eq(recert_credential_audit_documents_received(NULL), RECERT_DAY_NONE);
    ck_assert_int_eq(recert_credential_audit_outcome(NULL), RECERT_OUTCOME_NONE);
    ck_assert_int_eq(recert_credential_audit_decided(NULL), RECERT_DAY_NONE);
    ck_assert_int_eq(recert_credential_exam_passed(NULL), RECERT_DAY_NONE);
    ck_assert_uint_eq(recert_credential_x_count(NULL), 0);
    ck_assert_ptr_null(recert_credential_x_key(NULL, 0));
    char *out = (char *)"x";
    ck_assert_int_eq(recert_credential_x_get(&out, NULL, "x-a"), RECERT_EINVAL);
    ck_assert_ptr_null(out);
}
END_TEST

START_TEST(test_credential_copy_and_x)
{
    recert_credential *c = NULL, *d = NULL;
    ck_assert_int_eq(recert_credential_new(&c, "acsm", "acsm-cpt", D2022_04_10), RECERT_OK);
    ck_assert_int_eq(recert_credential_set_number(c, "A-77"), RECERT_OK);
    ck_assert_int_eq(recert_credential_set_application(c, D2026_03_30, RECERT_DECISION_REJECTED,
                                                       D2026_04_02),
                     RECERT_OK);
    ck_assert_int_eq(recert_credential_set_exam(c, D2025_06_01), RECERT_OK);
    ck_assert_int_eq(recert_credential_x_set(c, "x-branch", "\"north\""), RECERT_OK);
    ck_assert_int_eq(recert_credential_x_set(c, "x-flag", "true"), RECERT_OK);
    ck_assert_uint_eq(recert_credential_x_count(c), 2);
    ck_assert_str_eq(recert_credential_x_key(c, 1), "x-flag");

    ck_assert_int_eq(recert_credential_copy(&d, c), RECERT_OK);
    ck_assert_int_eq(recert_credential_set_number(c, "changed"), RECERT_OK);
    ck_assert_int_eq(recert_credential_x_set(c, "x-branch", NULL), RECERT_OK);
    recert_credential_free(c);

    ck_assert_str_eq(recert_credential_id(d), "acsm");
    ck_assert_str_eq(recert_credential_policy(d), "acsm-cpt");
    ck_assert_str_eq(recert_credential_number(d), "A-77");
    ck_assert_int_eq(recert_credential_application_received(d), D2026_03_30);
    ck_assert_int_eq(recert_credential_application_decision(d), RECERT_DECISION_REJECTED);
    ck_assert_int_eq(recert_credential_application_decided(d), D2026_04_02);
    ck_assert_int_eq(recert_credential_exam_passed(d), D2025_06_01);
    ck_assert_uint_eq(recert_credential_x_count(d), 2);
    char *v = NULL;
    ck_assert_int_eq(recert_credential_x_get(&v, d, "x-branch"), RECERT_OK);
    ck_assert_str_eq(v, "\"north\"");
    recert_free(v);
    ck_assert_int_eq(recert_credential_x_get(&v, d, "x-none"), RECERT_ENOTFOUND);
    ck_assert_ptr_null(v);

    recert_credential *e = (recert_credential *)&e;
    ck_assert_int_eq(recert_credential_copy(&e, NULL), RECERT_EINVAL);
    ck_assert_ptr_null(e);
    recert_credential_free(d);
}
END_TEST

/* ---- holders ---------------------------------------------------------- */

static recert_credential *make_credential(const char *id, const char *policy)
{
    recert_credential *c = NULL;
    ck_assert_int_eq(recert_credential_new(&c, id, policy, D2022_04_10), RECERT_OK);
    return c;
}

static recert_credit *make_credit(const char *id, int64_t centihours)
{
    recert_credit *k = NULL;
    ck_assert_int_eq(recert_credit_new(&k, id, D2025_02_01), RECERT_OK);
    ck_assert_int_eq(recert_credit_set_hours(k, centihours), RECERT_OK);
    return k;
}

START_TEST(test_holder_basics)
{
    recert_holder *h = NULL;
    ck_assert_int_eq(recert_holder_new(&h, "trainer-0042"), RECERT_OK);
    ck_assert_str_eq(recert_holder_id(h), "trainer-0042");
    ck_assert_ptr_null(recert_holder_name(h));
    ck_assert_uint_eq(recert_holder_credential_count(h), 0);
    ck_assert_uint_eq(recert_holder_credit_count(h), 0);
    ck_assert_uint_eq(recert_holder_cpr_aed_count(h), 0);
    ck_assert_uint_eq(recert_holder_x_count(h), 0);
    ck_assert_int_eq(recert_holder_set_name(h, "Jane Doe"), RECERT_OK);
    ck_assert_str_eq(recert_holder_name(h), "Jane Doe");
    ck_assert_int_eq(recert_holder_set_name(h, NULL), RECERT_OK);
    ck_assert_ptr_null(recert_holder_name(h));
    recert_holder_free(h);
    recert_holder_free(NULL);

    h = (recert_holder *)&h;
    ck_assert_int_eq(recert_holder_new(&h, ""), RECERT_EINVAL);
    ck_assert_ptr_null(h);
    ck_assert_int_eq(recert_holder_new(&h, NULL), RECERT_EINVAL);
    ck_assert_int_eq(recert_holder_new(NULL, "x"), RECERT_EINVAL);
    ck_assert_int_eq(recert_holder_set_name(NULL, "x"), RECERT_EINVAL);
}
END_TEST

START_TEST(test_holder_children)
{
    /* holder.h: "Adding a credential or credit copies it: the caller still
     * owns and frees what it passed"; RECERT_EEXISTS on a duplicate id. */
    recert_holder *h = NULL;
    ck_assert_int_eq(recert_holder_new(&h, "trainer-0042"), RECERT_OK);
    recert_credential *nasm = make_credential("nasm", "nasm-cpt");
    recert_credential *acsm = make_credential("acsm", "acsm-cpt");
    ck_assert_int_eq(recert_holder_add_credential(h, nasm), RECERT_OK);
    ck_assert_int_eq(recert_holder_add_credential(h, acsm), RECERT_OK);
    ck_assert_uint_eq(recert_holder_credential_count(h), 2);
    const recert_credential *c0 = recert_holder_credential_at(h, 0);
    ck_assert_ptr_ne(c0, nasm); /* a copy */
    ck_assert_str_eq(recert_credential_id(c0), "nasm");
    ck_assert_str_eq(recert_credential_id(recert_holder_credential_at(h, 1)), "acsm");
    ck_assert_ptr_null(recert_holder_credential_at(h, 2));

    /* Changing or freeing what was passed does not touch the holder's. */
    ck_assert_int_eq(recert_credential_set_policy(nasm, "other"), RECERT_OK);
    ck_assert_str_eq(recert_credential_policy(recert_holder_credential_at(h, 0)), "nasm-cpt");

    /* A duplicate id: EEXISTS, nothing added. */
    recert_error_clear();
    ck_assert_int_eq(recert_holder_add_credential(h, nasm), RECERT_EEXISTS);
    ck_assert_int_eq(recert_error_code(), RECERT_EEXISTS);
    ck_assert_uint_eq(recert_holder_credential_count(h), 2);
    ck_assert_ptr_eq(recert_holder_credential_at(h, 0), c0); /* not moved */
    recert_credential_free(nasm);
    recert_credential_free(acsm);

    recert_credit *k1 = make_credit("k1", 150);
    recert_credit *k2 = make_credit("k2", 400);
    ck_assert_int_eq(recert_holder_add_credit(h, k1), RECERT_OK);
    ck_assert_int_eq(recert_holder_add_credit(h, k2), RECERT_OK);
    ck_assert_int_eq(recert_holder_add_credit(h, k1), RECERT_EEXISTS);
    ck_assert_uint_eq(recert_holder_credit_count(h), 2);
    /* The same id may be used by a credential and a credit. */
    recert_credit *kn = make_credit("nasm", 100);
    ck_assert_int_eq(recert_holder_add_credit(h, kn), RECERT_OK);
    recert_credit_free(kn);
    ck_assert_int_eq(recert_credit_set_hours(k1, 999), RECERT_OK);
    ck_assert_int_eq(recert_credit_amount(recert_holder_credit_at(h, 0)), 150);
    recert_credit_free(k1);
    recert_credit_free(k2);
    ck_assert_uint_eq(recert_holder_credit_count(h), 3);
    ck_assert_str_eq(recert_credit_id(recert_holder_credit_at(h, 1)), "k2");

    /* Removing by index keeps the order of the rest. */
    ck_assert_int_eq(recert_holder_remove_credit(h, 0), RECERT_OK);
    ck_assert_uint_eq(recert_holder_credit_count(h), 2);
    ck_assert_str_eq(recert_credit_id(recert_holder_credit_at(h, 0)), "k2");
    ck_assert_str_eq(recert_credit_id(recert_holder_credit_at(h, 1)), "nasm");
    ck_assert_int_eq(recert_holder_remove_credit(h, 2), RECERT_ERANGE);
    ck_assert_int_eq(recert_holder_remove_credit(h, 1), RECERT_OK);
    ck_assert_int_eq(recert_holder_remove_credit(h, 0), RECERT_OK);
    ck_assert_uint_eq(recert_holder_credit_count(h), 0);
    ck_assert_int_eq(recert_holder_remove_credit(h, 0), RECERT_ERANGE);

    /* After removing "nasm", the id may be added again. */
    ck_assert_int_eq(recert_holder_remove_credential(h, 0), RECERT_OK);
    ck_assert_uint_eq(recert_holder_credential_count(h), 1);
    ck_assert_str_eq(recert_credential_id(recert_holder_credential_at(h, 0)), "acsm");
    recert_credential *again = make_credential("nasm", "nasm-cpt");
    ck_assert_int_eq(recert_holder_add_credential(h, again), RECERT_OK);
    recert_credential_free(again);
    ck_assert_str_eq(recert_credential_id(recert_holder_credential_at(h, 1)), "nasm");
    ck_assert_int_eq(recert_holder_remove_credential(h, 5), RECERT_ERANGE);
    ck_assert_int_eq(recert_error_code(), RECERT_ERANGE);

    /* NULL arguments. */
    ck_assert_int_eq(recert_holder_add_credential(h, NULL), RECERT_EINVAL);
    ck_assert_int_eq(recert_holder_add_credit(h, NULL), RECERT_EINVAL);
    ck_assert_int_eq(recert_holder_add_credential(NULL, recert_holder_credential_at(h, 0)),
                     RECERT_EINVAL);
    ck_assert_int_eq(recert_holder_remove_credential(NULL, 0), RECERT_EINVAL);
    ck_assert_int_eq(recert_holder_remove_credit(NULL, 0), RECERT_EINVAL);
    recert_holder_free(h);
}
END_TEST

START_TEST(test_holder_many_children)
{
    /* The arrays grow: 200 credits and the most credentials, in order. */
    recert_holder *h = NULL;
    ck_assert_int_eq(recert_holder_new(&h, "busy"), RECERT_OK);
    for (int i = 0; i < 200; i++) {
        char id[16];
        snprintf(id, sizeof id, "k%d", i);
        recert_credit *k = make_credit(id, 100 + i);
        ck_assert_int_eq(recert_holder_add_credit(h, k), RECERT_OK);
        recert_credit_free(k);
    }
    for (int i = 0; i < RECERT_MAX_CREDENTIALS; i++) {
        char id[16];
        snprintf(id, sizeof id, "c%d", i);
        recert_credential *c = make_credential(id, "nasm-cpt");
        ck_assert_int_eq(recert_holder_add_credential(h, c), RECERT_OK);
        /* a holder that is full says so first */
        ck_assert_int_eq(recert_holder_add_credential(h, c),
                         i + 1 < RECERT_MAX_CREDENTIALS ? RECERT_EEXISTS : RECERT_ELIMIT);
        recert_credential_free(c);
    }
    ck_assert_uint_eq(recert_holder_credit_count(h), 200);
    ck_assert_uint_eq(recert_holder_credential_count(h), RECERT_MAX_CREDENTIALS);
    for (size_t i = 0; i < 200; i++)
        ck_assert_int_eq(recert_credit_amount(recert_holder_credit_at(h, i)), 100 + (int64_t)i);
    ck_assert_str_eq(recert_credit_id(recert_holder_credit_at(h, 199)), "k199");
    char last[16];
    snprintf(last, sizeof last, "c%d", RECERT_MAX_CREDENTIALS - 1);
    ck_assert_str_eq(recert_credential_id(recert_holder_credential_at(h, RECERT_MAX_CREDENTIALS - 1)), last);
    recert_holder_free(h);
}
END_TEST

START_TEST(test_holder_cpr_aed)
{
    /* docs/format.md cpr_aed: completed and expires required; hands_on and
     * adult_cpr_aed default to true. The example: completed 2025-06-01,
     * expires 2027-06-01, hands-on. */
    recert_holder *h = NULL;
    ck_assert_int_eq(recert_holder_new(&h, "trainer-0042"), RECERT_OK);
    ck_assert_int_eq(recert_holder_add_cpr_aed(h, D2025_06_01, D2027_06_01, 1, -1), RECERT_OK);
    /* Not given (-1): true. An online-only course that did not cover adult
     * CPR/AED: 0, 0. Same day twice: a one-day validity is allowed. */
    ck_assert_int_eq(recert_holder_add_cpr_aed(h, D2025_02_01, D2026_04_10, -1, -1), RECERT_OK);
    ck_assert_int_eq(recert_holder_add_cpr_aed(h, D2025_02_01, D2025_02_01, 0, 0), RECERT_OK);
    ck_assert_uint_eq(recert_holder_cpr_aed_count(h), 3);
    ck_assert_int_eq(recert_holder_cpr_aed_completed(h, 0), D2025_06_01);
    ck_assert_int_eq(recert_holder_cpr_aed_expires(h, 0), D2027_06_01);
    ck_assert_int_eq(recert_holder_cpr_aed_hands_on(h, 0), 1);
    ck_assert_int_eq(recert_holder_cpr_aed_adult(h, 0), 1);
    ck_assert_int_eq(recert_holder_cpr_aed_hands_on(h, 1), 1);
    ck_assert_int_eq(recert_holder_cpr_aed_adult(h, 1), 1);
    ck_assert_int_eq(recert_holder_cpr_aed_hands_on(h, 2), 0);
    ck_assert_int_eq(recert_holder_cpr_aed_adult(h, 2), 0);
    /* Out of range: -1 and NONE. */
    ck_assert_int_eq(recert_holder_cpr_aed_hands_on(h, 3), -1);
    ck_assert_int_eq(recert_holder_cpr_aed_adult(h, 3), -1);
    ck_assert_int_eq(recert_holder_cpr_aed_completed(h, 3), RECERT_DAY_NONE);
    ck_assert_int_eq(recert_holder_cpr_aed_expires(h, 3), RECERT_DAY_NONE);

    /* Errors: expires before completed (EINVAL), days out of range
     * (ERANGE), flags other than 1, 0, -1 (EINVAL); nothing added. */
    ck_assert_int_eq(recert_holder_add_cpr_aed(h, D2027_06_01, D2025_06_01, 1, 1), RECERT_EINVAL);
    ck_assert_int_eq(recert_error_code(), RECERT_EINVAL);
    ck_assert_int_eq(recert_holder_add_cpr_aed(h, RECERT_DAY_NONE, D2025_06_01, 1, 1),
                     RECERT_ERANGE);
    ck_assert_int_eq(recert_holder_add_cpr_aed(h, D2025_06_01, RECERT_DAY_NONE, 1, 1),
                     RECERT_ERANGE);
    ck_assert_int_eq(recert_holder_add_cpr_aed(h, D2025_06_01, RECERT_DAY_MAX + 1, 1, 1),
                     RECERT_ERANGE);
    ck_assert_int_eq(recert_holder_add_cpr_aed(h, D2025_06_01, D2027_06_01, 2, 1), RECERT_EINVAL);
    ck_assert_int_eq(recert_holder_add_cpr_aed(h, D2025_06_01, D2027_06_01, 1, -2), RECERT_EINVAL);
    ck_assert_int_eq(recert_holder_add_cpr_aed(NULL, D2025_06_01, D2027_06_01, 1, 1),
                     RECERT_EINVAL);
    ck_assert_uint_eq(recert_holder_cpr_aed_count(h), 3);

    /* Remove the middle one: the others keep their order. */
    ck_assert_int_eq(recert_holder_remove_cpr_aed(h, 1), RECERT_OK);
    ck_assert_uint_eq(recert_holder_cpr_aed_count(h), 2);
    ck_assert_int_eq(recert_holder_cpr_aed_completed(h, 0), D2025_06_01);
    ck_assert_int_eq(recert_holder_cpr_aed_expires(h, 1), D2025_02_01);
    ck_assert_int_eq(recert_holder_remove_cpr_aed(h, 2), RECERT_ERANGE);
    ck_assert_int_eq(recert_holder_remove_cpr_aed(NULL, 0), RECERT_EINVAL);
    recert_holder_free(h);
}
END_TEST

START_TEST(test_holder_copy_is_deep)
{
    recert_holder *h = NULL, *g = NULL;
    ck_assert_int_eq(recert_holder_new(&h, "trainer-0042"), RECERT_OK);
    ck_assert_int_eq(recert_holder_set_name(h, "Jane Doe"), RECERT_OK);
    recert_credential *c = make_credential("nasm", "nasm-cpt");
    ck_assert_int_eq(recert_credential_x_set(c, "x-c", "1"), RECERT_OK);
    ck_assert_int_eq(recert_holder_add_credential(h, c), RECERT_OK);
    recert_credential_free(c);
    recert_credit *k = make_credit("k1", 150);
    const char *ids[] = {"nasm"};
    ck_assert_int_eq(recert_credit_set_applies_to(k, ids, 1), RECERT_OK);
    ck_assert_int_eq(recert_holder_add_credit(h, k), RECERT_OK);
    recert_credit_free(k);
    ck_assert_int_eq(recert_holder_add_cpr_aed(h, D2025_06_01, D2027_06_01, 0, 1), RECERT_OK);
    ck_assert_int_eq(recert_holder_x_set(h, "x-h", "{\"team\":\"A\"}"), RECERT_OK);

    ck_assert_int_eq(recert_holder_copy(&g, h), RECERT_OK);
    ck_assert_ptr_ne(recert_holder_credential_at(g, 0), recert_holder_credential_at(h, 0));
    recert_holder_free(h);

    ck_assert_str_eq(recert_holder_id(g), "trainer-0042");
    ck_assert_str_eq(recert_holder_name(g), "Jane Doe");
    ck_assert_uint_eq(recert_holder_credential_count(g), 1);
    const recert_credential *gc = recert_holder_credential_at(g, 0);
    ck_assert_str_eq(recert_credential_policy(gc), "nasm-cpt");
    ck_assert_uint_eq(recert_credential_x_count(gc), 1);
    ck_assert_uint_eq(recert_holder_credit_count(g), 1);
    const recert_credit *gk = recert_holder_credit_at(g, 0);
    ck_assert_int_eq(recert_credit_amount(gk), 150);
    ck_assert_str_eq(recert_credit_applies_to_at(gk, 0), "nasm");
    ck_assert_uint_eq(recert_holder_cpr_aed_count(g), 1);
    ck_assert_int_eq(recert_holder_cpr_aed_hands_on(g, 0), 0);
    ck_assert_int_eq(recert_holder_cpr_aed_adult(g, 0), 1);
    char *v = NULL;
    ck_assert_int_eq(recert_holder_x_get(&v, g, "x-h"), RECERT_OK);
    ck_assert_str_eq(v, "{\"team\":\"A\"}");
    recert_free(v);

    /* The copy can grow on its own. */
    recert_credit *k2 = make_credit("k2", 50);
    ck_assert_int_eq(recert_holder_add_credit(g, k2), RECERT_OK);
    recert_credit_free(k2);
    ck_assert_uint_eq(recert_holder_credit_count(g), 2);

    recert_holder *e = (recert_holder *)&e;
    ck_assert_int_eq(recert_holder_copy(&e, NULL), RECERT_EINVAL);
    ck_assert_ptr_null(e);
    recert_holder_free(g);
}
END_TEST

START_TEST(test_holder_x_and_nulls)
{
    recert_holder *h = NULL;
    ck_assert_int_eq(recert_holder_new(&h, "h"), RECERT_OK);
    ck_assert_int_eq(recert_holder_x_set(h, "x-a", "null"), RECERT_OK);
    ck_assert_int_eq(recert_holder_x_set(h, "x-b", "[]"), RECERT_OK);
    ck_assert_uint_eq(recert_holder_x_count(h), 2);
    ck_assert_str_eq(recert_holder_x_key(h, 0), "x-a");
    ck_assert_ptr_null(recert_holder_x_key(h, 2));
    char *v = NULL;
    ck_assert_int_eq(recert_holder_x_get(&v, h, "x-a"), RECERT_OK);
    ck_assert_str_eq(v, "null"); /* a JSON null is a value, not absence */
    recert_free(v);
    ck_assert_int_eq(recert_holder_x_set(h, "x-a", NULL), RECERT_OK);
    ck_assert_int_eq(recert_holder_x_get(&v, h, "x-a"), RECERT_ENOTFOUND);
    ck_assert_int_eq(recert_holder_x_set(h, "name", "\"n\""), RECERT_EINVAL);
    ck_assert_int_eq(recert_holder_x_set(h, "x-c", ""), RECERT_EPARSE);
    ck_assert_uint_eq(recert_holder_x_count(h), 1);
    ck_assert_int_eq(recert_holder_x_set(NULL, "x-a", "1"), RECERT_EINVAL);
    recert_holder_free(h);

    /* holder.h getters on NULL. */
    ck_assert_ptr_null(recert_holder_id(NULL));
    ck_assert_ptr_null(recert_holder_name(NULL));
    ck_assert_uint_eq(recert_holder_credential_count(NULL), 0);
    ck_assert_ptr_null(recert_holder_credential_at(NULL, 0));
    ck_assert_uint_eq(recert_holder_credit_count(NULL), 0);
    ck_assert_ptr_null(recert_holder_credit_at(NULL, 0));
    ck_assert_uint_eq(recert_holder_cpr_aed_count(NULL), 0);
    ck_assert_int_eq(recert_holder_cpr_aed_completed(NULL, 0), RECERT_DAY_NONE);
    ck_assert_int_eq(recert_holder_cpr_aed_expires(NULL, 0), RECERT_DAY_NONE);
    ck_assert_int_eq(recert_holder_cpr_aed_hands_on(NULL, 0), -1);
    ck_assert_int_eq(recert_holder_cpr_aed_adult(NULL, 0), -1);
    ck_assert_uint_eq(recert_holder_x_count(NULL), 0);
    ck_assert_ptr_null(recert_holder_x_key(NULL, 0));
    v = (char *)"x";
    ck_assert_int_eq(recert_holder_x_get(&v, NULL, "x-a"), RECERT_EINVAL);
    ck_assert_ptr_null(v);
}
END_TEST

/* ---- limits: sums of credit amounts (docs/rules.md "Limits") ------------ */

/* A policy whose unit is the smallest a policy may declare: per_hour
 * 0.000001, so 1 unit is 10^6 contact hours = 10^8 centihours. Required:
 * 10 units = 10^9 centihours; category "c" needs 1 unit (10^8). Petition
 * fee 10^11 cents, the most a fee may be. */
#define TINY_POLICY                                                                                 \
    "{\"id\":\"tiny\",\"organization\":\"O\",\"name\":\"N\",\"currency\":\"USD\","                  \
    "\"unit\":{\"name\":\"TU\",\"per_hour\":0.000001},\"cycle\":{\"years\":2,\"expires\":"           \
    "\"anniversary\"},\"credits_required\":10,\"unapproved_credits\":\"petition\","                \
    "\"fees\":{\"renewal_cents\":100000000000,\"petition_cents\":100000000000},"                     \
    "\"categories\":[{\"id\":\"c\",\"min\":1}]}"

/* A records document of one holder (credential under "tiny", certified
 * 2024-06-01) with n credits of `units` TU each, completed 2025-01-01;
 * every odd one not preapproved with a petition pending (filed
 * 2025-01-02); credit `odd_one` (or none: -1) of `odd_units` instead. */
static char *tiny_roster(size_t n, const char *units, long odd_one, const char *odd_units)
{
    size_t cap = 4096 + n * 200, len = 0;
    char *t = malloc(cap);
    ck_assert_ptr_nonnull(t);
    len += (size_t)snprintf(t + len, cap - len,
                            "{\"recert\":1,\"policies\":[" TINY_POLICY "],\"holders\":[{\"id\":\"h\","
                            "\"credentials\":[{\"id\":\"c1\",\"policy\":\"tiny\",\"certified\":\"2024-06-01\"}],"
                            "\"credits\":[");
    for (size_t i = 0; i < n; i++)
        len += (size_t)snprintf(t + len, cap - len,
                                "%s{\"id\":\"k%zu\",\"completed\":\"2025-01-01\",\"amount\":%s,\"unit\":\"TU\","
                                "\"category\":\"c\"%s}",
                                i ? "," : "", i, (long)i == odd_one ? odd_units : units,
                                i % 2 ? ",\"approval\":\"not_preapproved\",\"petition\":{\"filed\":"
                                        "\"2025-01-02\",\"status\":\"pending\"}"
                                      : "");
    snprintf(t + len, cap - len, "]}]}");
    return t;
}

START_TEST(test_credit_sums_at_the_bound)
{
    /* 10000 credits (RECERT_MAX_CREDITS) of 1,000,000 TU each: 10^6 TU *
     * 10^8 centihours = 10^14 centihours each, exactly
     * RECERT_CREDIT_CENTIHOURS_MAX. Evaluated on 2025-06-01 (S 2024-06-01,
     * E 2026-06-01): the 5000 preapproved count, 5000 * 10^14 = 5 * 10^17;
     * the 5000 pending petitions are 5 * 10^17 pending and 5000 * 10^11 =
     * 5 * 10^14 cents of petition fees; category c earned 5 * 10^17. No sum
     * overflows (under -fsanitize=undefined none stops). */
    ck_assert_int_eq(RECERT_CREDIT_CENTIHOURS_MAX, 100000000000000LL);
    char *doc = tiny_roster(RECERT_MAX_CREDITS, "1000000", -1, NULL);
    recert_roster *r = NULL;
    ck_assert_int_eq(recert_roster_from_json(&r, doc, strlen(doc)), RECERT_OK);
    recert_report *rep = NULL;
    ck_assert_int_eq(recert_roster_evaluate(&rep, r, day_of("2025-06-01")), RECERT_OK);
    ck_assert_int_eq(recert_report_credit_amount(rep, 0, 0), RECERT_CREDIT_CENTIHOURS_MAX);
    ck_assert_int_eq(recert_report_credits(rep, 0, 0, RECERT_CREDITS_EARNED), 500000000000000000LL);
    ck_assert_int_eq(recert_report_credits(rep, 0, 0, RECERT_CREDITS_PENDING), 500000000000000000LL);
    ck_assert_int_eq(recert_report_credits(rep, 0, 0, RECERT_CREDITS_REQUIRED), 1000000000LL);
    ck_assert_int_eq(recert_report_credits(rep, 0, 0, RECERT_CREDITS_SHORTFALL), 0);
    ck_assert_int_eq(recert_report_category_amount(rep, 0, 0, 0, RECERT_CATEGORY_EARNED), 500000000000000000LL);
    ck_assert_int_eq(recert_report_fee(rep, 0, 0, RECERT_FEE_PETITION), 500000000000000LL);
    ck_assert_int_eq(recert_report_status(rep, 0, 0), RECERT_STATUS_ELIGIBLE);
    char *json = NULL;
    ck_assert_int_eq(recert_report_to_json(&json, rep, 0), RECERT_OK);
    recert_free(json);
    recert_report_free(rep);
    recert_roster_free(r);
    free(doc);
}
END_TEST

START_TEST(test_credit_past_the_bound_import)
{
    /* 10000 credits of 10^9 TU (the most an amount may be) were 10^17
     * centihours each, 10^21 together: the sum overflowed int64_t in
     * evaluation (undefined behaviour). Now the first is an error naming
     * its path, and nothing is evaluated. */
    char *doc = tiny_roster(RECERT_MAX_CREDITS, "1000000000", -1, NULL);
    char *out = NULL;
    ck_assert_int_eq(recert_evaluate_json(&out, doc, strlen(doc), "2025-06-01"), RECERT_EDATA);
    ck_assert_ptr_null(out);
    ck_assert_str_eq(recert_error_path(), "holders[0].credits[0].amount");
    ck_assert_ptr_nonnull(strstr(recert_error_message(), "more than one credit may count"));
    recert_roster *r = NULL;
    ck_assert_int_eq(recert_roster_from_json(&r, doc, strlen(doc)), RECERT_EDATA);
    ck_assert_ptr_null(r);
    ck_assert_str_eq(recert_error_path(), "holders[0].credits[0].amount");
    free(doc);

    /* One hundredth of a TU past the bound, at credits[3]: 1000000.01 TU =
     * 10^14 + 10^6 centihours. */
    doc = tiny_roster(5, "1000000", 3, "1000000.01");
    ck_assert_int_eq(recert_roster_from_json(&r, doc, strlen(doc)), RECERT_EDATA);
    ck_assert_str_eq(recert_error_path(), "holders[0].credits[3].amount");
    ck_assert_int_eq(recert_validate_json(&out, doc, strlen(doc)), RECERT_EDATA);
    ck_assert_ptr_nonnull(strstr(out, "holders[0].credits[3].amount"));
    recert_free(out);
    free(doc);
}
END_TEST

START_TEST(test_credit_past_the_bound_handles)
{
    /* The same through the handles: recert_roster_add_holder refuses the
     * holder with the path it would have in the export, and the roster is
     * unchanged; at the bound it joins. */
    char standalone[1024];
    snprintf(standalone, sizeof standalone, "{\"recert\":1,%s", &TINY_POLICY[1]);
    recert_policy *p = NULL;
    ck_assert_int_eq(recert_policy_from_json(&p, standalone, strlen(standalone)), RECERT_OK);
    recert_roster *r = NULL;
    ck_assert_int_eq(recert_roster_new(&r, NULL), RECERT_OK);
    ck_assert_int_eq(recert_roster_add_policy(r, p), RECERT_OK);
    recert_holder *h = NULL;
    ck_assert_int_eq(recert_holder_new(&h, "h"), RECERT_OK);
    recert_credential *c = NULL;
    ck_assert_int_eq(recert_credential_new(&c, "c1", "tiny", day_of("2024-06-01")), RECERT_OK);
    ck_assert_int_eq(recert_holder_add_credential(h, c), RECERT_OK);
    recert_credit *k = NULL;
    ck_assert_int_eq(recert_credit_new(&k, "k0", day_of("2025-01-01")), RECERT_OK);
    ck_assert_int_eq(recert_credit_set_amount(k, 100000001LL, "TU"), RECERT_OK); /* 1000000.01 TU */
    ck_assert_int_eq(recert_holder_add_credit(h, k), RECERT_OK);
    ck_assert_int_eq(recert_roster_add_holder(r, h), RECERT_EDATA);
    ck_assert_str_eq(recert_error_path(), "holders[0].credits[0].amount");
    ck_assert_uint_eq(recert_roster_holder_count(r), 0);
    /* the largest amount, the most credits: refused the same way */
    ck_assert_int_eq(recert_holder_remove_credit(h, 0), RECERT_OK);
    ck_assert_int_eq(recert_credit_set_amount(k, RECERT_AMOUNT_MAX, "TU"), RECERT_OK);
    ck_assert_int_eq(recert_holder_add_credit(h, k), RECERT_OK);
    ck_assert_int_eq(recert_roster_add_holder(r, h), RECERT_EDATA);
    ck_assert_uint_eq(recert_roster_holder_count(r), 0);
    /* at the bound: joins, and counts 10^14 centihours */
    ck_assert_int_eq(recert_holder_remove_credit(h, 0), RECERT_OK);
    ck_assert_int_eq(recert_credit_set_amount(k, 100000000LL, "TU"), RECERT_OK);
    ck_assert_int_eq(recert_holder_add_credit(h, k), RECERT_OK);
    ck_assert_int_eq(recert_roster_add_holder(r, h), RECERT_OK);
    recert_report *rep = NULL;
    ck_assert_int_eq(recert_roster_evaluate(&rep, r, day_of("2025-06-01")), RECERT_OK);
    ck_assert_int_eq(recert_report_credits(rep, 0, 0, RECERT_CREDITS_EARNED), RECERT_CREDIT_CENTIHOURS_MAX);
    recert_report_free(rep);
    /* The standard units never reach the bound: 10^9 CEU is 10^12 centihours. */
    int64_t ch = 0;
    ck_assert_int_eq(recert_amount_to_centihours(&ch, RECERT_AMOUNT_MAX, RECERT_PER_HOUR_CEU), RECERT_OK);
    ck_assert_int_eq(ch, 1000000000000LL);
    ck_assert_int_lt(ch, RECERT_CREDIT_CENTIHOURS_MAX);
    recert_credit_free(k);
    recert_credential_free(c);
    recert_holder_free(h);
    recert_roster_free(r);
    recert_policy_free(p);
}
END_TEST

/* ---- limits: the setters apply import's limits (docs/format.md "Errors") -- */

/* A string of n bytes: "é" (2 bytes) repeated, then 'a' when n is odd. */
static char *long_text(size_t n)
{
    char *t = malloc(n + 1);
    ck_assert_ptr_nonnull(t);
    size_t i = 0;
    for (; i + 2 <= n; i += 2) {
        t[i] = (char)0xC3;
        t[i + 1] = (char)0xA9;
    }
    if (i < n)
        t[i++] = 'a';
    t[i] = '\0';
    return t;
}

/* Strings import refuses, and the setters with them (codes as import:
 * RECERT_ELIMIT over the length; a content error is RECERT_EINVAL). */
static const char *const bad_utf8[] = {
    "\xC3\x28",         /* a lead byte without its continuation */
    "\xC0\xAF",         /* an overlong '/' */
    "\xED\xA0\x80",     /* a surrogate, U+D800 */
    "\xF4\x90\x80\x80", /* beyond U+10FFFF */
    "ok\xFF",           /* a byte that is never UTF-8 */
};

/* Every string setter of the three handles, by number: call setter i on
 * (k, c, h) with s; returns its code. */
static int set_string(int i, recert_credit *k, recert_credential *c, recert_holder *h, const char *s)
{
    const char *ids[1] = {s};
    switch (i) {
    case 0: return recert_holder_set_name(h, s);
    case 1: return recert_credential_set_policy(c, s);
    case 2: return recert_credential_set_number(c, s);
    case 3: return recert_credit_set_title(k, s);
    case 4: return recert_credit_set_provider(k, s);
    case 5: return recert_credit_set_amount(k, 100, s);
    case 6: return recert_credit_set_category(k, s);
    case 7: return recert_credit_set_applies_to(k, ids, 1);
    default: {
        /* the ids given to the constructors */
        recert_holder *h2 = NULL;
        recert_credential *c2 = NULL;
        recert_credit *k2 = NULL;
        int rc = i == 8 ? recert_holder_new(&h2, s) : i == 9 ? recert_credential_new(&c2, s, "p", D2025_02_01)
               : i == 10 ? recert_credential_new(&c2, "c", s, D2025_02_01) : recert_credit_new(&k2, s, D2025_02_01);
        ck_assert_ptr_null(rc == RECERT_OK ? NULL : (void *)h2);
        ck_assert_ptr_null(rc == RECERT_OK ? NULL : (void *)c2);
        ck_assert_ptr_null(rc == RECERT_OK ? NULL : (void *)k2);
        recert_holder_free(h2);
        recert_credential_free(c2);
        recert_credit_free(k2);
        return rc;
    }
    }
}
enum { STRING_SETTERS = 12 };

/* What a string setter changed: the value it reads back (NULL: absent). */
static const char *get_string(int i, const recert_credit *k, const recert_credential *c, const recert_holder *h)
{
    switch (i) {
    case 0: return recert_holder_name(h);
    case 1: return recert_credential_policy(c);
    case 2: return recert_credential_number(c);
    case 3: return recert_credit_title(k);
    case 4: return recert_credit_provider(k);
    case 5: return recert_credit_unit(k);
    case 6: return recert_credit_category(k);
    case 7: return recert_credit_applies_to_at(k, 0);
    default: return "constructor";
    }
}

START_TEST(test_setters_string_limits)
{
    /* 65536 bytes (RECERT_MAX_STRING_BYTES, 32768 two-byte characters) is
     * accepted by every string setter, 65537 is RECERT_ELIMIT (it used to be
     * accepted by recert_holder_set_name and refused on re-import); a string
     * that is not UTF-8 is RECERT_EINVAL. On failure the value is as it was. */
    char *at = long_text(RECERT_MAX_STRING_BYTES), *past = long_text(RECERT_MAX_STRING_BYTES + 1);
    recert_credit *k = NULL;
    recert_credential *c = NULL;
    recert_holder *h = NULL;
    ck_assert_int_eq(recert_credit_new(&k, "k", D2025_02_01), RECERT_OK);
    ck_assert_int_eq(recert_credential_new(&c, "c", "p", D2025_02_01), RECERT_OK);
    ck_assert_int_eq(recert_holder_new(&h, "h"), RECERT_OK);
    for (int i = 0; i < STRING_SETTERS; i++) {
        ck_assert_int_eq(set_string(i, k, c, h, "before"), RECERT_OK);
        ck_assert_int_eq(set_string(i, k, c, h, past), RECERT_ELIMIT);
        ck_assert_str_eq(get_string(i, k, c, h), i < 8 ? "before" : "constructor");
        ck_assert_ptr_nonnull(strstr(recert_error_message(), "longer than the limit of 65536"));
        for (size_t b = 0; b < sizeof bad_utf8 / sizeof *bad_utf8; b++) {
            ck_assert_int_eq(set_string(i, k, c, h, bad_utf8[b]), RECERT_EINVAL);
            ck_assert_ptr_nonnull(strstr(recert_error_message(), "not valid UTF-8"));
            ck_assert_str_eq(get_string(i, k, c, h), i < 8 ? "before" : "constructor");
        }
        ck_assert_int_eq(set_string(i, k, c, h, at), RECERT_OK);
        if (i < 8)
            ck_assert_str_eq(get_string(i, k, c, h), at);
        ck_assert_int_eq(set_string(i, k, c, h, "\xF0\x9F\x98\x80 \xE2\x82\xAC"), RECERT_OK); /* 4 and 3 bytes */
    }
    recert_credit_free(k);
    recert_credential_free(c);
    recert_holder_free(h);
    free(at);
    free(past);
}
END_TEST

START_TEST(test_import_string_limits)
{
    /* The same limits at import, with the path: a 65537-byte name is
     * RECERT_ELIMIT, an applies_to id too (it used to be read without a
     * check). */
    char *past = long_text(RECERT_MAX_STRING_BYTES + 1);
    size_t cap = 2 * RECERT_MAX_STRING_BYTES + 512;
    char *doc = malloc(cap);
    ck_assert_ptr_nonnull(doc);
    recert_roster *r = NULL;
    snprintf(doc, cap, "{\"recert\":1,\"holders\":[{\"id\":\"h\",\"name\":\"%s\"}]}", past);
    ck_assert_int_eq(recert_roster_from_json(&r, doc, strlen(doc)), RECERT_ELIMIT);
    ck_assert_str_eq(recert_error_path(), "holders[0].name");
    ck_assert_ptr_nonnull(strstr(recert_error_message(), "a string of 65537 bytes is longer than the limit of 65536"));
    const char *credential = "\"credentials\":[{\"id\":\"a\",\"policy\":\"nasm-cpt\",\"certified\":\"2024-04-10\"}]";
    snprintf(doc, cap,
             "{\"recert\":1,\"holders\":[{\"id\":\"h\",%s,\"credits\":[{\"id\":\"k\",\"completed\":\"2025-02-01\","
             "\"hours\":1,\"applies_to\":[\"%s\"]}]}]}", credential, past);
    ck_assert_int_eq(recert_roster_from_json(&r, doc, strlen(doc)), RECERT_ELIMIT);
    ck_assert_str_eq(recert_error_path(), "holders[0].credits[0].applies_to[0]");
    ck_assert_ptr_null(r);
    free(doc);
    free(past);
}
END_TEST

START_TEST(test_setters_count_limits)
{
    /* applies_to: RECERT_MAX_APPLIES_TO (1000) ids, as an import reads; 1001
     * is RECERT_ELIMIT and leaves the list as it was. */
    recert_credit *k = NULL;
    ck_assert_int_eq(recert_credit_new(&k, "k", D2025_02_01), RECERT_OK);
    const char **ids = malloc((RECERT_MAX_APPLIES_TO + 1) * sizeof *ids);
    ck_assert_ptr_nonnull(ids);
    for (size_t i = 0; i <= RECERT_MAX_APPLIES_TO; i++)
        ids[i] = "nasm";
    ck_assert_int_eq(recert_credit_set_applies_to(k, ids, 2), RECERT_OK);
    ck_assert_int_eq(recert_credit_set_applies_to(k, ids, RECERT_MAX_APPLIES_TO + 1), RECERT_ELIMIT);
    ck_assert_int_eq(recert_credit_applies_to_count(k), 2);
    ck_assert_int_eq(recert_credit_set_applies_to(k, ids, RECERT_MAX_APPLIES_TO), RECERT_OK);
    ck_assert_int_eq(recert_credit_applies_to_count(k), RECERT_MAX_APPLIES_TO);
    free(ids);
    recert_credit_free(k);

    /* A roster's own policies: RECERT_MAX_POLICIES (1000), as an import
     * reads; one more is RECERT_ELIMIT, while replacing one of them is not. */
    recert_roster *r = NULL;
    ck_assert_int_eq(recert_roster_new(&r, NULL), RECERT_OK);
    for (int i = 0; i <= RECERT_MAX_POLICIES; i++) {
        char text[512];
        snprintf(text, sizeof text,
                 "{\"recert\":1,\"id\":\"p%d\",\"organization\":\"O\",\"name\":\"N\",\"currency\":\"USD\","
                 "\"unit\":{\"name\":\"hours\",\"per_hour\":1},\"cycle\":{\"years\":2,\"expires\":\"anniversary\"},"
                 "\"credits_required\":1}", i == RECERT_MAX_POLICIES ? 0 : i);
        recert_policy *p = NULL;
        ck_assert_int_eq(recert_policy_from_json(&p, text, strlen(text)), RECERT_OK);
        ck_assert_int_eq(recert_roster_add_policy(r, p), RECERT_OK); /* the last replaces p0 */
        recert_policy_free(p);
    }
    ck_assert_uint_eq(recert_roster_policy_count(r), RECERT_MAX_POLICIES);
    const char *more = "{\"recert\":1,\"id\":\"one-more\",\"organization\":\"O\",\"name\":\"N\",\"currency\":\"USD\","
                       "\"unit\":{\"name\":\"hours\",\"per_hour\":1},\"cycle\":{\"years\":2,\"expires\":"
                       "\"anniversary\"},\"credits_required\":1}";
    recert_policy *p = NULL;
    ck_assert_int_eq(recert_policy_from_json(&p, more, strlen(more)), RECERT_OK);
    ck_assert_int_eq(recert_roster_add_policy(r, p), RECERT_ELIMIT);
    ck_assert_uint_eq(recert_roster_policy_count(r), RECERT_MAX_POLICIES);
    recert_policy_free(p);
    char *json = NULL;
    ck_assert_int_eq(recert_roster_to_json(&json, r, 0), RECERT_OK);
    recert_roster *back = NULL;
    ck_assert_int_eq(recert_roster_from_json(&back, json, strlen(json)), RECERT_OK);
    ck_assert_uint_eq(recert_roster_policy_count(back), RECERT_MAX_POLICIES);
    recert_roster_free(back);
    recert_free(json);
    recert_roster_free(r);
}
END_TEST

/* "[[...[0]...]]": depth values open at once (depth - 1 arrays around 0). */
static char *nested(size_t depth)
{
    char *t = malloc(2 * depth + 1);
    ck_assert_ptr_nonnull(t);
    size_t n = 0;
    for (size_t i = 1; i < depth; i++)
        t[n++] = '[';
    t[n++] = '0';
    for (size_t i = 1; i < depth; i++)
        t[n++] = ']';
    t[n] = '\0';
    return t;
}

START_TEST(test_x_member_limits)
{
    /* A document has at most 2048 values open at once (as jansson reads). A
     * credit's x- member is at depth 6 (document, holders, holder, credits,
     * credit, value), so its value may be 2043 deep: 2044 is RECERT_ELIMIT
     * (it used to be accepted, and its export refused on import). A holder's
     * member is at depth 4 (2045), the roster's at 2 (2047). A name that is
     * not UTF-8 is RECERT_EINVAL. */
    recert_roster *r = NULL;
    ck_assert_int_eq(recert_roster_new(&r, NULL), RECERT_OK);
    recert_holder *h = NULL;
    ck_assert_int_eq(recert_holder_new(&h, "h"), RECERT_OK);
    recert_credential *c = NULL;
    ck_assert_int_eq(recert_credential_new(&c, "c", "nasm-cpt", D2024_04_10), RECERT_OK);
    recert_credit *k = NULL;
    ck_assert_int_eq(recert_credit_new(&k, "k", D2025_02_01), RECERT_OK);
    ck_assert_int_eq(recert_credit_set_hours(k, 100), RECERT_OK);

    char *v;
    v = nested(2044);
    ck_assert_int_eq(recert_credit_x_set(k, "x-deep", v), RECERT_ELIMIT);
    ck_assert_uint_eq(recert_credit_x_count(k), 0);
    ck_assert_int_eq(recert_credential_x_set(c, "x-deep", v), RECERT_ELIMIT);
    free(v);
    v = nested(2043);
    ck_assert_int_eq(recert_credit_x_set(k, "x-deep", v), RECERT_OK);
    ck_assert_int_eq(recert_credential_x_set(c, "x-deep", v), RECERT_OK);
    free(v);
    v = nested(2046);
    ck_assert_int_eq(recert_holder_x_set(h, "x-deep", v), RECERT_ELIMIT);
    free(v);
    v = nested(2045);
    ck_assert_int_eq(recert_holder_x_set(h, "x-deep", v), RECERT_OK);
    free(v);
    v = nested(2048);
    ck_assert_int_eq(recert_roster_x_set(r, "x-deep", v), RECERT_ELIMIT);
    free(v);
    v = nested(2047);
    ck_assert_int_eq(recert_roster_x_set(r, "x-deep", v), RECERT_OK);
    free(v);
    /* objects count as arrays do, their keys not at all */
    ck_assert_int_eq(recert_credit_x_set(k, "x-o", "{\"a\":{\"b\":[1,\"s\"]},\"c\":\"d\"}"), RECERT_OK);
    /* invalid JSON is still RECERT_EPARSE, however deep */
    v = nested(3000);
    v[10] = '}';
    ck_assert_int_eq(recert_credit_x_set(k, "x-bad", v), RECERT_EPARSE);
    free(v);
    ck_assert_int_eq(recert_credit_x_set(k, "x-\xC3\x28", "1"), RECERT_EINVAL);
    ck_assert_int_eq(recert_holder_x_set(h, "x-\xFF", "1"), RECERT_EINVAL);
    ck_assert_int_eq(recert_roster_x_set(r, "x-\xED\xA0\x80", NULL), RECERT_EINVAL);
    ck_assert_int_eq(recert_credit_x_set(k, "x-\xC3\xA9", "1"), RECERT_OK);

    /* Every member at its deepest: the export imports, and exports the same. */
    ck_assert_int_eq(recert_holder_add_credential(h, c), RECERT_OK);
    ck_assert_int_eq(recert_holder_add_credit(h, k), RECERT_OK);
    ck_assert_int_eq(recert_roster_add_holder(r, h), RECERT_OK);
    char *json = NULL, *again = NULL;
    ck_assert_int_eq(recert_roster_to_json(&json, r, 0), RECERT_OK);
    recert_roster *back = NULL;
    ck_assert_int_eq(recert_roster_from_json(&back, json, strlen(json)), RECERT_OK);
    ck_assert_int_eq(recert_roster_to_json(&again, back, 0), RECERT_OK);
    ck_assert_str_eq(json, again);
    recert_free(json);
    recert_free(again);
    recert_roster_free(back);

    /* A policy sits at depth 3 of a records document (document, policies,
     * policy): one whose own depth is 2047 imports alone, and a roster
     * refuses it (RECERT_ELIMIT); at 2046 it is taken. */
    for (size_t depth = 2047; depth >= 2046; depth--) {
        v = nested(depth - 1); /* the value of a member of the policy object */
        size_t cap = strlen(v) + 512;
        char *text = malloc(cap);
        ck_assert_ptr_nonnull(text);
        snprintf(text, cap,
                 "{\"recert\":1,\"id\":\"deep\",\"organization\":\"O\",\"name\":\"N\",\"currency\":\"USD\","
                 "\"unit\":{\"name\":\"hours\",\"per_hour\":1},\"cycle\":{\"years\":2,\"expires\":\"anniversary\"},"
                 "\"credits_required\":1,\"x-deep\":%s}", v);
        recert_policy *p = NULL;
        ck_assert_int_eq(recert_policy_from_json(&p, text, strlen(text)), RECERT_OK);
        recert_roster *r2 = NULL;
        ck_assert_int_eq(recert_roster_new(&r2, NULL), RECERT_OK);
        ck_assert_int_eq(recert_roster_add_policy(r2, p), depth == 2047 ? RECERT_ELIMIT : RECERT_OK);
        ck_assert_int_eq(recert_roster_to_json(&json, r2, 0), RECERT_OK);
        ck_assert_int_eq(recert_roster_from_json(&back, json, strlen(json)), RECERT_OK);
        ck_assert_uint_eq(recert_roster_policy_count(back), depth == 2047 ? 0 : 1);
        recert_roster_free(back);
        recert_free(json);
        recert_roster_free(r2);
        recert_policy_free(p);
        free(text);
        free(v);
    }

    recert_credit_free(k);
    recert_credential_free(c);
    recert_holder_free(h);
    recert_roster_free(r);
}
END_TEST

static Suite *model_suite(void)
{
    Suite *s = suite_create("model");
    TCase *tc = tcase_create("credit");
    tcase_add_test(tc, test_day_constants);
    tcase_add_test(tc, test_credit_new_and_defaults);
    tcase_add_test(tc, test_credit_new_errors);
    tcase_add_test(tc, test_credit_setters);
    tcase_add_test(tc, test_credit_failures_change_nothing);
    tcase_add_test(tc, test_credit_null_getters);
    tcase_add_test(tc, test_credit_x_members);
    tcase_add_test(tc, test_credit_copy_is_deep);
    suite_add_tcase(s, tc);

    tc = tcase_create("credential");
    tcase_add_test(tc, test_credential_new_and_defaults);
    tcase_add_test(tc, test_credential_setters);
    tcase_add_test(tc, test_credential_failures_change_nothing);
    tcase_add_test(tc, test_credential_null_getters);
    tcase_add_test(tc, test_credential_copy_and_x);
    suite_add_tcase(s, tc);

    tc = tcase_create("holder");
    tcase_add_test(tc, test_holder_basics);
    tcase_add_test(tc, test_holder_children);
    tcase_add_test(tc, test_holder_many_children);
    tcase_add_test(tc, test_holder_cpr_aed);
    tcase_add_test(tc, test_holder_copy_is_deep);
    tcase_add_test(tc, test_holder_x_and_nulls);
    suite_add_tcase(s, tc);

    tc = tcase_create("limits");
    tcase_add_test(tc, test_credit_sums_at_the_bound);
    tcase_add_test(tc, test_credit_past_the_bound_import);
    tcase_add_test(tc, test_credit_past_the_bound_handles);
    tcase_add_test(tc, test_setters_string_limits);
    tcase_add_test(tc, test_import_string_limits);
    tcase_add_test(tc, test_setters_count_limits);
    tcase_add_test(tc, test_x_member_limits);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(model_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failures = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failures != 0;
}
