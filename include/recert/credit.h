/*
 * librecert — a credit entry: one course or activity of a holder
 * (docs/format.md "Records document", docs/rules.md §2 and §4).
 *
 * A credit is made with recert_credit_new(), changed with the setters, and
 * added to a holder with recert_holder_add_credit(), which copies it. A
 * credit borrowed from a holder is read-only.
 *
 * Every setter returns RECERT_OK, RECERT_EINVAL for a NULL credit or a bad
 * argument (the message says which; an amount <= 0 or above
 * RECERT_AMOUNT_MAX is RECERT_EINVAL), RECERT_ERANGE for a day outside
 * 1900..9999 (RECERT_DAY_NONE too, where a day is required), or
 * RECERT_ENOMEM; on failure the credit is unchanged. Strings are copied.
 * Every string is checked as an import checks a string member
 * (docs/format.md "Values"): longer than RECERT_MAX_STRING_BYTES bytes is
 * RECERT_ELIMIT, not valid UTF-8 (an overlong form, a surrogate, beyond
 * U+10FFFF, a cut character) is RECERT_EINVAL; so what the setters accept,
 * export writes and import reads back.
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
 * A new credit completed on a day, without an amount until one is set
 * (amount 0, unit NULL): a holder with such a credit cannot join a roster
 * (RECERT_EDATA, "missing member: hours, or amount and unit").
 * id: non-empty UTF-8. RECERT_EINVAL for a NULL out, a NULL or empty id or
 * one that is not UTF-8, RECERT_ELIMIT for an id longer than
 * RECERT_MAX_STRING_BYTES, RECERT_ERANGE for a day outside 1900..9999
 * (RECERT_DAY_NONE included).
 * On failure *out is NULL.
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
 * > 0 and at most RECERT_AMOUNT_MAX (else RECERT_EINVAL). Clears the unit:
 * recert_credit_unit() is then NULL and export writes "hours". Once
 * converted to centihours when the holder joins a roster, an amount (in any
 * unit) must be at most RECERT_CREDIT_CENTIHOURS_MAX (amount.h): else
 * RECERT_EDATA there, at the credit's amount, as at import. Only a policy
 * unit of less than 0.001 per hour can pass it. */
RECERT_API int recert_credit_set_hours(recert_credit *credit, int64_t centihours);

/* The amount in a unit, in hundredths of it (1.5 CEU = 150, "ceu"): the unit
 * is "hours", "ceu", "cec" or a policy's own unit name, compared ignoring
 * ASCII case (checked when the holder joins a roster: RECERT_EDATA there for
 * an unknown unit). 0 < hundredths <= RECERT_AMOUNT_MAX, else RECERT_EINVAL;
 * a NULL or empty unit is RECERT_EINVAL (and one over the string limit
 * RECERT_ELIMIT). The unit is kept as given, "hours"
 * included (then export writes "amount" and "unit", not "hours"). */
RECERT_API int recert_credit_set_amount(recert_credit *credit, int64_t hundredths, const char *unit);

/* Preapproved or not (RECERT_EINVAL for another value). Without a call the
 * credit is preapproved and export writes no "approval"; after one, export
 * writes the value set, "preapproved" included. */
RECERT_API int recert_credit_set_approval(recert_credit *credit, recert_approval approval);

/* Record a petition: status PENDING, APPROVED or DENIED, the day it was filed
 * (required: RECERT_DAY_NONE or a day outside 1900..9999 is RECERT_ERANGE)
 * and the day it was decided (RECERT_DAY_NONE: not given; else RECERT_ERANGE
 * outside 1900..9999). A decided day before filed is not checked, and
 * evaluation reads decided only for APPROVED and DENIED (docs/rules.md §1: a
 * decision after the evaluation day is still pending). RECERT_PETITION_NONE
 * removes the petition and its x- members (filed and decided are then
 * ignored, not checked); another status value is RECERT_EINVAL. A petition
 * only matters for a not-preapproved credit under a "petition" policy. */
RECERT_API int recert_credit_set_petition(recert_credit *credit, recert_petition_status status,
                                          int32_t filed, int32_t decided);

/* Limit the credit to some of the holder's credentials (by id; n may be 0:
 * none, and ids may then be NULL). RECERT_EINVAL for ids NULL with n > 0 or
 * a NULL or empty id. Duplicate ids are accepted and kept as given (export
 * writes them back; a duplicate changes nothing in evaluation). At most
 * RECERT_MAX_APPLIES_TO (1000) ids, as a records document allows: more is
 * RECERT_ELIMIT, as at import. Whether the ids name the holder's
 * credentials is checked when the holder joins a roster (RECERT_EDATA
 * there).
 * recert_credit_set_applies_to_all() restores the default (all). */
RECERT_API int recert_credit_set_applies_to(recert_credit *credit, const char *const *ids, size_t n);
RECERT_API int recert_credit_set_applies_to_all(recert_credit *credit);
/* The credit's category ("category", docs/rules.md §4a): any non-empty text
 * of at most RECERT_MAX_STRING_BYTES bytes, matched against a policy's
 * category ids ignoring ASCII case; NULL removes it. RECERT_OK,
 * RECERT_EINVAL for a NULL credit, "" or text that is not UTF-8 (nothing
 * changed), RECERT_ELIMIT for a longer one (the code an import gives),
 * RECERT_ENOMEM. */
RECERT_API int recert_credit_set_category(recert_credit *credit, const char *category);

/* Getters. Strings belong to the credit. NULL credit: NULL, 0,
 * RECERT_DAY_NONE, RECERT_APPROVAL_PREAPPROVED or RECERT_PETITION_NONE
 * (recert_credit_applies_to_count() gives 0). */
RECERT_API const char *recert_credit_id(const recert_credit *credit);
RECERT_API const char *recert_credit_title(const recert_credit *credit);    /* NULL when absent */
RECERT_API const char *recert_credit_provider(const recert_credit *credit); /* NULL when absent */
RECERT_API int32_t recert_credit_completed(const recert_credit *credit);
/* The amount as given: hundredths of recert_credit_unit(), which is NULL when
 * it was given as "hours" (the "hours" member, or recert_credit_set_hours();
 * then the amount is centihours). Before any amount is set: 0 and NULL. */
RECERT_API int64_t recert_credit_amount(const recert_credit *credit);
RECERT_API const char *recert_credit_unit(const recert_credit *credit);
RECERT_API recert_approval recert_credit_approval(const recert_credit *credit); /* not given: PREAPPROVED */
RECERT_API recert_petition_status recert_credit_petition_status(const recert_credit *credit);
/* RECERT_DAY_NONE without a petition (and decided when not given). */
RECERT_API int32_t recert_credit_petition_filed(const recert_credit *credit);
RECERT_API int32_t recert_credit_petition_decided(const recert_credit *credit);
/* -1 when the credit applies to all credentials, else the number of ids (0:
 * none); the i-th id, NULL out of range. */
RECERT_API long recert_credit_applies_to_count(const recert_credit *credit);
RECERT_API const char *recert_credit_applies_to_at(const recert_credit *credit, size_t i);
RECERT_API const char *recert_credit_category(const recert_credit *credit); /* NULL when absent */

/*
 * The application's own members, whose names start with "x-" (docs/format.md):
 * values cross as JSON text. x_set: value is any NUL-terminated JSON text,
 * kept as written without the whitespace between tokens (" 5 " reads back
 * as "5", " [1E2, -0.0] " as "[1E2,-0.0]": numbers and strings byte for
 * byte, docs/format.md); on an existing key it
 * replaces the value in place (the member keeps its position), a new key
 * goes last; NULL removes the member (RECERT_OK when absent). RECERT_EINVAL
 * for a NULL handle or a NULL key or one not starting with "x-",
 * RECERT_EPARSE for a value that is not one JSON value (duplicate keys
 * included), RECERT_EINVAL for a key that is not UTF-8, RECERT_ELIMIT for a
 * value nested so deep that the records document would pass the 2048
 * values a document may have open at once (a credit's or credential's
 * value may be 2043 deep, a holder's 2045, the roster's 2047; "1" is 1
 * deep, "[1]" 2). x_get: a copy of the value's JSON text (recert_free it; *out is
 * NULL on failure); RECERT_EINVAL for a NULL argument, RECERT_ENOTFOUND when
 * the member is absent. x_count: 0 for NULL; x_key: the i-th key in order,
 * NULL out of range.
 */
RECERT_API int recert_credit_x_set(recert_credit *credit, const char *key, const char *json);
RECERT_API int recert_credit_x_get(char **out, const recert_credit *credit, const char *key);
RECERT_API size_t recert_credit_x_count(const recert_credit *credit);
RECERT_API const char *recert_credit_x_key(const recert_credit *credit, size_t i);

#ifdef __cplusplus
}
#endif

#endif /* RECERT_CREDIT_H */
