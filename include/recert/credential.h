/*
 * librecert — a credential: one certification held by one holder, with its
 * renewal application, audit and exam (docs/format.md, docs/rules.md §3, §7–§9).
 *
 * Made with recert_credential_new(), changed with the setters, added to a
 * holder with recert_holder_add_credential() (which copies it). A credential
 * borrowed from a holder is read-only. Setters return RECERT_OK,
 * RECERT_EINVAL (NULL credential, bad argument: an empty policy id, an enum
 * value out of range, a string that is not valid UTF-8), RECERT_ELIMIT (a
 * string longer than RECERT_MAX_STRING_BYTES, as at import), RECERT_ERANGE
 * (a day outside 1900..9999, and RECERT_DAY_NONE for a required day) or
 * RECERT_ENOMEM, and change nothing on failure. Setters check each day alone. The order of the days
 * (cycle_start not before certified, expires after the cycle start) is
 * checked when the holder joins a roster (RECERT_EDATA there); the order of
 * application and audit days is not checked at all (docs/rules.md is silent: a
 * decided day before received is taken as given).
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef RECERT_CREDENTIAL_H
#define RECERT_CREDENTIAL_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum recert_decision {
    RECERT_DECISION_PENDING = 0,
    RECERT_DECISION_ACCEPTED = 1,
    RECERT_DECISION_REJECTED = 2
} recert_decision;

typedef enum recert_audit_outcome {
    RECERT_OUTCOME_NONE = 0,
    RECERT_OUTCOME_PASSED = 1,
    RECERT_OUTCOME_FAILED = 2
} recert_audit_outcome;

/*
 * A new credential: its id (unique within its holder), the policy id
 * (resolved when the holder joins a roster) and the day of first
 * certification. RECERT_EINVAL for a NULL out or a NULL or empty string or
 * one that is not UTF-8, RECERT_ELIMIT for one longer than
 * RECERT_MAX_STRING_BYTES, RECERT_ERANGE for a certified day outside
 * 1900..9999 (RECERT_DAY_NONE included). *out NULL on failure.
 */
RECERT_API int recert_credential_new(recert_credential **out, const char *id, const char *policy,
                                     int32_t certified);
RECERT_API int recert_credential_copy(recert_credential **out, const recert_credential *credential);
RECERT_API void recert_credential_free(recert_credential *credential);

RECERT_API int recert_credential_set_policy(recert_credential *credential, const char *policy);
RECERT_API int recert_credential_set_number(recert_credential *credential, const char *number); /* NULL removes */
RECERT_API int recert_credential_set_certified(recert_credential *credential, int32_t day);
RECERT_API int recert_credential_set_cycle_start(recert_credential *credential, int32_t day); /* NONE removes */
RECERT_API int recert_credential_set_expires(recert_credential *credential, int32_t day);     /* NONE removes */

/* The renewal application: received (required; RECERT_DAY_NONE removes the
 * application and its x- members, the other arguments then unchecked),
 * decision, and the day decided (RECERT_DAY_NONE: not given). Once set, the
 * decision reads back as set, and export writes it, "pending" included. */
RECERT_API int recert_credential_set_application(recert_credential *credential, int32_t received,
                                                 recert_decision decision, int32_t decided);
/* The audit: selected (required; RECERT_DAY_NONE removes the audit and its
 * x- members, the other arguments then unchecked), the day documents were
 * received, the outcome and its day (each optional: RECERT_DAY_NONE,
 * RECERT_OUTCOME_NONE). A decided day without an outcome is kept but
 * ignored by evaluation (docs/rules.md §9). */
RECERT_API int recert_credential_set_audit(recert_credential *credential, int32_t selected,
                                           int32_t documents_received, recert_audit_outcome outcome,
                                           int32_t decided);
/* The exam retaken for renewal (docs/rules.md §6): RECERT_DAY_NONE removes it
 * (and its x- members). Only a policy with exam_path uses it. */
RECERT_API int recert_credential_set_exam(recert_credential *credential, int32_t passed);

/* Getters; a member not given is NULL or RECERT_DAY_NONE, a decision not
 * given (or no application) RECERT_DECISION_PENDING, an outcome not given
 * (or no audit) RECERT_OUTCOME_NONE. A NULL credential gives the same
 * values. cycle_start and expires are as given: the computed S and E are in
 * the report. */
RECERT_API const char *recert_credential_id(const recert_credential *credential);
RECERT_API const char *recert_credential_policy(const recert_credential *credential);
RECERT_API const char *recert_credential_number(const recert_credential *credential);
RECERT_API int32_t recert_credential_certified(const recert_credential *credential);
RECERT_API int32_t recert_credential_cycle_start(const recert_credential *credential);
RECERT_API int32_t recert_credential_expires(const recert_credential *credential);
RECERT_API int32_t recert_credential_application_received(const recert_credential *credential);
RECERT_API recert_decision recert_credential_application_decision(const recert_credential *credential);
RECERT_API int32_t recert_credential_application_decided(const recert_credential *credential);
RECERT_API int32_t recert_credential_audit_selected(const recert_credential *credential);
RECERT_API int32_t recert_credential_audit_documents_received(const recert_credential *credential);
RECERT_API recert_audit_outcome recert_credential_audit_outcome(const recert_credential *credential);
RECERT_API int32_t recert_credential_audit_decided(const recert_credential *credential);
RECERT_API int32_t recert_credential_exam_passed(const recert_credential *credential);

/* x- members as JSON text; see recert_credit_x_set() for the rules. */
RECERT_API int recert_credential_x_set(recert_credential *credential, const char *key, const char *json);
RECERT_API int recert_credential_x_get(char **out, const recert_credential *credential, const char *key);
RECERT_API size_t recert_credential_x_count(const recert_credential *credential);
RECERT_API const char *recert_credential_x_key(const recert_credential *credential, size_t i);

#ifdef __cplusplus
}
#endif

#endif /* RECERT_CREDENTIAL_H */
