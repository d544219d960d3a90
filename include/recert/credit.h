/*
 * librecert — a credit entry: one course or activity of a holder
 * (FORMAT.md "Records document", RULES.md §2 and §4).
 *
 * A credit is made with recert_credit_new(), changed with the setters, and
 * added to a holder with recert_holder_add_credit(), which copies it. A
 * credit borrowed from a holder is read-only.
 *
 * Every setter returns RECERT_OK, RECERT_EINVAL for a NULL credit or a bad
 * argument (the message says which), or RECERT_ENOMEM; on failure the credit
 * is unchanged. Strings are copied.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef RECERT_CREDIT_H
#define RECERT_CREDIT_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum recert_approval {
    RECERT_APPROVAL_PREAPPROVED = 0,
    RECERT_APPROVAL_NOT_PREAPPROVED = 1
} recert_approval;

typedef enum recert_petition_status {
    RECERT_PETITION_NONE = 0, /* no petition recorded */
    RECERT_PETITION_PENDING = 1,
    RECERT_PETITION_APPROVED = 2,
    RECERT_PETITION_DENIED = 3
} recert_petition_status;

/*
 * A new credit completed on a day, worth nothing until an amount is set.
 * id: non-empty UTF-8. RECERT_EINVAL for a NULL or empty id, RECERT_ERANGE
 * for a day outside 1900..9999. On failure *out is NULL.
 */
RECERT_API int recert_credit_new(recert_credit **out, const char *id, int32_t completed);

/* A deep copy, owned by the caller. */
RECERT_API int recert_credit_copy(recert_credit **out, const recert_credit *credit);

/* Destroy a credit the caller owns. NULL does nothing. */
RECERT_API void recert_credit_free(recert_credit *credit);

/* Title and provider: free text; NULL removes it. */
RECERT_API int recert_credit_set_title(recert_credit *credit, const char *title);
RECERT_API int recert_credit_set_provider(recert_credit *credit, const char *provider);
RECERT_API int recert_credit_set_completed(recert_credit *credit, int32_t completed);

/* The amount in contact hours, in centihours (4 hours = 400); must be
 * > 0, whole hundredths of an hour, at most RECERT_AMOUNT_MAX. */
RECERT_API int recert_credit_set_hours(recert_credit *credit, int64_t centihours);

/* The amount in a unit, in hundredths of it (1.5 CEU = 150, "ceu"): the unit
 * is "hours", "ceu", "cec" or a policy's own unit name (checked when the
 * holder joins a roster). 0 < hundredths <= RECERT_AMOUNT_MAX. */
RECERT_API int recert_credit_set_amount(recert_credit *credit, int64_t hundredths, const char *unit);

RECERT_API int recert_credit_set_approval(recert_credit *credit, recert_approval approval);

/* Record a petition: status PENDING, APPROVED or DENIED, the day it was filed
 * and the day it was decided (RECERT_DAY_NONE: not given). RECERT_PETITION_NONE
 * removes the petition (filed and decided are then ignored). */
RECERT_API int recert_credit_set_petition(recert_credit *credit, recert_petition_status status,
                                          int32_t filed, int32_t decided);

/* Limit the credit to some of the holder's credentials (by id; n may be 0:
 * none). recert_credit_set_applies_to_all() restores the default (all). */
RECERT_API int recert_credit_set_applies_to(recert_credit *credit, const char *const *ids, size_t n);
RECERT_API int recert_credit_set_applies_to_all(recert_credit *credit);

/* Getters. Strings belong to the credit. NULL credit: NULL, 0 or NONE. */
RECERT_API const char *recert_credit_id(const recert_credit *credit);
RECERT_API const char *recert_credit_title(const recert_credit *credit);    /* NULL when absent */
RECERT_API const char *recert_credit_provider(const recert_credit *credit); /* NULL when absent */
RECERT_API int32_t recert_credit_completed(const recert_credit *credit);
/* The amount as given: hundredths of recert_credit_unit(), which is NULL when
 * it was given as "hours" (then the amount is centihours). */
RECERT_API int64_t recert_credit_amount(const recert_credit *credit);
RECERT_API const char *recert_credit_unit(const recert_credit *credit);
RECERT_API recert_approval recert_credit_approval(const recert_credit *credit);
RECERT_API recert_petition_status recert_credit_petition_status(const recert_credit *credit);
RECERT_API int32_t recert_credit_petition_filed(const recert_credit *credit);
RECERT_API int32_t recert_credit_petition_decided(const recert_credit *credit);
/* -1 when the credit applies to all credentials, else the number of ids. */
RECERT_API long recert_credit_applies_to_count(const recert_credit *credit);
RECERT_API const char *recert_credit_applies_to_at(const recert_credit *credit, size_t i);

/*
 * The application's own members, whose names start with "x-" (FORMAT.md):
 * values cross as JSON text. x_set: value is any JSON text (NULL removes
 * the member); RECERT_EINVAL for a key not starting with "x-", RECERT_EPARSE
 * for a value that is not JSON. x_get: a copy of the value's JSON text
 * (recert_free it); RECERT_ENOTFOUND when the member is absent.
 */
RECERT_API int recert_credit_x_set(recert_credit *credit, const char *key, const char *json);
RECERT_API int recert_credit_x_get(char **out, const recert_credit *credit, const char *key);
RECERT_API size_t recert_credit_x_count(const recert_credit *credit);
RECERT_API const char *recert_credit_x_key(const recert_credit *credit, size_t i);

#ifdef __cplusplus
}
#endif

#endif /* RECERT_CREDIT_H */
