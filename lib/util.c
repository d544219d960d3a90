/*
 * Small helpers: strings, a text buffer, x- member lists.
 *
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

void recert_free(void *p)
{
    free(p);
}

char *rc_strndup(const char *s, size_t n)
{
    if (!s)
        return NULL;
    char *d = malloc(n + 1);
    if (!d)
        return NULL;
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

char *rc_strdup(const char *s)
{
    return s ? rc_strndup(s, strlen(s)) : NULL;
}

int rc_set_string(char **dst, const char *src)
{
    char *copy = NULL;
    if (src && !(copy = rc_strdup(src)))
        return rc_oom();
    free(*dst);
    *dst = copy;
    return RECERT_OK;
}

int rc_strcasecmp(const char *a, const char *b)
{
    for (;; a++, b++) {
        int ca = (unsigned char)*a, cb = (unsigned char)*b;
        if (ca >= 'A' && ca <= 'Z')
            ca += 'a' - 'A';
        if (cb >= 'A' && cb <= 'Z')
            cb += 'a' - 'A';
        if (ca != cb || ca == 0)
            return ca - cb;
    }
}

/* ---- UTF-8 ------------------------------------------------------------ */

size_t rc_utf8_seq(const char *str, size_t n)
{
    const unsigned char *s = (const unsigned char *)str;
    unsigned c = s[0], k;
    uint32_t v;
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF)
        k = 2, v = c & 0x1Fu;
    else if (c >= 0xE0 && c <= 0xEF)
        k = 3, v = c & 0x0Fu;
    else if (c >= 0xF0 && c <= 0xF4)
        k = 4, v = c & 0x07u;
    else
        return 0;
    if (n < k)
        return 0;
    for (unsigned i = 1; i < k; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        v = (v << 6) | (s[i] & 0x3Fu);
    }
    if (v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF) || (k == 3 && v < 0x800) || (k == 4 && v < 0x10000))
        return 0;
    return k;
}

bool rc_utf8_valid(const char *s, size_t n)
{
    for (size_t i = 0, k; i < n; i += k)
        if (!(k = rc_utf8_seq(s + i, n - i)))
            return false;
    return true;
}

size_t rc_utf8_cut(const char *str, size_t n)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t k = 0; /* continuation bytes at the end, at most 3 */
    while (k < 3 && k < n && (s[n - 1 - k] & 0xC0) == 0x80)
        k++;
    if (k == n)
        return n; /* no lead byte: not a character to keep whole */
    size_t lead = n - 1 - k;
    unsigned c = s[lead];
    size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    return need > k + 1 ? lead : n;
}

size_t rc_utf8_copy(char *dst, size_t size, const char *s, size_t n)
{
    const size_t mark = 3;   /* "...", and size >= 4 */
    size_t out = 0, fit = 0; /* fit: a length after which "..." fits */
    for (size_t i = 0; i < n;) {
        size_t k = rc_utf8_seq(s + i, n - i), ul = k;
        const char *u = s + i;
        if (!k) { /* not UTF-8: U+FFFD REPLACEMENT CHARACTER */
            u = "\xEF\xBF\xBD";
            ul = 3;
            k = 1;
        }
        if (ul > size - 1 - out) {
            memcpy(dst + fit, "...", mark);
            dst[fit + mark] = '\0';
            return fit + mark;
        }
        memcpy(dst + out, u, ul);
        out += ul;
        i += k;
        if (out + mark <= size - 1)
            fit = out;
    }
    dst[out] = '\0';
    return out;
}

size_t rc_snprintf(char *buf, size_t size, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, size, fmt, ap);
    va_end(ap);
    if (n < 0) { /* size >= 1 */
        buf[0] = '\0';
        return 0;
    }
    size_t len = (size_t)n;
    if (len >= size) {
        len = rc_utf8_cut(buf, size - 1);
        buf[len] = '\0';
    }
    return len;
}

/* ---- rc_buf ---------------------------------------------------------- */

static bool buf_reserve(rc_buf *b, size_t extra)
{
    if (b->failed)
        return false;
    if (b->len + extra + 1 <= b->cap)
        return true;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + extra + 1) {
        if (cap > SIZE_MAX / 2) {
            b->failed = true;
            return false;
        }
        cap *= 2;
    }
    char *d = realloc(b->data, cap);
    if (!d) {
        b->failed = true;
        return false;
    }
    b->data = d;
    b->cap = cap;
    return true;
}

void rc_buf_put(rc_buf *b, const char *s, size_t n)
{
    if (!buf_reserve(b, n))
        return;
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void rc_buf_puts(rc_buf *b, const char *s)
{
    rc_buf_put(b, s, strlen(s));
}

void rc_buf_putc(rc_buf *b, char c)
{
    if (!buf_reserve(b, 1))
        return;
    b->data[b->len++] = c;
    b->data[b->len] = '\0';
}

int rc_buf_finish(rc_buf *b, char **out)
{
    if (!b->failed && !b->data)
        buf_reserve(b, 0);
    if (b->failed) {
        rc_buf_free(b);
        *out = NULL;
        return rc_oom();
    }
    b->data[b->len] = '\0';
    *out = b->data;
    b->data = NULL;
    b->len = b->cap = 0;
    return RECERT_OK;
}

void rc_buf_free(rc_buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
    b->failed = false;
}

/* ---- x- members ------------------------------------------------------ */

void rc_xlist_free(rc_xlist *x)
{
    for (size_t i = 0; i < x->n; i++) {
        free(x->v[i].key);
        free(x->v[i].json);
    }
    free(x->v);
    x->v = NULL;
    x->n = 0;
}

int rc_xlist_copy(rc_xlist *dst, const rc_xlist *src)
{
    dst->v = NULL;
    dst->n = 0;
    if (!src->n)
        return RECERT_OK;
    dst->v = calloc(src->n, sizeof *dst->v);
    if (!dst->v)
        return rc_oom();
    for (size_t i = 0; i < src->n; i++) {
        dst->v[i].key = rc_strdup(src->v[i].key);
        dst->v[i].json = rc_strdup(src->v[i].json);
        dst->n = i + 1;
        if (!dst->v[i].key || !dst->v[i].json) {
            rc_xlist_free(dst);
            return rc_oom();
        }
    }
    return RECERT_OK;
}

const char *rc_xlist_get(const rc_xlist *x, const char *key)
{
    for (size_t i = 0; i < x->n; i++)
        if (strcmp(x->v[i].key, key) == 0)
            return x->v[i].json;
    return NULL;
}

int rc_xlist_set(rc_xlist *x, const char *key, const char *json)
{
    size_t i;
    for (i = 0; i < x->n; i++)
        if (strcmp(x->v[i].key, key) == 0)
            break;
    if (!json) { /* remove */
        if (i == x->n)
            return RECERT_OK;
        free(x->v[i].key);
        free(x->v[i].json);
        memmove(x->v + i, x->v + i + 1, (x->n - i - 1) * sizeof *x->v);
        x->n--;
        return RECERT_OK;
    }
    char *j = rc_strdup(json);
    if (!j)
        return rc_oom();
    if (i < x->n) {
        free(x->v[i].json);
        x->v[i].json = j;
        return RECERT_OK;
    }
    char *k = rc_strdup(key);
    rc_xmember *v = k ? realloc(x->v, (x->n + 1) * sizeof *v) : NULL;
    if (!v) {
        free(k);
        free(j);
        return rc_oom();
    }
    v[x->n].key = k;
    v[x->n].json = j;
    x->v = v;
    x->n++;
    return RECERT_OK;
}

int rc_x_set(rc_xlist *x, const char *key, const char *json)
{
    if (!x || !key || strncmp(key, "x-", 2) != 0)
        return rc_fail(RECERT_EINVAL, NULL, "an application member's name must start with \"x-\": \"%s\"",
                       key ? key : "(null)");
    if (!json)
        return rc_xlist_set(x, key, NULL);
    char *compact = NULL;
    int rc = rc_json_check_value(json, &compact);
    if (rc != RECERT_OK)
        return rc;
    rc = rc_xlist_set(x, key, compact);
    free(compact);
    return rc;
}

int rc_x_get(char **out, const rc_xlist *x, const char *key)
{
    if (!out)
        return rc_fail(RECERT_EINVAL, NULL, "out is NULL");
    *out = NULL;
    if (!x || !key)
        return rc_fail(RECERT_EINVAL, NULL, "NULL argument");
    const char *v = rc_xlist_get(x, key);
    if (!v)
        return rc_fail(RECERT_ENOTFOUND, NULL, "no member \"%s\"", key);
    if (!(*out = rc_strdup(v)))
        return rc_oom();
    return RECERT_OK;
}
