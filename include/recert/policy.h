/*
 * librecert — a policy: the rules of one certification (FORMAT.md "Policy
 * document", RULES.md §11). A policy is data: it is created from its JSON
 * document and is read-only afterwards.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef RECERT_POLICY_H
#define RECERT_POLICY_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* How a cycle's expiration day follows from its start (RULES.md §3). */
typedef enum recert_cycle_kind {
    RECERT_CYCLE_ANNIVERSARY = 0, /* E = S + N years */
    RECERT_CYCLE_YEAR_END = 1     /* E = Dec 31 of the year of S + N years - 1 day */
} recert_cycle_kind;

/* How credits that are not preapproved are treated (RULES.md §4). */
typedef enum recert_unapproved {
    RECERT_UNAPPROVED_ACCEPTED = 0, /* they count like any other */
    RECERT_UNAPPROVED_PETITION = 1  /* they count once a petition is approved */
} recert_unapproved;

/* Which fee recert_policy_fee() returns; all are cents. */
typedef enum recert_policy_fee_kind {
    RECERT_POLICY_FEE_RENEWAL = 0,
    RECERT_POLICY_FEE_PETITION = 1,
    RECERT_POLICY_FEE_COMBINE_EXTRA = 2
} recert_policy_fee_kind;

/*
 * Parse one policy document (len bytes of text, no NUL needed). A standalone
 * document may carry "recert": 1; any other value of "recert" is an error.
 * Every problem is an error naming its path (FORMAT.md lists them; the first
 * one is reported): RECERT_EINVAL for a NULL out or text, RECERT_EPARSE for
 * text that is not JSON (duplicate keys included), RECERT_EDATA for a
 * document that is not a valid policy, RECERT_EUNSUPPORTED for "versions",
 * RECERT_ELIMIT for more than 64 late windows or 256 waivers. Other limits
 * (RECERT_EDATA beyond them): cycle years 1..100, credit_grace_days and
 * audit documents_days 0..36600, fees 0..10^11 cents, offset parts within
 * +-1000 years, +-12000 months, +-366000 days; late window tiers unique and
 * not "on_time", "closed" or empty; only the last late window may have
 * "through": null. On failure *out is NULL.
 * The caller owns the result: recert_policy_free() it.
 */
RECERT_API int recert_policy_from_json(recert_policy **out, const char *text, size_t len);

/*
 * The policy as a JSON policy document (without "recert"): the members
 * exactly as given, x- members included. Release with recert_free().
 * flags: 0 or RECERT_JSON_PRETTY. On failure *out is NULL.
 */
RECERT_API int recert_policy_to_json(char **out, const recert_policy *policy, unsigned flags);

/* A deep copy, owned by the caller. On failure *out is NULL. */
RECERT_API int recert_policy_copy(recert_policy **out, const recert_policy *policy);

/* Destroy a policy the caller owns. NULL does nothing. Never call it on a
 * policy borrowed from a catalog or roster. */
RECERT_API void recert_policy_free(recert_policy *policy);

/* Getters. Strings belong to the policy (valid while it lives); a NULL
 * policy gives NULL, 0 or RECERT_DAY_NONE, the enum getters their 0 value
 * (RECERT_CYCLE_ANNIVERSARY, RECERT_UNAPPROVED_ACCEPTED), and
 * recert_policy_fee() and recert_policy_late_window_fee() -1. */
RECERT_API const char *recert_policy_id(const recert_policy *policy);
RECERT_API const char *recert_policy_organization(const recert_policy *policy);
RECERT_API const char *recert_policy_name(const recert_policy *policy);
RECERT_API const char *recert_policy_source(const recert_policy *policy);   /* NULL when absent */
RECERT_API int32_t recert_policy_checked(const recert_policy *policy);      /* RECERT_DAY_NONE when absent */
RECERT_API const char *recert_policy_currency(const recert_policy *policy);
RECERT_API const char *recert_policy_unit(const recert_policy *policy);     /* "CEU" */
RECERT_API int64_t recert_policy_unit_per_hour(const recert_policy *policy); /* millionths: CEU 100000 */
RECERT_API int recert_policy_cycle_years(const recert_policy *policy);
RECERT_API recert_cycle_kind recert_policy_cycle_kind(const recert_policy *policy);
RECERT_API int64_t recert_policy_credits_required(const recert_policy *policy); /* centihours */
RECERT_API int32_t recert_policy_credit_grace_days(const recert_policy *policy);
RECERT_API int recert_policy_cpr_aed_required(const recert_policy *policy);      /* 1 or 0 */
RECERT_API int64_t recert_policy_cpr_aed_credit(const recert_policy *policy);    /* centihours */
RECERT_API recert_unapproved recert_policy_unapproved_credits(const recert_policy *policy);
RECERT_API int recert_policy_exam_path(const recert_policy *policy);             /* 1 or 0 */
RECERT_API const char *recert_policy_combine_group(const recert_policy *policy); /* NULL: none */
RECERT_API int64_t recert_policy_fee(const recert_policy *policy, recert_policy_fee_kind kind); /* cents; -1 for a bad kind */
RECERT_API size_t recert_policy_late_window_count(const recert_policy *policy);
RECERT_API const char *recert_policy_late_window_tier(const recert_policy *policy, size_t i); /* NULL out of range */
RECERT_API int64_t recert_policy_late_window_fee(const recert_policy *policy, size_t i);       /* cents; -1 out of range */
RECERT_API int recert_policy_audits(const recert_policy *policy);                /* 1 or 0 */
RECERT_API int32_t recert_policy_audit_documents_days(const recert_policy *policy); /* 0 without audit */

#ifdef __cplusplus
}
#endif

#endif /* RECERT_POLICY_H */
