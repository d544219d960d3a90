/*
 * librecert — common definitions shared by every public header.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef RECERT_COMMON_H
#define RECERT_COMMON_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Every public function is marked RECERT_API; everything else in the shared
 * object is hidden (and the linker version script lists the exported names). */
#if defined(RECERT_BUILDING) && defined(__GNUC__)
#define RECERT_API __attribute__((visibility("default")))
#else
#define RECERT_API
#endif

/* Opaque handles. There is no public struct layout, so the ABI can grow. */
typedef struct recert_catalog recert_catalog;       /* a set of policies */
typedef struct recert_policy recert_policy;         /* one certification's rules */
typedef struct recert_roster recert_roster;         /* a records document */
typedef struct recert_holder recert_holder;         /* one person */
typedef struct recert_credential recert_credential; /* one certification held */
typedef struct recert_credit recert_credit;         /* one course or activity */
typedef struct recert_report recert_report;         /* an evaluation's result */

/* "No date": a day number that is not a day. */
#define RECERT_DAY_NONE INT32_MIN

/* Limits on documents read from JSON (docs/format.md "Errors"): beyond
 * them an import fails with RECERT_ELIMIT and a message naming the limit,
 * instead of using unbounded memory. The handle API applies the same
 * limits (RECERT_ELIMIT): a string argument over RECERT_MAX_STRING_BYTES
 * (and one that is not valid UTF-8: RECERT_EINVAL), the per-holder counts,
 * the ids of one applies_to, the holders and the policies of a roster, so
 * that what a program builds can always be exported and read back. */
#define RECERT_MAX_DOCUMENT_BYTES 268435456 /* 256 MiB of JSON text */
#define RECERT_MAX_HOLDERS 1000000          /* holders in one records document */
#define RECERT_MAX_STRING_BYTES 65536       /* one string member (ids, names, titles) */
#define RECERT_MAX_CREDENTIALS 16           /* credentials of one holder (issue 13: was 1000) */
#define RECERT_MAX_CREDITS 10000            /* credit entries of one holder */
#define RECERT_MAX_CPR_AED 1000             /* CPR/AED records of one holder */
#define RECERT_MAX_POLICIES 1000            /* policies of one records document */
#define RECERT_MAX_APPLIES_TO 1000          /* ids in one credit's applies_to */

/* Flags for the *_to_json functions. Compact output is the default. */
#define RECERT_JSON_PRETTY 0x1u /* indent by two spaces, one member a line */

/*
 * Release a string (or any buffer) that the library allocated for the
 * caller: the JSON text of *_to_json, recert_evaluate_json and friends.
 * Never pass it to the C library's free(); never pass anything else here.
 * recert_free(NULL) does nothing.
 */
RECERT_API void recert_free(void *p);

#ifdef __cplusplus
}
#endif

#endif /* RECERT_COMMON_H */
