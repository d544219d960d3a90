/*
 * librecert — a holder: one person, with credentials, credit entries and
 * CPR/AED records (docs/format.md, docs/rules.md §4–§5).
 *
 * Children live by value in arrays that grow by doubling. Adding copies the
 * child first and grows the array after, so a failed add changes nothing
 * (not even where the existing children are).
 *
 * SPDX-License-Identifier: MIT
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* ---- internal --------------------------------------------------------- */

void rc_holder_init(recert_holder *h)
{
    h->cpr = NULL;
    h->cpr_n = h->cpr_cap = 0;
    h->cpr_list = false;
    h->has_credentials = false;
    h->has_credits = false;
    h->cred = NULL;
    h->cred_n = h->cred_cap = 0;
    h->credit = NULL;
    h->credit_n = h->credit_cap = 0;
}

void rc_holder_clear(recert_holder *h)
{
    if (!h)
        return;
    free(h->id);
    free(h->name);
    for (size_t i = 0; i < h->cpr_n; i++)
        rc_xlist_free(&h->cpr[i].x);
    free(h->cpr);
    for (size_t i = 0; i < h->cred_n; i++)
        rc_credential_clear(&h->cred[i]);
    free(h->cred);
    for (size_t i = 0; i < h->credit_n; i++)
        rc_credit_clear(&h->credit[i]);
    free(h->credit);
    rc_xlist_free(&h->x);
    free(h->hot); /* and the ids, in the same block */
    memset(h, 0, sizeof *h);
    rc_holder_init(h);
}

/*
 * Room for one more element in an array arr of *cap elements of size elem,
 * n of them used: the array to use (arr itself when there is room), or NULL
 * for no memory (error set; arr and *cap unchanged).
 */
static void *grow(void *arr, size_t *cap, size_t n, size_t elem)
{
    if (n < *cap)
        return arr;
    size_t ncap = *cap ? *cap * 2 : 4;
    if (ncap < *cap || ncap > SIZE_MAX / elem) {
        rc_oom();
        return NULL;
    }
    void *p = realloc(arr, ncap * elem);
    if (!p) {
        rc_oom();
        return NULL;
    }
    *cap = ncap;
    return p;
}

int rc_holder_copy_into(recert_holder *dst, const recert_holder *src)
{
    memset(dst, 0, sizeof *dst);
    rc_holder_init(dst);
    dst->cpr_list = src->cpr_list;
    dst->has_credentials = src->has_credentials;
    dst->has_credits = src->has_credits;

    if ((src->id && !(dst->id = rc_strdup(src->id))) ||
        (src->name && !(dst->name = rc_strdup(src->name))))
        goto oom;
    if (rc_xlist_copy(&dst->x, &src->x) != RECERT_OK)
        goto oom;

    if (src->cpr_n) {
        dst->cpr = calloc(src->cpr_n, sizeof *dst->cpr);
        if (!dst->cpr)
            goto oom;
        dst->cpr_cap = src->cpr_n;
        for (size_t i = 0; i < src->cpr_n; i++) {
            rc_cpr *d = &dst->cpr[i];
            *d = src->cpr[i];
            memset(&d->x, 0, sizeof d->x);
            dst->cpr_n = i + 1; /* d->x is empty: safe to clear */
            if (rc_xlist_copy(&d->x, &src->cpr[i].x) != RECERT_OK)
                goto oom;
        }
    }
    if (src->cred_n) {
        dst->cred = calloc(src->cred_n, sizeof *dst->cred);
        if (!dst->cred)
            goto oom;
        dst->cred_cap = src->cred_n;
        for (size_t i = 0; i < src->cred_n; i++) {
            if (rc_credential_copy_into(&dst->cred[i], &src->cred[i]) != RECERT_OK)
                goto oom; /* (that element is cleared already) */
            dst->cred_n = i + 1;
        }
    }
    if (src->credit_n) {
        dst->credit = calloc(src->credit_n, sizeof *dst->credit);
        if (!dst->credit)
            goto oom;
        dst->credit_cap = src->credit_n;
        for (size_t i = 0; i < src->credit_n; i++) {
            if (rc_credit_copy_into(&dst->credit[i], &src->credit[i]) != RECERT_OK)
                goto oom;
            dst->credit_n = i + 1;
        }
    }
    return RECERT_OK;

oom:
    rc_holder_clear(dst);
    return rc_oom();
}

/* ---- checks ----------------------------------------------------------- */

static int need_holder(const recert_holder *h, const char *fn)
{
    if (!h)
        return rc_fail(RECERT_EINVAL, NULL, "%s: NULL holder", fn);
    return RECERT_OK;
}

static int check_day(int32_t day, const char *what)
{
    return rc_check_day(day, true, what);
}

/* ---- the public functions -------------------------------------------- */

int recert_holder_new(recert_holder **out, const char *id)
{
    if (!out)
        return rc_fail(RECERT_EINVAL, NULL, "recert_holder_new: NULL output");
    *out = NULL;
    int rc = rc_check_text(id, "holder id", RC_TEXT_ID);
    if (rc != RECERT_OK)
        return rc;
    recert_holder *h = calloc(1, sizeof *h);
    if (!h)
        return rc_oom();
    rc_holder_init(h);
    h->id = rc_strdup(id);
    if (!h->id) {
        free(h);
        return rc_oom();
    }
    *out = h;
    return RECERT_OK;
}

int recert_holder_copy(recert_holder **out, const recert_holder *holder)
{
    if (!out)
        return rc_fail(RECERT_EINVAL, NULL, "recert_holder_copy: NULL output");
    *out = NULL;
    int rc = need_holder(holder, "recert_holder_copy");
    if (rc != RECERT_OK)
        return rc;
    recert_holder *h = malloc(sizeof *h);
    if (!h)
        return rc_oom();
    rc = rc_holder_copy_into(h, holder);
    if (rc != RECERT_OK) {
        free(h);
        return rc;
    }
    *out = h;
    return RECERT_OK;
}

void recert_holder_free(recert_holder *holder)
{
    if (!holder)
        return;
    rc_holder_clear(holder);
    free(holder);
}

int recert_holder_set_name(recert_holder *holder, const char *name)
{
    int rc = need_holder(holder, "recert_holder_set_name");
    if (rc == RECERT_OK)
        rc = rc_check_text(name, "holder name", 0);
    if (rc != RECERT_OK)
        return rc;
    if (rc_set_string(&holder->name, name) != RECERT_OK)
        return rc_oom();
    return RECERT_OK;
}

const char *recert_holder_id(const recert_holder *holder)
{
    return holder ? holder->id : NULL;
}

const char *recert_holder_name(const recert_holder *holder)
{
    return holder ? holder->name : NULL;
}

/* ---- credentials and credits ------------------------------------------ */

int recert_holder_add_credential(recert_holder *holder, const recert_credential *credential)
{
    int rc = need_holder(holder, "recert_holder_add_credential");
    if (rc != RECERT_OK)
        return rc;
    if (!credential)
        return rc_fail(RECERT_EINVAL, NULL, "recert_holder_add_credential: NULL credential");
    if (holder->cred_n >= RECERT_MAX_CREDENTIALS)
        return rc_fail(RECERT_ELIMIT, NULL, "holder %s has %d credentials, the most one holder may have",
                       holder->id, RECERT_MAX_CREDENTIALS);
    for (size_t i = 0; i < holder->cred_n; i++)
        if (strcmp(holder->cred[i].id, credential->id) == 0)
            return rc_fail(RECERT_EEXISTS, NULL,
                           "holder %s already has a credential with id \"%s\"", holder->id,
                           credential->id);
    recert_credential c;
    if ((rc = rc_credential_copy_into(&c, credential)) != RECERT_OK)
        return rc;
    recert_credential *arr =
        grow(holder->cred, &holder->cred_cap, holder->cred_n, sizeof *holder->cred);
    if (!arr) {
        rc_credential_clear(&c);
        return RECERT_ENOMEM;
    }
    holder->cred = arr;
    holder->cred[holder->cred_n++] = c;
    holder->has_credentials = true;
    return RECERT_OK;
}

int recert_holder_add_credit(recert_holder *holder, const recert_credit *credit)
{
    int rc = need_holder(holder, "recert_holder_add_credit");
    if (rc != RECERT_OK)
        return rc;
    if (!credit)
        return rc_fail(RECERT_EINVAL, NULL, "recert_holder_add_credit: NULL credit");
    if (holder->credit_n >= RECERT_MAX_CREDITS)
        return rc_fail(RECERT_ELIMIT, NULL, "holder %s has %d credit entries, the most one holder may have",
                       holder->id, RECERT_MAX_CREDITS);
    for (size_t i = 0; i < holder->credit_n; i++)
        if (strcmp(holder->credit[i].id, credit->id) == 0)
            return rc_fail(RECERT_EEXISTS, NULL, "holder %s already has a credit with id \"%s\"",
                           holder->id, credit->id);
    recert_credit k;
    if ((rc = rc_credit_copy_into(&k, credit)) != RECERT_OK)
        return rc;
    recert_credit *arr =
        grow(holder->credit, &holder->credit_cap, holder->credit_n, sizeof *holder->credit);
    if (!arr) {
        rc_credit_clear(&k);
        return RECERT_ENOMEM;
    }
    holder->credit = arr;
    holder->credit[holder->credit_n++] = k;
    holder->has_credits = true;
    return RECERT_OK;
}

int recert_holder_remove_credential(recert_holder *holder, size_t i)
{
    int rc = need_holder(holder, "recert_holder_remove_credential");
    if (rc != RECERT_OK)
        return rc;
    if (i >= holder->cred_n)
        return rc_fail(RECERT_ERANGE, NULL, "holder %s: no credential at index %zu (of %zu)",
                       holder->id, i, holder->cred_n);
    rc_credential_clear(&holder->cred[i]);
    memmove(&holder->cred[i], &holder->cred[i + 1],
            (holder->cred_n - i - 1) * sizeof *holder->cred);
    holder->cred_n--;
    return RECERT_OK;
}

int recert_holder_remove_credit(recert_holder *holder, size_t i)
{
    int rc = need_holder(holder, "recert_holder_remove_credit");
    if (rc != RECERT_OK)
        return rc;
    if (i >= holder->credit_n)
        return rc_fail(RECERT_ERANGE, NULL, "holder %s: no credit at index %zu (of %zu)",
                       holder->id, i, holder->credit_n);
    rc_credit_clear(&holder->credit[i]);
    memmove(&holder->credit[i], &holder->credit[i + 1],
            (holder->credit_n - i - 1) * sizeof *holder->credit);
    holder->credit_n--;
    return RECERT_OK;
}

size_t recert_holder_credential_count(const recert_holder *holder)
{
    return holder ? holder->cred_n : 0;
}

const recert_credential *recert_holder_credential_at(const recert_holder *holder, size_t i)
{
    return holder && i < holder->cred_n ? &holder->cred[i] : NULL;
}

size_t recert_holder_credit_count(const recert_holder *holder)
{
    return holder ? holder->credit_n : 0;
}

const recert_credit *recert_holder_credit_at(const recert_holder *holder, size_t i)
{
    return holder && i < holder->credit_n ? &holder->credit[i] : NULL;
}

/* ---- CPR/AED records (docs/rules.md §5) ------------------------------------- */

int recert_holder_add_cpr_aed(recert_holder *holder, int32_t completed, int32_t expires,
                              int hands_on, int adult_cpr_aed)
{
    int rc = need_holder(holder, "recert_holder_add_cpr_aed");
    if (rc != RECERT_OK)
        return rc;
    if (holder->cpr_n >= RECERT_MAX_CPR_AED)
        return rc_fail(RECERT_ELIMIT, NULL, "holder %s has %d CPR/AED records, the most one holder may have",
                       holder->id, RECERT_MAX_CPR_AED);
    if ((rc = check_day(completed, "cpr_aed completed")) != RECERT_OK ||
        (rc = check_day(expires, "cpr_aed expires")) != RECERT_OK)
        return rc;
    if (expires < completed) {
        char c[RECERT_DATE_BUFSIZE], e[RECERT_DATE_BUFSIZE];
        rc_date_text(c, completed);
        rc_date_text(e, expires);
        return rc_fail(RECERT_EINVAL, NULL, "cpr_aed expires %s is before completed %s", e, c);
    }
    if (hands_on < -1 || hands_on > 1)
        return rc_fail(RECERT_EINVAL, NULL, "cpr_aed hands_on: %d is not 1, 0 or -1", hands_on);
    if (adult_cpr_aed < -1 || adult_cpr_aed > 1)
        return rc_fail(RECERT_EINVAL, NULL, "cpr_aed adult_cpr_aed: %d is not 1, 0 or -1",
                       adult_cpr_aed);
    rc_cpr *arr = grow(holder->cpr, &holder->cpr_cap, holder->cpr_n, sizeof *holder->cpr);
    if (!arr)
        return RECERT_ENOMEM;
    holder->cpr = arr;
    rc_cpr *r = &holder->cpr[holder->cpr_n++];
    memset(r, 0, sizeof *r);
    r->completed = completed;
    r->expires = expires;
    r->hands_on = (signed char)hands_on;
    r->adult = (signed char)adult_cpr_aed;
    if (holder->cpr_n > 1)
        holder->cpr_list = true; /* more than one: exported as an array */
    return RECERT_OK;
}

int recert_holder_remove_cpr_aed(recert_holder *holder, size_t i)
{
    int rc = need_holder(holder, "recert_holder_remove_cpr_aed");
    if (rc != RECERT_OK)
        return rc;
    if (i >= holder->cpr_n)
        return rc_fail(RECERT_ERANGE, NULL, "holder %s: no cpr_aed record at index %zu (of %zu)",
                       holder->id, i, holder->cpr_n);
    rc_xlist_free(&holder->cpr[i].x);
    memmove(&holder->cpr[i], &holder->cpr[i + 1], (holder->cpr_n - i - 1) * sizeof *holder->cpr);
    holder->cpr_n--;
    return RECERT_OK;
}

size_t recert_holder_cpr_aed_count(const recert_holder *holder)
{
    return holder ? holder->cpr_n : 0;
}

int32_t recert_holder_cpr_aed_completed(const recert_holder *holder, size_t i)
{
    return holder && i < holder->cpr_n ? holder->cpr[i].completed : RECERT_DAY_NONE;
}

int32_t recert_holder_cpr_aed_expires(const recert_holder *holder, size_t i)
{
    return holder && i < holder->cpr_n ? holder->cpr[i].expires : RECERT_DAY_NONE;
}

/* Not given means true (docs/format.md: `hands_on` and `adult_cpr_aed` default
 * to true). */
int recert_holder_cpr_aed_hands_on(const recert_holder *holder, size_t i)
{
    if (!holder || i >= holder->cpr_n)
        return -1;
    return holder->cpr[i].hands_on != 0;
}

int recert_holder_cpr_aed_adult(const recert_holder *holder, size_t i)
{
    if (!holder || i >= holder->cpr_n)
        return -1;
    return holder->cpr[i].adult != 0;
}

/* ---- x- members ------------------------------------------------------- */

int recert_holder_x_set(recert_holder *holder, const char *key, const char *json)
{
    int rc = need_holder(holder, "recert_holder_x_set");
    if (rc == RECERT_OK)
        rc = rc_check_x(key, json, RC_DEPTH_HOLDER);
    if (rc != RECERT_OK)
        return rc;
    return rc_x_set(&holder->x, key, json);
}

int recert_holder_x_get(char **out, const recert_holder *holder, const char *key)
{
    if (out)
        *out = NULL;
    int rc = need_holder(holder, "recert_holder_x_get");
    if (rc != RECERT_OK)
        return rc;
    return rc_x_get(out, &holder->x, key);
}

size_t recert_holder_x_count(const recert_holder *holder)
{
    return holder ? holder->x.n : 0;
}

const char *recert_holder_x_key(const recert_holder *holder, size_t i)
{
    return holder && i < holder->x.n ? holder->x.v[i].key : NULL;
}
