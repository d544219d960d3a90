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

/* Cut text to fit, ending with "..." when it was cut. */
static void copy_bounded(char *dst, size_t size, const char *src)
{
    size_t n = strlen(src);
    if (n < size) {
        memcpy(dst, src, n + 1);
        return;
    }
    memcpy(dst, src, size - 4);
    memcpy(dst + size - 4, "...", 4);
}

void rc_message_text(char out[RC_MESSAGE_MAX], const char *path, const char *fmt, va_list ap)
{
    char text[MESSAGE_MAX];
    int n = vsnprintf(text, sizeof text, fmt, ap);
    if (n < 0)
        text[0] = '\0';
    else if ((size_t)n >= sizeof text)
        memcpy(text + sizeof text - 4, "...", 4);
    if (path && *path) {
        char p[PATH_MAX_LEN];
        char full[MESSAGE_MAX + PATH_MAX_LEN + 4];
        copy_bounded(p, sizeof p, path);
        snprintf(full, sizeof full, "%s: %s", p, text);
        copy_bounded(out, RC_MESSAGE_MAX, full);
    } else {
        copy_bounded(out, RC_MESSAGE_MAX, text);
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
