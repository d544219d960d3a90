/*
 * librecert — calendar days (docs/rules.md §1).
 *
 * "A date is a civil date in the proleptic Gregorian calendar, with no time
 * of day and no time zone. Valid range: 1900-01-01 to 9999-12-31."
 *
 * Day numbers count days since 1970-01-01. The conversions are Howard
 * Hinnant's days_from_civil / civil_from_days
 * (http://howardhinnant.github.io/date_algorithms.html), computed with
 * 64-bit intermediates so that no int argument can overflow them.
 *
 * SPDX-License-Identifier: MIT
 */
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"

#define RC_YEAR_MIN 1900
#define RC_YEAR_MAX 9999

/* ---- the calendar ----------------------------------------------------- */

static bool is_leap(int64_t y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* Days in month m (1..12) of year y. */
static int month_days(int64_t y, int m)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && is_leap(y))
        return 29;
    return days[m - 1];
}

/* days_from_civil: y-m-d (m 1..12, d 1..31) to days since 1970-01-01. */
static int64_t days_from_civil(int64_t y, int64_t m, int64_t d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;                                 /* [0, 399] */
    int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1; /* [0, 365] */
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;         /* [0, 146096] */
    return era * 146097 + doe - 719468;
}

/* civil_from_days: days since 1970-01-01 to y-m-d. */
static void civil_from_days(int64_t z, int64_t *y, int *m, int *d)
{
    z += 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;                                      /* [0, 146096] */
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365; /* [0, 399] */
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);               /* [0, 365] */
    int64_t mp = (5 * doy + 2) / 153;                                    /* [0, 11] */
    int64_t dd = doy - (153 * mp + 2) / 5 + 1;                           /* [1, 31] */
    int64_t mm = mp < 10 ? mp + 3 : mp - 9;                              /* [1, 12] */
    *y = yoe + era * 400 + (mm <= 2);
    *m = (int)mm;
    *d = (int)dd;
}

/* ---- internal helpers ------------------------------------------------- */

/*
 * docs/rules.md §1: "An offset of years, months and days adds the years and
 * months together (as months), clamps once, then adds the days:
 * 2024-02-29 + {1 year, 1 month} = 2025-03-29."
 */
/* The same two conversions for days and years known to be non-negative
 * after the shift (every valid day; years 0..2^20): unsigned 32-bit
 * arithmetic, every division by a constant (multiplications). */
static void civil_from_days_fast(int32_t day, int *y, int *m, int *d)
{
    uint32_t z = (uint32_t)(day + 719468);
    uint32_t era = z / 146097u;
    uint32_t doe = z - era * 146097u;
    uint32_t yoe = (doe - doe / 1460u + doe / 36524u - doe / 146096u) / 365u;
    uint32_t doy = doe - (365u * yoe + yoe / 4u - yoe / 100u);
    uint32_t mp = (5u * doy + 2u) / 153u;
    uint32_t dd = doy - (153u * mp + 2u) / 5u + 1u;
    uint32_t mm = mp < 10u ? mp + 3u : mp - 9u;
    *y = (int)(yoe + era * 400u + (mm <= 2u));
    *m = (int)mm;
    *d = (int)dd;
}

static int64_t days_from_civil_fast(uint32_t y, uint32_t m, uint32_t d)
{
    y -= m <= 2u;
    uint32_t era = y / 400u;
    uint32_t yoe = y - era * 400u;
    uint32_t doy = (153u * (m > 2u ? m - 3u : m + 9u) + 2u) / 5u + d - 1u;
    uint32_t doe = yoe * 365u + yoe / 4u - yoe / 100u + doy;
    return (int64_t)era * 146097 + (int64_t)doe - 719468;
}

static int month_days_fast(uint32_t y, int m)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && (y % 4u == 0 && (y % 100u != 0 || y % 400u == 0)))
        return 29;
    return days[m - 1];
}

/* The end of the range that this thread's last failed rc_date_add()
 * crossed, for the messages of computed dates (rc_date_crossed()). */
static _Thread_local bool crossed_below;

static int out_of_range(int64_t r)
{
    crossed_below = r < RECERT_DAY_MIN;
    return RECERT_ERANGE;
}

const char *rc_date_crossed(void)
{
    return crossed_below ? "before 1900-01-01" : "after 9999-12-31";
}

int rc_date_add(int32_t *out, int32_t d, int years, int months, int days)
{
    if (!rc_day_valid(d))
        return out_of_range(d);
    if (years == 0 && months == 0) { /* the same day, plus the days */
        int64_t r = (int64_t)d + days;
        if (r < RECERT_DAY_MIN || r > RECERT_DAY_MAX)
            return out_of_range(r);
        *out = (int32_t)r;
        return RECERT_OK;
    }
    int y32, m, md;
    civil_from_days_fast(d, &y32, &m, &md);
    int64_t y = y32;

    /* Years and months together, as months (0-based month index). */
    int64_t total = y * 12 + (m - 1) + (int64_t)years * 12 + (int64_t)months;
    int64_t r;
    if (total >= 12 && total < ((int64_t)1 << 20) * 12) {
        uint32_t ty = (uint32_t)total / 12u;
        int tm = (int)((uint32_t)total - ty * 12u) + 1;
        int last = month_days_fast(ty, tm);
        if (md > last)
            md = last; /* clamp once */
        r = days_from_civil_fast(ty, (uint32_t)tm, (uint32_t)md) + (int64_t)days;
    } else {
        int64_t ty = total >= 0 ? total / 12 : -((-total + 11) / 12);
        int tm = (int)(total - ty * 12) + 1;
        /* No range check yet: an intermediate month outside 1900..9999 may be
         * brought back by the days, and 64 bits hold every int offset. */
        int last = month_days(ty, tm);
        if (md > last)
            md = last; /* clamp once */
        r = days_from_civil(ty, tm, md) + (int64_t)days;
    }
    if (r < RECERT_DAY_MIN || r > RECERT_DAY_MAX)
        return out_of_range(r);
    *out = (int32_t)r;
    return RECERT_OK;
}

void rc_date_text(char buf[RECERT_DATE_BUFSIZE], int32_t d)
{
    if (!rc_day_valid(d)) {
        /* RECERT_DAY_NONE is "none"; any other day beyond the range would
         * not fit in ten characters. */
        memcpy(buf, d == RECERT_DAY_NONE ? "none" : "invalid",
               d == RECERT_DAY_NONE ? sizeof "none" : sizeof "invalid");
        return;
    }
    int yy, m, md;
    civil_from_days_fast(d, &yy, &m, &md);
    /* Digits written by hand: no snprintf truncation warnings, no locale. */
    buf[0] = (char)('0' + yy / 1000);
    buf[1] = (char)('0' + yy / 100 % 10);
    buf[2] = (char)('0' + yy / 10 % 10);
    buf[3] = (char)('0' + yy % 10);
    buf[4] = '-';
    buf[5] = (char)('0' + m / 10);
    buf[6] = (char)('0' + m % 10);
    buf[7] = '-';
    buf[8] = (char)('0' + md / 10);
    buf[9] = (char)('0' + md % 10);
    buf[10] = '\0';
}

static int fail_day(const char *what, int32_t day)
{
    if (day == RECERT_DAY_NONE)
        return rc_fail(RECERT_ERANGE, NULL, "%s: no date given", what);
    return rc_fail(RECERT_ERANGE, NULL, "%s: day %" PRId32 " is %s (the supported range is 1900-01-01 to 9999-12-31)",
                   what, day, day < RECERT_DAY_MIN ? "before 1900-01-01" : "after 9999-12-31");
}

/* ---- the public functions --------------------------------------------- */

static int digit(char c)
{
    return c >= '0' && c <= '9' ? c - '0' : -1;
}

int recert_date_parse(int32_t *out, const char *iso)
{
    if (!out)
        return rc_fail(RECERT_EINVAL, NULL, "date: NULL output");
    if (!iso)
        return rc_fail(RECERT_EINVAL, NULL, "date: NULL text");

    /* Exactly "YYYY-MM-DD" and the NUL: ten characters, digits only where
     * digits go. Look at no byte past the first NUL. */
    int v[8];
    size_t k = 0;
    for (size_t i = 0; i < 10; i++) {
        char c = iso[i];
        if (c == '\0')
            goto invalid;
        if (i == 4 || i == 7) {
            if (c != '-')
                goto invalid;
            continue;
        }
        int dv = digit(c);
        if (dv < 0)
            goto invalid;
        v[k++] = dv;
    }
    if (iso[10] != '\0')
        goto invalid;

    int year = v[0] * 1000 + v[1] * 100 + v[2] * 10 + v[3];
    int month = v[4] * 10 + v[5];
    int mday = v[6] * 10 + v[7];
    if (month < 1 || month > 12 || mday < 1 || mday > month_days(year, month))
        goto invalid;
    if (year < RC_YEAR_MIN) /* four digits: never after 9999 */
        return rc_fail(RECERT_ERANGE, NULL,
                       "date before 1900-01-01 (the supported range is 1900-01-01 to 9999-12-31): \"%s\"", iso);
    *out = (int32_t)days_from_civil(year, month, mday);
    return RECERT_OK;

invalid:
    /* The text is shown, cut: it may be anything. */
    return rc_fail(RECERT_EINVAL, NULL, "not a valid date: \"%.*s\"", RC_SHOWN(iso));
}

int recert_date_format(char *out, size_t size, int32_t day)
{
    if (!out)
        return rc_fail(RECERT_EINVAL, NULL, "date: NULL output buffer");
    if (size < RECERT_DATE_BUFSIZE)
        return rc_fail(RECERT_ERANGE, NULL,
                       "date: a buffer of %zu bytes is too small (at least %d are needed)", size,
                       RECERT_DATE_BUFSIZE);
    if (!rc_day_valid(day))
        return fail_day("date", day);
    rc_date_text(out, day);
    return RECERT_OK;
}

int recert_date_from_ymd(int32_t *out, int year, int month, int mday)
{
    if (!out)
        return rc_fail(RECERT_EINVAL, NULL, "date: NULL output");
    if (month < 1 || month > 12)
        return rc_fail(RECERT_EINVAL, NULL, "not a valid date: month %d of year %d", month, year);
    if (mday < 1 || mday > month_days(year, month))
        return rc_fail(RECERT_EINVAL, NULL, "not a valid date: day %d of month %d of year %d",
                       mday, month, year);
    if (year < RC_YEAR_MIN || year > RC_YEAR_MAX)
        return rc_fail(RECERT_ERANGE, NULL, "date %s: year %d (the supported range is 1900-01-01 to 9999-12-31)",
                       year < RC_YEAR_MIN ? "before 1900-01-01" : "after 9999-12-31", year);
    *out = (int32_t)days_from_civil(year, month, mday);
    return RECERT_OK;
}

int recert_date_to_ymd(int32_t day, int *year, int *month, int *mday)
{
    if (!rc_day_valid(day))
        return fail_day("date", day);
    int y, m, md;
    civil_from_days_fast(day, &y, &m, &md);
    if (year)
        *year = y;
    if (month)
        *month = m;
    if (mday)
        *mday = md;
    return RECERT_OK;
}

int recert_date_add(int32_t *out, int32_t day, int years, int months, int days)
{
    if (!out)
        return rc_fail(RECERT_EINVAL, NULL, "date: NULL output");
    if (!rc_day_valid(day))
        return fail_day("date", day);
    if (rc_date_add(out, day, years, months, days) != RECERT_OK) {
        char t[RECERT_DATE_BUFSIZE];
        rc_date_text(t, day);
        return rc_fail(RECERT_ERANGE, NULL,
                       "%s + {%d years, %d months, %d days} is %s (the supported range is 1900-01-01 to "
                       "9999-12-31)", t, years, months, days, rc_date_crossed());
    }
    return RECERT_OK;
}

int recert_date_year_end(int32_t *out, int32_t day)
{
    if (!out)
        return rc_fail(RECERT_EINVAL, NULL, "date: NULL output");
    if (!rc_day_valid(day))
        return fail_day("date", day);
    int64_t y;
    int m, md;
    civil_from_days(day, &y, &m, &md);
    *out = (int32_t)days_from_civil(y, 12, 31);
    return RECERT_OK;
}
