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
 * The whole job in one call: a records document in, the report document as
 * of as_of ("YYYY-MM-DD") out, read against the built-in policies and the
 * document's own. *out is JSON text the caller releases with recert_free().
 * as_of NULL is RECERT_EINVAL (the library never reads the clock).
 * RECERT_EPARSE / RECERT_EDATA / RECERT_ERANGE / RECERT_EUNSUPPORTED for bad
 * records, with the path in recert_error_path(); *out is NULL on failure.
 */
RECERT_API int recert_evaluate_json(char **out, const char *records, size_t len, const char *as_of);

/*
 * Check a records document in full. *out is a JSON array of
 * {"path": ..., "message": ...}, one per error in document order ("[]" when
 * valid); release it with recert_free(). Returns RECERT_OK when the document
 * is valid, RECERT_EPARSE or RECERT_EDATA (or the code of the first error)
 * otherwise, with *out set in every one of those cases. Only RECERT_EINVAL and
 * RECERT_ENOMEM leave *out NULL.
 */
RECERT_API int recert_validate_json(char **out, const char *records, size_t len);

/* A new empty roster read against catalog (NULL: the default catalog). The
 * roster keeps the catalog alive. *out NULL on failure. */
RECERT_API int recert_roster_new(recert_roster **out, const recert_catalog *catalog);

/* Import a records document against the default catalog, or a given one.
 * All or nothing: *out is NULL on failure, with the error's path set. */
RECERT_API int recert_roster_from_json(recert_roster **out, const char *text, size_t len);
RECERT_API int recert_roster_from_json_catalog(recert_roster **out, const char *text, size_t len,
                                               const recert_catalog *catalog);

/* Export the records document again (FORMAT.md: exactly the members given,
 * in the format's order, x- members after). flags: 0 or RECERT_JSON_PRETTY.
 * Release *out with recert_free(). */
RECERT_API int recert_roster_to_json(char **out, const recert_roster *roster, unsigned flags);

RECERT_API void recert_roster_free(recert_roster *roster);

/*
 * Add a copy of a policy to the document's own policies (replacing one with
 * the same id; a document's policy overrides a catalog policy of that id).
 * Policies come before holders: RECERT_EBUSY once the roster has a holder.
 * RECERT_EDATA when its unit name clashes with another policy's.
 */
RECERT_API int recert_roster_add_policy(recert_roster *roster, const recert_policy *policy);
RECERT_API size_t recert_roster_policy_count(const recert_roster *roster); /* the document's own */
RECERT_API const recert_policy *recert_roster_policy_at(const recert_roster *roster, size_t i);
/* The policy an id means in this roster (the document's, else the catalog's),
 * borrowed; NULL when unknown. */
RECERT_API const recert_policy *recert_roster_find_policy(const recert_roster *roster, const char *id);

/*
 * Add a copy of a holder, checked the way an import checks it: unique holder
 * id (RECERT_EEXISTS), known policies (RECERT_ENOTFOUND), known units,
 * applies_to naming the holder's credentials, a consistent cycle
 * (RECERT_EDATA), dates that stay in range (RECERT_ERANGE). The error's path
 * is the one the holder would have in the exported document. Nothing
 * changes on failure.
 */
RECERT_API int recert_roster_add_holder(recert_roster *roster, const recert_holder *holder);
RECERT_API int recert_roster_remove_holder(recert_roster *roster, size_t i);
RECERT_API size_t recert_roster_holder_count(const recert_roster *roster);
RECERT_API const recert_holder *recert_roster_holder_at(const recert_roster *roster, size_t i); /* borrowed */
RECERT_API const recert_holder *recert_roster_find_holder(const recert_roster *roster, const char *id);

/* Top-level x- members as JSON text; see recert_credit_x_set(). */
RECERT_API int recert_roster_x_set(recert_roster *roster, const char *key, const char *json);
RECERT_API int recert_roster_x_get(char **out, const recert_roster *roster, const char *key);

/*
 * Evaluate every credential as of a day (RULES.md: nothing dated after
 * as_of has happened yet). The report is the caller's (recert_report_free);
 * it does not refer to the roster, which may be freed first.
 * RECERT_ERANGE for an as_of outside 1900..9999. *out NULL on failure.
 */
RECERT_API int recert_roster_evaluate(recert_report **out, const recert_roster *roster, int32_t as_of);

#ifdef __cplusplus
}
#endif

#endif /* RECERT_ROSTER_H */
