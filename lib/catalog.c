/*
 * Catalogs: sets of policies; the default one of the built-in policies
 * (docs/rules.md §11), which are policy documents compiled in (builtin.h).
 *
 * SPDX-License-Identifier: MIT
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "builtin.h"
#include "internal.h"

/* ---- policy indexes (issue 13: no lookup is a linear search) ------------ */

static size_t key_hash(const char *s, bool fold)
{
    uint64_t h = 1469598103934665603ULL; /* FNV-1a */
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (fold && c >= 'A' && c <= 'Z')
            c = (unsigned char)(c - 'A' + 'a');
        h = (h ^ c) * 1099511628211ULL;
    }
    return (size_t)h;
}

static const char *key_of(const recert_policy *p, bool unit)
{
    return unit ? p->unit : p->id;
}

static bool key_eq(const char *a, const char *b, bool unit)
{
    return unit ? rc_strcasecmp(a, b) == 0 : strcmp(a, b) == 0;
}

/* The slot of key: the one holding it, or the empty one where it goes. */
static size_t ix_slot(const rc_polindex *x, bool unit, recert_policy *const *pol, const char *key)
{
    size_t mask = x->cap - 1, i = key_hash(key, unit) & mask;
    while (x->slot[i] && !key_eq(key_of(pol[x->slot[i] - 1], unit), key, unit))
        i = (i + 1) & mask;
    return i;
}

void rc_polindex_free(rc_polindex *x)
{
    free(x->slot);
    memset(x, 0, sizeof *x);
}

void rc_polindex_sync(rc_polindex *x, bool unit, recert_policy *const *pol, size_t n)
{
    if (n > UINT32_MAX - 1 || (x->cap && x->n > n)) {
        rc_polindex_free(x); /* beyond what it can hold, or the array shrank: linear */
        return;
    }
    if (!x->cap || (x->used + (n - x->n)) * 2 > x->cap) { /* (re)build, at most half full */
        size_t cap = 64;
        while (cap < n * 2)
            cap *= 2;
        rc_polindex_free(x);
        if (!(x->slot = calloc(cap, sizeof *x->slot)))
            return;
        x->cap = cap;
    }
    for (size_t i = x->n; i < n; i++) {
        size_t at = ix_slot(x, unit, pol, key_of(pol[i], unit));
        if (!x->slot[at]) { /* a unit keeps its first policy; ids are unique */
            x->slot[at] = (uint32_t)(i + 1);
            x->used++;
        }
    }
    x->n = n;
}

long rc_polindex_find(const rc_polindex *x, bool unit, recert_policy *const *pol, size_t n, const char *key)
{
    if (x->cap && x->n == n) {
        uint32_t v = x->slot[ix_slot(x, unit, pol, key)];
        return v ? (long)v - 1 : -1;
    }
    for (size_t i = 0; i < n; i++)
        if (key_eq(key_of(pol[i], unit), key, unit))
            return (long)i;
    return -1;
}

int rc_policy_unit_check_indexed(const recert_policy *p, recert_policy *const *others, size_t n,
                                 const rc_polindex *by_unit, const char *path)
{
    long o = rc_polindex_find(by_unit, true, others, n, p->unit);
    if (o < 0 || others[o]->per_hour == p->per_hour)
        return RECERT_OK; /* the set agrees with itself: every policy of the unit agrees with p */
    return rc_policy_unit_check(p, others, n, path); /* a conflict, unless with p's own id: the full check */
}

void rc_catalog_ref(const recert_catalog *c)
{
    recert_catalog *m = (recert_catalog *)c;
    if (m && !m->immortal)
        __atomic_add_fetch(&m->refs, 1, __ATOMIC_RELAXED);
}

static void catalog_destroy(recert_catalog *c)
{
    for (size_t i = 0; i < c->n; i++)
        recert_policy_free(c->pol[i]);
    free(c->pol);
    rc_polindex_free(&c->by_id);
    rc_polindex_free(&c->by_unit);
    free(c);
}

void rc_catalog_unref(const recert_catalog *c)
{
    recert_catalog *m = (recert_catalog *)c;
    if (m && !m->immortal && __atomic_sub_fetch(&m->refs, 1, __ATOMIC_ACQ_REL) == 0)
        catalog_destroy(m);
}

int recert_catalog_new(recert_catalog **out)
{
    if (!out)
        return rc_fail(RECERT_EINVAL, NULL, "out is NULL");
    *out = calloc(1, sizeof **out);
    if (!*out)
        return rc_oom();
    (*out)->refs = 1;
    return RECERT_OK;
}

void recert_catalog_free(recert_catalog *catalog)
{
    rc_catalog_unref(catalog);
}

static bool catalog_in_use(const recert_catalog *c)
{
    return c->immortal || __atomic_load_n(&c->refs, __ATOMIC_ACQUIRE) > 1;
}

/* Insert p (taken over) replacing a policy with the same id. */
static int catalog_insert(recert_catalog *c, recert_policy *p)
{
    long at = rc_polindex_find(&c->by_id, false, c->pol, c->n, p->id);
    if (at >= 0) {
        recert_policy *old = c->pol[at];
        /* which policy comes first for a unit may change: the unit index is
         * made again once the call's policies are in (catalog_indexed) */
        if (rc_strcasecmp(old->unit, p->unit) != 0)
            rc_polindex_free(&c->by_unit);
        c->pol[at] = p;
        recert_policy_free(old);
        return RECERT_OK;
    }
    if (c->n == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 16;
        recert_policy **v = realloc(c->pol, cap * sizeof *v);
        if (!v)
            return rc_oom();
        c->pol = v;
        c->cap = cap;
    }
    c->pol[c->n++] = p;
    rc_polindex_sync(&c->by_id, false, c->pol, c->n);
    if (c->by_unit.cap) /* else made again at the end of the call */
        rc_polindex_sync(&c->by_unit, true, c->pol, c->n);
    return RECERT_OK;
}

/* After the inserts of one call: the unit index again, if a replacement
 * dropped it (once a call, not once a replacement). */
static void catalog_indexed(recert_catalog *c)
{
    rc_polindex_sync(&c->by_unit, true, c->pol, c->n);
}

int recert_catalog_add(recert_catalog *catalog, const recert_policy *policy)
{
    if (!catalog || !policy)
        return rc_fail(RECERT_EINVAL, NULL, "NULL argument");
    if (catalog_in_use(catalog))
        return rc_fail(RECERT_EBUSY, NULL, "the catalog is in use by a roster and may not change");
    int rc = rc_policy_unit_check_indexed(policy, catalog->pol, catalog->n, &catalog->by_unit, policy->id);
    if (rc != RECERT_OK)
        return rc;
    if (catalog->n == catalog->cap) { /* reserve first: nothing changes on failure */
        size_t cap = catalog->cap ? catalog->cap * 2 : 16;
        recert_policy **v = realloc(catalog->pol, cap * sizeof *v);
        if (!v)
            return rc_oom();
        catalog->pol = v;
        catalog->cap = cap;
    }
    recert_policy *copy;
    if ((rc = recert_policy_copy(&copy, policy)) != RECERT_OK)
        return rc;
    rc = catalog_insert(catalog, copy);
    catalog_indexed(catalog);
    return rc;
}

/* Used by recert_catalog_add_json (policy_json.c): adds parsed policies
 * all-or-nothing. Takes over every policy in v, whatever happens. */
int rc_catalog_add_all(recert_catalog *c, recert_policy **v, size_t n);
int rc_catalog_add_all(recert_catalog *c, recert_policy **v, size_t n)
{
    int rc = RECERT_OK;
    if (catalog_in_use(c))
        rc = rc_fail(RECERT_EBUSY, NULL, "the catalog is in use by a roster and may not change");
    /* The new policies among themselves: a unit whose policies do not all
     * have its first one's per_hour is "mixed", and only a policy of a mixed
     * unit needs the full check against the others. */
    rc_polindex among = {0};
    bool *mixed = rc == RECERT_OK && n ? calloc(n, sizeof *mixed) : NULL;
    if (mixed) {
        rc_polindex_sync(&among, true, v, n);
        for (size_t i = 0; i < n; i++) {
            long f = rc_polindex_find(&among, true, v, n, v[i]->unit);
            if (f >= 0 && v[f]->per_hour != v[i]->per_hour)
                mixed[f] = true;
        }
    }
    for (size_t i = 0; rc == RECERT_OK && i < n; i++) {
        rc = rc_policy_unit_check_indexed(v[i], c->pol, c->n, &c->by_unit, v[i]->id);
        long f = mixed ? rc_polindex_find(&among, true, v, n, v[i]->unit) : -1;
        if (rc == RECERT_OK && (!mixed || (f >= 0 && mixed[f])))
            rc = rc_policy_unit_check(v[i], v, n, v[i]->id);
    }
    free(mixed);
    rc_polindex_free(&among);
    if (rc == RECERT_OK && c->n + n > c->cap) {
        size_t cap = c->cap ? c->cap : 16;
        while (cap < c->n + n)
            cap *= 2;
        recert_policy **nv = realloc(c->pol, cap * sizeof *nv);
        if (!nv)
            rc = rc_oom();
        else {
            c->pol = nv;
            c->cap = cap;
        }
    }
    for (size_t i = 0; i < n; i++) {
        if (rc == RECERT_OK)
            catalog_insert(c, v[i]); /* cannot fail: room reserved */
        else
            recert_policy_free(v[i]);
    }
    catalog_indexed(c);
    return rc;
}

static int build_builtin(recert_catalog **out)
{
    recert_catalog *c;
    int rc = recert_catalog_new(&c);
    if (rc != RECERT_OK)
        return rc;
    for (size_t i = 0; i < rc_builtin_policy_count; i++) {
        recert_policy *p;
        rc = recert_policy_from_json(&p, rc_builtin_policies[i].text, rc_builtin_policies[i].len);
        if (rc == RECERT_OK && (rc = catalog_insert(c, p)) != RECERT_OK)
            recert_policy_free(p);
        catalog_indexed(c);
        if (rc != RECERT_OK) {
            catalog_destroy(c);
            return rc;
        }
    }
    *out = c;
    return RECERT_OK;
}

int recert_catalog_new_builtin(recert_catalog **out)
{
    if (!out)
        return rc_fail(RECERT_EINVAL, NULL, "out is NULL");
    *out = NULL;
    return build_builtin(out);
}

static pthread_mutex_t default_lock = PTHREAD_MUTEX_INITIALIZER;
static recert_catalog *default_catalog;

int recert_catalog_default(const recert_catalog **out)
{
    if (!out)
        return rc_fail(RECERT_EINVAL, NULL, "out is NULL");
    recert_catalog *c = __atomic_load_n(&default_catalog, __ATOMIC_ACQUIRE);
    if (!c) {
        pthread_mutex_lock(&default_lock);
        c = default_catalog;
        if (!c && build_builtin(&c) == RECERT_OK) {
            c->immortal = true;
            __atomic_store_n(&default_catalog, c, __ATOMIC_RELEASE);
        }
        pthread_mutex_unlock(&default_lock);
    }
    *out = c;
    return c ? RECERT_OK : recert_error_code();
}

/* Free the default catalog when the library is unloaded, so that leak
 * checkers see a clean exit. */
__attribute__((destructor)) static void default_catalog_release(void)
{
    recert_catalog *c = default_catalog;
    default_catalog = NULL;
    if (c)
        catalog_destroy(c);
}

size_t recert_catalog_count(const recert_catalog *catalog)
{
    return catalog ? catalog->n : 0;
}

const recert_policy *recert_catalog_at(const recert_catalog *catalog, size_t i)
{
    return catalog && i < catalog->n ? catalog->pol[i] : NULL;
}

const recert_policy *recert_catalog_find(const recert_catalog *catalog, const char *id)
{
    if (!catalog || !id)
        return NULL;
    long at = rc_polindex_find(&catalog->by_id, false, catalog->pol, catalog->n, id);
    return at >= 0 ? catalog->pol[at] : NULL;
}

int64_t rc_unit_per_hour(const char *unit, recert_policy *const *a, size_t an, const recert_catalog *cat)
{
    int64_t s = recert_unit_standard_per_hour(unit);
    if (s)
        return s;
    for (size_t i = 0; i < an; i++)
        if (rc_strcasecmp(a[i]->unit, unit) == 0)
            return a[i]->per_hour;
    long at = cat ? rc_polindex_find(&cat->by_unit, true, cat->pol, cat->n, unit) : -1;
    return at >= 0 ? cat->pol[at]->per_hour : 0;
}
