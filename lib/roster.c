/*
 * The roster handle: the document's own policies, the holders, the checks a
 * holder passes to join (policies, units, applies_to, cycle dates, unique
 * ids), and evaluation of every holder.
 *
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

int recert_roster_new(recert_roster **out, const recert_catalog *catalog)
{
    if (!out)
        return rc_fail(RECERT_EINVAL, NULL, "out is NULL");
    *out = NULL;
    if (!catalog) {
        int rc = recert_catalog_default(&catalog);
        if (rc != RECERT_OK)
            return rc;
    }
    recert_roster *r = calloc(1, sizeof *r);
    if (!r)
        return rc_oom();
    rc_catalog_ref(catalog);
    r->catalog = catalog;
    *out = r;
    return RECERT_OK;
}

void recert_roster_free(recert_roster *roster)
{
    if (!roster)
        return;
    for (size_t i = 0; i < roster->pol_n; i++)
        recert_policy_free(roster->pol[i]);
    free(roster->pol);
    rc_polindex_free(&roster->pol_by_id);
    rc_polindex_free(&roster->pol_by_unit);
    for (size_t i = 0; i < roster->n; i++)
        rc_holder_clear(&roster->holders[i]);
    free(roster->holders);
    free(roster->index);
    rc_xlist_free(&roster->x);
    rc_catalog_unref(roster->catalog);
    free(roster);
}

/* ---- the id index: open addressing over holder positions ----------------- */

static size_t hash_id(const char *s)
{
    uint64_t h = 1469598103934665603ULL; /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return (size_t)h;
}

static size_t index_slot(const recert_roster *r, const char *id)
{
    size_t mask = r->index_cap - 1, i = hash_id(id) & mask;
    while (r->index[i] && strcmp(r->holders[r->index[i] - 1].id, id) != 0)
        i = (i + 1) & mask;
    return i;
}

static int index_rebuild(recert_roster *r, size_t cap)
{
    uint32_t *v = calloc(cap, sizeof *v);
    if (!v)
        return rc_oom();
    free(r->index);
    r->index = v;
    r->index_cap = cap;
    for (size_t i = 0; i < r->n; i++)
        r->index[index_slot(r, r->holders[i].id)] = (uint32_t)(i + 1);
    return RECERT_OK;
}

const recert_holder *recert_roster_find_holder(const recert_roster *roster, const char *id)
{
    if (!roster || !id || !roster->index_cap)
        return NULL;
    uint32_t x = roster->index[index_slot(roster, id)];
    return x ? &roster->holders[x - 1] : NULL;
}

/* ---- policies --------------------------------------------------------------- */

const recert_policy *recert_roster_find_policy(const recert_roster *roster, const char *id)
{
    if (!roster || !id)
        return NULL;
    long at = rc_polindex_find(&roster->pol_by_id, false, roster->pol, roster->pol_n, id);
    return at >= 0 ? roster->pol[at] : recert_catalog_find(roster->catalog, id);
}

void rc_roster_index_policies(recert_roster *r)
{
    rc_polindex_sync(&r->pol_by_id, false, r->pol, r->pol_n);
    rc_polindex_sync(&r->pol_by_unit, true, r->pol, r->pol_n);
}

int64_t rc_roster_unit_per_hour(const recert_roster *r, const char *unit)
{
    int64_t s = recert_unit_standard_per_hour(unit);
    if (s)
        return s;
    long at = rc_polindex_find(&r->pol_by_unit, true, r->pol, r->pol_n, unit);
    return at >= 0 ? r->pol[at]->per_hour : rc_unit_per_hour(unit, NULL, 0, r->catalog);
}

int recert_roster_add_policy(recert_roster *roster, const recert_policy *policy)
{
    if (!roster || !policy)
        return rc_fail(RECERT_EINVAL, NULL, "NULL argument");
    if (roster->n)
        return rc_fail(RECERT_EBUSY, NULL, "add policies before holders: the roster has %zu holders", roster->n);
    int rc = rc_policy_unit_check_indexed(policy, roster->pol, roster->pol_n, &roster->pol_by_unit, policy->id);
    if (rc == RECERT_OK)
        rc = rc_policy_unit_check_indexed(policy, roster->catalog->pol, roster->catalog->n,
                                          &roster->catalog->by_unit, policy->id);
    if (rc != RECERT_OK)
        return rc;
    /* The limits of a records document (limits.c): its policies, and how
     * deep the policy's JSON goes once inside it. */
    char why[RC_WHY_MAX];
    long at = rc_polindex_find(&roster->pol_by_id, false, roster->pol, roster->pol_n, policy->id);
    bool replaces = at >= 0;
    if (!replaces && rc_limit_count(roster->pol_n + 1, RECERT_MAX_POLICIES, why) != RECERT_OK)
        return rc_limit_fail(RECERT_ELIMIT, "roster policies", why);
    if (policy->json && rc_limit_nested(policy->json, RC_DEPTH_POLICY, why) != RECERT_OK)
        return rc_limit_fail(RECERT_ELIMIT, policy->id, why);
    recert_policy *copy;
    if ((rc = recert_policy_copy(&copy, policy)) != RECERT_OK)
        return rc;
    if (replaces) {
        recert_policy *old = roster->pol[at];
        if (rc_strcasecmp(old->unit, copy->unit) != 0)
            rc_polindex_free(&roster->pol_by_unit); /* the first policy of a unit may change */
        roster->pol[at] = copy;
        recert_policy_free(old);
        rc_roster_index_policies(roster);
        return RECERT_OK;
    }
    recert_policy **v = realloc(roster->pol, (roster->pol_n + 1) * sizeof *v);
    if (!v) {
        recert_policy_free(copy);
        return rc_oom();
    }
    v[roster->pol_n++] = copy;
    roster->pol = v;
    roster->has_policies = true;
    rc_roster_index_policies(roster);
    return RECERT_OK;
}

size_t recert_roster_policy_count(const recert_roster *roster)
{
    return roster ? roster->pol_n : 0;
}

const recert_policy *recert_roster_policy_at(const recert_roster *roster, size_t i)
{
    return roster && i < roster->pol_n ? roster->pol[i] : NULL;
}

/* ---- holders ---------------------------------------------------------------- */

/* A credit's applies_to is a set of the holder's credentials: evaluation
 * reads it as one bit per credential (rc_credit_hot.applies). */
_Static_assert(RECERT_MAX_CREDENTIALS <= 64, "applies_to is a 64-bit set of credential positions");

/* The holder's credential positions sorted by id, for bsearch: O((n + m)
 * log n) for m applies_to ids, not O(n m) (issue 13). */
typedef struct cred_ids {
    const recert_credential *cred;
    unsigned char pos[RECERT_MAX_CREDENTIALS];
    size_t n;
} cred_ids;

static void cred_ids_sort(cred_ids *x, const recert_holder *h)
{
    x->cred = h->cred;
    x->n = h->cred_n <= RECERT_MAX_CREDENTIALS ? h->cred_n : RECERT_MAX_CREDENTIALS;
    for (size_t i = 0; i < x->n; i++)
        x->pos[i] = (unsigned char)i;
    /* insertion sort: at most 64 entries, and no global state (threads) */
    for (size_t i = 1; i < x->n; i++) {
        unsigned char t = x->pos[i];
        size_t j = i;
        for (; j > 0 && strcmp(h->cred[x->pos[j - 1]].id, h->cred[t].id) > 0; j--)
            x->pos[j] = x->pos[j - 1];
        x->pos[j] = t;
    }
}

/* The position of the credential with that id, or -1. */
static int cred_ids_find(const cred_ids *x, const char *id)
{
    size_t lo = 0, hi = x->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(x->cred[x->pos[mid]].id, id);
        if (c == 0)
            return x->pos[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

int rc_roster_resolve_holder(const recert_roster *r, recert_holder *h, size_t hi, rc_reader *rd, bool import)
{
    size_t s0 = rd->path_len;
    if (!import) { /* an import has pushed holders[i] already */
        rd_push_key(rd, "holders");
        rd_push_index(rd, hi);
    }
    size_t before = rd->count;
    cred_ids sorted;
    cred_ids_sort(&sorted, h);
    if (recert_roster_find_holder(r, h->id))
        rd_error_key(rd, "id", import ? RECERT_EDATA : RECERT_EEXISTS, "duplicate holder id \"%s\"", h->id);
    for (size_t i = 0; i < h->cred_n; i++) {
        recert_credential *c = &h->cred[i];
        size_t s = rd_push_key(rd, "credentials");
        rd_push_index(rd, i);
        c->pol = recert_roster_find_policy(r, c->policy);
        c->cyc_pol = NULL;
        if (!c->pol)
            rd_error_key(rd, "policy", import ? RECERT_EDATA : RECERT_ENOTFOUND, "unknown policy: \"%s\"",
                         c->policy);
        else if (rc_credential_check(c, c->pol, rd->path) != RECERT_OK) {
            /* the check's message starts with this path: keep the text after it */
            const char *m = recert_error_message(), *after = strstr(m, ": ");
            rd_error_at(rd, recert_error_code(), "%s", after ? after + 2 : m);
        } else {
            rc_credential_prepare(c); /* checked above: it cannot fail */
        }
        rd_pop(rd, s);
    }
    for (size_t i = 0; i < h->credit_n; i++) {
        recert_credit *k = &h->credit[i];
        size_t s = rd_push_key(rd, "credits");
        rd_push_index(rd, i);
        int64_t per_hour = RECERT_PER_HOUR_HOURS;
        if (k->amount <= 0) /* a handle-built credit never given an amount */
            rd_error_at(rd, RECERT_EDATA, "missing member: hours, or amount and unit");
        if (k->unit) {
            per_hour = rc_roster_unit_per_hour(r, k->unit);
            if (!per_hour)
                rd_error_key(rd, "unit", RECERT_EDATA, "unknown unit: \"%s\" (hours, ceu, cec or a policy's unit)",
                             k->unit);
        }
        char why[RC_WHY_MAX];
        if (per_hour && rc_limit_credit_centihours(&k->ch, k->amount, per_hour, why) != RECERT_OK)
            rd_error_key(rd, k->unit ? "amount" : "hours", RECERT_EDATA, "%s", why);
        for (long j = 0; j < k->applies_n; j++) {
            if (cred_ids_find(&sorted, k->applies_to[j]) < 0) {
                size_t s2 = rd_push_key(rd, "applies_to");
                rd_push_index(rd, (size_t)j);
                rd_error_at(rd, RECERT_EDATA, "not a credential of this holder: \"%s\"", k->applies_to[j]);
                rd_pop(rd, s2);
            }
        }
        rd_pop(rd, s);
    }
    rd_pop(rd, s0);
    return rd->count == before ? RECERT_OK : rd->first_code;
}

/* What evaluation reads of the holder's credits, and its ids, packed
 * (recert_holder.hot and .ids). */
static int pack_holder(recert_holder *h)
{
    size_t len = strlen(h->id) + 1;
    for (size_t i = 0; i < h->cred_n; i++)
        len += strlen(h->cred[i].id) + 1;
    for (size_t i = 0; i < h->credit_n; i++)
        len += strlen(h->credit[i].id) + 1;
    bool with_ids = len <= UINT32_MAX; /* else evaluation copies them one by one */
    size_t hot_size = h->credit_n * sizeof(rc_credit_hot);
    rc_credit_hot *hot = malloc(hot_size + (with_ids ? len : 1));
    if (!hot)
        return rc_oom();
    cred_ids sorted;
    cred_ids_sort(&sorted, h);
    for (size_t i = 0; i < h->credit_n; i++) {
        const recert_credit *k = &h->credit[i];
        rc_credit_hot *x = &hot[i];
        memset(x, 0, sizeof *x);
        x->ch = k->ch;
        x->completed = k->completed;
        x->petition_filed = k->petition_filed;
        x->petition_decided = k->petition_decided;
        x->approval = k->approval;
        x->petition = k->petition;
        x->applies_listed = k->applies_n >= 0;
        for (long j = 0; j < k->applies_n; j++) { /* resolved: every id is a credential's */
            int at = cred_ids_find(&sorted, k->applies_to[j]);
            if (at >= 0)
                x->applies |= (uint64_t)1 << at;
        }
    }
    char *ids = with_ids ? (char *)hot + hot_size : NULL;
    if (ids) {
        size_t at = 0, n = strlen(h->id) + 1;
        memcpy(ids, h->id, n);
        at += n;
        for (size_t i = 0; i < h->cred_n; i++) {
            n = strlen(h->cred[i].id) + 1;
            memcpy(ids + at, h->cred[i].id, n);
            h->cred[i].id_at = (uint32_t)at;
            at += n;
        }
        for (size_t i = 0; i < h->credit_n; i++) {
            n = strlen(h->credit[i].id) + 1;
            memcpy(ids + at, h->credit[i].id, n);
            h->credit[i].id_at = hot[i].id_at = (uint32_t)at;
            at += n;
        }
    }
    free(h->hot);
    h->hot = hot;
    h->ids = ids;
    h->ids_len = ids ? len : 0;
    return RECERT_OK;
}

int rc_roster_append_holder(recert_roster *r, recert_holder *h)
{
    if (r->n >= UINT32_MAX - 1)
        return rc_fail(RECERT_ELIMIT, NULL, "too many holders");
    if (pack_holder(h) != RECERT_OK)
        return RECERT_ENOMEM;
    if (r->n == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 16;
        recert_holder *v = realloc(r->holders, cap * sizeof *v);
        if (!v)
            return rc_oom();
        r->holders = v;
        r->cap = cap;
    }
    if ((r->n + 1) * 2 > r->index_cap) {
        size_t cap = r->index_cap ? r->index_cap * 2 : 64;
        while ((r->n + 1) * 2 > cap)
            cap *= 2;
        if (index_rebuild(r, cap) != RECERT_OK)
            return RECERT_ENOMEM;
    }
    r->holders[r->n] = *h;
    memset(h, 0, sizeof *h); /* taken over: the caller's clear frees nothing */
    rc_holder_init(h);
    r->index[index_slot(r, r->holders[r->n].id)] = (uint32_t)(r->n + 1);
    r->n++;
    return RECERT_OK;
}

int recert_roster_add_holder(recert_roster *roster, const recert_holder *holder)
{
    if (!roster || !holder)
        return rc_fail(RECERT_EINVAL, NULL, "NULL argument");
    if (roster->n >= RECERT_MAX_HOLDERS)
        return rc_fail(RECERT_ELIMIT, NULL, "the roster has %d holders, the most one records document may have",
                       RECERT_MAX_HOLDERS);
    recert_holder copy;
    int rc = rc_holder_copy_into(&copy, holder);
    if (rc != RECERT_OK)
        return rc;
    rc_reader rd;
    rd_init(&rd, false);
    rc = rc_roster_resolve_holder(roster, &copy, roster->n, &rd, false);
    if (rc != RECERT_OK)
        rc = rd_finish(&rd);
    rd_free(&rd);
    if (rc == RECERT_OK)
        rc = rc_roster_append_holder(roster, &copy);
    rc_holder_clear(&copy);
    return rc;
}

int recert_roster_remove_holder(recert_roster *roster, size_t i)
{
    if (!roster)
        return rc_fail(RECERT_EINVAL, NULL, "roster is NULL");
    if (i >= roster->n)
        return rc_fail(RECERT_ERANGE, NULL, "no holder %zu (the roster has %zu)", i, roster->n);
    recert_holder gone = roster->holders[i];
    memmove(roster->holders + i, roster->holders + i + 1, (roster->n - i - 1) * sizeof *roster->holders);
    roster->n--;
    if (index_rebuild(roster, roster->index_cap) != RECERT_OK) {
        /* put it back: nothing changes on failure */
        memmove(roster->holders + i + 1, roster->holders + i, (roster->n - i) * sizeof *roster->holders);
        roster->holders[i] = gone;
        roster->n++;
        return RECERT_ENOMEM;
    }
    rc_holder_clear(&gone);
    return RECERT_OK;
}

size_t recert_roster_holder_count(const recert_roster *roster)
{
    return roster ? roster->n : 0;
}

const recert_holder *recert_roster_holder_at(const recert_roster *roster, size_t i)
{
    return roster && i < roster->n ? &roster->holders[i] : NULL;
}

int recert_roster_x_set(recert_roster *roster, const char *key, const char *json)
{
    if (!roster)
        return rc_fail(RECERT_EINVAL, NULL, "roster is NULL");
    int rc = rc_check_x(key, json, RC_DEPTH_ROSTER);
    if (rc != RECERT_OK)
        return rc;
    return rc_x_set(&roster->x, key, json);
}

int recert_roster_x_get(char **out, const recert_roster *roster, const char *key)
{
    if (!roster) {
        if (out)
            *out = NULL;
        return rc_fail(RECERT_EINVAL, NULL, "roster is NULL");
    }
    return rc_x_get(out, &roster->x, key);
}

/* ---- evaluation ---------------------------------------------------------------- */

int recert_roster_evaluate(recert_report **out, const recert_roster *roster, int32_t as_of)
{
    if (!out)
        return rc_fail(RECERT_EINVAL, NULL, "out is NULL");
    *out = NULL;
    if (!roster)
        return rc_fail(RECERT_EINVAL, NULL, "roster is NULL");
    if (!rc_day_valid(as_of))
        return rc_fail(RECERT_ERANGE, NULL, "as_of is outside 1900-01-01..9999-12-31");
    recert_report *r = calloc(1, sizeof *r);
    if (!r)
        return rc_oom();
    r->as_of = as_of;
    r->n = roster->n;
    r->holders = roster->n ? rc_arena_alloc(&r->arena, roster->n * sizeof *r->holders) : NULL;
    if (roster->n && !r->holders) {
        recert_report_free(r);
        return rc_oom();
    }
    if (roster->n) /* a failure part way frees a report of defined holders */
        memset(r->holders, 0, roster->n * sizeof *r->holders);
    for (size_t i = 0; i < roster->n; i++) {
#if defined(__GNUC__)
        /* A holder's parts are separate blocks: ask for a later holder's
         * while this one is evaluated (the roster is larger than the caches). */
        if (i + 4 < roster->n) {
            /* Only parts that exist: a holder without credentials, credits or
             * CPR/AED records has NULL there, and NULL + 64 is undefined. */
            const recert_holder *next = &roster->holders[i + 4];
            if (next->hot) {
                __builtin_prefetch(next->hot);
                if (next->credit_n * sizeof *next->hot > 64)
                    __builtin_prefetch((const char *)next->hot + 64);
            }
            if (next->cred) {
                __builtin_prefetch(next->cred);
                __builtin_prefetch((const char *)next->cred + 64); /* inside its first credential */
            }
            if (next->cpr)
                __builtin_prefetch(next->cpr);
        }
#endif
        int rc = rc_evaluate_holder(r, &r->holders[i], &roster->holders[i], i, as_of);
        if (rc != RECERT_OK) {
            recert_report_free(r);
            return rc;
        }
    }
    rc_intern_free(&r->strings); /* built: the copies stay in the arena */
    *out = r;
    return RECERT_OK;
}
