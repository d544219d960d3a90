/*
 * librecert — credit amounts (docs/rules.md §2).
 *
 * "Credits are fixed-point, never floating point in the rules: 1.9 + 0.1 is
 * exactly 2.0. Internal resolution: 0.01 contact hour. A credit's conversion
 * that does not fall on that grid is rounded down (credit is never rounded
 * up)."
 *
 * An amount of h hundredths of a unit worth p millionths of a unit per
 * contact hour is h / 100 units = (h / 100) / (p / 10^6) hours
 * = h * 10^4 / p hours = h * 10^6 / p centihours. The other way, c
 * centihours are c / 100 hours = c * p / 10^8 units.
 *
 * Products of two int64 values need 128 bits; they are computed with a
 * small portable unsigned 128-bit helper (two 64-bit halves), so the code
 * does not depend on the compiler's __int128.
 *
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <string.h>

#include "internal.h"

/* ---- 128-bit unsigned helpers ---------------------------------------- */

typedef struct u128 {
    uint64_t hi, lo;
} u128;

/* a * b, exactly. */
static u128 mul_64x64(uint64_t a, uint64_t b)
{
    uint64_t a0 = a & 0xffffffffu, a1 = a >> 32;
    uint64_t b0 = b & 0xffffffffu, b1 = b >> 32;
    uint64_t p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
    uint64_t mid = (p00 >> 32) + (p01 & 0xffffffffu) + (p10 & 0xffffffffu);
    u128 r;
    r.lo = (mid << 32) | (p00 & 0xffffffffu);
    r.hi = p11 + (p01 >> 32) + (p10 >> 32) + (mid >> 32);
    return r;
}

/* floor(n / d) for d > 0; false when the quotient does not fit in 64 bits. */
static bool div_128_64(uint64_t *q, u128 n, uint64_t d)
{
    if (n.hi == 0) {
        *q = n.lo / d;
        return true;
    }
    if (n.hi >= d)
        return false;
    /* Restoring long division, one bit at a time: the remainder stays < d,
     * and the quotient's 64 bits come from the low half. */
    uint64_t rem = n.hi, quo = 0;
    for (int i = 63; i >= 0; i--) {
        bool carry = (rem >> 63) != 0;
        rem = (rem << 1) | ((n.lo >> i) & 1u);
        quo <<= 1;
        if (carry || rem >= d) {
            rem -= d;
            quo |= 1u;
        }
    }
    *q = quo;
    return true;
}

/* n / 10 and n % 10. */
static unsigned divmod10(u128 *n)
{
    if (n->hi == 0) { /* the usual case: one 64-bit division by a constant */
        unsigned r = (unsigned)(n->lo % 10);
        n->lo /= 10;
        return r;
    }
    uint64_t qh = n->hi / 10, r = n->hi % 10;
    uint64_t mid = (r << 32) | (n->lo >> 32); /* r < 10: fits */
    uint64_t qm = mid / 10;
    r = mid % 10;
    uint64_t low = (r << 32) | (n->lo & 0xffffffffu);
    uint64_t ql = low / 10;
    r = low % 10;
    n->hi = qh;
    n->lo = (qm << 32) | ql;
    return (unsigned)r;
}

/* ---- the public functions -------------------------------------------- */

int recert_amount_to_centihours(int64_t *out, int64_t hundredths, int64_t per_hour_micro)
{
    if (!out)
        return rc_fail(RECERT_EINVAL, NULL, "amount: NULL output");
    if (hundredths < 0)
        return rc_fail(RECERT_EINVAL, NULL, "amount: negative amount %lld",
                       (long long)hundredths);
    if (per_hour_micro <= 0)
        return rc_fail(RECERT_EINVAL, NULL, "amount: per_hour must be positive, not %lld",
                       (long long)per_hour_micro);
    /* centihours = floor(hundredths * 10^6 / per_hour): rounded down. */
    uint64_t q;
    if (!div_128_64(&q, mul_64x64((uint64_t)hundredths, 1000000u), (uint64_t)per_hour_micro) ||
        q > (uint64_t)INT64_MAX)
        return rc_fail(RECERT_ERANGE, NULL,
                       "amount: %lld hundredths at %lld millionths per hour overflows centihours",
                       (long long)hundredths, (long long)per_hour_micro);
    *out = (int64_t)q;
    return RECERT_OK;
}

int recert_amount_format(char *out, size_t size, int64_t centihours, int64_t per_hour_micro)
{
    if (!out)
        return rc_fail(RECERT_EINVAL, NULL, "amount: NULL output buffer");
    if (per_hour_micro <= 0)
        return rc_fail(RECERT_EINVAL, NULL, "amount: per_hour must be positive, not %lld",
                       (long long)per_hour_micro);

    /* The value in the unit is |c| * p / 10^8: an integer n over 10^8, so
     * its decimal digits are n's with the point eight places from the
     * right. */
    bool neg = centihours < 0;
    uint64_t mag = neg ? (uint64_t)0 - (uint64_t)centihours : (uint64_t)centihours;
    u128 n = mul_64x64(mag, (uint64_t)per_hour_micro);

    char digits[48]; /* 2^127 has 39 digits; least significant first */
    size_t nd = 0;
    do {
        digits[nd++] = (char)('0' + divmod10(&n));
    } while (n.hi != 0 || n.lo != 0);
    while (nd < 9) /* at least one digit before the point */
        digits[nd++] = '0';

    /* Fraction digits are digits[0..7]; drop trailing zeros, keep one. */
    size_t skip = 0;
    while (skip < 7 && digits[skip] == '0')
        skip++;

    char text[64];
    size_t len = 0;
    if (neg)
        text[len++] = '-'; /* c < 0 and p > 0: the value is not zero */
    for (size_t i = nd; i > 8; i--)
        text[len++] = digits[i - 1];
    text[len++] = '.';
    for (size_t i = 8; i > skip; i--)
        text[len++] = digits[i - 1];
    text[len] = '\0';

    if (len + 1 > size)
        return rc_fail(RECERT_ERANGE, NULL,
                       "amount: a buffer of %zu bytes is too small for \"%s\"", size, text);
    memcpy(out, text, len + 1);
    return RECERT_OK;
}

int recert_amount_parse(int64_t *out, const char *text)
{
    if (!out)
        return rc_fail(RECERT_EINVAL, NULL, "amount: NULL output");
    if (!text)
        return rc_fail(RECERT_EINVAL, NULL, "amount: NULL text");

    /* digits+ ( "." digit{1,2} )?  — nothing else. */
    const char *p = text;
    int64_t v = 0;
    bool big = false;
    size_t ni = 0;
    while (*p >= '0' && *p <= '9') {
        if (!big) {
            v = v * 10 + (*p - '0');
            if (v > RECERT_AMOUNT_MAX)
                big = true; /* keep reading: a syntax error still wins */
        }
        p++;
        ni++;
    }
    if (ni == 0)
        goto invalid;
    int64_t frac = 0;
    if (*p == '.') {
        p++;
        size_t nf = 0;
        while (*p >= '0' && *p <= '9') {
            if (nf == 2)
                goto invalid;
            frac = frac * 10 + (*p - '0');
            p++;
            nf++;
        }
        if (nf == 0)
            goto invalid;
        if (nf == 1)
            frac *= 10;
    }
    if (*p != '\0')
        goto invalid;
    if (big || v > RECERT_AMOUNT_MAX / 100 || v * 100 + frac > RECERT_AMOUNT_MAX)
        return rc_fail(RECERT_ERANGE, NULL, "amount above 1000000000: \"%.*s\"", RC_SHOWN(text));
    *out = v * 100 + frac;
    return RECERT_OK;

invalid:
    return rc_fail(RECERT_EINVAL, NULL,
                   "not a decimal amount with at most two decimals: \"%.*s\"", RC_SHOWN(text));
}

static int ascii_lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

static bool name_is(const char *name, const char *lower)
{
    for (; *name && *lower; name++, lower++)
        if (ascii_lower((unsigned char)*name) != *lower)
            return false;
    return *name == '\0' && *lower == '\0';
}

/* docs/rules.md §2: "ceu = 10 contact hours ...; cec = 1 contact hour (ACSM)". */
int64_t recert_unit_standard_per_hour(const char *name)
{
    if (!name)
        return 0;
    if (name_is(name, "hours"))
        return RECERT_PER_HOUR_HOURS;
    if (name_is(name, "ceu"))
        return RECERT_PER_HOUR_CEU;
    if (name_is(name, "cec"))
        return RECERT_PER_HOUR_CEC;
    return 0;
}
