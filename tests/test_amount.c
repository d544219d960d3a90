/*
 * Tests of credit amounts: docs/rules.md §2 ("Credits are fixed-point, never
 * floating point in the rules: 1.9 + 0.1 is exactly 2.0. Internal
 * resolution: 0.01 contact hour. A credit's conversion that does not fall on
 * that grid is rounded down") and docs/format.md (report amounts are exact
 * decimals "with a decimal point and no more digits than needed: 2.0, 1.9,
 * 0.025").
 *
 * Units: hundredths of a unit; per_hour in millionths of a unit per contact
 * hour (CEU 100000, CEC and hours 1000000). centihours = hundredths * 10^6 /
 * per_hour, rounded down; the value in a unit = centihours * per_hour / 10^8.
 * Large expected values were computed with Python's fractions.Fraction.
 *
 * SPDX-License-Identifier: MIT
 */
#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "recert.h"

static int64_t to_ch(int64_t hundredths, int64_t per_hour)
{
    int64_t ch = -1;
    ck_assert_msg(recert_amount_to_centihours(&ch, hundredths, per_hour) == RECERT_OK,
                  "%lld at %lld: %s", (long long)hundredths, (long long)per_hour,
                  recert_error_message());
    return ch;
}

static void check_format(int64_t ch, int64_t per_hour, const char *want)
{
    char buf[64];
    ck_assert_int_eq(recert_amount_format(buf, sizeof buf, ch, per_hour), RECERT_OK);
    ck_assert_msg(strcmp(buf, want) == 0, "%lld ch at %lld: \"%s\", expected \"%s\"",
                  (long long)ch, (long long)per_hour, buf, want);
}

/* ---- conversion to centihours ---------------------------------------- */

START_TEST(test_nasm_two_ceu)
{
    /* docs/rules.md §2: "1.9 + 0.1 is exactly 2.0". 1.9 CEU = 19 hours = 1900
     * centihours; 0.1 CEU = 1 hour = 100; the sum, 2000 centihours, is
     * "2.0" CEU: 2000 * 100000 / 10^8 = 2. */
    int64_t a = to_ch(190, RECERT_PER_HOUR_CEU);
    int64_t b = to_ch(10, RECERT_PER_HOUR_CEU);
    ck_assert_int_eq(a, 1900);
    ck_assert_int_eq(b, 100);
    check_format(a + b, RECERT_PER_HOUR_CEU, "2.0");
    check_format(a, RECERT_PER_HOUR_CEU, "1.9");
    check_format(b, RECERT_PER_HOUR_CEU, "0.1");
    /* Ten times 0.19 CEU is 1.9 CEU too: 19 hundredths = 190 centihours. */
    int64_t sum = 0;
    for (int i = 0; i < 10; i++)
        sum += to_ch(19, RECERT_PER_HOUR_CEU);
    ck_assert_int_eq(sum, 1900);
    check_format(sum, RECERT_PER_HOUR_CEU, "1.9");
}
END_TEST

START_TEST(test_standard_units)
{
    /* amount.h: 1.5 CEU (150 hundredths) is 1500 centihours (15 hours). */
    ck_assert_int_eq(to_ch(150, RECERT_PER_HOUR_CEU), 1500);
    /* 4 hours = 400 centihours; 45 CEC = 45 hours = 4500 centihours. */
    ck_assert_int_eq(to_ch(400, RECERT_PER_HOUR_HOURS), 400);
    ck_assert_int_eq(to_ch(4500, RECERT_PER_HOUR_CEC), 4500);
    /* 0.01 CEU = 0.1 hour = 10 centihours. */
    ck_assert_int_eq(to_ch(1, RECERT_PER_HOUR_CEU), 10);
    ck_assert_int_eq(to_ch(0, RECERT_PER_HOUR_CEU), 0);
}
END_TEST

START_TEST(test_round_down)
{
    /* docs/rules.md §2: a conversion off the 0.01-hour grid is rounded down.
     * A custom unit worth 0.3 per hour (per_hour 300000): 1 unit =
     * 1 / 0.3 h = 3.333... h = 333.33... centihours → 333. */
    ck_assert_int_eq(to_ch(100, 300000), 333);
    /* 3 units = 10 hours exactly = 1000. */
    ck_assert_int_eq(to_ch(300, 300000), 1000);
    /* 2 units = 6.666... h → 666 (not 667: never rounded up). */
    ck_assert_int_eq(to_ch(200, 300000), 666);
    /* A unit worth 7 per hour: 1 unit = 1/7 h = 14.28... centihours → 14. */
    ck_assert_int_eq(to_ch(100, 7000000), 14);
    /* A unit worth 3 per hour: 0.01 unit = 1/300 h = 0.33 centihours → 0. */
    ck_assert_int_eq(to_ch(1, 3000000), 0);
    /* Each entry is rounded on its own (docs/rules.md §2): three entries of 1
     * unit at 0.3 per hour are 3 * 333 = 999, not 1000. */
    ck_assert_int_eq(to_ch(100, 300000) * 3, 999);
}
END_TEST

START_TEST(test_to_centihours_limits)
{
    int64_t ch = 42;
    /* Arguments: NULL out, negative amount, per_hour <= 0 are EINVAL. */
    ck_assert_int_eq(recert_amount_to_centihours(NULL, 1, RECERT_PER_HOUR_CEU), RECERT_EINVAL);
    ck_assert_int_eq(recert_amount_to_centihours(&ch, -1, RECERT_PER_HOUR_CEU), RECERT_EINVAL);
    ck_assert_int_eq(recert_error_code(), RECERT_EINVAL);
    ck_assert_int_eq(recert_amount_to_centihours(&ch, 1, 0), RECERT_EINVAL);
    ck_assert_int_eq(recert_amount_to_centihours(&ch, 1, -100000), RECERT_EINVAL);
    ck_assert_int_eq(recert_amount_to_centihours(&ch, INT64_MIN, 1), RECERT_EINVAL);
    /* Overflow: INT64_MAX hundredths at 1 millionth per hour is
     * INT64_MAX * 10^6 centihours. */
    ck_assert_int_eq(recert_amount_to_centihours(&ch, INT64_MAX, 1), RECERT_ERANGE);
    ck_assert_int_eq(recert_error_code(), RECERT_ERANGE);
    ck_assert_int_eq(recert_amount_to_centihours(&ch, INT64_MAX, 999999), RECERT_ERANGE);
    ck_assert_int_eq(recert_amount_to_centihours(&ch, INT64_MAX / 1000000 + 1, 1), RECERT_ERANGE);
    ck_assert_int_eq(ch, 42); /* untouched */
    /* The largest results that fit. */
    ck_assert_int_eq(to_ch(INT64_MAX, 1000000), INT64_MAX);
    ck_assert_int_eq(to_ch(INT64_MAX, INT64_MAX), 1000000);
    /* 128-bit intermediates: 4000000000000001 * 10^6 / 999999937 =
     * 4000000252000.0... → 4000000252000. */
    ck_assert_int_eq(to_ch(4000000000000001LL, 999999937), 4000000252000LL);
    /* RECERT_AMOUNT_MAX hundredths of the smallest unit that keeps it in
     * range: 10^11 * 10^6 / 10^4 = 10^13. */
    ck_assert_int_eq(to_ch(RECERT_AMOUNT_MAX, 10000), 10000000000000LL);
}
END_TEST

/* ---- exact decimal text ----------------------------------------------- */

START_TEST(test_format_values)
{
    /* docs/format.md: "2.0, 1.9, 0.025 (NASM can need three decimals: 0.25 hour
     * = 0.025 CEU)". 25 centihours * 100000 / 10^8 = 0.025. */
    check_format(2000, RECERT_PER_HOUR_CEU, "2.0");
    check_format(1900, RECERT_PER_HOUR_CEU, "1.9");
    check_format(25, RECERT_PER_HOUR_CEU, "0.025");
    check_format(1, RECERT_PER_HOUR_CEU, "0.001");
    /* Hours and CEC: 6100 centihours = 61 hours → "61.0". */
    check_format(6100, RECERT_PER_HOUR_HOURS, "61.0");
    check_format(6100, RECERT_PER_HOUR_CEC, "61.0");
    check_format(4550, RECERT_PER_HOUR_CEC, "45.5");
    check_format(4525, RECERT_PER_HOUR_CEC, "45.25");
    check_format(0, RECERT_PER_HOUR_CEU, "0.0");
    check_format(100000, RECERT_PER_HOUR_HOURS, "1000.0");
    /* Negative amounts get a '-': -50 centihours = -0.5 hours. */
    check_format(-50, RECERT_PER_HOUR_HOURS, "-0.5");
    check_format(-2000, RECERT_PER_HOUR_CEU, "-2.0");
    /* A custom unit of 0.333333 per hour: 1 centihour = 333333 / 10^8 =
     * 0.00333333 units, all eight decimals. */
    check_format(1, 333333, "0.00333333");
    /* The extremes (Python Fraction): INT64_MAX * 1 / 10^8 and
     * INT64_MAX^2 / 10^8, INT64_MIN * INT64_MAX / 10^8. */
    check_format(INT64_MAX, 1, "92233720368.54775807");
    check_format(INT64_MAX, INT64_MAX, "850705917302346158473969077842.32501249");
    check_format(INT64_MIN, INT64_MAX, "-850705917302346158566202798210.87277056");
}
END_TEST

START_TEST(test_format_buffer)
{
    /* "61.0" and its NUL are 5 bytes: 4 is RECERT_ERANGE, out untouched. */
    char buf[8];
    memset(buf, 'z', sizeof buf);
    ck_assert_int_eq(recert_amount_format(buf, 4, 6100, RECERT_PER_HOUR_HOURS), RECERT_ERANGE);
    ck_assert_int_eq(recert_error_code(), RECERT_ERANGE);
    for (size_t i = 0; i < sizeof buf; i++)
        ck_assert_int_eq(buf[i], 'z');
    ck_assert_int_eq(recert_amount_format(buf, 0, 6100, RECERT_PER_HOUR_HOURS), RECERT_ERANGE);
    ck_assert_int_eq(recert_amount_format(buf, 5, 6100, RECERT_PER_HOUR_HOURS), RECERT_OK);
    ck_assert_str_eq(buf, "61.0");
    /* "-0.5" needs 5 too. */
    ck_assert_int_eq(recert_amount_format(buf, 4, -50, RECERT_PER_HOUR_HOURS), RECERT_ERANGE);
    ck_assert_int_eq(recert_amount_format(buf, 5, -50, RECERT_PER_HOUR_HOURS), RECERT_OK);
    ck_assert_str_eq(buf, "-0.5");
    /* Arguments. */
    ck_assert_int_eq(recert_amount_format(NULL, 8, 1, RECERT_PER_HOUR_CEU), RECERT_EINVAL);
    ck_assert_int_eq(recert_amount_format(buf, sizeof buf, 1, 0), RECERT_EINVAL);
    ck_assert_int_eq(recert_amount_format(buf, sizeof buf, 1, -1), RECERT_EINVAL);
    ck_assert_int_eq(recert_error_code(), RECERT_EINVAL);
}
END_TEST

START_TEST(test_round_trip_grid)
{
    /* Every amount of 0.00 .. 20.00 CEU written back in CEU is the text
     * the amount was parsed from, to its fewest digits: parse("1.50") =
     * 150 hundredths = 1500 centihours, formatted "1.5". */
    for (int64_t h = 0; h <= 2000; h++) {
        char text[32], buf[32], want[32];
        snprintf(text, sizeof text, "%lld.%02lld", (long long)(h / 100), (long long)(h % 100));
        int64_t parsed = -1;
        ck_assert_int_eq(recert_amount_parse(&parsed, text), RECERT_OK);
        ck_assert_int_eq(parsed, h);
        ck_assert_int_eq(recert_amount_format(buf, sizeof buf, to_ch(h, RECERT_PER_HOUR_CEU),
                                              RECERT_PER_HOUR_CEU),
                         RECERT_OK);
        /* want: text without trailing zeros, one decimal at least */
        strcpy(want, text);
        size_t n = strlen(want);
        while (want[n - 1] == '0' && want[n - 2] != '.')
            want[--n] = '\0';
        ck_assert_str_eq(buf, want);
    }
}
END_TEST

/* ---- parsing ---------------------------------------------------------- */

START_TEST(test_parse_values)
{
    static const struct {
        const char *text;
        int64_t hundredths;
    } ok[] = {
        {"4", 400},       {"1.5", 150},   {"0.25", 25},  {"1.9", 190},
        {"0", 0},         {"0.0", 0},     {"1.50", 150}, {"0.01", 1},
        {"45", 4500},     {"007", 700},   {"10.05", 1005},
        {"1000000000", RECERT_AMOUNT_MAX}, /* 10^9 units, the largest */
        {"999999999.99", RECERT_AMOUNT_MAX - 1},
    };
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        int64_t v = -1;
        ck_assert_msg(recert_amount_parse(&v, ok[i].text) == RECERT_OK, "\"%s\": %s", ok[i].text,
                      recert_error_message());
        ck_assert_msg(v == ok[i].hundredths, "\"%s\": %lld", ok[i].text, (long long)v);
    }
}
END_TEST

START_TEST(test_parse_errors)
{
    /* amount.h: "at most two decimals ... No sign, exponent or spaces.
     * RECERT_EINVAL for anything else". */
    static const char *invalid[] = {
        "",     "-1",    "+1",    "1.",    ".5",    "1.234", "0.001", "1e2",  "1E2",
        " 1",   "1 ",    "1,5",   "0x10",  "1..2",  "1.5.",  "inf",   "nan",  "NaN",
        "1.5x", "one",   "\t1",   "1\n",   "1.-5",  "1.+5",  ".",     "-0",   "99999999999999999999x",
    };
    for (size_t i = 0; i < sizeof invalid / sizeof invalid[0]; i++) {
        int64_t v = 77;
        int rc = recert_amount_parse(&v, invalid[i]);
        ck_assert_msg(rc == RECERT_EINVAL, "\"%s\": %d", invalid[i], rc);
        ck_assert_int_eq(v, 77);
    }
    /* The message shows the value. */
    int64_t v = 77;
    ck_assert_int_eq(recert_amount_parse(&v, "1.234"), RECERT_EINVAL);
    ck_assert_ptr_nonnull(strstr(recert_error_message(), "\"1.234\""));

    /* Above RECERT_AMOUNT_MAX (10^9 units): RECERT_ERANGE. */
    static const char *big[] = {"1000000000.01", "1000000001", "99999999999999999999",
                                "99999999999999999999999999999999999999.5"};
    for (size_t i = 0; i < sizeof big / sizeof big[0]; i++) {
        int rc = recert_amount_parse(&v, big[i]);
        ck_assert_msg(rc == RECERT_ERANGE, "\"%s\": %d", big[i], rc);
        ck_assert_int_eq(v, 77);
    }
    ck_assert_int_eq(recert_amount_parse(NULL, "1"), RECERT_EINVAL);
    ck_assert_int_eq(recert_amount_parse(&v, NULL), RECERT_EINVAL);
    ck_assert_int_eq(v, 77);
}
END_TEST

/* ---- standard units --------------------------------------------------- */

START_TEST(test_standard_unit_names)
{
    /* docs/rules.md §2: "ceu = 10 contact hours ...; cec = 1 contact hour";
     * "Unit names compare case-insensitively". */
    ck_assert_int_eq(recert_unit_standard_per_hour("hours"), 1000000);
    ck_assert_int_eq(recert_unit_standard_per_hour("HOURS"), 1000000);
    ck_assert_int_eq(recert_unit_standard_per_hour("ceu"), 100000);
    ck_assert_int_eq(recert_unit_standard_per_hour("CEU"), 100000);
    ck_assert_int_eq(recert_unit_standard_per_hour("Ceu"), 100000);
    ck_assert_int_eq(recert_unit_standard_per_hour("cec"), 1000000);
    ck_assert_int_eq(recert_unit_standard_per_hour("CEC"), 1000000);
    ck_assert_int_eq(recert_unit_standard_per_hour("hour"), 0);
    ck_assert_int_eq(recert_unit_standard_per_hour("ceus"), 0);
    ck_assert_int_eq(recert_unit_standard_per_hour("ce"), 0);
    ck_assert_int_eq(recert_unit_standard_per_hour("ceu "), 0);
    ck_assert_int_eq(recert_unit_standard_per_hour("CME"), 0);
    ck_assert_int_eq(recert_unit_standard_per_hour(""), 0);
    ck_assert_int_eq(recert_unit_standard_per_hour(NULL), 0);
}
END_TEST

static Suite *amount_suite(void)
{
    Suite *s = suite_create("amount");
    TCase *tc = tcase_create("amount");
    tcase_add_test(tc, test_nasm_two_ceu);
    tcase_add_test(tc, test_standard_units);
    tcase_add_test(tc, test_round_down);
    tcase_add_test(tc, test_to_centihours_limits);
    tcase_add_test(tc, test_format_values);
    tcase_add_test(tc, test_format_buffer);
    tcase_add_test(tc, test_round_trip_grid);
    tcase_add_test(tc, test_parse_values);
    tcase_add_test(tc, test_parse_errors);
    tcase_add_test(tc, test_standard_unit_names);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(amount_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failures = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failures != 0;
}
