/*
 * The policy model: a certification's rules as plain values (docs/format.md
 * "Policy document"; read by policy_json.c). Read-only once made.
 *
 * SPDX-License-Identifier: MIT
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

void rc_policy_destroy(recert_policy *p)
{
    if (!p)
        return;
    if (!p->base) { /* a version's strings are its base's or in the base's pool */
        free(p->id);
        free(p->organization);
        free(p->name);
        free(p->source);
        free(p->currency);
        free(p->unit);
        free(p->combine_group);
        for (size_t i = 0; i < p->late_n; i++)
            free(p->late[i].tier);
        for (size_t i = 0; i < p->waiver_n; i++)
            free(p->waivers[i].id);
        for (size_t i = 0; i < p->cat_n; i++)
            free(p->cat[i].id);
    }
    free(p->late);
    free(p->waivers);
    free(p->cat);
    free(p->pro);
    for (size_t i = 0; i < p->ver_n; i++) { /* recert_policy_free() refuses versions */
        rc_policy_destroy(p->ver[i]);
        free(p->ver[i]);
    }
    free(p->ver);
    for (size_t i = 0; i < p->pool_n; i++)
        free(p->pool[i]);
    free(p->pool);
    free(p->json);
    memset(p, 0, sizeof *p);
}

void recert_policy_free(recert_policy *policy)
{
    if (!policy || policy->effective != RECERT_DAY_NONE) /* a version belongs to its policy */
        return;
    rc_policy_destroy(policy);
    free(policy);
}

/* A policy is made only from a valid document, so reading that document
 * again gives an equal policy: the copy cannot fail but for memory. */
int recert_policy_copy(recert_policy **out, const recert_policy *policy)
{
    if (!out)
        return rc_fail(RECERT_EINVAL, NULL, "out is NULL");
    *out = NULL;
    if (!policy)
        return rc_fail(RECERT_EINVAL, NULL, "policy is NULL");
    if (policy->effective != RECERT_DAY_NONE)
        return rc_fail(RECERT_EINVAL, NULL, "a dated version belongs to its policy: copy the policy");
    return recert_policy_from_json(out, policy->json, strlen(policy->json));
}

const recert_policy *rc_policy_in_force(const recert_policy *p, int32_t day)
{
    const recert_policy *in = p;
    for (size_t i = 0; i < p->ver_n && p->ver[i]->effective <= day; i++)
        in = p->ver[i];
    return in;
}

int rc_policy_category_index(const recert_policy *p, const char *category)
{
    if (!category)
        return -1;
    for (size_t i = 0; i < p->cat_n; i++)
        if (rc_strcasecmp(p->cat[i].id, category) == 0)
            return (int)i;
    return -1;
}

int rc_policy_unit_check(const recert_policy *p, recert_policy *const *others, size_t n, const char *path)
{
    for (size_t i = 0; i < n; i++) {
        const recert_policy *o = others[i];
        if (o == p || strcmp(o->id, p->id) == 0)
            continue; /* the same policy, or the one it replaces */
        if (rc_strcasecmp(o->unit, p->unit) == 0 && o->per_hour != p->per_hour)
            return rc_fail(RECERT_EDATA, path,
                           "unit \"%s\" of policy \"%s\" has another per_hour than in policy \"%s\"", p->unit,
                           p->id, o->id);
    }
    return RECERT_OK;
}

#define GET(type, name, expr, none)                            \
    type recert_policy_##name(const recert_policy *policy)     \
    {                                                          \
        return policy ? (expr) : (none);                       \
    }

GET(const char *, id, policy->id, NULL)
GET(const char *, organization, policy->organization, NULL)
GET(const char *, name, policy->name, NULL)
GET(const char *, source, policy->source, NULL)
GET(int32_t, checked, policy->checked, RECERT_DAY_NONE)
GET(const char *, currency, policy->currency, NULL)
GET(const char *, unit, policy->unit, NULL)
GET(int64_t, unit_per_hour, policy->per_hour, 0)
GET(int, cycle_years, policy->cycle_years, 0)
GET(recert_cycle_kind, cycle_kind, policy->cycle_kind, RECERT_CYCLE_ANNIVERSARY)
GET(int64_t, credits_required, policy->required, 0)
GET(int32_t, credit_grace_days, policy->grace_days, 0)
GET(int, cpr_aed_required, policy->cpr_required ? 1 : 0, 0)
GET(int64_t, cpr_aed_credit, policy->cpr_credit, 0)
GET(recert_unapproved, unapproved_credits, policy->unapproved, RECERT_UNAPPROVED_ACCEPTED)
GET(int, exam_path, policy->exam_path ? 1 : 0, 0)
GET(const char *, combine_group, policy->combine_group, NULL)
GET(size_t, late_window_count, policy->late_n, 0)
GET(int, audits, policy->audit ? 1 : 0, 0)
GET(int32_t, audit_documents_days, policy->audit ? policy->documents_days : 0, 0)

int64_t recert_policy_fee(const recert_policy *policy, recert_policy_fee_kind kind)
{
    if (!policy)
        return -1;
    switch (kind) {
    case RECERT_POLICY_FEE_RENEWAL: return policy->renewal_cents;
    case RECERT_POLICY_FEE_PETITION: return policy->petition_cents;
    case RECERT_POLICY_FEE_COMBINE_EXTRA: return policy->combine_extra_cents;
    default: return -1;
    }
}

const char *recert_policy_late_window_tier(const recert_policy *policy, size_t i)
{
    return policy && i < policy->late_n ? policy->late[i].tier : NULL;
}

int64_t recert_policy_late_window_fee(const recert_policy *policy, size_t i)
{
    return policy && i < policy->late_n ? policy->late[i].fee_cents : -1;
}

static int offset_out(const rc_offset *o, int *years, int *months, int *days)
{
    if (years)
        *years = o ? o->years : 0;
    if (months)
        *months = o ? o->months : 0;
    if (days)
        *days = o ? o->days : 0;
    return o != NULL;
}

int recert_policy_late_window_through(const recert_policy *policy, size_t i, int *years, int *months, int *days)
{
    if (!policy || i >= policy->late_n)
        return -1;
    const rc_late_window *w = &policy->late[i];
    return offset_out(w->has_through ? &w->through : NULL, years, months, days);
}

int recert_policy_final_deadline(const recert_policy *policy, int *years, int *months, int *days)
{
    if (!policy)
        return -1;
    return offset_out(policy->has_final ? &policy->final_deadline : NULL, years, months, days);
}

GET(int32_t, cycle_ends, policy->cycle_ends, RECERT_DAY_NONE)
GET(int32_t, cpr_aed_valid_days, policy->cpr_valid_days, 0)
GET(size_t, category_count, policy->cat_n, 0)
GET(size_t, proration_count, policy->pro_n, 0)
GET(size_t, version_count, policy->ver_n, 0)
GET(int32_t, effective, policy->effective, RECERT_DAY_NONE)

const char *recert_policy_category_id(const recert_policy *policy, size_t i)
{
    return policy && i < policy->cat_n ? policy->cat[i].id : NULL;
}

int64_t recert_policy_category_min(const recert_policy *policy, size_t i)
{
    return policy && i < policy->cat_n ? policy->cat[i].min : -1;
}

int64_t recert_policy_category_max(const recert_policy *policy, size_t i)
{
    return policy && i < policy->cat_n ? policy->cat[i].max : -1;
}

int recert_policy_proration_step(const recert_policy *policy, size_t i, int *years, int *months, int *days,
                                 int64_t *required)
{
    if (!policy || i >= policy->pro_n)
        return -1;
    if (required)
        *required = policy->pro[i].required;
    return offset_out(&policy->pro[i].from, years, months, days);
}

const recert_policy *recert_policy_version_at(const recert_policy *policy, size_t i)
{
    return policy && i < policy->ver_n ? policy->ver[i] : NULL;
}

const recert_policy *recert_policy_in_force(const recert_policy *policy, int32_t day)
{
    return policy ? rc_policy_in_force(policy, day) : NULL;
}
