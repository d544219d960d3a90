/*
 * librecert — a credential: one certification held by one holder, with its
 * renewal application, audit and exam (docs/format.md, docs/rules.md §3, §7–§9).
 *
 * Every setter checks all its arguments before it changes anything: on
 * failure the credential is as it was.
 *
 * SPDX-License-Identifier: MIT
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* ---- internal --------------------------------------------------------- */

void rc_credential_init(recert_credential *c)
{
    c->certified = RECERT_DAY_NONE;
    c->cycle_start = RECERT_DAY_NONE;
    c->expires = RECERT_DAY_NONE;
    c->has_app = false;
    c->app_received = RECERT_DAY_NONE;
    c->app_decided = RECERT_DAY_NONE;
    c->app_decision = -1;
    c->has_audit = false;
    c->audit_selected = RECERT_DAY_NONE;
    c->audit_docs = RECERT_DAY_NONE;
    c->audit_decided = RECERT_DAY_NONE;
    c->audit_outcome = RECERT_OUTCOME_NONE;
    c->has_exam = false;
    c->exam_passed = RECERT_DAY_NONE;
    c->pol = NULL;
    c->cyc_pol = NULL;
}

void rc_credential_clear(recert_credential *c)
{
    if (!c)
        return;
    free(c->id);
    free(c->policy);
    free(c->number);
    rc_xlist_free(&c->app_x);
    rc_xlist_free(&c->audit_x);
    rc_xlist_free(&c->exam_x);
    rc_xlist_free(&c->x);
    memset(c, 0, sizeof *c);
    rc_credential_init(c);
}

int rc_credential_copy_into(recert_credential *dst, const recert_credential *src)
{
    /* Plain values (and the borrowed policy pointer) as they are; then every
     * owned member afresh. */
    *dst = *src;
    dst->id = dst->policy = dst->number = NULL;
    memset(&dst->app_x, 0, sizeof dst->app_x);
    memset(&dst->audit_x, 0, sizeof dst->audit_x);
    memset(&dst->exam_x, 0, sizeof dst->exam_x);
    memset(&dst->x, 0, sizeof dst->x);

    if ((src->id && !(dst->id = rc_strdup(src->id))) ||
        (src->policy && !(dst->policy = rc_strdup(src->policy))) ||
        (src->number && !(dst->number = rc_strdup(src->number))) ||
        rc_xlist_copy(&dst->app_x, &src->app_x) != RECERT_OK ||
        rc_xlist_copy(&dst->audit_x, &src->audit_x) != RECERT_OK ||
        rc_xlist_copy(&dst->exam_x, &src->exam_x) != RECERT_OK ||
        rc_xlist_copy(&dst->x, &src->x) != RECERT_OK) {
        rc_credential_clear(dst);
        return rc_oom();
    }
    return RECERT_OK;
}

/* ---- checks ----------------------------------------------------------- */

static int need_credential(const recert_credential *c, const char *fn)
{
    if (!c)
        return rc_fail(RECERT_EINVAL, NULL, "%s: NULL credential", fn);
    return RECERT_OK;
}

static int check_day(int32_t day, const char *what)
{
    return rc_check_day(day, true, what);
}

static int check_opt_day(int32_t day, const char *what)
{
    return rc_check_day(day, false, what);
}

/* A required, non-empty string within the limits of a document (limits.c). */
static int check_text(const char *s, const char *what)
{
    return rc_check_text(s, what, RC_TEXT_ID);
}

/* ---- the public functions -------------------------------------------- */

int recert_credential_new(recert_credential **out, const char *id, const char *policy,
                          int32_t certified)
{
    if (!out)
        return rc_fail(RECERT_EINVAL, NULL, "recert_credential_new: NULL output");
    *out = NULL;
    int rc;
    if ((rc = check_text(id, "credential id")) != RECERT_OK ||
        (rc = check_text(policy, "credential policy")) != RECERT_OK ||
        (rc = check_day(certified, "credential certified")) != RECERT_OK)
        return rc;
    recert_credential *c = calloc(1, sizeof *c);
    if (!c)
        return rc_oom();
    rc_credential_init(c);
    c->id = rc_strdup(id);
    c->policy = rc_strdup(policy);
    if (!c->id || !c->policy) {
        rc_credential_clear(c);
        free(c);
        return rc_oom();
    }
    c->certified = certified;
    *out = c;
    return RECERT_OK;
}

int recert_credential_copy(recert_credential **out, const recert_credential *credential)
{
    if (!out)
        return rc_fail(RECERT_EINVAL, NULL, "recert_credential_copy: NULL output");
    *out = NULL;
    int rc = need_credential(credential, "recert_credential_copy");
    if (rc != RECERT_OK)
        return rc;
    recert_credential *c = malloc(sizeof *c);
    if (!c)
        return rc_oom();
    rc = rc_credential_copy_into(c, credential);
    if (rc != RECERT_OK) {
        free(c);
        return rc;
    }
    *out = c;
    return RECERT_OK;
}

void recert_credential_free(recert_credential *credential)
{
    if (!credential)
        return;
    rc_credential_clear(credential);
    free(credential);
}

int recert_credential_set_policy(recert_credential *credential, const char *policy)
{
    int rc;
    if ((rc = need_credential(credential, "recert_credential_set_policy")) != RECERT_OK ||
        (rc = check_text(policy, "credential policy")) != RECERT_OK)
        return rc;
    if (rc_set_string(&credential->policy, policy) != RECERT_OK)
        return rc_oom();
    credential->pol = NULL; /* resolved again when it joins a roster */
    return RECERT_OK;
}

int recert_credential_set_number(recert_credential *credential, const char *number)
{
    int rc = need_credential(credential, "recert_credential_set_number");
    if (rc == RECERT_OK)
        rc = rc_check_text(number, "credential number", 0);
    if (rc != RECERT_OK)
        return rc;
    if (rc_set_string(&credential->number, number) != RECERT_OK)
        return rc_oom();
    return RECERT_OK;
}

int recert_credential_set_certified(recert_credential *credential, int32_t day)
{
    int rc;
    if ((rc = need_credential(credential, "recert_credential_set_certified")) != RECERT_OK ||
        (rc = check_day(day, "credential certified")) != RECERT_OK)
        return rc;
    credential->certified = day;
    return RECERT_OK;
}

int recert_credential_set_cycle_start(recert_credential *credential, int32_t day)
{
    int rc;
    if ((rc = need_credential(credential, "recert_credential_set_cycle_start")) != RECERT_OK ||
        (rc = check_opt_day(day, "credential cycle_start")) != RECERT_OK)
        return rc;
    credential->cycle_start = day;
    return RECERT_OK;
}

int recert_credential_set_expires(recert_credential *credential, int32_t day)
{
    int rc;
    if ((rc = need_credential(credential, "recert_credential_set_expires")) != RECERT_OK ||
        (rc = check_opt_day(day, "credential expires")) != RECERT_OK)
        return rc;
    credential->expires = day;
    return RECERT_OK;
}

int recert_credential_set_application(recert_credential *credential, int32_t received,
                                      recert_decision decision, int32_t decided)
{
    int rc = need_credential(credential, "recert_credential_set_application");
    if (rc != RECERT_OK)
        return rc;
    if (received == RECERT_DAY_NONE) {
        /* No application (its x- members go with it). */
        credential->has_app = false;
        credential->app_received = RECERT_DAY_NONE;
        credential->app_decided = RECERT_DAY_NONE;
        credential->app_decision = -1;
        rc_xlist_free(&credential->app_x);
        return RECERT_OK;
    }
    if ((rc = check_day(received, "credential application received")) != RECERT_OK)
        return rc;
    if (decision != RECERT_DECISION_PENDING && decision != RECERT_DECISION_ACCEPTED &&
        decision != RECERT_DECISION_REJECTED)
        return rc_fail(RECERT_EINVAL, NULL,
                       "credential application decision: %d is not a recert_decision",
                       (int)decision);
    if ((rc = check_opt_day(decided, "credential application decided")) != RECERT_OK)
        return rc;
    credential->has_app = true;
    credential->app_received = received;
    credential->app_decision = (signed char)decision;
    credential->app_decided = decided;
    return RECERT_OK;
}

int recert_credential_set_audit(recert_credential *credential, int32_t selected,
                                int32_t documents_received, recert_audit_outcome outcome,
                                int32_t decided)
{
    int rc = need_credential(credential, "recert_credential_set_audit");
    if (rc != RECERT_OK)
        return rc;
    if (selected == RECERT_DAY_NONE) {
        credential->has_audit = false;
        credential->audit_selected = RECERT_DAY_NONE;
        credential->audit_docs = RECERT_DAY_NONE;
        credential->audit_decided = RECERT_DAY_NONE;
        credential->audit_outcome = RECERT_OUTCOME_NONE;
        rc_xlist_free(&credential->audit_x);
        return RECERT_OK;
    }
    if ((rc = check_day(selected, "credential audit selected")) != RECERT_OK ||
        (rc = check_opt_day(documents_received, "credential audit documents_received")) !=
            RECERT_OK)
        return rc;
    if (outcome != RECERT_OUTCOME_NONE && outcome != RECERT_OUTCOME_PASSED &&
        outcome != RECERT_OUTCOME_FAILED)
        return rc_fail(RECERT_EINVAL, NULL,
                       "credential audit outcome: %d is not a recert_audit_outcome", (int)outcome);
    if ((rc = check_opt_day(decided, "credential audit decided")) != RECERT_OK)
        return rc;
    credential->has_audit = true;
    credential->audit_selected = selected;
    credential->audit_docs = documents_received;
    credential->audit_outcome = (signed char)outcome;
    credential->audit_decided = decided;
    return RECERT_OK;
}

int recert_credential_set_exam(recert_credential *credential, int32_t passed)
{
    int rc = need_credential(credential, "recert_credential_set_exam");
    if (rc != RECERT_OK)
        return rc;
    if (passed == RECERT_DAY_NONE) {
        credential->has_exam = false;
        credential->exam_passed = RECERT_DAY_NONE;
        rc_xlist_free(&credential->exam_x);
        return RECERT_OK;
    }
    if ((rc = check_day(passed, "credential exam passed")) != RECERT_OK)
        return rc;
    credential->has_exam = true;
    credential->exam_passed = passed;
    return RECERT_OK;
}

/* ---- getters ---------------------------------------------------------- */

const char *recert_credential_id(const recert_credential *credential)
{
    return credential ? credential->id : NULL;
}

const char *recert_credential_policy(const recert_credential *credential)
{
    return credential ? credential->policy : NULL;
}

const char *recert_credential_number(const recert_credential *credential)
{
    return credential ? credential->number : NULL;
}

int32_t recert_credential_certified(const recert_credential *credential)
{
    return credential ? credential->certified : RECERT_DAY_NONE;
}

int32_t recert_credential_cycle_start(const recert_credential *credential)
{
    return credential ? credential->cycle_start : RECERT_DAY_NONE;
}

int32_t recert_credential_expires(const recert_credential *credential)
{
    return credential ? credential->expires : RECERT_DAY_NONE;
}

int32_t recert_credential_application_received(const recert_credential *credential)
{
    return credential && credential->has_app ? credential->app_received : RECERT_DAY_NONE;
}

/* Not given means pending (docs/format.md: `pending` is the default). */
recert_decision recert_credential_application_decision(const recert_credential *credential)
{
    if (!credential || !credential->has_app || credential->app_decision < 0)
        return RECERT_DECISION_PENDING;
    return (recert_decision)credential->app_decision;
}

int32_t recert_credential_application_decided(const recert_credential *credential)
{
    return credential && credential->has_app ? credential->app_decided : RECERT_DAY_NONE;
}

int32_t recert_credential_audit_selected(const recert_credential *credential)
{
    return credential && credential->has_audit ? credential->audit_selected : RECERT_DAY_NONE;
}

int32_t recert_credential_audit_documents_received(const recert_credential *credential)
{
    return credential && credential->has_audit ? credential->audit_docs : RECERT_DAY_NONE;
}

recert_audit_outcome recert_credential_audit_outcome(const recert_credential *credential)
{
    if (!credential || !credential->has_audit)
        return RECERT_OUTCOME_NONE;
    return (recert_audit_outcome)credential->audit_outcome;
}

int32_t recert_credential_audit_decided(const recert_credential *credential)
{
    return credential && credential->has_audit ? credential->audit_decided : RECERT_DAY_NONE;
}

int32_t recert_credential_exam_passed(const recert_credential *credential)
{
    return credential && credential->has_exam ? credential->exam_passed : RECERT_DAY_NONE;
}

/* ---- x- members ------------------------------------------------------- */

int recert_credential_x_set(recert_credential *credential, const char *key, const char *json)
{
    int rc = need_credential(credential, "recert_credential_x_set");
    if (rc == RECERT_OK)
        rc = rc_check_x(key, json, RC_DEPTH_CREDENTIAL);
    if (rc != RECERT_OK)
        return rc;
    return rc_x_set(&credential->x, key, json);
}

int recert_credential_x_get(char **out, const recert_credential *credential, const char *key)
{
    if (out)
        *out = NULL;
    int rc = need_credential(credential, "recert_credential_x_get");
    if (rc != RECERT_OK)
        return rc;
    return rc_x_get(out, &credential->x, key);
}

size_t recert_credential_x_count(const recert_credential *credential)
{
    return credential ? credential->x.n : 0;
}

const char *recert_credential_x_key(const recert_credential *credential, size_t i)
{
    return credential && i < credential->x.n ? credential->x.v[i].key : NULL;
}
