/*
 * librecert — recertification rules for fitness professionals.
 *
 * The umbrella header: include this one. Everything in include/recert/ is
 * the API; nothing else is.
 *
 * Threads: the library keeps no global mutable state apart from the default
 * catalog (built once, on first use, under a lock) and each thread's last
 * error (thread-local). Concurrent READS of one handle are safe: any number
 * of threads may at the same time read one roster, catalog, policy, holder or
 * report through the functions that take it as const (getters, counts,
 * finds, x_get, *_to_json, recert_roster_evaluate, recert_roster_new and the
 * imports against a catalog), because none of them writes to it: evaluation
 * only reads the roster, and a catalog's reference count (taken by each
 * roster that uses it) is changed atomically. Any WRITE to a handle (a
 * setter, add, remove, x_set, free) needs exclusive access: no other thread
 * may use that handle meanwhile. Different handles may be used from
 * different threads freely. A catalog cannot change once a roster uses it
 * (recert_catalog_add gives RECERT_EBUSY), and a report does not refer to
 * the roster it came from. The library never reads the clock and never
 * changes process-wide state (it does not call json_set_alloc_funcs() or the
 * like).
 *
 * Text inputs given as (const char *text, size_t len) are read as exactly
 * len bytes: they need no NUL terminator, bytes after len are never read,
 * and a NUL byte inside the len bytes is a JSON parse error (RECERT_EPARSE).
 * len 0 is RECERT_EPARSE (no JSON value), and text NULL is RECERT_EINVAL.
 * Other strings (ids, dates, keys, x- values) are NUL-terminated.
 *
 * Ownership: *_new and import functions give the caller a handle to free
 * with its *_free; adding an object to another copies it; getters lend
 * (borrowed children and strings stay valid while their parent lives and
 * is not changed: an add or remove on the parent may move them);
 * JSON text the library allocates is released with recert_free().
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef RECERT_H
#define RECERT_H

#include "recert/common.h"
#include "recert/error.h"
#include "recert/version.h"
#include "recert/date.h"
#include "recert/amount.h"
#include "recert/audit.h"
#include "recert/policy.h"
#include "recert/catalog.h"
#include "recert/credit.h"
#include "recert/credential.h"
#include "recert/holder.h"
#include "recert/roster.h"
#include "recert/report.h"

#endif /* RECERT_H */
