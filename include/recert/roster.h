/*
 * librecert — a roster: a records document (holders and the document's own
 * policies) read against a catalog, and the one-call entry points.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef RECERT_ROSTER_H
#define RECERT_ROSTER_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * The whole job in one call: a records document in (len bytes, no NUL
 * needed), the report document as of as_of ("YYYY-MM-DD", NUL-terminated)
 * out, read against the built-in policies and the document's own. *out is
 * JSON text the caller releases with recert_free(). as_of NULL or not a date
 * ("2025-02-30") is RECERT_EINVAL (the library never reads the clock); a
 * real date outside 1900..9999 is RECERT_ERANGE. records NULL is
 * RECERT_EINVAL. Bad records: RECERT_EPARSE (not JSON, duplicate keys, len
 * 0), RECERT_EDATA (not a valid document; a date written in it outside
 * 1900..9999 included), RECERT_ERANGE (a date computed from the records
 * beyond 9999-12-31), RECERT_ELIMIT (a size limit: docs/format.md), each with the path of the
 * first error in recert_error_path(); RECERT_ENOMEM. *out is NULL on failure.
 */
RECERT_API int recert_evaluate_json(char **out, const char *records, size_t len, const char *as_of);

/*
 * Check a records document in full (len bytes, no NUL needed). *out is a
 * JSON array of {"path": ..., "message": ...}, one per error in document
 * order ("[]" when valid); release it with recert_free(). Returns RECERT_OK
 * when the document is valid, RECERT_EPARSE or RECERT_EDATA (or the code of
 * the first error: RECERT_ERANGE, RECERT_ELIMIT)
 * otherwise, with *out set in every one of those cases. Only RECERT_EINVAL
 * (NULL out or records) and RECERT_ENOMEM leave *out NULL. The list stops at
 * 1000 errors. An unknown policy or unit is always listed; the other checks
 * that need policies (applies_to, the cycle, dates beyond 9999-12-31, a
 * duplicate holder id) run only for a holder without errors of shape or
 * type: a holder's list is complete once those are fixed.
 */
RECERT_API int recert_validate_json(char **out, const char *records, size_t len);
/* The same against a given catalog instead of the default one (NULL: the
 * default catalog), as recert_roster_from_json_catalog() reads. */
RECERT_API int recert_validate_json_catalog(char **out, const char *records, size_t len,
                                            const recert_catalog *catalog);

/* A new empty roster read against catalog (NULL: the default catalog). The
 * roster keeps the catalog alive, and the catalog cannot change while the
 * roster lives (recert_catalog_add: RECERT_EBUSY). RECERT_EINVAL for a NULL
 * out; RECERT_ENOMEM (also when the default catalog cannot be built). *out
 * NULL on failure. */
RECERT_API int recert_roster_new(recert_roster **out, const recert_catalog *catalog);

/* Import a records document (len bytes, no NUL needed) against the default
 * catalog, or a given one (NULL: the default catalog). All or nothing: *out
 * is NULL on failure, with the first error's code, message and path set.
 * Codes as recert_evaluate_json() gives for bad records; RECERT_EINVAL for a
 * NULL out or text. */
RECERT_API int recert_roster_from_json(recert_roster **out, const char *text, size_t len);
RECERT_API int recert_roster_from_json_catalog(recert_roster **out, const char *text, size_t len,
                                               const recert_catalog *catalog);

/* Export the records document again (docs/format.md: exactly the members given,
 * in the format's order, x- members after). flags: 0 or RECERT_JSON_PRETTY.
 * Release *out with recert_free(). */
RECERT_API int recert_roster_to_json(char **out, const recert_roster *roster, unsigned flags);

RECERT_API void recert_roster_free(recert_roster *roster);

/*
 * Add a copy of a policy to the document's own policies (replacing one with
 * the same id in its place; a document's policy overrides a catalog policy
 * of that id). Policies come before holders: RECERT_EBUSY while the roster
 * has a holder. RECERT_EDATA when its unit name clashes with another
 * policy's, the document's or the catalog's (a policy of the same id is not
 * compared). RECERT_ELIMIT when the roster has RECERT_MAX_POLICIES policies
 * already (replacing one is allowed), or when the policy's JSON is nested
 * so deep (2046 values open at once) that inside a records document it
 * would pass the 2048 a document may have, as at import. RECERT_EINVAL for
 * a NULL argument; RECERT_ENOMEM.
 */
RECERT_API int recert_roster_add_policy(recert_roster *roster, const recert_policy *policy);
RECERT_API size_t recert_roster_policy_count(const recert_roster *roster); /* the document's own */
RECERT_API const recert_policy *recert_roster_policy_at(const recert_roster *roster, size_t i); /* NULL out of range */
/* The policy an id means in this roster (the document's, else the catalog's),
 * borrowed; NULL when unknown. */
RECERT_API const recert_policy *recert_roster_find_policy(const recert_roster *roster, const char *id);

/*
 * Add a copy of a holder, last, checked the way an import checks it: unique
 * holder id (RECERT_EEXISTS), known policies (RECERT_ENOTFOUND), known
 * units, credits of at most RECERT_CREDIT_CENTIHOURS_MAX once converted
 * (amount.h), applies_to naming the holder's credentials, a consistent
 * cycle (RECERT_EDATA), dates that stay in range (RECERT_ERANGE). An import gives
 * RECERT_EDATA for the first two instead. The first error found is the one
 * reported; its path is the one the holder would have in the exported
 * document ("holders[n]...", n the current holder count). RECERT_EINVAL for
 * a NULL argument; RECERT_ENOMEM; RECERT_ELIMIT when the roster has
 * RECERT_MAX_HOLDERS holders already (the limit of one records document).
 * Nothing changes on failure. Adding or removing a holder may move every
 * holder: pointers from recert_roster_holder_at() and
 * recert_roster_find_holder() (and the credentials and credits borrowed
 * from them) are invalid after it.
 */
RECERT_API int recert_roster_add_holder(recert_roster *roster, const recert_holder *holder);
/* Remove the i-th holder; the later ones move down by one. RECERT_EINVAL for
 * a NULL roster, RECERT_ERANGE for i out of range, RECERT_ENOMEM (nothing
 * changed). */
RECERT_API int recert_roster_remove_holder(recert_roster *roster, size_t i);
RECERT_API size_t recert_roster_holder_count(const recert_roster *roster);
/* Borrowed (see recert_roster_add_holder); NULL for a NULL roster, i out of
 * range, or no holder with that id (exact match; NULL id). */
RECERT_API const recert_holder *recert_roster_holder_at(const recert_roster *roster, size_t i); /* borrowed */
RECERT_API const recert_holder *recert_roster_find_holder(const recert_roster *roster, const char *id);

/* Top-level x- members as JSON text; see recert_credit_x_set() (a value here
 * may be 2047 deep). */
RECERT_API int recert_roster_x_set(recert_roster *roster, const char *key, const char *json);
RECERT_API int recert_roster_x_get(char **out, const recert_roster *roster, const char *key);

/*
 * Evaluate every credential as of a day (docs/rules.md: nothing dated after
 * as_of has happened yet). The report is the caller's (recert_report_free);
 * it does not refer to the roster, which may be freed first. The roster is
 * only read: several threads may evaluate one roster at once.
 * RECERT_EINVAL for a NULL out or roster, RECERT_ERANGE for an as_of outside
 * 1900..9999 (RECERT_DAY_NONE included), RECERT_ENOMEM. *out NULL on
 * failure.
 */
RECERT_API int recert_roster_evaluate(recert_report **out, const recert_roster *roster, int32_t as_of);

#ifdef __cplusplus
}
#endif

#endif /* RECERT_ROSTER_H */
