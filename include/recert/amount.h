/*
 * librecert — credit amounts and money (docs/rules.md §2).
 *
 * No floating point: a credit amount crosses the API as an int64_t number of
 * centihours (hundredths of a contact hour), and an amount written in some
 * unit as an int64_t number of hundredths of that unit (1.5 CEU is 150).
 * A unit's size is its per_hour in millionths: how many units one contact
 * hour is worth, times 1,000,000 (CEU: 0.1 per hour = 100000; CEC and hours:
 * 1 per hour = 1000000). Money is an int64_t number of cents.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef RECERT_AMOUNT_H
#define RECERT_AMOUNT_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

#define RECERT_PER_HOUR_HOURS 1000000 /* hours: 1 per hour */
#define RECERT_PER_HOUR_CEU 100000    /* IACET CEU: 0.1 per hour */
#define RECERT_PER_HOUR_CEC 1000000   /* ACSM CEC: 1 per hour */

/* Largest amount a records document may give, in hundredths (10^9 units). */
#define RECERT_AMOUNT_MAX 100000000000LL

/* Largest credit one entry may count once converted, in centihours (10^12
 * contact hours): only a unit with a per_hour below 0.001 reaches it (a
 * policy's per_hour is at least 0.000001, so the conversion itself is at
 * most 10^17). With RECERT_MAX_CREDITS entries a holder's credits sum to at
 * most 10^18, far from INT64_MAX, whatever the rules add. A credit beyond it
 * is an error when its holder joins a roster (import or
 * recert_roster_add_holder: RECERT_EDATA at the credit's amount). */
#define RECERT_CREDIT_CENTIHOURS_MAX 100000000000000LL

/*
 * Convert hundredths of a unit whose size is per_hour_micro to centihours,
 * rounded down (credit is never rounded up): 150 hundredths of CEU (1.5 CEU)
 * is 1500 centihours (15 hours); 0 is 0. RECERT_EINVAL for a NULL out, a
 * negative amount or a per_hour_micro <= 0; RECERT_ERANGE when the result
 * overflows. *out is unchanged on failure.
 */
RECERT_API int recert_amount_to_centihours(int64_t *out, int64_t hundredths, int64_t per_hour_micro);

/*
 * Write a centihour amount in a unit whose size is per_hour_micro as an exact
 * decimal with as few digits as needed and at least one after the point:
 * 2000 centihours of CEU is "2.0", 1900 is "1.9", 25 is "0.025", 0 is
 * "0.0". A negative amount gets a leading '-'. The text has at most 8
 * decimals and, over the whole int64_t range of both arguments, at most 40
 * characters, so a buffer of 41 bytes always suffices. RECERT_ERANGE when
 * out is too small, size 0 included (out is then untouched); RECERT_EINVAL
 * for NULL out or per_hour_micro <= 0.
 */
RECERT_API int recert_amount_format(char *out, size_t size, int64_t centihours, int64_t per_hour_micro);

/*
 * Parse decimal text with at most two decimals ("4", "1.5", "0.25") into
 * hundredths: "1.5" is 150. Leading zeros are accepted ("007.5" is 750); no
 * sign, exponent, spaces, empty text or bare point ("1.", ".5").
 * RECERT_EINVAL for a NULL out or text and for anything else (a syntax error
 * wins over the range), RECERT_ERANGE above RECERT_AMOUNT_MAX (10^9 units).
 * *out is unchanged on failure.
 */
RECERT_API int recert_amount_parse(int64_t *out, const char *text);

/* Look up a standard unit by name, case-insensitively (ASCII only: "hours",
 * "ceu", "cec"): its per_hour in millionths, or 0 when the name is not
 * standard or is NULL. */
RECERT_API int64_t recert_unit_standard_per_hour(const char *name);

#ifdef __cplusplus
}
#endif

#endif /* RECERT_AMOUNT_H */
