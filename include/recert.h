/*
 * librecert — recertification rules for fitness professionals.
 *
 * The umbrella header: include this one. Everything in include/recert/ is
 * the API; nothing else is.
 *
 * Threads: the library keeps no global mutable state apart from the default
 * catalog (built once, under a lock) and each thread's last error. Different
 * handles may be used from different threads at the same time; a catalog is
 * read-only once a roster uses it and may be shared by any number of
 * threads. Using one handle from two threads at once needs the caller's
 * lock. The library never reads the clock and never changes process-wide
 * state (it does not call json_set_alloc_funcs() or the like).
 *
 * Ownership: *_new and import functions give the caller a handle to free
 * with its *_free; adding an object to another copies it; getters lend
 * (borrowed children and strings live as long as their parent, unchanged);
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
#include "recert/policy.h"
#include "recert/catalog.h"
#include "recert/credit.h"
#include "recert/credential.h"
#include "recert/holder.h"
#include "recert/roster.h"
#include "recert/report.h"

#endif /* RECERT_H */
