/*
 * Reading JSON documents: paths, errors, typed member reads (docs/format.md
 * "Strictness"). No rule is applied here, only shape and types.
 *
 * SPDX-License-Identifier: MIT
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json_reader.h"

void rd_init(rc_reader *rd, bool collect)
{
    memset(rd, 0, sizeof *rd);
    rd->collect = collect;
}

void rd_free(rc_reader *rd)
{
    for (size_t i = 0; i < rd->error_n; i++) {
        free(rd->errors[i].path);
        free(rd->errors[i].message);
    }
    free(rd->errors);
    rd->errors = NULL;
    rd->error_n = 0;
}

/* The path is kept bounded: a piece that does not fit is cut at a
 * character boundary and the path ends with "..." (at most RD_PATH_MAX + 3
 * bytes); once cut, nothing more is appended until rd_pop(). */
static size_t rd_append(rc_reader *rd, const char *s, size_t n)
{
    size_t saved = rd->path_len;
    if (rd->path_len + n > RD_PATH_MAX) {
        if (rd->path_len >= RD_PATH_MAX - 3 && !memcmp(rd->path + rd->path_len - 3, "...", 3))
            return saved; /* already cut */
        n = rd->path_len < RD_PATH_MAX ? rc_utf8_cut(s, RD_PATH_MAX - rd->path_len) : 0;
        memcpy(rd->path + rd->path_len, s, n);
        memcpy(rd->path + rd->path_len + n, "...", 4);
        rd->path_len += n + 3;
        return saved;
    }
    memcpy(rd->path + rd->path_len, s, n);
    rd->path_len += n;
    rd->path[rd->path_len] = '\0';
    return saved;
}

size_t rd_push_key(rc_reader *rd, const char *key)
{
    size_t saved = rd->path_len;
    if (rd->path_len)
        rd_append(rd, ".", 1);
    rd_append(rd, key, strlen(key));
    return saved;
}

size_t rd_push_index(rc_reader *rd, size_t i)
{
    char b[32], d[24];
    size_t n = 0, k = 0;
    do {
        d[k++] = (char)('0' + i % 10);
        i /= 10;
    } while (i);
    b[n++] = '[';
    while (k)
        b[n++] = d[--k];
    b[n++] = ']';
    return rd_append(rd, b, n);
}

void rd_pop(rc_reader *rd, size_t saved)
{
    rd->path_len = saved;
    rd->path[saved] = '\0';
}

int rd_finish(rc_reader *rd)
{
    if (rd->oom)
        return rc_oom();
    if (rd->first_code != RECERT_OK)
        rc_fail_message(rd->first_code, rd->first_path, rd->first_message);
    return rd->first_code;
}

int rd_nomem(rc_reader *rd)
{
    rd->oom = true;
    if (rd->first_code == RECERT_OK)
        rd->first_code = RECERT_ENOMEM;
    rc_oom();
    return RECERT_ENOMEM;
}

static int rd_errorv(rc_reader *rd, int code, const char *fmt, va_list ap) RC_PRINTF(3, 0);
static int rd_errorv(rc_reader *rd, int code, const char *fmt, va_list ap)
{
    /* One text for the last error and the validate list: the same error
     * reads the same wherever it is shown. */
    char full[RC_MESSAGE_MAX];
    rc_message_text(full, rd->path, fmt, ap);
    rd->count++;
    if (rd->first_code == RECERT_OK) {
        rd->first_code = code;
        memcpy(rd->first_path, rd->path, rd->path_len + 1);
        memcpy(rd->first_message, full, sizeof full);
        rc_fail_message(code, rd->path, full);
    }
    if (rd->collect && rd->error_n < RC_MAX_ERRORS) {
        rd_error *e = realloc(rd->errors, (rd->error_n + 1) * sizeof *e);
        if (!e)
            return rd_nomem(rd);
        rd->errors = e;
        e[rd->error_n].code = code;
        e[rd->error_n].path = rc_strdup(rd->path);
        e[rd->error_n].message = rc_strdup(full);
        if (!e[rd->error_n].path || !e[rd->error_n].message) {
            free(e[rd->error_n].path);
            free(e[rd->error_n].message);
            return rd_nomem(rd);
        }
        rd->error_n++;
    }
    return code;
}

int rd_error_at(rc_reader *rd, int code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    rd_errorv(rd, code, fmt, ap);
    va_end(ap);
    return code;
}

int rd_error_key(rc_reader *rd, const char *key, int code, const char *fmt, ...)
{
    size_t saved = rd_push_key(rd, key);
    va_list ap;
    va_start(ap, fmt);
    rd_errorv(rd, code, fmt, ap);
    va_end(ap);
    rd_pop(rd, saved);
    return code;
}

/* jansson's json_dumps() is not safe when memory runs out: it ignores a
 * failed write of an object's key and goes on, so that the text loses
 * bytes. Writing into an rc_buf, whose failure sticks, every later write
 * fails too, and the failure is seen at the end. */
static int dump_to_buf(const char *text, size_t size, void *data)
{
    rc_buf *b = data;
    rc_buf_put(b, text, size);
    return b->failed ? -1 : 0;
}

char *rd_dumps(const json_t *v, size_t flags)
{
    rc_buf b = {0};
    if (json_dump_callback(v, dump_to_buf, &b, flags) != 0 || b.failed || !b.data) {
        rc_buf_free(&b);
        return NULL;
    }
    return b.data;
}

char *rd_dump(const json_t *v)
{
    return rd_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY | JSON_REAL_PRECISION(15));
}

void rd_value_text(char *buf, size_t size, const json_t *v)
{
    const size_t cut = 60;
    if (json_is_string(v)) {
        const char *s = json_string_value(v);
        size_t n = json_string_length(v);
        if (n > cut) /* at a character boundary */
            snprintf(buf, size, "\"%.*s...\"", (int)rc_utf8_cut(s, cut), s);
        else
            snprintf(buf, size, "\"%s\"", s);
        return;
    }
    if (json_is_object(v)) {
        snprintf(buf, size, "an object");
        return;
    }
    if (json_is_array(v)) {
        snprintf(buf, size, "an array");
        return;
    }
    char *t = rd_dump(v);
    if (!t) {
        snprintf(buf, size, "a value");
        return;
    }
    if (strlen(t) > cut)
        snprintf(buf, size, "%.*s...", (int)rc_utf8_cut(t, cut), t);
    else
        snprintf(buf, size, "%s", t);
    free(t);
}

static const char *type_name(const json_t *v)
{
    switch (json_typeof(v)) {
    case JSON_OBJECT: return "an object";
    case JSON_ARRAY: return "an array";
    case JSON_STRING: return "a string";
    case JSON_INTEGER:
    case JSON_REAL: return "a number";
    case JSON_TRUE:
    case JSON_FALSE: return "a boolean";
    default: return "null";
    }
}

static int wrong_type(rc_reader *rd, const char *key, const char *expected, const json_t *v)
{
    char t[128];
    rd_value_text(t, sizeof t, v);
    if (json_is_string(v) || json_is_number(v) || json_is_boolean(v))
        rd_error_key(rd, key, RECERT_EDATA, "expected %s, got %s: %s", expected, type_name(v), t);
    else
        rd_error_key(rd, key, RECERT_EDATA, "expected %s, got %s", expected, type_name(v));
    return -1;
}

bool rd_object(rc_reader *rd, const json_t *obj, const char *const *known, rc_xlist *x)
{
    if (!json_is_object(obj)) {
        rd_error_at(rd, RECERT_EDATA, "expected an object, got %s", type_name(obj));
        return false;
    }
    const char *key;
    json_t *v;
    json_object_foreach((json_t *)obj, key, v) {
        bool ok = false;
        for (const char *const *k = known; *k; k++)
            if (strcmp(*k, key) == 0) {
                ok = true;
                break;
            }
        if (ok)
            continue;
        if (strncmp(key, "x-", 2) == 0) {
            if (x) {
                char *j = rd_dump(v);
                if (!j || rc_xlist_set(x, key, j) != RECERT_OK) {
                    free(j);
                    rd_nomem(rd);
                    continue;
                }
                free(j);
            }
            continue;
        }
        rd_error_key(rd, key, RECERT_EDATA, "unknown member");
    }
    return true;
}

static const json_t *member(rc_reader *rd, const json_t *obj, const char *key, bool required, int *status)
{
    const json_t *v = json_object_get(obj, key);
    if (!v || json_is_null(v)) {
        if (required) {
            rd_error_key(rd, key, RECERT_EDATA, "missing member");
            *status = -1;
        } else {
            *status = 0;
        }
        return NULL;
    }
    *status = 1;
    return v;
}

int rd_string(rc_reader *rd, const json_t *obj, const char *key, bool required, char **out)
{
    int st;
    const json_t *v = member(rd, obj, key, required, &st);
    if (!v)
        return st;
    if (!json_is_string(v))
        return wrong_type(rd, key, "a string", v);
    if (json_string_length(v) > RECERT_MAX_STRING_BYTES) {
        rd_error_key(rd, key, RECERT_ELIMIT, "a string of %zu bytes is longer than the limit of %d",
                     json_string_length(v), RECERT_MAX_STRING_BYTES);
        return -1;
    }
    if (strlen(json_string_value(v)) != json_string_length(v)) {
        rd_error_key(rd, key, RECERT_EDATA, "a string may not contain NUL");
        return -1;
    }
    char *s = rc_strndup(json_string_value(v), json_string_length(v));
    if (!s) {
        rd_nomem(rd);
        return -1;
    }
    free(*out);
    *out = s;
    return 1;
}

int rd_date(rc_reader *rd, const json_t *obj, const char *key, bool required, int32_t *out)
{
    int st;
    const json_t *v = member(rd, obj, key, required, &st);
    if (!v)
        return st;
    if (!json_is_string(v))
        return wrong_type(rd, key, "a date \"YYYY-MM-DD\"", v);
    int32_t d;
    int rc = recert_date_parse(&d, json_string_value(v));
    if (rc != RECERT_OK) {
        char t[128];
        rd_value_text(t, sizeof t, v);
        if (rc == RECERT_ERANGE)
            rd_error_key(rd, key, RECERT_EDATA, "date out of range 1900-01-01..9999-12-31: %s", t);
        else
            rd_error_key(rd, key, RECERT_EDATA, "not a valid date: %s", t);
        return -1;
    }
    *out = d;
    return 1;
}

int rd_bool(rc_reader *rd, const json_t *obj, const char *key, bool required, bool *out)
{
    int st;
    const json_t *v = member(rd, obj, key, required, &st);
    if (!v)
        return st;
    if (!json_is_boolean(v))
        return wrong_type(rd, key, "true or false", v);
    *out = json_is_true(v);
    return 1;
}

int rd_int(rc_reader *rd, const json_t *obj, const char *key, bool required, int64_t min, int64_t max,
           int64_t *out)
{
    int st;
    const json_t *v = member(rd, obj, key, required, &st);
    if (!v)
        return st;
    if (!json_is_integer(v)) {
        if (json_is_real(v)) {
            char t[128];
            rd_value_text(t, sizeof t, v);
            rd_error_key(rd, key, RECERT_EDATA, "expected a whole number, got %s", t);
            return -1;
        }
        return wrong_type(rd, key, "a whole number", v);
    }
    json_int_t i = json_integer_value(v);
    if (i < min || i > max) {
        rd_error_key(rd, key, RECERT_EDATA, "%lld is out of range %lld..%lld", (long long)i, (long long)min,
                     (long long)max);
        return -1;
    }
    *out = (int64_t)i;
    return 1;
}

int rd_decimal(rc_reader *rd, const json_t *obj, const char *key, bool required, int decimals,
               int64_t *out, bool *is_real)
{
    int st;
    const json_t *v = member(rd, obj, key, required, &st);
    if (!v)
        return st;
    int64_t scale = 1;
    for (int i = 0; i < decimals; i++)
        scale *= 10;
    const int64_t limit = 1000000000LL * scale; /* 10^9 units */
    if (json_is_integer(v)) {
        json_int_t i = json_integer_value(v);
        if (i > 1000000000LL || i < -1000000000LL) {
            rd_error_key(rd, key, RECERT_EDATA, "%lld is beyond 10^9", (long long)i);
            return -1;
        }
        *out = (int64_t)i * scale;
        if (is_real)
            *is_real = false;
        return 1;
    }
    if (!json_is_real(v))
        return wrong_type(rd, key, "a number", v);
    double x = json_real_value(v);
    char t[128];
    if (!isfinite(x) || fabs(x) > 1e9) {
        rd_value_text(t, sizeof t, v);
        rd_error_key(rd, key, RECERT_EDATA, "%s is beyond 10^9", t);
        return -1;
    }
    /* The number had at most `decimals` decimals exactly when its value
     * printed with that many decimals reads back as the same double. The
     * integer then comes from that text: no float in what follows. */
    char text[64];
    snprintf(text, sizeof text, "%.*f", decimals, x);
    if (strtod(text, NULL) != x) {
        rd_value_text(t, sizeof t, v);
        rd_error_key(rd, key, RECERT_EDATA, "more than %d decimals: %s", decimals, t);
        return -1;
    }
    int64_t n = 0;
    bool neg = false;
    for (const char *p = text; *p; p++) {
        if (*p == '-')
            neg = true;
        else if (*p >= '0' && *p <= '9')
            n = n * 10 + (*p - '0');
    }
    if (n > limit) {
        rd_value_text(t, sizeof t, v);
        rd_error_key(rd, key, RECERT_EDATA, "%s is beyond 10^9", t);
        return -1;
    }
    *out = neg ? -n : n;
    if (is_real)
        *is_real = true;
    return 1;
}

const json_t *rd_array(rc_reader *rd, const json_t *obj, const char *key, size_t max)
{
    const json_t *a = json_object_get(obj, key);
    if (!a || json_is_null(a))
        return NULL;
    if (!json_is_array(a)) {
        rd_error_key(rd, key, RECERT_EDATA, "expected an array");
        return NULL;
    }
    if (json_array_size(a) > max) {
        rd_error_key(rd, key, RECERT_ELIMIT, "more than %zu entries", max);
        return NULL;
    }
    return a;
}

int rd_enum(rc_reader *rd, const json_t *obj, const char *key, bool required, const char *const *names,
            int *out)
{
    int st;
    const json_t *v = member(rd, obj, key, required, &st);
    if (!v)
        return st;
    if (json_is_string(v)) {
        for (int i = 0; names[i]; i++)
            if (strcmp(names[i], json_string_value(v)) == 0) {
                *out = i;
                return 1;
            }
    }
    char t[128], list[256] = "";
    rd_value_text(t, sizeof t, v);
    for (int i = 0; names[i]; i++) {
        if (i)
            strncat(list, ", ", sizeof list - strlen(list) - 1);
        strncat(list, names[i], sizeof list - strlen(list) - 1);
    }
    rd_error_key(rd, key, RECERT_EDATA, "expected one of %s, got %s", list, t);
    return -1;
}

int rd_load(rc_reader *rd, const char *text, size_t len, json_t **out)
{
    rc_json_error err;
    *out = NULL;
    if (!text)
        return rd_error_at(rd, RECERT_EINVAL, "no text (NULL)");
    if (len > RECERT_MAX_DOCUMENT_BYTES)
        return rd_error_at(rd, RECERT_ELIMIT, "a document of %zu bytes is larger than the limit of %d bytes", len,
                           RECERT_MAX_DOCUMENT_BYTES);
    int rc = rc_json_parse(text, len, 0, out, &err);
    if (rc == RECERT_ENOMEM)
        return rd_nomem(rd);
    if (rc != RECERT_OK)
        return rd_error_at(rd, RECERT_EPARSE, "not valid JSON: line %d, column %d: %s", err.line, err.column,
                           err.text);
    return RECERT_OK;
}

int rc_json_check_value(const char *text, char **compact)
{
    if (!text)
        return rc_fail(RECERT_EINVAL, NULL, "JSON text is NULL");
    rc_json_error err;
    json_t *v = NULL;
    int rc = rc_json_parse(text, strlen(text), RC_JSON_ANY, &v, &err);
    if (rc == RECERT_ENOMEM)
        return rc_oom();
    if (rc != RECERT_OK)
        return rc_fail(RECERT_EPARSE, NULL, "not valid JSON: line %d, column %d: %s", err.line, err.column,
                       err.text);
    if (compact) {
        *compact = rd_dump(v);
        if (!*compact) {
            json_decref(v);
            return rc_oom();
        }
    }
    json_decref(v);
    return RECERT_OK;
}
