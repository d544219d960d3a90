/*
 * librecert — a holder: one person, with credentials, credit entries and
 * CPR/AED records (docs/format.md, docs/rules.md §4–§5).
 *
 * Adding a credential or credit copies it: the caller still owns and frees
 * what it passed. Children returned by the getters are borrowed and
 * read-only: valid while the holder lives and is not changed (an add or
 * remove may move every child, so re-read them after one).
 *
 * Functions given a NULL holder return RECERT_EINVAL; getters given a NULL
 * holder or an index out of range return NULL, RECERT_DAY_NONE, -1 (the int
 * getters) or 0 (counts). The handle API applies the records document's
 * limits, with the code an import gives: RECERT_MAX_CREDENTIALS,
 * RECERT_MAX_CREDITS and RECERT_MAX_CPR_AED per holder (RECERT_ELIMIT), and
 * strings of at most RECERT_MAX_STRING_BYTES (RECERT_ELIMIT) that are valid
 * UTF-8 (RECERT_EINVAL): a holder built with it exports a document that
 * imports.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef RECERT_HOLDER_H
#define RECERT_HOLDER_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A new holder with a non-empty id (RECERT_EINVAL for a NULL out or a NULL
 * or empty id or one that is not UTF-8, RECERT_ELIMIT for one longer than
 * RECERT_MAX_STRING_BYTES). *out NULL on failure. */
RECERT_API int recert_holder_new(recert_holder **out, const char *id);
RECERT_API int recert_holder_copy(recert_holder **out, const recert_holder *holder);
RECERT_API void recert_holder_free(recert_holder *holder);

/* NULL removes; RECERT_ELIMIT for a name longer than RECERT_MAX_STRING_BYTES,
 * RECERT_EINVAL for one that is not UTF-8 (the name is then unchanged). */
RECERT_API int recert_holder_set_name(recert_holder *holder, const char *name);
RECERT_API const char *recert_holder_id(const recert_holder *holder);
RECERT_API const char *recert_holder_name(const recert_holder *holder); /* NULL when absent */

/* Add a copy, last. RECERT_EEXISTS when the holder already has a child of
 * that kind with that id; RECERT_EINVAL for NULL arguments; RECERT_ELIMIT
 * when it has RECERT_MAX_CREDENTIALS credentials or RECERT_MAX_CREDITS
 * credit entries already; RECERT_ENOMEM.
 * Nothing changes on failure. Policies, units, applies_to and the cycle are
 * checked only when the holder joins a roster (recert_roster_add_holder). */
RECERT_API int recert_holder_add_credential(recert_holder *holder, const recert_credential *credential);
RECERT_API int recert_holder_add_credit(recert_holder *holder, const recert_credit *credit);

/* Remove the i-th child; the later ones move down by one. RECERT_ERANGE out
 * of range. */
RECERT_API int recert_holder_remove_credential(recert_holder *holder, size_t i);
RECERT_API int recert_holder_remove_credit(recert_holder *holder, size_t i);

RECERT_API size_t recert_holder_credential_count(const recert_holder *holder);
RECERT_API const recert_credential *recert_holder_credential_at(const recert_holder *holder, size_t i);
RECERT_API size_t recert_holder_credit_count(const recert_holder *holder);
RECERT_API const recert_credit *recert_holder_credit_at(const recert_holder *holder, size_t i);

/*
 * Add a CPR/AED record, last: completed and expires (required: RECERT_ERANGE
 * for RECERT_DAY_NONE or a day outside 1900..9999; RECERT_EINVAL when
 * expires is before completed, while the same day is allowed), hands_on (1:
 * hands-on, 0: online only; -1: not given, which means 1) and adult_cpr_aed
 * (1, 0, or -1: not given, which means 1). Any other hands_on or
 * adult_cpr_aed value is RECERT_EINVAL; RECERT_ELIMIT when the holder has
 * RECERT_MAX_CPR_AED records already. Once the holder has two records,
 * export writes "cpr_aed" as an array, even after a removal.
 */
RECERT_API int recert_holder_add_cpr_aed(recert_holder *holder, int32_t completed, int32_t expires,
                                         int hands_on, int adult_cpr_aed);
RECERT_API int recert_holder_remove_cpr_aed(recert_holder *holder, size_t i);
RECERT_API size_t recert_holder_cpr_aed_count(const recert_holder *holder);
/* The i-th record: completed and expires (RECERT_DAY_NONE out of range);
 * hands_on and adult (1 or 0, a value not given reads as 1; -1 out of
 * range). */
RECERT_API int32_t recert_holder_cpr_aed_completed(const recert_holder *holder, size_t i);
RECERT_API int32_t recert_holder_cpr_aed_expires(const recert_holder *holder, size_t i);
RECERT_API int recert_holder_cpr_aed_hands_on(const recert_holder *holder, size_t i);   /* 1 or 0 (-1 out of range) */
RECERT_API int recert_holder_cpr_aed_adult(const recert_holder *holder, size_t i);      /* 1 or 0 (-1 out of range) */

/* x- members as JSON text; see recert_credit_x_set() for the rules. */
RECERT_API int recert_holder_x_set(recert_holder *holder, const char *key, const char *json);
RECERT_API int recert_holder_x_get(char **out, const recert_holder *holder, const char *key);
RECERT_API size_t recert_holder_x_count(const recert_holder *holder);
RECERT_API const char *recert_holder_x_key(const recert_holder *holder, size_t i);

#ifdef __cplusplus
}
#endif

#endif /* RECERT_HOLDER_H */
