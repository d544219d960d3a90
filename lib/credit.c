/*
 * librecert — a credit entry: one course or activity of a holder
 * (docs/format.md "Records document", docs/rules.md §2 and §4).
 *
 * Every setter checks its arguments, builds the new value, and only then
 * changes the credit: on failure the credit is as it was.
 *
 * SPDX-License-Identifier: MIT
 */
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* ---- internal --------------------------------------------------------- */

void rc_credit_init(recert_credit *k)
{
    k->completed = RECERT_DAY_NONE;
    k->amount = 0;
    k->unit = NULL;
    k->amount_real = false;
    k->approval = -1;
    k->petition = RECERT_PETITION_NONE;
    k->petition_filed = RECERT_DAY_NONE;
    k->petition_decided = RECERT_DAY_NONE;
    k->applies_to = NULL;
    k->applies_n = -1;
    k->ch = 0;
}

static void free_ids(char **ids, size_t n)
{
    if (!ids)
        return;
    for (size_t i = 0; i < n; i++)
        free(ids[i]);
    free(ids);
}

void rc_credit_clear(recert_credit *k)
{
    if (!k)
        return;
    free(k->id);
    free(k->title);
    free(k->provider);
    free(k->unit);
    free(k->category);
    rc_xlist_free(&k->petition_x);
    free_ids(k->applies_to, k->applies_n > 0 ? (size_t)k->applies_n : 0);
    rc_xlist_free(&k->x);
    memset(k, 0, sizeof *k);
    rc_credit_init(k);
}

/* A copy of n ids (n may be 0: NULL with *ok true). */
static char **copy_ids(const char *const *ids, size_t n, bool *ok)
{
    *ok = true;
    if (n == 0)
        return NULL;
    char **v = calloc(n, sizeof *v);
    if (!v) {
        *ok = false;
        return NULL;
    }
    for (size_t i = 0; i < n; i++) {
        v[i] = rc_strdup(ids[i]);
        if (!v[i]) {
            free_ids(v, i);
            *ok = false;
            return NULL;
        }
    }
    return v;
}

int rc_credit_copy_into(recert_credit *dst, const recert_credit *src)
{
    memset(dst, 0, sizeof *dst);
    *dst = *src;
    dst->id = dst->title = dst->provider = dst->unit = dst->category = NULL;
    dst->applies_to = NULL;
    memset(&dst->petition_x, 0, sizeof dst->petition_x);
    memset(&dst->x, 0, sizeof dst->x);
    long applies_n = src->applies_n;
    dst->applies_n = -1; /* nothing owned yet: safe to clear */

    bool ok;
    if ((src->id && !(dst->id = rc_strdup(src->id))) ||
        (src->title && !(dst->title = rc_strdup(src->title))) ||
        (src->provider && !(dst->provider = rc_strdup(src->provider))) ||
        (src->unit && !(dst->unit = rc_strdup(src->unit))) ||
        (src->category && !(dst->category = rc_strdup(src->category))))
        goto oom;
    if (applies_n > 0) {
        dst->applies_to =
            copy_ids((const char *const *)src->applies_to, (size_t)applies_n, &ok);
        if (!ok)
            goto oom;
    }
    dst->applies_n = applies_n;
    if (rc_xlist_copy(&dst->petition_x, &src->petition_x) != RECERT_OK)
        goto oom;
    if (rc_xlist_copy(&dst->x, &src->x) != RECERT_OK)
        goto oom;
    return RECERT_OK;

oom:
    rc_credit_clear(dst);
    return rc_oom();
}

/* ---- checks ----------------------------------------------------------- */

static int need_credit(const recert_credit *k, const char *fn)
{
    if (!k)
        return rc_fail(RECERT_EINVAL, NULL, "%s: NULL credit", fn);
    return RECERT_OK;
}

static int check_day(int32_t day, const char *what)
{
    return rc_check_day(day, true, what);
}

/* An optional day: RECERT_DAY_NONE or a valid one. */
static int check_opt_day(int32_t day, const char *what)
{
    return rc_check_day(day, false, what);
}

/* As import checks an amount (limits.c): RECERT_EINVAL beyond it. */
static int check_amount(int64_t v, const char *what)
{
    char why[RC_WHY_MAX];
    if (rc_limit_amount(v, why) != RECERT_OK)
        return rc_fail(RECERT_EINVAL, NULL,
                       "%s: %lld hundredths is not in 0 < amount <= 1000000000 units (%s)", what,
                       (long long)v, why);
    return RECERT_OK;
}

/* ---- the public functions -------------------------------------------- */

int recert_credit_new(recert_credit **out, const char *id, int32_t completed)
{
    if (!out)
        return rc_fail(RECERT_EINVAL, NULL, "recert_credit_new: NULL output");
    *out = NULL;
    int rc = rc_check_text(id, "credit id", RC_TEXT_ID);
    if (rc == RECERT_OK)
        rc = check_day(completed, "credit completed");
    if (rc != RECERT_OK)
        return rc;
    recert_credit *k = calloc(1, sizeof *k);
    if (!k)
        return rc_oom();
    rc_credit_init(k);
    k->id = rc_strdup(id);
    if (!k->id) {
        free(k);
        return rc_oom();
    }
    k->completed = completed;
    *out = k;
    return RECERT_OK;
}

int recert_credit_copy(recert_credit **out, const recert_credit *credit)
{
    if (!out)
        return rc_fail(RECERT_EINVAL, NULL, "recert_credit_copy: NULL output");
    *out = NULL;
    int rc = need_credit(credit, "recert_credit_copy");
    if (rc != RECERT_OK)
        return rc;
    recert_credit *k = malloc(sizeof *k);
    if (!k)
        return rc_oom();
    rc = rc_credit_copy_into(k, credit);
    if (rc != RECERT_OK) {
        free(k);
        return rc;
    }
    *out = k;
    return RECERT_OK;
}

void recert_credit_free(recert_credit *credit)
{
    if (!credit)
        return;
    rc_credit_clear(credit);
    free(credit);
}

static int set_text(recert_credit *k, char **field, const char *value, const char *fn, const char *what)
{
    int rc = need_credit(k, fn);
    if (rc == RECERT_OK)
        rc = rc_check_text(value, what, 0);
    if (rc != RECERT_OK)
        return rc;
    if (rc_set_string(field, value) != RECERT_OK)
        return rc_oom();
    return RECERT_OK;
}

int recert_credit_set_title(recert_credit *credit, const char *title)
{
    return set_text(credit, credit ? &credit->title : NULL, title, "recert_credit_set_title", "credit title");
}

int recert_credit_set_provider(recert_credit *credit, const char *provider)
{
    return set_text(credit, credit ? &credit->provider : NULL, provider,
                    "recert_credit_set_provider", "credit provider");
}

int recert_credit_set_category(recert_credit *credit, const char *category)
{
    if (category && !category[0])
        return rc_fail(RECERT_EINVAL, NULL, "recert_credit_set_category: the category is empty (NULL removes it)");
    return set_text(credit, credit ? &credit->category : NULL, category, "recert_credit_set_category",
                    "credit category");
}

int recert_credit_set_completed(recert_credit *credit, int32_t completed)
{
    int rc = need_credit(credit, "recert_credit_set_completed");
    if (rc == RECERT_OK)
        rc = check_day(completed, "credit completed");
    if (rc != RECERT_OK)
        return rc;
    credit->completed = completed;
    return RECERT_OK;
}

int recert_credit_set_hours(recert_credit *credit, int64_t centihours)
{
    int rc = need_credit(credit, "recert_credit_set_hours");
    if (rc == RECERT_OK)
        rc = check_amount(centihours, "credit hours");
    if (rc != RECERT_OK)
        return rc;
    free(credit->unit);
    credit->unit = NULL;
    credit->amount = centihours;
    credit->amount_real = false;
    credit->ch = 0; /* resolved again in a roster */
    return RECERT_OK;
}

int recert_credit_set_amount(recert_credit *credit, int64_t hundredths, const char *unit)
{
    int rc = need_credit(credit, "recert_credit_set_amount");
    if (rc == RECERT_OK)
        rc = check_amount(hundredths, "credit amount");
    if (rc == RECERT_OK)
        rc = rc_check_text(unit, "credit unit", RC_TEXT_ID);
    if (rc != RECERT_OK)
        return rc;
    char *u = rc_strdup(unit);
    if (!u)
        return rc_oom();
    free(credit->unit);
    credit->unit = u;
    credit->amount = hundredths;
    credit->amount_real = false;
    credit->ch = 0;
    return RECERT_OK;
}

int recert_credit_set_approval(recert_credit *credit, recert_approval approval)
{
    int rc = need_credit(credit, "recert_credit_set_approval");
    if (rc != RECERT_OK)
        return rc;
    if (approval != RECERT_APPROVAL_PREAPPROVED && approval != RECERT_APPROVAL_NOT_PREAPPROVED)
        return rc_fail(RECERT_EINVAL, NULL, "credit approval: %d is not a recert_approval",
                       (int)approval);
    credit->approval = (signed char)approval;
    return RECERT_OK;
}

int recert_credit_set_petition(recert_credit *credit, recert_petition_status status,
                               int32_t filed, int32_t decided)
{
    int rc = need_credit(credit, "recert_credit_set_petition");
    if (rc != RECERT_OK)
        return rc;
    if (status == RECERT_PETITION_NONE) {
        credit->petition = RECERT_PETITION_NONE;
        credit->petition_filed = RECERT_DAY_NONE;
        credit->petition_decided = RECERT_DAY_NONE;
        rc_xlist_free(&credit->petition_x);
        return RECERT_OK;
    }
    if (status != RECERT_PETITION_PENDING && status != RECERT_PETITION_APPROVED &&
        status != RECERT_PETITION_DENIED)
        return rc_fail(RECERT_EINVAL, NULL,
                       "credit petition status: %d is not a recert_petition_status", (int)status);
    if ((rc = check_day(filed, "credit petition filed")) != RECERT_OK ||
        (rc = check_opt_day(decided, "credit petition decided")) != RECERT_OK)
        return rc;
    credit->petition = (signed char)status;
    credit->petition_filed = filed;
    credit->petition_decided = decided;
    return RECERT_OK;
}

int recert_credit_set_applies_to(recert_credit *credit, const char *const *ids, size_t n)
{
    int rc = need_credit(credit, "recert_credit_set_applies_to");
    if (rc != RECERT_OK)
        return rc;
    if (n > 0 && !ids)
        return rc_fail(RECERT_EINVAL, NULL, "credit applies_to: NULL list of %zu ids", n);
    char why[RC_WHY_MAX];
    if (rc_limit_count(n, RECERT_MAX_APPLIES_TO, why) != RECERT_OK)
        return rc_limit_fail(RECERT_ELIMIT, "credit applies_to", why);
    for (size_t i = 0; i < n; i++) {
        char what[48];
        snprintf(what, sizeof what, "credit applies_to[%zu]", i);
        if ((rc = rc_check_text(ids[i], what, RC_TEXT_ID)) != RECERT_OK)
            return rc;
    }
    bool ok;
    char **v = copy_ids(ids, n, &ok);
    if (!ok)
        return rc_oom();
    free_ids(credit->applies_to, credit->applies_n > 0 ? (size_t)credit->applies_n : 0);
    credit->applies_to = v;
    credit->applies_n = (long)n;
    return RECERT_OK;
}

int recert_credit_set_applies_to_all(recert_credit *credit)
{
    int rc = need_credit(credit, "recert_credit_set_applies_to_all");
    if (rc != RECERT_OK)
        return rc;
    free_ids(credit->applies_to, credit->applies_n > 0 ? (size_t)credit->applies_n : 0);
    credit->applies_to = NULL;
    credit->applies_n = -1;
    return RECERT_OK;
}

/* ---- getters ---------------------------------------------------------- */

const char *recert_credit_id(const recert_credit *credit)
{
    return credit ? credit->id : NULL;
}

const char *recert_credit_title(const recert_credit *credit)
{
    return credit ? credit->title : NULL;
}

const char *recert_credit_category(const recert_credit *credit)
{
    return credit ? credit->category : NULL;
}

const char *recert_credit_provider(const recert_credit *credit)
{
    return credit ? credit->provider : NULL;
}

int32_t recert_credit_completed(const recert_credit *credit)
{
    return credit ? credit->completed : RECERT_DAY_NONE;
}

int64_t recert_credit_amount(const recert_credit *credit)
{
    return credit ? credit->amount : 0;
}

const char *recert_credit_unit(const recert_credit *credit)
{
    return credit ? credit->unit : NULL;
}

/* Not given means preapproved (docs/format.md: `preapproved` is the default). */
recert_approval recert_credit_approval(const recert_credit *credit)
{
    if (!credit || credit->approval < 0)
        return RECERT_APPROVAL_PREAPPROVED;
    return (recert_approval)credit->approval;
}

recert_petition_status recert_credit_petition_status(const recert_credit *credit)
{
    return credit ? (recert_petition_status)credit->petition : RECERT_PETITION_NONE;
}

int32_t recert_credit_petition_filed(const recert_credit *credit)
{
    return credit && credit->petition != RECERT_PETITION_NONE ? credit->petition_filed
                                                              : RECERT_DAY_NONE;
}

int32_t recert_credit_petition_decided(const recert_credit *credit)
{
    return credit && credit->petition != RECERT_PETITION_NONE ? credit->petition_decided
                                                              : RECERT_DAY_NONE;
}

long recert_credit_applies_to_count(const recert_credit *credit)
{
    return credit ? credit->applies_n : 0;
}

const char *recert_credit_applies_to_at(const recert_credit *credit, size_t i)
{
    if (!credit || credit->applies_n <= 0 || i >= (size_t)credit->applies_n)
        return NULL;
    return credit->applies_to[i];
}

/* ---- x- members ------------------------------------------------------- */

int recert_credit_x_set(recert_credit *credit, const char *key, const char *json)
{
    int rc = need_credit(credit, "recert_credit_x_set");
    if (rc == RECERT_OK)
        rc = rc_check_x(key, json, RC_DEPTH_CREDIT);
    if (rc != RECERT_OK)
        return rc;
    return rc_x_set(&credit->x, key, json);
}

int recert_credit_x_get(char **out, const recert_credit *credit, const char *key)
{
    if (out)
        *out = NULL;
    int rc = need_credit(credit, "recert_credit_x_get");
    if (rc != RECERT_OK)
        return rc;
    return rc_x_get(out, &credit->x, key);
}

size_t recert_credit_x_count(const recert_credit *credit)
{
    return credit ? credit->x.n : 0;
}

const char *recert_credit_x_key(const recert_credit *credit, size_t i)
{
    return credit && i < credit->x.n ? credit->x.v[i].key : NULL;
}
