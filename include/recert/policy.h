/*
 * librecert — a policy: the rules of one certification (docs/format.md "Policy
 * document", docs/rules.md §11). A policy is data: it is created from its JSON
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

/* How a cycle's expiration day follows from its start (docs/rules.md §3). */
typedef enum recert_cycle_kind {
    RECERT_CYCLE_ANNIVERSARY = 0, /* E = S + N years */
    RECERT_CYCLE_YEAR_END = 1,    /* E = Dec 31 of the year of S + N years - 1 day */
    RECERT_CYCLE_FIXED = 2        /* fixed periods of N years ending on recert_policy_cycle_ends()
                                     + k*N years, the same for every holder (docs/rules.md §3a) */
} recert_cycle_kind;

/* How credits that are not preapproved are treated (docs/rules.md §4). */
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
 * Every problem is an error naming its path (docs/format.md lists them; the first
 * one is reported): RECERT_EINVAL for a NULL out or text, RECERT_EPARSE for
 * text that is not JSON (duplicate keys included), RECERT_EDATA for a
 * document that is not a valid policy, RECERT_ELIMIT for more than 64 late
 * windows, 256 waivers, 8 categories, 64 proration steps or 64 versions,
 * and for a unit name, currency, late window tier or category id over 32
 * bytes (a report repeats them: docs/format.md "Memory and output bounds").
 * Other limits
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

/* A deep copy, owned by the caller, dated versions included. A version
 * (recert_policy_version_at) cannot be copied alone: RECERT_EINVAL; read its
 * recert_policy_to_json() text instead. On failure *out is NULL. */
RECERT_API int recert_policy_copy(recert_policy **out, const recert_policy *policy);

/* Destroy a policy the caller owns. NULL, and a version (which belongs to
 * its policy), do nothing. Never call it on a policy borrowed from a catalog
 * or roster. */
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

/* The offsets from E (docs/format.md "an offset"): *years, *months, *days (each
 * pointer may be NULL) receive the parts as written, 0 for a part not given.
 * recert_policy_late_window_through(): 1 for a window ending on E + offset,
 * 0 for one running through the final deadline ("through": null; the parts
 * are set to 0), -1 for a NULL policy or i out of range (nothing written).
 * recert_policy_final_deadline(): 1 when the policy gives "final_deadline",
 * 0 when it does not (the final deadline is E; parts set to 0), -1 for NULL. */
RECERT_API int recert_policy_late_window_through(const recert_policy *policy, size_t i, int *years, int *months,
                                                 int *days);
RECERT_API int recert_policy_final_deadline(const recert_policy *policy, int *years, int *months, int *days);

/* RECERT_CYCLE_FIXED: the period end the policy's "cycle.ends" names (every
 * other end is it + k * cycle years). RECERT_DAY_NONE for other kinds, NULL. */
RECERT_API int32_t recert_policy_cycle_ends(const recert_policy *policy);

/* "cpr_aed.valid_days_after": how many days past the reference day R a
 * CPR/AED record must still be valid to count (docs/rules.md §5a); 0 when
 * not given or NULL. */
RECERT_API int32_t recert_policy_cpr_aed_valid_days(const recert_policy *policy);

/* Credit categories (docs/rules.md §4a), in document order. Amounts are
 * centihours. min: 0 when not given; max: -1 when not given (no cap).
 * Out of range or NULL: 0 count, NULL id, -1 amounts. */
RECERT_API size_t recert_policy_category_count(const recert_policy *policy);
RECERT_API const char *recert_policy_category_id(const recert_policy *policy, size_t i);
RECERT_API int64_t recert_policy_category_min(const recert_policy *policy, size_t i);
RECERT_API int64_t recert_policy_category_max(const recert_policy *policy, size_t i);

/* Proration steps (docs/rules.md §3b), in document order: step i applies to
 * a first cycle starting on or after P + its offset (P: the start of the full
 * period ending on E) and requires *required centihours. Returns 1 and fills
 * the non-NULL pointers, or -1 for NULL / out of range (nothing written). */
RECERT_API size_t recert_policy_proration_count(const recert_policy *policy);
RECERT_API int recert_policy_proration_step(const recert_policy *policy, size_t i, int *years, int *months,
                                            int *days, int64_t *required);

/*
 * Dated versions (docs/format.md "Dated versions", docs/rules.md §11a). A
 * policy document with "versions" is its base terms (in force before the
 * first effective day) plus each version: the base with every version up to
 * it applied as a JSON merge patch. The version in force on a cycle's
 * expiration day E decides everything of that cycle's evaluation but the
 * cycle itself and the unit, which versions cannot change.
 *
 * recert_policy_version_count(): the number of versions (0 without; 0 for a
 * version itself or NULL). recert_policy_version_at(): the i-th version, in
 * effective order, as a complete policy owned by policy (valid while it
 * lives; never free it); NULL out of range. recert_policy_effective(): the
 * first day a version is in force; RECERT_DAY_NONE for a base document or
 * NULL. recert_policy_in_force(): the base or the version in force on day
 * (the last one whose effective day is <= day); NULL only for NULL policy.
 */
RECERT_API size_t recert_policy_version_count(const recert_policy *policy);
RECERT_API const recert_policy *recert_policy_version_at(const recert_policy *policy, size_t i);
RECERT_API int32_t recert_policy_effective(const recert_policy *policy);
RECERT_API const recert_policy *recert_policy_in_force(const recert_policy *policy, int32_t day);

#ifdef __cplusplus
}
#endif

#endif /* RECERT_POLICY_H */
