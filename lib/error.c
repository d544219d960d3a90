/*
 * The calling thread's last error (docs/api.md "Errors"). Fixed-size thread-local
 * buffers: recording an error never allocates, so RECERT_ENOMEM can always
 * be reported.
 *
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <string.h>

#include "internal.h"

#define MESSAGE_MAX 1024
#define PATH_MAX_LEN 512

typedef struct last_error {
    recert_error pub;
    char message[MESSAGE_MAX];
    char path[PATH_MAX_LEN];
} last_error;

static _Thread_local last_error last;

static last_error *current(void)
{
    if (last.pub.message == NULL) {
        last.pub.code = RECERT_OK;
        last.pub.message = last.message;
        last.pub.path = last.path;
    }
    return &last;
}

/* Cut text to fit, at a character boundary, ending with "..." when it was
 * cut; bytes that are not UTF-8 (a caller's argument shown in a message)
 * become U+FFFD: every message and path is valid UTF-8. */
static void copy_bounded(char *dst, size_t size, const char *src)
{
    rc_utf8_copy(dst, size, src, strlen(src));
}

void rc_message_text(char out[RC_MESSAGE_MAX], const char *path, const char *fmt, va_list ap)
{
    /* A few bytes more than out holds, so that a cut text is seen as too
     * long and cut (with "...") by rc_utf8_copy. */
    char text[MESSAGE_MAX + 4];
    int n = vsnprintf(text, sizeof text, fmt, ap);
    size_t len = 0;
    if (n >= 0)
        len = (size_t)n < sizeof text ? (size_t)n : rc_utf8_cut(text, sizeof text - 1);
    if (path && *path) {
        char full[PATH_MAX_LEN + 2 + sizeof text];
        size_t pl = rc_utf8_copy(full, PATH_MAX_LEN, path, strlen(path));
        memcpy(full + pl, ": ", 2);
        memcpy(full + pl + 2, text, len);
        rc_utf8_copy(out, RC_MESSAGE_MAX, full, pl + 2 + len);
    } else {
        rc_utf8_copy(out, RC_MESSAGE_MAX, text, len);
    }
}

int rc_fail_message(int code, const char *path, const char *message)
{
    last_error *e = current();
    copy_bounded(e->path, sizeof e->path, path ? path : "");
    copy_bounded(e->message, sizeof e->message, message);
    e->pub.code = code;
    return code;
}

int rc_failv(int code, const char *path, const char *fmt, va_list ap)
{
    char message[RC_MESSAGE_MAX];
    rc_message_text(message, path, fmt, ap);
    return rc_fail_message(code, path, message);
}

int rc_fail(int code, const char *path, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    rc_failv(code, path, fmt, ap);
    va_end(ap);
    return code;
}

int rc_oom(void)
{
    last_error *e = current();
    e->pub.code = RECERT_ENOMEM;
    e->path[0] = '\0';
    copy_bounded(e->message, sizeof e->message, "out of memory");
    return RECERT_ENOMEM;
}

const recert_error *recert_error_last(void)
{
    return &current()->pub;
}

int recert_error_code(void)
{
    return current()->pub.code;
}

const char *recert_error_message(void)
{
    return current()->message;
}

const char *recert_error_path(void)
{
    return current()->path;
}

void recert_error_clear(void)
{
    last_error *e = current();
    e->pub.code = RECERT_OK;
    e->message[0] = '\0';
    e->path[0] = '\0';
}

const char *recert_strerror(int code)
{
    switch (code) {
    case RECERT_OK: return "no error";
    case RECERT_EINVAL: return "invalid argument";
    case RECERT_EPARSE: return "not valid JSON";
    case RECERT_EDATA: return "invalid document";
    case RECERT_ENOTFOUND: return "not found";
    case RECERT_ERANGE: return "out of range";
    case RECERT_ENOMEM: return "out of memory";
    case RECERT_EUNSUPPORTED: return "not supported";
    case RECERT_EEXISTS: return "duplicate id";
    case RECERT_EBUSY: return "in use";
    case RECERT_ELIMIT: return "size limit exceeded";
    default: return "unknown error";
    }
}
