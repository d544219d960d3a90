/*
 * Reading JSON documents: paths, errors, typed member reads (docs/format.md
 * "Strictness"). No rule is applied here, only shape and types.
 *
 * SPDX-License-Identifier: MIT
 */
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

const char *rd_raw(const json_t *v, size_t *len)
{
    if (!json_is_string(v) || !json_string_length(v) || json_string_value(v)[0] != '\0')
        return NULL;
    if (len)
        *len = json_string_length(v) - 1;
    return json_string_value(v) + 1;
}

bool rd_is_string(const json_t *v)
{
    return json_is_string(v) && !rd_raw(v, NULL);
}

/* A raw node that holds a number (not an x- member's value). */
static const char *raw_number(const json_t *v, size_t *len)
{
    const char *t = rd_raw(v, len);
    return t && (t[0] == '-' || (t[0] >= '0' && t[0] <= '9')) ? t : NULL;
}

/* A string as json_dumps writes it (no JSON_ENSURE_ASCII, no
 * JSON_ESCAPE_SLASH), so that what was written before reads the same. */
static void put_string(rc_buf *b, const char *s, size_t n)
{
    rc_buf_putc(b, '"');
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        rc_buf_put(b, s + run, i - run);
        run = i + 1;
        char e[8];
        switch (c) {
        case '"': rc_buf_put(b, "\\\"", 2); break;
        case '\\': rc_buf_put(b, "\\\\", 2); break;
        case '\b': rc_buf_put(b, "\\b", 2); break;
        case '\f': rc_buf_put(b, "\\f", 2); break;
        case '\n': rc_buf_put(b, "\\n", 2); break;
        case '\r': rc_buf_put(b, "\\r", 2); break;
        case '\t': rc_buf_put(b, "\\t", 2); break;
        default:
            snprintf(e, sizeof e, "\\u%04X", (unsigned)c);
            rc_buf_put(b, e, 6);
        }
    }
    rc_buf_put(b, s + run, n - run);
    rc_buf_putc(b, '"');
}

static void put_newline(rc_buf *b, int indent, int level)
{
    if (!indent)
        return;
    rc_buf_putc(b, '\n');
    for (int i = 0; i < indent * level; i++)
        rc_buf_putc(b, ' ');
}

/* v as JSON text, compact (indent 0) or indented as jansson's JSON_INDENT.
 * The depth is the parser's (at most RC_JSON_MAX_DEPTH). */
static void put_value(rc_buf *b, const json_t *v, int indent, int level)
{
    const char *raw;
    size_t n;
    if ((raw = rd_raw(v, &n))) {
        rc_buf_put(b, raw, n);
        return;
    }
    switch (json_typeof(v)) {
    case JSON_OBJECT: {
        if (!json_object_size(v)) {
            rc_buf_put(b, "{}", 2);
            return;
        }
        rc_buf_putc(b, '{');
        const char *key;
        json_t *m;
        bool first = true;
        json_object_foreach((json_t *)v, key, m) {
            if (!first)
                rc_buf_putc(b, ',');
            first = false;
            put_newline(b, indent, level + 1);
            put_string(b, key, strlen(key));
            rc_buf_put(b, indent ? ": " : ":", indent ? 2 : 1);
            put_value(b, m, indent, level + 1);
        }
        put_newline(b, indent, level);
        rc_buf_putc(b, '}');
        return;
    }
    case JSON_ARRAY: {
        size_t count = json_array_size(v);
        if (!count) {
            rc_buf_put(b, "[]", 2);
            return;
        }
        rc_buf_putc(b, '[');
        for (size_t i = 0; i < count; i++) {
            if (i)
                rc_buf_putc(b, ',');
            put_newline(b, indent, level + 1);
            put_value(b, json_array_get(v, i), indent, level + 1);
        }
        put_newline(b, indent, level);
        rc_buf_putc(b, ']');
        return;
    }
    case JSON_STRING:
        put_string(b, json_string_value(v), json_string_length(v));
        return;
    case JSON_INTEGER: {
        char t[32];
        snprintf(t, sizeof t, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
        rc_buf_puts(b, t);
        return;
    }
    case JSON_TRUE: rc_buf_put(b, "true", 4); return;
    case JSON_FALSE: rc_buf_put(b, "false", 5); return;
    case JSON_NULL: rc_buf_put(b, "null", 4); return;
    default: /* a real: never made by the parser */
        if (json_dump_callback(v, dump_to_buf, b, JSON_ENCODE_ANY | JSON_REAL_PRECISION(17)) != 0)
            b->failed = true;
        return;
    }
}

static char *dump_indented(const json_t *v, int indent)
{
    rc_buf b = {0};
    put_value(&b, v, indent, 0);
    char *out = NULL;
    if (rc_buf_finish(&b, &out) != RECERT_OK)
        return NULL;
    return out;
}

char *rd_dump(const json_t *v)
{
    return dump_indented(v, 0);
}

char *rd_dump_pretty(const json_t *v)
{
    return dump_indented(v, 2);
}

void rd_value_text(char *buf, size_t size, const json_t *v)
{
    const size_t cut = 60;
    if (rd_is_string(v)) {
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
    if (rd_raw(v, NULL))
        return raw_number(v, NULL) ? "a number" : "a value";
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
    if (json_is_string(v) || json_is_number(v) || json_is_boolean(v)) /* raw nodes too */
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
                /* the parser keeps an x- value as its text (a raw node) */
                const char *raw = rd_raw(v, NULL);
                char *j = raw ? NULL : rd_dump(v);
                if ((!raw && !j) || rc_xlist_set(x, key, raw ? raw : j) != RECERT_OK) {
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
    if (!rd_is_string(v))
        return wrong_type(rd, key, "a string", v);
    char why[RC_WHY_MAX]; /* the limits the setters apply too (limits.c) */
    int code = rc_limit_string(json_string_value(v), json_string_length(v), why);
    if (code != RECERT_OK) {
        rd_error_key(rd, key, code, "%s", why);
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
    if (!rd_is_string(v))
        return wrong_type(rd, key, "a date \"YYYY-MM-DD\"", v);
    int32_t d;
    int rc = recert_date_parse(&d, json_string_value(v));
    if (rc != RECERT_OK) {
        char t[128];
        rd_value_text(t, sizeof t, v);
        if (rc == RECERT_ERANGE) /* a real date with four digits of year: before 1900 */
            rd_error_key(rd, key, RECERT_EDATA, "date before 1900-01-01 (the supported range is 1900-01-01 to "
                         "9999-12-31): %s", t);
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

/* The parts of a number's text, as the parser checked it:
 * [ "-" ] int [ "." frac ] [ ( "e" / "E" ) [ "+" / "-" ] exp ]. */
typedef struct num_text {
    bool neg, point, exponent;
    const char *ip, *fp; /* the digits before and after the point */
    size_t ni, nf;
    int64_t exp; /* saturated at +-10^15: far beyond every bound here */
} num_text;

static void split_number(const char *t, size_t n, num_text *x)
{
    const char *end = t + n;
    memset(x, 0, sizeof *x);
    x->neg = *t == '-';
    t += x->neg;
    x->ip = t;
    while (t < end && *t >= '0' && *t <= '9')
        t++;
    x->ni = (size_t)(t - x->ip);
    if (t < end && *t == '.') {
        x->point = true;
        x->fp = ++t;
        while (t < end && *t >= '0' && *t <= '9')
            t++;
        x->nf = (size_t)(t - x->fp);
    }
    if (t < end && (*t == 'e' || *t == 'E')) {
        x->exponent = true;
        t++;
        bool eneg = *t == '-';
        t += *t == '-' || *t == '+';
        for (; t < end; t++)
            if (x->exp < 1000000000000000LL)
                x->exp = x->exp * 10 + (*t - '0');
        if (eneg)
            x->exp = -x->exp;
    }
}

/* The text of v when it is a number (a raw node or a json_integer) in
 * buf; NULL when it is not a number. */
static const char *number_text(const json_t *v, char buf[32], size_t *len)
{
    const char *t = raw_number(v, len);
    if (t)
        return t;
    if (!json_is_integer(v))
        return NULL;
    *len = (size_t)snprintf(buf, 32, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
    return buf;
}

int rd_int(rc_reader *rd, const json_t *obj, const char *key, bool required, int64_t min, int64_t max,
           int64_t *out)
{
    int st;
    const json_t *v = member(rd, obj, key, required, &st);
    if (!v)
        return st;
    char buf[32], t[128];
    size_t len;
    const char *text = number_text(v, buf, &len);
    if (!text)
        return wrong_type(rd, key, "a whole number", v);
    num_text x;
    split_number(text, len, &x);
    if (x.point || x.exponent) {
        rd_value_text(t, sizeof t, v);
        rd_error_key(rd, key, RECERT_EDATA, "expected a whole number, got %s", t);
        return -1;
    }
    /* exactly, on the digits: beyond 64 bits is out of range as well */
    uint64_t mag = 0;
    bool big = false;
    for (size_t k = 0; k < x.ni && !big; k++) {
        unsigned d = (unsigned)(x.ip[k] - '0');
        if (mag > (UINT64_MAX - d) / 10)
            big = true;
        else
            mag = mag * 10 + d;
    }
    const uint64_t top = x.neg ? (uint64_t)1 << 63 : (uint64_t)INT64_MAX;
    int64_t i = 0;
    if (!big && mag <= top)
        i = x.neg ? (mag ? -(int64_t)(mag - 1) - 1 : 0) : (int64_t)mag;
    if (big || mag > top || i < min || i > max) {
        rd_value_text(t, sizeof t, v);
        rd_error_key(rd, key, RECERT_EDATA, "%s is out of range %lld..%lld", t, (long long)min, (long long)max);
        return -1;
    }
    *out = i;
    return 1;
}

int rd_decimal(rc_reader *rd, const json_t *obj, const char *key, bool required, int decimals,
               int64_t *out, bool *is_real)
{
    int st;
    const json_t *v = member(rd, obj, key, required, &st);
    if (!v)
        return st;
    char buf[32], t[128];
    size_t len;
    const char *text = number_text(v, buf, &len);
    if (!text)
        return wrong_type(rd, key, "a number", v);
    /* Exactly, on the text (docs/format.md "Values"): the value is the
     * digits of int and frac as one integer D times 10^e10, e10 = exp - nf.
     * Leading zeros of D do not count, nor do trailing ones (1.10 and 1.100
     * are 1.1; 100e-2 is 1). No double anywhere. */
    num_text x;
    split_number(text, len, &x);
    size_t nd = x.ni + x.nf, lo = 0, hi = nd;
#define DIGIT(k) ((k) < x.ni ? x.ip[(k)] : x.fp[(k) - x.ni])
    while (lo < hi && DIGIT(lo) == '0')
        lo++;
    while (hi > lo && DIGIT(hi - 1) == '0')
        hi--;
    int64_t e10 = x.exp - (int64_t)x.nf + (int64_t)(nd - hi); /* trailing zeros moved into e10 */
    int64_t scaled = 0;
    if (lo < hi) {
        int64_t m = (int64_t)(hi - lo); /* significant digits: the value is >= 10^(m - 1 + e10) */
        if (m + e10 > 10) { /* >= 10^10 */
            rd_value_text(t, sizeof t, v);
            rd_error_key(rd, key, RECERT_EDATA, "%s is beyond 10^9", t);
            return -1;
        }
        if (e10 < -(int64_t)decimals) {
            rd_value_text(t, sizeof t, v);
            rd_error_key(rd, key, RECERT_EDATA, "more than %d decimals: %s", decimals, t);
            return -1;
        }
        /* m + e10 <= 10 and e10 + decimals >= 0: at most 10 + decimals
         * digits (16), which int64 holds */
        for (size_t k = lo; k < hi; k++)
            scaled = scaled * 10 + (DIGIT(k) - '0');
        for (int64_t k = 0; k < e10 + decimals; k++)
            scaled *= 10;
    }
#undef DIGIT
    int64_t limit = 1000000000LL;
    for (int k = 0; k < decimals; k++)
        limit *= 10; /* 10^9 units */
    if (scaled > limit) {
        rd_value_text(t, sizeof t, v);
        rd_error_key(rd, key, RECERT_EDATA, "%s is beyond 10^9", t);
        return -1;
    }
    *out = x.neg ? -scaled : scaled;
    if (is_real)
        *is_real = x.point || x.exponent;
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
    char why[RC_WHY_MAX];
    if (rc_limit_count(json_array_size(a), max, why) != RECERT_OK) {
        rd_error_key(rd, key, RECERT_ELIMIT, "%s", why);
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
    if (rd_is_string(v)) {
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
    if (rc != RECERT_OK && err.path[0]) { /* a duplicate member: its path, as every other error */
        size_t saved = rd_push_key(rd, err.path);
        rd_error_at(rd, RECERT_EPARSE, "duplicate member (line %d, column %d)", err.line, err.column);
        rd_pop(rd, saved);
        return RECERT_EPARSE;
    }
    if (rc != RECERT_OK)
        return rd_error_at(rd, RECERT_EPARSE, "not valid JSON: line %d, column %d: %s", err.line, err.column,
                           err.text);
    return RECERT_OK;
}

int rc_json_check_value(const char *text, char **compact)
{
    if (!text)
        return rc_fail(RECERT_EINVAL, NULL, "JSON text is NULL");
    /* One raw node: the value checked as an x- member's value is, and its
     * text kept as written, compacted (json_parse.c). */
    rc_json_error err;
    json_t *v = NULL;
    int rc = rc_json_parse(text, strlen(text), RC_JSON_ANY | RC_JSON_RAW, &v, &err);
    if (rc == RECERT_ENOMEM)
        return rc_oom();
    if (rc != RECERT_OK && err.path[0])
        return rc_fail(RECERT_EPARSE, NULL, "not valid JSON: line %d, column %d: duplicate member %s", err.line,
                       err.column, err.path);
    if (rc != RECERT_OK)
        return rc_fail(RECERT_EPARSE, NULL, "not valid JSON: line %d, column %d: %s", err.line, err.column,
                       err.text);
    if (compact) {
        *compact = rc_strdup(rd_raw(v, NULL));
        if (!*compact) {
            json_decref(v);
            return rc_oom();
        }
    }
    json_decref(v);
    return RECERT_OK;
}
