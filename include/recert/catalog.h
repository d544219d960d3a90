/*
 * librecert — a catalog: a set of policies that rosters are read against.
 *
 * The default catalog holds the built-in policies (docs/rules.md §11), built once
 * on first use under a lock; a failed build (out of memory) is retried on the
 * next call. It is never freed while the library is loaded. A catalog is
 * read-only while a roster uses it (each roster holds a reference, counted
 * atomically), and may then be shared by any number of threads at once.
 * Rosters keep their catalog alive: recert_catalog_free() may be called while
 * rosters still use it.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef RECERT_CATALOG_H
#define RECERT_CATALOG_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A new, empty catalog owned by the caller. On failure *out is NULL. */
RECERT_API int recert_catalog_new(recert_catalog **out);

/* A new catalog holding a copy of the built-in policies, which the caller
 * may add to. On failure *out is NULL. */
RECERT_API int recert_catalog_new_builtin(recert_catalog **out);

/*
 * The shared default catalog of the built-in policies, borrowed: never free
 * it, never add to it. RECERT_ENOMEM when it cannot be built (the next call
 * tries again); *out is then NULL.
 */
RECERT_API int recert_catalog_default(const recert_catalog **out);

/* Release the caller's reference. The catalog itself lives on while a roster
 * uses it. NULL does nothing. */
RECERT_API void recert_catalog_free(recert_catalog *catalog);

/*
 * Add a copy of a policy (the caller keeps and frees its own), replacing a
 * policy with the same id (in its place). RECERT_EINVAL for a NULL argument,
 * RECERT_EBUSY while a roster uses the catalog (the default catalog always),
 * RECERT_EDATA when its unit name clashes with another policy's (same name
 * ignoring ASCII case, other per_hour; the policy it replaces is not
 * compared), RECERT_ENOMEM. Nothing changes on failure.
 */
RECERT_API int recert_catalog_add(recert_catalog *catalog, const recert_policy *policy);

/* Add every policy of a JSON text (len bytes, no NUL needed): one policy
 * document, or an array of them ("[]" adds nothing). Each document, array
 * items included, may carry "recert": 1 (any other value is RECERT_EDATA).
 * Two documents of one text with the same id: the later replaces the earlier.
 * All or nothing: on any error nothing is added. Returns RECERT_OK,
 * RECERT_EINVAL (NULL catalog or text), RECERT_EPARSE (not JSON, or a
 * top-level value that is not an object or array), RECERT_EDATA (an invalid
 * policy, path "[i]...." for an array item; a unit clash within the text or
 * with the catalog), RECERT_ELIMIT,
 * RECERT_EBUSY (a roster uses the catalog) or RECERT_ENOMEM; the first error
 * found is the one reported. */
RECERT_API int recert_catalog_add_json(recert_catalog *catalog, const char *text, size_t len);

/* Number of policies (0 for NULL), and the i-th one (borrowed; NULL for a
 * NULL catalog or i out of range), in the order they were added; a
 * replacement keeps the place of the policy it replaced (the built-ins come
 * in docs/rules.md §11's order). */
RECERT_API size_t recert_catalog_count(const recert_catalog *catalog);
RECERT_API const recert_policy *recert_catalog_at(const recert_catalog *catalog, size_t i);

/* The policy with this id (borrowed; exact, case-sensitive match), or NULL
 * when there is none or catalog or id is NULL. */
RECERT_API const recert_policy *recert_catalog_find(const recert_catalog *catalog, const char *id);

/* The catalog's policies as a JSON array of policy documents. Release with
 * recert_free(). */
RECERT_API int recert_catalog_to_json(char **out, const recert_catalog *catalog, unsigned flags);

/* The built-in policies as a JSON array of policy documents (the default
 * catalog's). Release with recert_free(). */
RECERT_API int recert_policies_json(char **out);

#ifdef __cplusplus
}
#endif

#endif /* RECERT_CATALOG_H */
