/*
 * Tests of calendar days: docs/rules.md §1 ("A date is a civil date in the
 * proleptic Gregorian calendar ... Valid range: 1900-01-01 to 9999-12-31",
 * and the offsets "clamped to its last day ... as Python's
 * dateutil.relativedelta does").
 *
 * Every day number hard-coded below was checked with Python:
 *     (datetime.date.fromisoformat(x) - datetime.date(1970, 1, 1)).days
 *
 * SPDX-License-Identifier: MIT
 */
#include <check.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "recert.h"

/* Parse text that must be valid. */
static int32_t day_of(const char *iso)
{
    int32_t d = 0;
    ck_assert_msg(recert_date_parse(&d, iso) == RECERT_OK, "parse %s: %s", iso,
                  recert_error_message());
    return d;
}

static const char *text_of(int32_t d, char buf[RECERT_DATE_BUFSIZE])
{
    ck_assert_int_eq(recert_date_format(buf, RECERT_DATE_BUFSIZE, d), RECERT_OK);
    return buf;
}

/* ---- day numbers ------------------------------------------------------ */

static const struct {
    const char *iso;
    int32_t day;
} known[] = {
    {"1900-01-01", -25567}, /* RECERT_DAY_MIN */
    {"1900-01-31", -25537},
    {"1900-02-28", -25509},
    {"1900-03-01", -25508}, /* 1900 is not leap: Feb 28 is followed by Mar 1 */
    {"1900-12-31", -25203},
    {"1904-02-29", -24048},
    {"1969-12-31", -1},
    {"1970-01-01", 0},
    {"1999-12-31", 10956},
    {"2000-01-01", 10957},
    {"2000-02-29", 11016},
    {"2000-03-01", 11017},
    {"2023-05-10", 19487},
    {"2024-01-31", 19753},
    {"2024-02-29", 19782},
    {"2024-12-31", 20088},
    {"2025-01-01", 20089},
    {"2026-04-10", 20553},
    {"2026-12-31", 20818},
    {"2038-01-19", 24855},
    {"2100-02-28", 47540},
    {"2100-03-01", 47541}, /* 2100 is not leap */
    {"2200-12-31", 84370},
    {"9999-12-31", 2932896}, /* RECERT_DAY_MAX */
};

START_TEST(test_known_days)
{
    /* docs/rules.md §1: day numbers are days since 1970-01-01, proleptic
     * Gregorian. */
    char buf[RECERT_DATE_BUFSIZE];
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++) {
        int32_t d = 12345;
        ck_assert_int_eq(recert_date_parse(&d, known[i].iso), RECERT_OK);
        ck_assert_msg(d == known[i].day, "%s: %d, expected %d", known[i].iso, (int)d,
                      (int)known[i].day);
        ck_assert_str_eq(text_of(known[i].day, buf), known[i].iso);

        int y, m, md;
        ck_assert_int_eq(recert_date_to_ymd(known[i].day, &y, &m, &md), RECERT_OK);
        char t[48];
        snprintf(t, sizeof t, "%04d-%02d-%02d", y, m, md);
        ck_assert_str_eq(t, known[i].iso);
        int32_t back = 0;
        ck_assert_int_eq(recert_date_from_ymd(&back, y, m, md), RECERT_OK);
        ck_assert_int_eq(back, known[i].day);
    }
    ck_assert_int_eq(day_of("1900-01-01"), RECERT_DAY_MIN);
    ck_assert_int_eq(day_of("9999-12-31"), RECERT_DAY_MAX);
}
END_TEST

START_TEST(test_leap_rules)
{
    /* Gregorian leap years: divisible by 4, except centuries, except those
     * divisible by 400. 1900 not leap, 2000 leap, 2100 not, 2024 leap,
     * 2025 not. */
    int32_t d;
    ck_assert_int_eq(recert_date_from_ymd(&d, 1900, 2, 29), RECERT_EINVAL);
    ck_assert_int_eq(recert_date_from_ymd(&d, 2000, 2, 29), RECERT_OK);
    ck_assert_int_eq(d, 11016);
    ck_assert_int_eq(recert_date_from_ymd(&d, 2100, 2, 29), RECERT_EINVAL);
    ck_assert_int_eq(recert_date_from_ymd(&d, 2024, 2, 29), RECERT_OK);
    ck_assert_int_eq(d, 19782);
    ck_assert_int_eq(recert_date_from_ymd(&d, 2025, 2, 29), RECERT_EINVAL);
    ck_assert_int_eq(recert_date_from_ymd(&d, 2400, 2, 29), RECERT_OK);

    ck_assert_int_eq(recert_date_parse(&d, "1900-02-29"), RECERT_EINVAL);
    ck_assert_int_eq(recert_date_parse(&d, "2000-02-29"), RECERT_OK);
    ck_assert_int_eq(recert_date_parse(&d, "2100-02-29"), RECERT_EINVAL);
    ck_assert_int_eq(recert_date_parse(&d, "2024-02-29"), RECERT_OK);

    /* Year lengths: 1900 has 365 days, 2000 has 366, 2100 has 365, 2024
     * has 366: Jan 1 of the next year minus Jan 1. */
    static const struct {
        int year, len;
    } years[] = {{1900, 365}, {2000, 366}, {2100, 365}, {2024, 366}, {2025, 365}};
    for (size_t i = 0; i < sizeof years / sizeof years[0]; i++) {
        int32_t a, b;
        ck_assert_int_eq(recert_date_from_ymd(&a, years[i].year, 1, 1), RECERT_OK);
        ck_assert_int_eq(recert_date_from_ymd(&b, years[i].year + 1, 1, 1), RECERT_OK);
        ck_assert_int_eq(b - a, years[i].len);
    }
}
END_TEST

static int days_in_month(int y, int m)
{
    static const int n[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : n[m - 1];
}

START_TEST(test_round_trip_1900_2200)
{
    /* Every day from 1900-01-01 to 2200-12-31: the day numbers are
     * consecutive, to_ymd walks the calendar one day at a time (checked
     * against a plain successor function), and parse(format(d)) and
     * from_ymd(to_ymd(d)) give d back. */
    int y = 1900, m = 1, md = 1;
    char buf[RECERT_DATE_BUFSIZE], want[48];
    int32_t last = 84370; /* 2200-12-31 */
    for (int32_t d = RECERT_DAY_MIN; d <= last; d++) {
        int yy, mm, dd;
        ck_assert_int_eq(recert_date_to_ymd(d, &yy, &mm, &dd), RECERT_OK);
        if (yy != y || mm != m || dd != md)
            ck_abort_msg("day %d: %04d-%02d-%02d, expected %04d-%02d-%02d", (int)d, yy, mm, dd,
                         y, m, md);
        int32_t back = 0;
        ck_assert_int_eq(recert_date_from_ymd(&back, yy, mm, dd), RECERT_OK);
        ck_assert_int_eq(back, d);

        ck_assert_int_eq(recert_date_format(buf, sizeof buf, d), RECERT_OK);
        snprintf(want, sizeof want, "%04d-%02d-%02d", y, m, md);
        if (strcmp(buf, want) != 0)
            ck_abort_msg("day %d formats as %s, expected %s", (int)d, buf, want);
        back = 0;
        ck_assert_int_eq(recert_date_parse(&back, buf), RECERT_OK);
        ck_assert_int_eq(back, d);

        if (++md > days_in_month(y, m)) {
            md = 1;
            if (++m > 12) {
                m = 1;
                y++;
            }
        }
    }
    ck_assert_int_eq(y, 2201);
    ck_assert_int_eq(m, 1);
    ck_assert_int_eq(md, 1);
}
END_TEST

/* ---- strict parsing --------------------------------------------------- */

START_TEST(test_parse_strict)
{
    /* date.h: exactly "YYYY-MM-DD", ten characters and the NUL. */
    static const char *invalid[] = {
        "2025-1-1",    "2025-01-1",   "2025-1-01",  "2025-02-30",  "2025-04-31",
        "2025-13-01",  "2025-00-10",  "2025-01-00", "2025-01-32",  "+2025-01-01",
        " 2025-01-01", "2025-01-01 ", "2025-01-01x", "2025-01-01T00:00", "2025/01/01",
        "20250101",    "",            "2025-01-0a", "2o25-01-01",  "-2025-01-01",
        "2025-01--1",  "2025--01-01", "25-01-01",   "2025-001-01", "\357\274\222025-01-01" /* U+FF12 FULLWIDTH DIGIT TWO */,
    };
    int32_t d = 777;
    for (size_t i = 0; i < sizeof invalid / sizeof invalid[0]; i++) {
        recert_error_clear();
        int rc = recert_date_parse(&d, invalid[i]);
        ck_assert_msg(rc == RECERT_EINVAL, "\"%s\": %d", invalid[i], rc);
        ck_assert_int_eq(recert_error_code(), RECERT_EINVAL);
        ck_assert_int_eq(d, 777); /* untouched on failure */
    }
    /* The message shows the value. */
    ck_assert_int_eq(recert_date_parse(&d, "2025-02-30"), RECERT_EINVAL);
    ck_assert_ptr_nonnull(strstr(recert_error_message(), "\"2025-02-30\""));

    /* Real dates outside 1900..9999: RECERT_ERANGE. */
    static const char *range[] = {"1899-12-31", "0000-01-01", "0001-01-01", "1000-06-15",
                                  "1899-01-01"};
    for (size_t i = 0; i < sizeof range / sizeof range[0]; i++) {
        int rc = recert_date_parse(&d, range[i]);
        ck_assert_msg(rc == RECERT_ERANGE, "\"%s\": %d", range[i], rc);
        ck_assert_int_eq(recert_error_code(), RECERT_ERANGE);
        ck_assert_int_eq(d, 777);
    }
    /* A day that does not exist is EINVAL even outside the range. */
    ck_assert_int_eq(recert_date_parse(&d, "1899-02-30"), RECERT_EINVAL);
    ck_assert_int_eq(recert_date_parse(&d, "1900-02-29"), RECERT_EINVAL);

    ck_assert_int_eq(recert_date_parse(NULL, "2025-01-01"), RECERT_EINVAL);
    ck_assert_int_eq(recert_date_parse(&d, NULL), RECERT_EINVAL);
    ck_assert_int_eq(d, 777);
}
END_TEST

START_TEST(test_parse_no_overread)
{
    /* A short string is rejected at its NUL: nothing past it is read (the
     * buffer is exactly as long as the text, so valgrind/ASan would see an
     * overread). */
    char *s = malloc(5);
    ck_assert_ptr_nonnull(s);
    memcpy(s, "2025", 5);
    int32_t d;
    ck_assert_int_eq(recert_date_parse(&d, s), RECERT_EINVAL);
    free(s);
}
END_TEST

/* ---- formatting and ymd ----------------------------------------------- */

START_TEST(test_format)
{
    char buf[RECERT_DATE_BUFSIZE];
    ck_assert_int_eq(recert_date_format(buf, sizeof buf, 0), RECERT_OK);
    ck_assert_str_eq(buf, "1970-01-01");

    /* size 10 cannot hold the NUL: RECERT_ERANGE, out untouched. */
    char small[16];
    memset(small, 'z', sizeof small);
    ck_assert_int_eq(recert_date_format(small, 10, 0), RECERT_ERANGE);
    ck_assert_int_eq(recert_error_code(), RECERT_ERANGE);
    for (size_t i = 0; i < sizeof small; i++)
        ck_assert_int_eq(small[i], 'z');
    ck_assert_int_eq(recert_date_format(small, 0, 0), RECERT_ERANGE);
    ck_assert_int_eq(recert_date_format(small, 11, 0), RECERT_OK);
    ck_assert_str_eq(small, "1970-01-01");

    /* Days outside the range, RECERT_DAY_NONE included. */
    memset(small, 'z', sizeof small);
    ck_assert_int_eq(recert_date_format(small, sizeof small, RECERT_DAY_NONE), RECERT_ERANGE);
    ck_assert_int_eq(recert_date_format(small, sizeof small, RECERT_DAY_MIN - 1), RECERT_ERANGE);
    ck_assert_int_eq(recert_date_format(small, sizeof small, RECERT_DAY_MAX + 1), RECERT_ERANGE);
    ck_assert_int_eq(recert_date_format(small, sizeof small, INT32_MAX), RECERT_ERANGE);
    ck_assert_int_eq(small[0], 'z');
    ck_assert_int_eq(recert_date_format(NULL, 11, 0), RECERT_EINVAL);
}
END_TEST

START_TEST(test_ymd)
{
    int32_t d = 5;
    /* Days that do not exist: EINVAL; out untouched. */
    ck_assert_int_eq(recert_date_from_ymd(&d, 2025, 2, 30), RECERT_EINVAL);
    ck_assert_int_eq(recert_date_from_ymd(&d, 2025, 0, 1), RECERT_EINVAL);
    ck_assert_int_eq(recert_date_from_ymd(&d, 2025, 13, 1), RECERT_EINVAL);
    ck_assert_int_eq(recert_date_from_ymd(&d, 2025, 4, 31), RECERT_EINVAL);
    ck_assert_int_eq(recert_date_from_ymd(&d, 2025, 1, 0), RECERT_EINVAL);
    ck_assert_int_eq(recert_date_from_ymd(&d, 2025, 1, -1), RECERT_EINVAL);
    ck_assert_int_eq(recert_date_from_ymd(&d, 2025, INT_MIN, 1), RECERT_EINVAL);
    /* Real days outside 1900..9999: ERANGE. */
    ck_assert_int_eq(recert_date_from_ymd(&d, 1899, 12, 31), RECERT_ERANGE);
    ck_assert_int_eq(recert_date_from_ymd(&d, 10000, 1, 1), RECERT_ERANGE);
    ck_assert_int_eq(recert_date_from_ymd(&d, INT_MAX, 1, 1), RECERT_ERANGE);
    ck_assert_int_eq(recert_date_from_ymd(&d, INT_MIN, 1, 1), RECERT_ERANGE);
    ck_assert_int_eq(d, 5);
    ck_assert_int_eq(recert_date_from_ymd(NULL, 2025, 1, 1), RECERT_EINVAL);

    /* to_ymd: any out pointer may be NULL. 2024-02-29 = 19782. */
    int y = 0, m = 0, md = 0;
    ck_assert_int_eq(recert_date_to_ymd(19782, NULL, &m, NULL), RECERT_OK);
    ck_assert_int_eq(m, 2);
    ck_assert_int_eq(recert_date_to_ymd(19782, &y, NULL, &md), RECERT_OK);
    ck_assert_int_eq(y, 2024);
    ck_assert_int_eq(md, 29);
    ck_assert_int_eq(recert_date_to_ymd(19782, NULL, NULL, NULL), RECERT_OK);
    y = 1;
    ck_assert_int_eq(recert_date_to_ymd(RECERT_DAY_NONE, &y, &m, &md), RECERT_ERANGE);
    ck_assert_int_eq(recert_date_to_ymd(RECERT_DAY_MAX + 1, &y, &m, &md), RECERT_ERANGE);
    ck_assert_int_eq(recert_date_to_ymd(RECERT_DAY_MIN - 1, &y, &m, &md), RECERT_ERANGE);
    ck_assert_int_eq(y, 1);
}
END_TEST

/* ---- offsets (docs/rules.md §1) -------------------------------------------- */

static void check_add(const char *from, int years, int months, int days, const char *want)
{
    int32_t d = 0;
    char buf[RECERT_DATE_BUFSIZE];
    ck_assert_msg(recert_date_add(&d, day_of(from), years, months, days) == RECERT_OK,
                  "%s + {%d, %d, %d}: %s", from, years, months, days, recert_error_message());
    text_of(d, buf);
    ck_assert_msg(strcmp(buf, want) == 0, "%s + {%dy, %dm, %dd} = %s, expected %s", from, years,
                  months, days, buf, want);
}

START_TEST(test_add_clamping)
{
    /* docs/rules.md §1: "2024-02-29 + 1 year = 2025-02-28" (no Feb 29 in 2025:
     * clamped to the month's last day). */
    check_add("2024-02-29", 1, 0, 0, "2025-02-28");
    /* "2024-02-29 + {1 year, 1 month} = 2025-03-29": years and months
     * together are 13 months → 2025-03-29, which exists; no clamp. (Adding
     * the year first, clamping, then the month would give 2025-03-28.) */
    check_add("2024-02-29", 1, 1, 0, "2025-03-29");
    /* docs/format.md: "six months after Dec 31" is {"months": 6} → June 30:
     * 2026-12-31 + 6 months = 2027-06-31 → clamped to 2027-06-30. */
    check_add("2026-12-31", 0, 6, 0, "2027-06-30");
    /* NASM final deadline {1 year, -1 day}: 2026-06-30 + 1 year =
     * 2027-06-30, then - 1 day = 2027-06-29. */
    check_add("2026-06-30", 1, 0, -1, "2027-06-29");
    /* The clamp happens once, before the days: 2024-01-31 + {1 month,
     * 1 day}: 2024-02-31 → 2024-02-29, + 1 day = 2024-03-01. */
    check_add("2024-01-31", 0, 1, 1, "2024-03-01");
    /* Keeping Feb 29 in leap years: 2024-02-29 + 4 years = 2028-02-29. */
    check_add("2024-02-29", 4, 0, 0, "2028-02-29");
    /* 2100 is not leap: 2096-02-29 + 4 years = 2100-02-28. */
    check_add("2096-02-29", 4, 0, 0, "2100-02-28");
    /* Negative months: 2024-03-31 - 1 month = 2024-02-31 → 2024-02-29;
     * 2025-03-31 - 1 month → 2025-02-28; 2025-01-15 - 1 month =
     * 2024-12-15 (crossing a year backwards). */
    check_add("2024-03-31", 0, -1, 0, "2024-02-29");
    check_add("2025-03-31", 0, -1, 0, "2025-02-28");
    check_add("2025-01-15", 0, -1, 0, "2024-12-15");
    check_add("2025-01-15", 0, -13, 0, "2023-12-15");
    /* Years and months of opposite signs: + {1 year, -1 month} is
     * + 11 months: 2024-05-31 → 2025-04-31 → 2025-04-30. */
    check_add("2024-05-31", 1, -1, 0, "2025-04-30");
    /* Months past 12: 2024-11-30 + 3 months = 2025-02-30 → 2025-02-28. */
    check_add("2024-11-30", 0, 3, 0, "2025-02-28");
    /* Plain days: NASM grace, E + 90: 2026-04-10 + 90 = 2026-07-09. */
    check_add("2026-04-10", 0, 0, 90, "2026-07-09");
    check_add("2026-04-10", 0, 0, 0, "2026-04-10");
    check_add("2024-03-01", 0, 0, -1, "2024-02-29");
    /* ACSM year_end rule, docs/rules.md §3: certified 2023-05-10 + 3 years - 1 day
     * = 2026-05-09 (its year's end is 2026-12-31). */
    check_add("2023-05-10", 3, 0, -1, "2026-05-09");
}
END_TEST

START_TEST(test_add_range)
{
    int32_t d = 99;
    /* Results outside 1900..9999: RECERT_ERANGE, out untouched. */
    ck_assert_int_eq(recert_date_add(&d, RECERT_DAY_MAX, 0, 0, 1), RECERT_ERANGE);
    ck_assert_int_eq(recert_error_code(), RECERT_ERANGE);
    ck_assert_int_eq(recert_date_add(&d, RECERT_DAY_MIN, 0, 0, -1), RECERT_ERANGE);
    ck_assert_int_eq(recert_date_add(&d, RECERT_DAY_MAX, 0, 1, 0), RECERT_ERANGE);
    ck_assert_int_eq(recert_date_add(&d, RECERT_DAY_MIN, -1, 0, 0), RECERT_ERANGE);
    ck_assert_int_eq(recert_date_add(&d, 0, INT_MAX, INT_MAX, INT_MAX), RECERT_ERANGE);
    ck_assert_int_eq(recert_date_add(&d, 0, INT_MIN, INT_MIN, INT_MIN), RECERT_ERANGE);
    ck_assert_int_eq(recert_date_add(&d, 0, 0, 0, INT_MAX), RECERT_ERANGE);
    /* The starting day must be valid. */
    ck_assert_int_eq(recert_date_add(&d, RECERT_DAY_NONE, 0, 0, 0), RECERT_ERANGE);
    ck_assert_int_eq(recert_date_add(&d, RECERT_DAY_MAX + 1, 0, 0, -1), RECERT_ERANGE);
    ck_assert_int_eq(d, 99);
    ck_assert_int_eq(recert_date_add(NULL, 0, 0, 0, 0), RECERT_EINVAL);

    /* Only the result is judged: 1900-01-31 - 1 month = 1899-12-31, + 31
     * days = 1900-01-31, inside the range. */
    check_add("1900-01-31", 0, -1, 31, "1900-01-31");
    /* The last days of the range. */
    check_add("9998-12-31", 1, 0, 0, "9999-12-31");
    check_add("1900-01-02", 0, 0, -1, "1900-01-01");
}
END_TEST

START_TEST(test_year_end)
{
    /* December 31 of the day's year (docs/rules.md §3 year_end). */
    int32_t d = 0;
    ck_assert_int_eq(recert_date_year_end(&d, day_of("2026-05-09")), RECERT_OK);
    ck_assert_int_eq(d, 20818); /* 2026-12-31 */
    ck_assert_int_eq(recert_date_year_end(&d, day_of("2026-01-01")), RECERT_OK);
    ck_assert_int_eq(d, 20818);
    ck_assert_int_eq(recert_date_year_end(&d, day_of("2026-12-31")), RECERT_OK);
    ck_assert_int_eq(d, 20818);
    ck_assert_int_eq(recert_date_year_end(&d, day_of("2029-02-01")), RECERT_OK);
    ck_assert_int_eq(d, 21914); /* 2029-12-31 */
    ck_assert_int_eq(recert_date_year_end(&d, RECERT_DAY_MIN), RECERT_OK);
    ck_assert_int_eq(d, -25203); /* 1900-12-31 */
    ck_assert_int_eq(recert_date_year_end(&d, RECERT_DAY_MAX), RECERT_OK);
    ck_assert_int_eq(d, RECERT_DAY_MAX);
    d = 3;
    ck_assert_int_eq(recert_date_year_end(&d, RECERT_DAY_NONE), RECERT_ERANGE);
    ck_assert_int_eq(recert_date_year_end(&d, RECERT_DAY_MAX + 1), RECERT_ERANGE);
    ck_assert_int_eq(d, 3);
    ck_assert_int_eq(recert_date_year_end(NULL, 0), RECERT_EINVAL);
}
END_TEST

static Suite *date_suite(void)
{
    Suite *s = suite_create("date");
    TCase *tc = tcase_create("date");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_known_days);
    tcase_add_test(tc, test_leap_rules);
    tcase_add_test(tc, test_round_trip_1900_2200);
    tcase_add_test(tc, test_parse_strict);
    tcase_add_test(tc, test_parse_no_overread);
    tcase_add_test(tc, test_format);
    tcase_add_test(tc, test_ymd);
    tcase_add_test(tc, test_add_clamping);
    tcase_add_test(tc, test_add_range);
    tcase_add_test(tc, test_year_end);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(date_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failures = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failures != 0;
}
