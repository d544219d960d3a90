/*
 * The policy model: a certification's rules as plain values (FORMAT.md
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
    free(p->id);
    free(p->organization);
    free(p->name);
    free(p->source);
    free(p->currency);
    free(p->unit);
    free(p->combine_group);
    for (size_t i = 0; i < p->late_n; i++)
        free(p->late[i].tier);
    free(p->late);
    for (size_t i = 0; i < p->waiver_n; i++)
        free(p->waivers[i].id);
    free(p->waivers);
    free(p->json);
    memset(p, 0, sizeof *p);
}

void recert_policy_free(recert_policy *policy)
{
    if (!policy)
        return;
    rc_policy_destroy(policy);
    free(policy);
}

int recert_policy_copy(recert_policy **out, const recert_policy *policy)
{
    if (!out)
        return rc_fail(RECERT_EINVAL, NULL, "out is NULL");
    *out = NULL;
    if (!policy)
        return rc_fail(RECERT_EINVAL, NULL, "policy is NULL");
    recert_policy *p = calloc(1, sizeof *p);
    if (!p)
        return rc_oom();
    *p = *policy;
    p->id = p->organization = p->name = p->source = p->currency = p->unit = p->combine_group = p->json = NULL;
    p->late = NULL;
    p->waivers = NULL;
    p->late_n = p->waiver_n = 0;
    bool ok = (p->id = rc_strdup(policy->id)) && (p->organization = rc_strdup(policy->organization)) &&
              (p->name = rc_strdup(policy->name)) && (!policy->source || (p->source = rc_strdup(policy->source))) &&
              (p->currency = rc_strdup(policy->currency)) && (p->unit = rc_strdup(policy->unit)) &&
              (!policy->combine_group || (p->combine_group = rc_strdup(policy->combine_group))) &&
              (p->json = rc_strdup(policy->json));
    if (ok && policy->late_n) {
        ok = (p->late = calloc(policy->late_n, sizeof *p->late)) != NULL;
        for (size_t i = 0; ok && i < policy->late_n; i++) {
            p->late[i] = policy->late[i];
            p->late[i].tier = rc_strdup(policy->late[i].tier);
            p->late_n = i + 1;
            ok = p->late[i].tier != NULL;
        }
    }
    if (ok && policy->waiver_n) {
        ok = (p->waivers = calloc(policy->waiver_n, sizeof *p->waivers)) != NULL;
        for (size_t i = 0; ok && i < policy->waiver_n; i++) {
            p->waivers[i] = policy->waivers[i];
            p->waivers[i].id = NULL;
            p->waiver_n = i + 1;
            ok = !policy->waivers[i].id || (p->waivers[i].id = rc_strdup(policy->waivers[i].id));
        }
    }
    if (!ok) {
        recert_policy_free(p);
        return rc_oom();
    }
    *out = p;
    return RECERT_OK;
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
