/*
 * librecert — calendar days (docs/rules.md §1).
 *
 * A date is a civil date of the proleptic Gregorian calendar, with no time of
 * day and no time zone, carried as an int32_t day number: days since
 * 1970-01-01 (1970-01-01 is 0, 1969-12-31 is -1). RECERT_DAY_NONE means "no
 * date". Valid dates run from 1900-01-01 to 9999-12-31; every function here
 * refuses a day outside that range with RECERT_ERANGE, and a
 * RECERT_DAY_NONE input is such a day (RECERT_ERANGE, "no date given").
 *
 * A NULL out-pointer is RECERT_EINVAL (recert_date_to_ymd excepted: its out
 * pointers may be NULL). On failure, out-parameters are left unchanged, and
 * the calling thread's last error is set (error.h).
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef RECERT_DATE_H
#define RECERT_DATE_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

#define RECERT_DAY_MIN (-25567) /* 1900-01-01 */
#define RECERT_DAY_MAX 2932896  /* 9999-12-31 */

/* Size of a buffer that holds "YYYY-MM-DD" and its NUL. */
#define RECERT_DATE_BUFSIZE 11

/*
 * Parse strict ISO text "YYYY-MM-DD" (exactly ten characters, NUL-terminated:
 * "2025-1-1", "2025-02-30", " 2025-01-01" and "2025-01-01T00:00" are errors).
 * Returns RECERT_OK, RECERT_EINVAL (NULL argument or not a date) or
 * RECERT_ERANGE (a real date outside 1900..9999).
 */
RECERT_API int recert_date_parse(int32_t *out, const char *iso);

/*
 * Write a day as "YYYY-MM-DD" and a NUL into out. size must be at least
 * RECERT_DATE_BUFSIZE (11), else RECERT_ERANGE and out is untouched. A day
 * outside the valid range (RECERT_DAY_NONE included) is RECERT_ERANGE.
 */
RECERT_API int recert_date_format(char *out, size_t size, int32_t day);

/* Year/month/day to a day number: RECERT_EINVAL when the day does not exist
 * (2025-02-30; checked first, so 10000-02-30 is RECERT_EINVAL too),
 * RECERT_ERANGE for a real date outside 1900..9999. */
RECERT_API int recert_date_from_ymd(int32_t *out, int year, int month, int mday);

/* A day number to year/month/day; any out pointer may be NULL.
 * RECERT_ERANGE outside the valid range (RECERT_DAY_NONE included). */
RECERT_API int recert_date_to_ymd(int32_t day, int *year, int *month, int *mday);

/*
 * day + an offset of years, months and days (each may be negative), the way
 * docs/rules.md §1 says: years and months are added together as months keeping
 * the day of month, a day that does not exist in the target month is
 * clamped to its last day (2024-02-29 + 1 year = 2025-02-28), then the days
 * are added (2024-02-29 + {1 year, 1 month} = 2025-03-29).
 * RECERT_ERANGE when the day or the result is outside 1900..9999.
 */
RECERT_API int recert_date_add(int32_t *out, int32_t day, int years, int months, int days);

/* December 31 of the day's year. RECERT_ERANGE outside the valid range. */
RECERT_API int recert_date_year_end(int32_t *out, int32_t day);

#ifdef __cplusplus
}
#endif

#endif /* RECERT_DATE_H */
