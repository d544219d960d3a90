/*
 * The limits a records document puts on its values (docs/format.md
 * "Values", "Errors"; docs/rules.md "Limits"), one check per kind of
 * value, shared by import (json_reader.c, json_in.c, roster.c) and the
 * handle API's setters (credit.c, credential.c, holder.c, roster.c), so
 * that what the handles build exports to a document that imports.
 *
 * A check returns RECERT_OK, or the code an import gives (RECERT_ELIMIT for
 * a size limit, RECERT_EDATA for a value the format does not allow) with
 * the reason in why; it sets no error. An import adds the path; a setter
 * adds the argument's name (rc_limit_fail).
 *
 * SPDX-License-Identifier: MIT
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "json_reader.h"

/* The offset of the first byte of s[0..n) that is not valid UTF-8, or n. */
static size_t utf8_bad_at(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        size_t k = rc_utf8_seq(s + i, n - i);
        if (!k)
            return i;
        i += k;
    }
    return n;
}

int rc_limit_string(const char *s, size_t len, char why[RC_WHY_MAX])
{
    if (len > RECERT_MAX_STRING_BYTES) {
        snprintf(why, RC_WHY_MAX, "a string of %zu bytes is longer than the limit of %d", len,
                 RECERT_MAX_STRING_BYTES);
        return RECERT_ELIMIT;
    }
    if (memchr(s, '\0', len)) {
        snprintf(why, RC_WHY_MAX, "a string may not contain NUL");
        return RECERT_EDATA;
    }
    size_t bad = utf8_bad_at(s, len);
    if (bad < len) {
        snprintf(why, RC_WHY_MAX, "not valid UTF-8 (byte 0x%02x at offset %zu)", (unsigned char)s[bad], bad);
        return RECERT_EDATA;
    }
    return RECERT_OK;
}

int rc_limit_cstring(const char *s, char why[RC_WHY_MAX])
{
    /* Count at most one byte past the limit: a setter given a huge string
     * reads no more of it than the limit. */
    size_t len = 0;
    while (len <= RECERT_MAX_STRING_BYTES && s[len])
        len++;
    if (s[len]) {
        snprintf(why, RC_WHY_MAX, "a string of more than %d bytes is longer than the limit of %d",
                 RECERT_MAX_STRING_BYTES, RECERT_MAX_STRING_BYTES);
        return RECERT_ELIMIT;
    }
    return rc_limit_string(s, len, why);
}

int rc_limit_nonempty(const char *s, char why[RC_WHY_MAX])
{
    if (s[0])
        return RECERT_OK;
    snprintf(why, RC_WHY_MAX, "must not be empty");
    return RECERT_EDATA;
}

int rc_limit_count(size_t n, size_t max, char why[RC_WHY_MAX])
{
    if (n <= max)
        return RECERT_OK;
    snprintf(why, RC_WHY_MAX, "more than %zu entries", max);
    return RECERT_ELIMIT;
}

int rc_limit_amount(int64_t hundredths, char why[RC_WHY_MAX])
{
    if (hundredths <= 0) {
        snprintf(why, RC_WHY_MAX, "must be greater than 0");
        return RECERT_EDATA;
    }
    if (hundredths > RECERT_AMOUNT_MAX) {
        snprintf(why, RC_WHY_MAX, "%" PRId64 ".%02" PRId64 " is beyond 10^9", hundredths / 100, hundredths % 100);
        return RECERT_EDATA;
    }
    return RECERT_OK;
}

int rc_limit_credit_centihours(int64_t *ch, int64_t hundredths, int64_t per_hour, char why[RC_WHY_MAX])
{
    int64_t c;
    /* hundredths <= RECERT_AMOUNT_MAX (10^11) and per_hour >= 1 millionth
     * (every unit a policy can declare): at most 10^17, no overflow. A
     * caller's other values get RECERT_ERANGE here (its error cleared). */
    if (recert_amount_to_centihours(&c, hundredths, per_hour) != RECERT_OK) {
        recert_error_clear();
        snprintf(why, RC_WHY_MAX, "amount out of range");
        return RECERT_EDATA;
    }
    if (c > RECERT_CREDIT_CENTIHOURS_MAX) {
        snprintf(why, RC_WHY_MAX,
                 "%" PRId64 ".%02" PRId64 " is %" PRId64 " contact hours, more than one credit may count "
                 "(10^12 hours)", hundredths / 100, hundredths % 100, c / 100);
        return RECERT_EDATA;
    }
    *ch = c;
    return RECERT_OK;
}

int rc_limit_day(int32_t day, bool required, char why[RC_WHY_MAX])
{
    if (rc_day_valid(day) || (!required && day == RECERT_DAY_NONE))
        return RECERT_OK;
    if (day == RECERT_DAY_NONE)
        snprintf(why, RC_WHY_MAX, "no date given");
    else
        snprintf(why, RC_WHY_MAX, "day %" PRId32 " is outside 1900-01-01..9999-12-31", day);
    return RECERT_ERANGE;
}

size_t rc_json_depth(const char *json)
{
    /* Every value counts, as the parser counts them ("[]" is 1, "[1]" 2),
     * and an object's keys do not. lv[d] of the container open at bracket
     * depth d: bit 1 an object, bit 2 its next string is a key. */
    unsigned char lv[RC_JSON_MAX_DEPTH + 2];
    size_t d = 0, max = 0;
    lv[0] = 0;
    for (const char *p = json; *p; p++) {
        char c = *p;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ':')
            continue;
        if (c == '{' || c == '[') {
            if (++d > RC_JSON_MAX_DEPTH)
                return d;
            lv[d] = c == '{' ? 3 : 0;
            if (d > max)
                max = d;
        } else if (c == '}' || c == ']') {
            if (d)
                d--;
        } else if (c == ',') {
            if (lv[d] & 1)
                lv[d] |= 2;
        } else if (c == '"') {
            if (lv[d] & 2)
                lv[d] &= 1; /* a key: its value comes next */
            else if (d + 1 > max)
                max = d + 1;
            for (p++; *p && *p != '"'; p++)
                if (*p == '\\' && p[1])
                    p++;
            if (!*p)
                break;
        } else if (d + 1 > max) {
            max = d + 1; /* a number, true, false or null */
        }
    }
    return max;
}

int rc_limit_nested(const char *json, size_t depth, char why[RC_WHY_MAX])
{
    size_t d = rc_json_depth(json);
    if (depth + d - 1 > RC_JSON_MAX_DEPTH) {
        snprintf(why, RC_WHY_MAX,
                 "a value %zu deep here would pass the limit of %d values open at once in a document", d,
                 RC_JSON_MAX_DEPTH);
        return RECERT_ELIMIT;
    }
    return RECERT_OK;
}

int rc_limit_x(const char *key, const char *json, size_t depth, char why[RC_WHY_MAX])
{
    size_t len = strlen(key), bad = utf8_bad_at(key, len);
    if (bad < len) {
        snprintf(why, RC_WHY_MAX, "the name is not valid UTF-8 (byte 0x%02x at offset %zu)",
                 (unsigned char)key[bad], bad);
        return RECERT_EDATA;
    }
    return json ? rc_limit_nested(json, depth + 1, why) : RECERT_OK;
}

int rc_limit_fail(int code, const char *what, const char *why)
{
    return rc_fail(code == RECERT_EDATA ? RECERT_EINVAL : code, NULL, "%s: %s", what, why);
}

int rc_check_text(const char *s, const char *what, unsigned flags)
{
    char why[RC_WHY_MAX];
    int code;
    if (!s) {
        if (!(flags & RC_TEXT_REQUIRED))
            return RECERT_OK;
        return rc_fail(RECERT_EINVAL, NULL, "%s: must be a non-empty string, not NULL", what);
    }
    if ((code = rc_limit_cstring(s, why)) != RECERT_OK ||
        ((flags & RC_TEXT_NONEMPTY) && (code = rc_limit_nonempty(s, why)) != RECERT_OK))
        return rc_limit_fail(code, what, why);
    return RECERT_OK;
}

int rc_check_day(int32_t day, bool required, const char *what)
{
    char why[RC_WHY_MAX];
    int code = rc_limit_day(day, required, why);
    return code == RECERT_OK ? RECERT_OK : rc_fail(code, NULL, "%s: %s", what, why);
}

int rc_check_x(const char *key, const char *json, size_t depth)
{
    char why[RC_WHY_MAX];
    if (!key || strncmp(key, "x-", 2) != 0)
        return RECERT_OK; /* rc_x_set words that error */
    int code = rc_limit_x(key, json, depth, why);
    if (code == RECERT_ELIMIT && rc_json_check_value(json, NULL) != RECERT_OK)
        return recert_error_code(); /* not JSON at all: that error first */
    return code == RECERT_OK ? RECERT_OK : rc_limit_fail(code, key, why);
}
