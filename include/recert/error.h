/*
 * librecert — error codes and the calling thread's last error.
 *
 * Fallible functions return int: RECERT_OK (0) or one of the negative codes
 * below. The codes' values are fixed; new ones are only ever appended.
 *
 * The last failure on the calling thread is kept until the next failing call
 * on that same thread (a successful call does not clear it; call
 * recert_error_clear() for that). Its message starts with the place in the
 * document as a path and shows the offending value:
 *
 *     holders[2].credits[0].completed: not a valid date: "2025-02-30"
 *
 * When one call finds several errors (an import, an add of a holder), the
 * first one found is the one kept: its code is the call's return value. The
 * message is cut to 1023 bytes and the path to 511, ending in "..." when
 * cut; a value shown in a message is cut shorter (about 60 characters).
 * Every cut falls between two characters, and bytes of an argument that are
 * not UTF-8 are shown as U+FFFD: the message and the path are always valid
 * UTF-8.
 *
 * RECERT_ENOMEM means that an allocation failed, and nothing else. A
 * failure of the library itself that is not one of memory (none is known:
 * it would be a bug) is RECERT_EINVAL with a message that starts with
 * "internal error:".
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef RECERT_ERROR_H
#define RECERT_ERROR_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

enum {
    RECERT_OK = 0,
    RECERT_EINVAL = -1,       /* a bad argument (NULL handle, bad enum, ...) */
    RECERT_EPARSE = -2,       /* the text is not JSON */
    RECERT_EDATA = -3,        /* valid JSON, but not a valid document */
    RECERT_ENOTFOUND = -4,    /* no such policy, member, id, ... */
    RECERT_ERANGE = -5,       /* a date or number out of range, a buffer too small */
    RECERT_ENOMEM = -6,       /* out of memory; nothing was changed */
    RECERT_EUNSUPPORTED = -7, /* a feature this version does not support */
    RECERT_EEXISTS = -8,      /* a duplicate id */
    RECERT_EBUSY = -9,        /* the object is in use and may not change */
    RECERT_ELIMIT = -10       /* a documented size limit was exceeded */
};

/* The last error: read-only, owned by the library, valid until the next
 * failing call on the same thread. code is RECERT_OK, message and path are
 * "" when there has been no error. */
typedef struct recert_error {
    int code;
    const char *message; /* never NULL */
    const char *path;    /* never NULL; "" when the error has no place */
} recert_error;

/* The calling thread's last error. Never NULL. */
RECERT_API const recert_error *recert_error_last(void);

/* Flat accessors for FFI callers: the same fields as recert_error_last().
 * Never NULL; the strings belong to the library and stay valid until the
 * next failing call on this thread. */
RECERT_API int recert_error_code(void);
RECERT_API const char *recert_error_message(void);
RECERT_API const char *recert_error_path(void);

/* Forget the calling thread's last error. */
RECERT_API void recert_error_clear(void);

/* A fixed English text for a code ("invalid document", ...). Never NULL:
 * an unknown code gives "unknown error". */
RECERT_API const char *recert_strerror(int code);

#ifdef __cplusplus
}
#endif

#endif /* RECERT_ERROR_H */
