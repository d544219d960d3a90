/*
 * The worked examples (the .json files of tests/data/examples) as a Check suite.
 *
 * Each example gives `as_of`, a `records` document and the expected `report`,
 * all worked out by hand from docs/rules.md independently of the code. This suite
 * evaluates the records with recert_evaluate_json() and compares the produced
 * report with the expected one field by field:
 *
 *   - every member of an expected object must be present and equal in the
 *     actual one; members only the actual report has (`message`, `currency`,
 *     ...) are ignored;
 *   - arrays must have the same length and equal elements, in order;
 *   - amounts (JSON reals) are compared as exact decimals: both sides are
 *     turned into integer ten-thousandths (the report needs at most three
 *     decimals: 0.25 h = 0.025 CEU), never compared with ==; an expected real
 *     must be written as a real (docs/format.md: "with a decimal point");
 *   - integers (cents), strings, booleans and null must match exactly.
 *
 * A failure names the example file and the JSON path of the first mismatch.
 * One Check test per example file, plus one test that there are 17 of them.
 *
 * SPDX-License-Identifier: MIT
 */
#include "recert.h"

#include <check.h>
#include <jansson.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef TEST_DATA_DIR
#error "TEST_DATA_DIR must be defined (the absolute path of tests/data)"
#endif

#define EXAMPLES_DIR TEST_DATA_DIR "/examples"
#define EXPECTED_EXAMPLES 17
#define MAX_EXAMPLES 256

static char *example_names[MAX_EXAMPLES];
static int example_count;

static int cmp_names(const void *a, const void *b)
{
    const char *const *x = a;
    const char *const *y = b;
    return strcmp(*x, *y);
}

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* The sorted list of *.json files of the examples directory. */
static int list_examples(void)
{
    DIR *dir = opendir(EXAMPLES_DIR);
    struct dirent *ent;

    if (dir == NULL) {
        fprintf(stderr, "test_examples: cannot open %s\n", EXAMPLES_DIR);
        return -1;
    }
    while ((ent = readdir(dir)) != NULL) {
        size_t len;
        char *copy;
        if (ent->d_name[0] == '.' || !ends_with(ent->d_name, ".json"))
            continue;
        if (example_count == MAX_EXAMPLES) {
            closedir(dir);
            fprintf(stderr, "test_examples: more than %d examples\n", MAX_EXAMPLES);
            return -1;
        }
        len = strlen(ent->d_name);
        copy = malloc(len + 1);
        if (copy == NULL) {
            closedir(dir);
            return -1;
        }
        memcpy(copy, ent->d_name, len + 1);
        example_names[example_count++] = copy;
    }
    closedir(dir);
    qsort(example_names, (size_t)example_count, sizeof example_names[0], cmp_names);
    return 0;
}

static void free_examples(void)
{
    int i;
    for (i = 0; i < example_count; i++)
        free(example_names[i]);
    example_count = 0;
}

/* ---- comparison -------------------------------------------------------- */

#define PATH_MAX_LEN 512
#define DIFF_MAX_LEN 2048

/* An amount in integer ten-thousandths, rounded to nearest. *exact is 0 when
 * the double is not within 1e-6 of a ten-thousandth (a sign of a float
 * written with too many digits, which never passes). */
static long long ten_thousandths(double v, int *exact)
{
    double scaled = v * 10000.0;
    long long r = (long long)(scaled < 0 ? scaled - 0.5 : scaled + 0.5);
    double diff = scaled - (double)r;
    *exact = diff < 1e-6 && diff > -1e-6;
    return r;
}

static const char *type_name(const json_t *v)
{
    switch (json_typeof(v)) {
    case JSON_OBJECT: return "object";
    case JSON_ARRAY: return "array";
    case JSON_STRING: return "string";
    case JSON_INTEGER: return "integer";
    case JSON_REAL: return "real";
    case JSON_TRUE: return "true";
    case JSON_FALSE: return "false";
    case JSON_NULL: return "null";
    }
    return "?";
}

/* A short JSON rendering of a value for a diff message. */
static void render(char *buf, size_t size, const json_t *v)
{
    char *text;
    if (v == NULL) {
        snprintf(buf, size, "(absent)");
        return;
    }
    text = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY | JSON_REAL_PRECISION(15));
    if (text == NULL) {
        snprintf(buf, size, "(unprintable %s)", type_name(v));
        return;
    }
    if (strlen(text) > 300)
        snprintf(buf, size, "%.300s...", text);
    else
        snprintf(buf, size, "%s", text);
    free(text);
}

static void set_diff(char *diff, const char *path, const char *what,
                     const json_t *expected, const json_t *actual)
{
    char e[400], a[400];
    render(e, sizeof e, expected);
    render(a, sizeof a, actual);
    snprintf(diff, DIFF_MAX_LEN, "%s: %s: expected %s, got %s",
             path[0] ? path : "(root)", what, e, a);
}

/* 0 when `actual` matches `expected` (members absent from `expected` are
 * ignored); otherwise 1 and `diff` describes the first mismatch. */
static int compare(const json_t *expected, const json_t *actual, const char *path, char *diff)
{
    char sub[PATH_MAX_LEN];

    if (actual == NULL) {
        set_diff(diff, path, "missing member", expected, actual);
        return 1;
    }
    switch (json_typeof(expected)) {
    case JSON_OBJECT: {
        const char *key;
        json_t *ev;
        if (!json_is_object(actual)) {
            set_diff(diff, path, "not an object", expected, actual);
            return 1;
        }
        json_object_foreach((json_t *)expected, key, ev) {
            snprintf(sub, sizeof sub, "%s%s%s", path, path[0] ? "." : "", key);
            if (compare(ev, json_object_get(actual, key), sub, diff))
                return 1;
        }
        return 0;
    }
    case JSON_ARRAY: {
        size_t i;
        if (!json_is_array(actual)) {
            set_diff(diff, path, "not an array", expected, actual);
            return 1;
        }
        if (json_array_size(actual) != json_array_size(expected)) {
            char what[96];
            snprintf(what, sizeof what, "array length %zu, expected %zu",
                     json_array_size(actual), json_array_size(expected));
            set_diff(diff, path, what, expected, actual);
            return 1;
        }
        for (i = 0; i < json_array_size(expected); i++) {
            snprintf(sub, sizeof sub, "%s[%zu]", path, i);
            if (compare(json_array_get(expected, i), json_array_get(actual, i), sub, diff))
                return 1;
        }
        return 0;
    }
    case JSON_REAL: {
        int ex_exact, ac_exact;
        long long ev, av;
        if (!json_is_real(actual)) {
            set_diff(diff, path, "an amount must be written with a decimal point", expected, actual);
            return 1;
        }
        ev = ten_thousandths(json_real_value(expected), &ex_exact);
        av = ten_thousandths(json_real_value(actual), &ac_exact);
        if (!ac_exact) {
            set_diff(diff, path, "amount is not an exact decimal", expected, actual);
            return 1;
        }
        if (ev != av) {
            set_diff(diff, path, "different amount", expected, actual);
            return 1;
        }
        return 0;
    }
    case JSON_INTEGER:
        if (!json_is_integer(actual) || json_integer_value(actual) != json_integer_value(expected)) {
            set_diff(diff, path, "different integer", expected, actual);
            return 1;
        }
        return 0;
    case JSON_STRING:
        if (!json_is_string(actual) || strcmp(json_string_value(actual), json_string_value(expected)) != 0) {
            set_diff(diff, path, "different value", expected, actual);
            return 1;
        }
        return 0;
    case JSON_TRUE:
    case JSON_FALSE:
    case JSON_NULL:
        if (json_typeof(actual) != json_typeof(expected)) {
            set_diff(diff, path, "different value", expected, actual);
            return 1;
        }
        return 0;
    }
    set_diff(diff, path, "unexpected JSON type", expected, actual);
    return 1;
}

/* ---- tests ------------------------------------------------------------- */

/* tests/data/examples holds the 17 worked examples of the contract. */
START_TEST(example_count_is_17)
{
    ck_assert_msg(example_count == EXPECTED_EXAMPLES,
                  "%s: expected %d example files, found %d",
                  EXAMPLES_DIR, EXPECTED_EXAMPLES, example_count);
}
END_TEST

/* Example number _i (sorted by file name): evaluate `records` as of `as_of`
 * and compare with `report`. */
START_TEST(example_matches)
{
    const char *name = example_names[_i];
    char file[1024];
    char diff[DIFF_MAX_LEN];
    json_error_t jerr;
    json_t *doc, *records, *expected, *actual;
    const char *as_of;
    char *records_text, *out = NULL;
    int rc;

    snprintf(file, sizeof file, "%s/%s", EXAMPLES_DIR, name);
    doc = json_load_file(file, JSON_REJECT_DUPLICATES, &jerr);
    ck_assert_msg(doc != NULL, "%s: not valid JSON: line %d: %s", name, jerr.line, jerr.text);

    as_of = json_string_value(json_object_get(doc, "as_of"));
    records = json_object_get(doc, "records");
    expected = json_object_get(doc, "report");
    ck_assert_msg(as_of != NULL && json_is_object(records) && json_is_object(expected),
                  "%s: an example needs as_of (string), records and report (objects)", name);

    /* 15 digits: 0.1, not 0.10000000000000001 (more decimals than allowed) */
    records_text = json_dumps(records, JSON_COMPACT | JSON_REAL_PRECISION(15));
    ck_assert_msg(records_text != NULL, "%s: cannot serialise records", name);

    rc = recert_evaluate_json(&out, records_text, strlen(records_text), as_of);
    ck_assert_msg(rc == RECERT_OK, "%s: recert_evaluate_json returned %d (%s): path \"%s\": %s",
                  name, rc, recert_strerror(rc), recert_error_path(), recert_error_message());
    ck_assert_msg(out != NULL, "%s: recert_evaluate_json returned OK without a report", name);

    actual = json_loads(out, JSON_REJECT_DUPLICATES, &jerr);
    ck_assert_msg(actual != NULL, "%s: the report is not valid JSON: line %d: %s",
                  name, jerr.line, jerr.text);

    diff[0] = '\0';
    ck_assert_msg(compare(expected, actual, "", diff) == 0, "%s: %s", name, diff);

    json_decref(actual);
    recert_free(out);
    free(records_text);
    json_decref(doc);
}
END_TEST

static Suite *examples_suite(void)
{
    Suite *s = suite_create("examples");
    TCase *tc = tcase_create("examples");

    tcase_add_test(tc, example_count_is_17);
    tcase_add_loop_test(tc, example_matches, 0, example_count);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr;
    int failed;

    if (list_examples() != 0)
        return 1;
    sr = srunner_create(examples_suite());
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    free_examples();
    return failed == 0 ? 0 : 1;
}
