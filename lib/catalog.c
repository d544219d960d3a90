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
    for (size_t i = 0; i < c->n; i++)
        if (strcmp(c->pol[i]->id, p->id) == 0) {
            recert_policy_free(c->pol[i]);
            c->pol[i] = p;
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
    return RECERT_OK;
}

int recert_catalog_add(recert_catalog *catalog, const recert_policy *policy)
{
    if (!catalog || !policy)
        return rc_fail(RECERT_EINVAL, NULL, "NULL argument");
    if (catalog_in_use(catalog))
        return rc_fail(RECERT_EBUSY, NULL, "the catalog is in use by a roster and may not change");
    int rc = rc_policy_unit_check(policy, catalog->pol, catalog->n, policy->id);
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
    return catalog_insert(catalog, copy);
}

/* Used by recert_catalog_add_json (policy_json.c): adds parsed policies
 * all-or-nothing. Takes over every policy in v, whatever happens. */
int rc_catalog_add_all(recert_catalog *c, recert_policy **v, size_t n);
int rc_catalog_add_all(recert_catalog *c, recert_policy **v, size_t n)
{
    int rc = RECERT_OK;
    if (catalog_in_use(c))
        rc = rc_fail(RECERT_EBUSY, NULL, "the catalog is in use by a roster and may not change");
    for (size_t i = 0; rc == RECERT_OK && i < n; i++) {
        rc = rc_policy_unit_check(v[i], c->pol, c->n, v[i]->id);
        if (rc == RECERT_OK)
            rc = rc_policy_unit_check(v[i], v, n, v[i]->id);
    }
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
    for (size_t i = 0; i < catalog->n; i++)
        if (strcmp(catalog->pol[i]->id, id) == 0)
            return catalog->pol[i];
    return NULL;
}

int64_t rc_unit_per_hour(const char *unit, recert_policy *const *a, size_t an, const recert_catalog *cat)
{
    int64_t s = recert_unit_standard_per_hour(unit);
    if (s)
        return s;
    for (size_t i = 0; i < an; i++)
        if (rc_strcasecmp(a[i]->unit, unit) == 0)
            return a[i]->per_hour;
    if (cat)
        for (size_t i = 0; i < cat->n; i++)
            if (rc_strcasecmp(cat->pol[i]->unit, unit) == 0)
                return cat->pol[i]->per_hour;
    return 0;
}
