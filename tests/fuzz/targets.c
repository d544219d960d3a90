/*
 * librecert fuzz targets (see targets.h). Every target copies the input
 * into a buffer of exactly its size, without a NUL, so that a read past
 * `len` is caught by ASan (fuzzers) or valgrind (replay).
 *
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "recert.h"
#include "targets.h"

#define CHECK(cond)                                                                                   \
    do {                                                                                              \
        if (!(cond)) {                                                                                \
            fprintf(stderr, "%s:%d: property failed: %s (last error %d \"%s\")\n", __FILE__, __LINE__, \
                    #cond, recert_error_code(), recert_error_message());                              \
            abort();                                                                                  \
        }                                                                                             \
    } while (0)

static char *copy_exact(const uint8_t *data, size_t size)
{
    char *p = malloc(size ? size : 1);
    if (!p)
        abort();
    if (size)
        memcpy(p, data, size);
    return p;
}

/* The codes a document import may return for bad input (roster.h). */
static int import_code_ok(int rc)
{
    return rc == RECERT_OK || rc == RECERT_EPARSE || rc == RECERT_EDATA || rc == RECERT_ERANGE ||
           rc == RECERT_EUNSUPPORTED || rc == RECERT_ELIMIT || rc == RECERT_ENOMEM;
}

/* A failure left a last error that matches: same code, a message, and the
 * message starts with the path when there is one. */
static void check_last_error(int rc)
{
    CHECK(recert_error_code() == rc);
    const char *msg = recert_error_message();
    const char *path = recert_error_path();
    CHECK(msg != NULL && path != NULL);
    CHECK(msg[0] != '\0');
    if (path[0]) {
        size_t n = strlen(path);
        CHECK(strncmp(msg, path, n) == 0 && msg[n] == ':');
    }
}

/*
 * Records import. Properties:
 * - the code is one of import_code_ok(); *out is set exactly on success;
 * - a failure leaves a matching last error;
 * - recert_validate_json() agrees: same first code, same first message,
 *   "[]" exactly when the import succeeds;
 * - on success: export, import again and export again gives the same text
 *   (docs/format.md: import(export(import(x))) == import(x)), and the roster
 *   evaluates (a successful import fixed every date in range).
 */
int fuzz_records(const uint8_t *data, size_t size)
{
    char *text = copy_exact(data, size);
    recert_roster *r = (recert_roster *)&r; /* must be overwritten */
    recert_error_clear();
    int rc = recert_roster_from_json(&r, text, size);
    CHECK(import_code_ok(rc));
    char *first_msg = NULL;
    if (rc != RECERT_OK) {
        CHECK(r == NULL);
        check_last_error(rc);
        first_msg = strdup(recert_error_message());
        if (!first_msg)
            abort();
    } else {
        CHECK(r != NULL);
    }

    char *errors = NULL;
    int vrc = recert_validate_json(&errors, text, size);
    if (rc != RECERT_ENOMEM && vrc != RECERT_ENOMEM) {
        CHECK(vrc == rc);
        CHECK(errors != NULL);
        if (rc == RECERT_OK) {
            CHECK(strcmp(errors, "[]") == 0);
        } else {
            json_t *list = json_loads(errors, 0, NULL);
            CHECK(json_is_array(list) && json_array_size(list) >= 1);
            const char *m = json_string_value(json_object_get(json_array_get(list, 0), "message"));
            CHECK(m && strcmp(m, first_msg) == 0);
            json_decref(list);
        }
    }
    recert_free(errors);

    if (r) {
        char *s1 = NULL, *s2 = NULL;
        recert_roster *r2 = NULL;
        CHECK(recert_roster_to_json(&s1, r, 0) == RECERT_OK);
        int rc2 = recert_roster_from_json(&r2, s1, strlen(s1));
        if (rc2 != RECERT_OK)
            fprintf(stderr, "re-import of the export failed: %s\nexport: %.2000s\n", recert_error_message(), s1);
        CHECK(rc2 == RECERT_OK);
        CHECK(recert_roster_to_json(&s2, r2, 0) == RECERT_OK);
        if (strcmp(s1, s2) != 0)
            fprintf(stderr, "export 1: %.2000s\nexport 2: %.2000s\n", s1, s2);
        CHECK(strcmp(s1, s2) == 0);
        recert_report *rep = NULL;
        int32_t T;
        CHECK(recert_date_parse(&T, "2026-06-01") == RECERT_OK);
        int erc = recert_roster_evaluate(&rep, r, T);
        CHECK(erc == RECERT_OK);
        char *rj = NULL;
        CHECK(recert_report_to_json(&rj, rep, 0) == RECERT_OK);
        recert_free(rj);
        recert_report_free(rep);
        recert_free(s1);
        recert_free(s2);
        recert_roster_free(r2);
        recert_roster_free(r);
    }
    free(first_msg);
    free(text);
    return 0;
}

/*
 * Policy import: recert_policy_from_json and recert_catalog_add_json of the
 * same text. Properties: codes from the documented set; on success the
 * export reads back to the same export; the catalog takes a policy exactly
 * when the policy import succeeds (for a text that is one object), and
 * nothing at all on failure.
 */
int fuzz_policy(const uint8_t *data, size_t size)
{
    char *text = copy_exact(data, size);
    recert_policy *p = (recert_policy *)&p;
    int rc = recert_policy_from_json(&p, text, size);
    CHECK(rc == RECERT_OK || rc == RECERT_EPARSE || rc == RECERT_EDATA || rc == RECERT_EUNSUPPORTED ||
          rc == RECERT_ELIMIT || rc == RECERT_ENOMEM);
    if (rc != RECERT_OK) {
        CHECK(p == NULL);
        check_last_error(rc);
    } else {
        CHECK(p != NULL);
        char *s1 = NULL, *s2 = NULL, *pretty = NULL;
        recert_policy *p2 = NULL;
        CHECK(recert_policy_to_json(&s1, p, 0) == RECERT_OK);
        CHECK(recert_policy_from_json(&p2, s1, strlen(s1)) == RECERT_OK);
        CHECK(recert_policy_to_json(&s2, p2, 0) == RECERT_OK);
        CHECK(strcmp(s1, s2) == 0);
        CHECK(recert_policy_to_json(&pretty, p, RECERT_JSON_PRETTY) == RECERT_OK);
        recert_policy *p3 = NULL;
        CHECK(recert_policy_copy(&p3, p) == RECERT_OK);
        CHECK(strcmp(recert_policy_id(p3), recert_policy_id(p)) == 0);
        recert_policy_free(p3);
        recert_free(pretty);
        recert_free(s1);
        recert_free(s2);
        recert_policy_free(p2);
    }

    recert_catalog *c = NULL;
    CHECK(recert_catalog_new(&c) == RECERT_OK);
    int crc = recert_catalog_add_json(c, text, size);
    CHECK(crc == RECERT_OK || crc == RECERT_EPARSE || crc == RECERT_EDATA || crc == RECERT_EUNSUPPORTED ||
          crc == RECERT_ELIMIT || crc == RECERT_ENOMEM);
    if (crc != RECERT_OK) {
        check_last_error(crc);
        CHECK(recert_catalog_count(c) == 0);
    } else {
        char *cj = NULL;
        CHECK(recert_catalog_to_json(&cj, c, 0) == RECERT_OK);
        recert_catalog *c2 = NULL;
        CHECK(recert_catalog_new(&c2) == RECERT_OK);
        CHECK(recert_catalog_add_json(c2, cj, strlen(cj)) == RECERT_OK);
        CHECK(recert_catalog_count(c2) == recert_catalog_count(c));
        recert_catalog_free(c2);
        recert_free(cj);
    }
    if (rc == RECERT_OK) {
        CHECK(crc == RECERT_OK);
        CHECK(recert_catalog_count(c) == 1);
    }
    recert_catalog_free(c);
    recert_policy_free(p);
    free(text);
    return 0;
}

/*
 * recert_evaluate_json. The input is "AS_OF\nRECORDS" when a newline comes
 * within the first 32 bytes, else RECORDS evaluated as of 2026-06-01.
 * Properties: documented codes; *out set exactly on success; the result is
 * a JSON object with "recert": 1 and the as_of given; it equals import +
 * evaluate + report export; a failure with a valid as_of is the import's.
 */
int fuzz_evaluate(const uint8_t *data, size_t size)
{
    char as_of[40] = "2026-06-01";
    size_t skip = 0;
    for (size_t i = 0; i < size && i < 32; i++)
        if (data[i] == '\n') {
            memcpy(as_of, data, i);
            as_of[i] = '\0';
            skip = i + 1;
            break;
        }
    char *text = copy_exact(data + skip, size - skip);
    size_t len = size - skip;
    char *out = (char *)&out;
    int rc = recert_evaluate_json(&out, text, len, as_of);
    CHECK(rc == RECERT_OK || rc == RECERT_EINVAL || rc == RECERT_EPARSE || rc == RECERT_EDATA ||
          rc == RECERT_ERANGE || rc == RECERT_EUNSUPPORTED || rc == RECERT_ELIMIT || rc == RECERT_ENOMEM);
    int32_t T;
    int trc = recert_date_parse(&T, as_of);
    if (rc != RECERT_OK) {
        CHECK(out == NULL);
        check_last_error(rc);
        if (trc == RECERT_OK && rc != RECERT_ENOMEM) {
            recert_roster *r = NULL;
            int irc = recert_roster_from_json(&r, text, len);
            CHECK(irc == rc);
            recert_roster_free(r);
        }
    } else {
        CHECK(out != NULL);
        CHECK(trc == RECERT_OK);
        json_t *v = json_loads(out, 0, NULL);
        CHECK(json_is_object(v));
        CHECK(json_integer_value(json_object_get(v, "recert")) == 1);
        CHECK(json_is_string(json_object_get(v, "as_of")));
        CHECK(strcmp(json_string_value(json_object_get(v, "as_of")), as_of) == 0);
        json_decref(v);
        recert_roster *r = NULL;
        recert_report *rep = NULL;
        char *o2 = NULL;
        CHECK(recert_roster_from_json(&r, text, len) == RECERT_OK);
        CHECK(recert_roster_evaluate(&rep, r, T) == RECERT_OK);
        CHECK(recert_report_to_json(&o2, rep, 0) == RECERT_OK);
        CHECK(strcmp(out, o2) == 0);
        recert_free(o2);
        recert_report_free(rep);
        recert_roster_free(r);
        recert_free(out);
    }
    free(text);
    return 0;
}

static int32_t read_i32(const uint8_t *p)
{
    uint32_t u = (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
    int32_t v;
    memcpy(&v, &u, sizeof v);
    return v;
}

/*
 * Date parsing (the input as a C string) and date arithmetic (the first
 * 16 bytes as four little-endian int32: day, years, months, days).
 * Properties: parse gives OK, EINVAL or ERANGE; OK exactly for the ten
 * characters of a real day in range, which format() writes back unchanged
 * and to_ymd/from_ymd round-trip; arithmetic stays in range or says
 * ERANGE/EINVAL and leaves *out alone.
 */
int fuzz_date(const uint8_t *data, size_t size)
{
    char *s = malloc(size + 1);
    if (!s)
        abort();
    if (size)
        memcpy(s, data, size);
    s[size] = '\0';
    int32_t d = 12345;
    int rc = recert_date_parse(&d, s);
    CHECK(rc == RECERT_OK || rc == RECERT_EINVAL || rc == RECERT_ERANGE);
    if (rc == RECERT_OK) {
        CHECK(d >= RECERT_DAY_MIN && d <= RECERT_DAY_MAX);
        CHECK(strlen(s) == 10);
        char buf[RECERT_DATE_BUFSIZE];
        CHECK(recert_date_format(buf, sizeof buf, d) == RECERT_OK);
        CHECK(strcmp(buf, s) == 0);
        int y, m, md;
        int32_t d2;
        CHECK(recert_date_to_ymd(d, &y, &m, &md) == RECERT_OK);
        CHECK(recert_date_from_ymd(&d2, y, m, md) == RECERT_OK && d2 == d);
        int32_t ye;
        CHECK(recert_date_year_end(&ye, d) == RECERT_OK && ye >= d);
    } else {
        CHECK(d == 12345);
        check_last_error(rc);
    }
    if (size >= 16) {
        int32_t day = read_i32(data), years = read_i32(data + 4), months = read_i32(data + 8),
                days = read_i32(data + 12);
        int32_t out = 777;
        int arc = recert_date_add(&out, day, years, months, days);
        CHECK(arc == RECERT_OK || arc == RECERT_ERANGE || arc == RECERT_EINVAL);
        if (arc == RECERT_OK)
            CHECK(out >= RECERT_DAY_MIN && out <= RECERT_DAY_MAX);
        else
            CHECK(out == 777);
        int y = 0, m = 0, md = 0;
        int yrc = recert_date_to_ymd(day, &y, &m, &md);
        CHECK(yrc == RECERT_OK || yrc == RECERT_ERANGE);
        int32_t back = 0;
        int frc = recert_date_from_ymd(&back, (int)years, (int)months, (int)days);
        CHECK(frc == RECERT_OK || frc == RECERT_ERANGE || frc == RECERT_EINVAL);
        if (frc == RECERT_OK)
            CHECK(back >= RECERT_DAY_MIN && back <= RECERT_DAY_MAX);
        char buf[RECERT_DATE_BUFSIZE];
        int frm = recert_date_format(buf, sizeof buf, day);
        CHECK(frm == RECERT_OK || frm == RECERT_ERANGE);
    }
    free(s);
    return 0;
}
