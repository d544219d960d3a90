/*
 * librecert — a holder: one person, with credentials, credit entries and
 * CPR/AED records (FORMAT.md, RULES.md §4–§5).
 *
 * Adding a credential or credit copies it: the caller still owns and frees
 * what it passed. Children returned by the getters are borrowed and
 * read-only: valid while the holder lives and is not changed.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef RECERT_HOLDER_H
#define RECERT_HOLDER_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A new holder with a non-empty id. *out NULL on failure. */
RECERT_API int recert_holder_new(recert_holder **out, const char *id);
RECERT_API int recert_holder_copy(recert_holder **out, const recert_holder *holder);
RECERT_API void recert_holder_free(recert_holder *holder);

RECERT_API int recert_holder_set_name(recert_holder *holder, const char *name); /* NULL removes */
RECERT_API const char *recert_holder_id(const recert_holder *holder);
RECERT_API const char *recert_holder_name(const recert_holder *holder); /* NULL when absent */

/* Add a copy. RECERT_EEXISTS when the holder already has that id;
 * RECERT_EINVAL for NULL arguments. Nothing changes on failure. */
RECERT_API int recert_holder_add_credential(recert_holder *holder, const recert_credential *credential);
RECERT_API int recert_holder_add_credit(recert_holder *holder, const recert_credit *credit);

/* Remove the i-th child. RECERT_ERANGE out of range. */
RECERT_API int recert_holder_remove_credential(recert_holder *holder, size_t i);
RECERT_API int recert_holder_remove_credit(recert_holder *holder, size_t i);

RECERT_API size_t recert_holder_credential_count(const recert_holder *holder);
RECERT_API const recert_credential *recert_holder_credential_at(const recert_holder *holder, size_t i);
RECERT_API size_t recert_holder_credit_count(const recert_holder *holder);
RECERT_API const recert_credit *recert_holder_credit_at(const recert_holder *holder, size_t i);

/*
 * Add a CPR/AED record: completed and expires (required; RECERT_EINVAL when
 * expires is before completed), hands_on (1: hands-on, 0: online only; -1:
 * not given, which means 1) and adult_cpr_aed (1, 0, or -1: not given,
 * which means 1).
 */
RECERT_API int recert_holder_add_cpr_aed(recert_holder *holder, int32_t completed, int32_t expires,
                                         int hands_on, int adult_cpr_aed);
RECERT_API int recert_holder_remove_cpr_aed(recert_holder *holder, size_t i);
RECERT_API size_t recert_holder_cpr_aed_count(const recert_holder *holder);
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
