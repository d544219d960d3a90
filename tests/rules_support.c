/*
 * Helpers shared by the rule suites: see rules_support.h.
 *
 * SPDX-License-Identifier: MIT
 */
#include "rules_support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

json_t *g_report;
char g_raw[TEXT_MAX];
char g_text[TEXT_MAX];
recert_roster *g_roster;
recert_report *g_rep;
recert_policy *g_policy;

const char *rs_json_text(const char *lit)
{
    size_t i, n = strlen(lit);
    ck_assert_msg(n < TEXT_MAX, "test document too long");
    for (i = 0; i < n; i++)
        g_text[i] = lit[i] == '\'' ? '"' : lit[i];
    g_text[n] = '\0';
    return g_text;
}

void rs_teardown(void)
{
    json_decref(g_report);
    g_report = NULL;
    recert_report_free(g_rep);
    g_rep = NULL;
    recert_roster_free(g_roster);
    g_roster = NULL;
    recert_policy_free(g_policy);
    g_policy = NULL;
}

TCase *rs_tcase(Suite *s, const char *name)
{
    TCase *tc = tcase_create(name);
    tcase_add_checked_fixture(tc, NULL, rs_teardown);
    suite_add_tcase(s, tc);
    return tc;
}

int rs_run(Suite *s)
{
    SRunner *sr = srunner_create(s);
    int failed;

    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? 0 : 1;
}

int32_t rs_day_at(int line, const char *iso)
{
    int32_t d = RECERT_DAY_NONE;
    ck_assert_msg(recert_date_parse(&d, iso) == RECERT_OK, "line %d: bad test date %s", line, iso);
    return d;
}

json_t *rs_eval_doc_at(int line, const char *as_of, const char *lit)
{
    const char *text = rs_json_text(lit);
    char *out = NULL;
    json_error_t jerr;
    int rc = recert_evaluate_json(&out, text, strlen(text), as_of);

    ck_assert_msg(rc == RECERT_OK, "line %d: recert_evaluate_json as of %s returned %d (%s): path \"%s\": %s",
                  line, as_of, rc, recert_strerror(rc), recert_error_path(), recert_error_message());
    ck_assert_msg(out != NULL, "line %d: OK without a report", line);
    snprintf(g_raw, sizeof g_raw, "%s", out);
    json_decref(g_report);
    g_report = json_loads(out, JSON_REJECT_DUPLICATES, &jerr);
    recert_free(out);
    ck_assert_msg(g_report != NULL, "line %d: the report is not JSON: %s", line, jerr.text);
    return g_report;
}

recert_report *rs_roster_eval_at(int line, const char *as_of, const char *lit)
{
    const char *text = rs_json_text(lit);
    int rc;

    recert_report_free(g_rep);
    g_rep = NULL;
    recert_roster_free(g_roster);
    g_roster = NULL;
    rc = recert_roster_from_json(&g_roster, text, strlen(text));
    ck_assert_msg(rc == RECERT_OK, "line %d: recert_roster_from_json returned %d (%s): path \"%s\": %s", line, rc,
                  recert_strerror(rc), recert_error_path(), recert_error_message());
    rc = recert_roster_evaluate(&g_rep, g_roster, rs_day_at(line, as_of));
    ck_assert_msg(rc == RECERT_OK, "line %d: recert_roster_evaluate returned %d (%s): %s", line, rc,
                  recert_strerror(rc), recert_error_message());
    return g_rep;
}

const recert_policy *rs_policy_at(int line, const char *lit)
{
    const char *text = rs_json_text(lit);
    int rc;
    recert_policy_free(g_policy);
    g_policy = NULL;
    rc = recert_policy_from_json(&g_policy, text, strlen(text));
    ck_assert_msg(rc == RECERT_OK, "line %d: recert_policy_from_json returned %d (%s): path \"%s\": %s", line, rc,
                  recert_strerror(rc), recert_error_path(), recert_error_message());
    return g_policy;
}

json_t *rs_cred_of(size_t h, size_t c)
{
    json_t *holder = json_array_get(json_object_get(g_report, "holders"), h);
    json_t *cr = json_array_get(json_object_get(holder, "credentials"), c);
    ck_assert_msg(cr != NULL, "the report has no holders[%zu].credentials[%zu]", h, c);
    return cr;
}

json_t *rs_at(json_t *o, const char *path)
{
    char seg[128];
    const char *p = path;

    while (o != NULL && *p) {
        size_t n = 0;
        if (*p == '.')
            p++;
        if (*p == '[') {
            size_t idx = (size_t)strtoul(p + 1, NULL, 10);
            o = json_array_get(o, idx);
            p = strchr(p, ']');
            if (p == NULL)
                return NULL;
            p++;
            continue;
        }
        while (*p && *p != '.' && *p != '[' && n + 1 < sizeof seg)
            seg[n++] = *p++;
        seg[n] = '\0';
        o = json_object_get(o, seg);
    }
    return o;
}

void rs_render(char *buf, size_t size, const json_t *v)
{
    char *t;
    if (v == NULL) {
        snprintf(buf, size, "(absent)");
        return;
    }
    t = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY | JSON_REAL_PRECISION(15));
    snprintf(buf, size, "%s", t ? t : "?");
    free(t);
}

void rs_expect_str_at(int line, json_t *o, const char *path, const char *want)
{
    json_t *v = rs_at(o, path);
    char got[512];
    rs_render(got, sizeof got, v);
    if (want == NULL)
        ck_assert_msg(json_is_null(v), "line %d: %s: expected null, got %s", line, path, got);
    else
        ck_assert_msg(json_is_string(v) && strcmp(json_string_value(v), want) == 0,
                      "line %d: %s: expected \"%s\", got %s", line, path, want, got);
}

void rs_expect_bool_at(int line, json_t *o, const char *path, int want)
{
    json_t *v = rs_at(o, path);
    char got[512];
    rs_render(got, sizeof got, v);
    ck_assert_msg(json_is_boolean(v) && (json_is_true(v) ? 1 : 0) == (want ? 1 : 0),
                  "line %d: %s: expected %s, got %s", line, path, want ? "true" : "false", got);
}

void rs_expect_int_at(int line, json_t *o, const char *path, long long want)
{
    json_t *v = rs_at(o, path);
    char got[512];
    rs_render(got, sizeof got, v);
    ck_assert_msg(json_is_integer(v) && json_integer_value(v) == want,
                  "line %d: %s: expected %lld, got %s", line, path, want, got);
}

long long rs_dec4(const char *s)
{
    long long whole = 0, frac = 0;
    int digits = 0, neg = 0;
    if (*s == '-') {
        neg = 1;
        s++;
    }
    while (*s >= '0' && *s <= '9')
        whole = whole * 10 + (*s++ - '0');
    if (*s == '.') {
        s++;
        while (*s >= '0' && *s <= '9' && digits < 4) {
            frac = frac * 10 + (*s++ - '0');
            digits++;
        }
    }
    while (digits++ < 4)
        frac *= 10;
    return (neg ? -1 : 1) * (whole * 10000 + frac);
}

long long rs_real4(double v)
{
    double scaled = v * 10000.0;
    return (long long)(scaled < 0 ? scaled - 0.5 : scaled + 0.5);
}

void rs_expect_amt_at(int line, json_t *o, const char *path, const char *want)
{
    json_t *v = rs_at(o, path);
    char got[512];
    rs_render(got, sizeof got, v);
    ck_assert_msg(json_is_real(v), "line %d: %s: expected the amount %s (a JSON real), got %s",
                  line, path, want, got);
    ck_assert_msg(rs_real4(json_real_value(v)) == rs_dec4(want), "line %d: %s: expected %s, got %s",
                  line, path, want, got);
}

void rs_expect_ids_at(int line, json_t *o, const char *path, const char *want)
{
    json_t *v = rs_at(o, path);
    char got[1024] = "";
    size_t i, len = 0;
    char dump[512];
    rs_render(dump, sizeof dump, v);
    ck_assert_msg(json_is_array(v), "line %d: %s: expected an array [%s], got %s", line, path, want, dump);
    for (i = 0; i < json_array_size(v); i++) {
        const char *s = json_string_value(json_array_get(v, i));
        len += (size_t)snprintf(got + len, sizeof got - len, "%s%s", i ? "," : "", s ? s : "(not a string)");
        if (len >= sizeof got)
            break;
    }
    ck_assert_msg(strcmp(got, want) == 0, "line %d: %s: expected [%s], got %s", line, path, want, dump);
}

void rs_expect_absent_at(int line, json_t *o, const char *path)
{
    json_t *v = rs_at(o, path);
    char got[512];
    rs_render(got, sizeof got, v);
    ck_assert_msg(v == NULL, "line %d: %s: expected no such member, got %s", line, path, got);
}

/* The notices, as "code:credit,code" in report order. */
static void notices_string(json_t *cr, char *buf, size_t size)
{
    json_t *list = json_object_get(cr, "notices");
    size_t i, len = 0;
    buf[0] = '\0';
    for (i = 0; i < json_array_size(list) && len < size; i++) {
        json_t *n = json_array_get(list, i);
        const char *code = json_string_value(json_object_get(n, "code"));
        const char *credit = json_string_value(json_object_get(n, "credit"));
        len += (size_t)snprintf(buf + len, size - len, "%s%s%s%s", i ? "," : "", code ? code : "?",
                                credit ? ":" : "", credit ? credit : "");
    }
}

void rs_expect_notices_at(int line, json_t *cr, const char *want)
{
    char got[1024];
    ck_assert_msg(json_is_array(json_object_get(cr, "notices")), "line %d: notices is not an array", line);
    notices_string(cr, got, sizeof got);
    ck_assert_msg(strcmp(got, want) == 0, "line %d: notices: expected [%s], got [%s]", line, want, got);
}

/* Whether a notice with this code (and credit, unless NULL) is present. */
static int has_notice(json_t *cr, const char *code, const char *credit)
{
    json_t *list = json_object_get(cr, "notices");
    size_t i;
    for (i = 0; i < json_array_size(list); i++) {
        json_t *n = json_array_get(list, i);
        const char *c = json_string_value(json_object_get(n, "code"));
        const char *k = json_string_value(json_object_get(n, "credit"));
        if (c && strcmp(c, code) == 0 && (credit == NULL || (k && strcmp(k, credit) == 0)))
            return 1;
    }
    return 0;
}

void rs_expect_notice_at(int line, json_t *cr, const char *code, const char *credit, int want)
{
    char got[1024];
    notices_string(cr, got, sizeof got);
    ck_assert_msg(has_notice(cr, code, credit) == want, "line %d: expected %s notice %s%s%s, notices are [%s]",
                  line, want ? "a" : "no", code, credit ? ":" : "", credit ? credit : "", got);
}

void rs_expect_message_at(int line, json_t *cr, size_t i, const char *want)
{
    json_t *n = json_array_get(json_object_get(cr, "notices"), i);
    const char *msg = json_string_value(json_object_get(n, "message"));
    char got[1024];
    notices_string(cr, got, sizeof got);
    ck_assert_msg(msg != NULL, "line %d: no notices[%zu] (notices are [%s])", line, i, got);
    ck_assert_msg(strcmp(msg, want) == 0, "line %d: notices[%zu].message:\n  expected \"%s\"\n  got      \"%s\"",
                  line, i, want, msg);
}

void rs_expect_fees_at(int line, json_t *cr, const char *tier, long long renewal, long long late)
{
    rs_expect_str_at(line, cr, "fees.tier", tier);
    rs_expect_int_at(line, cr, "fees.renewal_cents", renewal);
    rs_expect_int_at(line, cr, "fees.late_cents", late);
    rs_expect_int_at(line, cr, "fees.total_cents", renewal + late);
}

void rs_check_error_at(int line, int rc, char *out, int code, const char *path, int prefix)
{
    const char *epath = recert_error_path();
    const char *msg = recert_error_message();

    ck_assert_msg(rc != RECERT_OK, "line %d: expected an error, got RECERT_OK", line);
    ck_assert_msg(out == NULL, "line %d: *out must be NULL on failure", line);
    if (code != 0)
        ck_assert_msg(rc == code, "line %d: expected code %d (%s), got %d (%s): path \"%s\": %s", line, code,
                      recert_strerror(code), rc, recert_strerror(rc), epath, msg);
    else
        ck_assert_msg(rc < 0, "line %d: expected a negative code, got %d", line, rc);
    ck_assert_msg(recert_error_code() == rc, "line %d: recert_error_code() %d, returned %d", line,
                  recert_error_code(), rc);
    if (path != NULL) {
        if (prefix)
            ck_assert_msg(strncmp(epath, path, strlen(path)) == 0,
                          "line %d: expected an error path starting with \"%s\", got \"%s\" (%s)", line, path,
                          epath, msg);
        else
            ck_assert_msg(strcmp(epath, path) == 0, "line %d: expected the error path \"%s\", got \"%s\" (%s)",
                          line, path, epath, msg);
        /* docs/format.md: the message starts with the path. */
        ck_assert_msg(strncmp(msg, epath, strlen(epath)) == 0,
                      "line %d: the message \"%s\" does not start with its path \"%s\"", line, msg, epath);
    }
}

void rs_expect_error_at(int line, const char *lit, const char *as_of, int code, const char *path, int prefix)
{
    const char *text = lit ? rs_json_text(lit) : NULL;
    char dummy = 0;
    char *out = &dummy;
    int rc = recert_evaluate_json(&out, text, text ? strlen(text) : 0, as_of);
    if (rc == RECERT_OK) {
        recert_free(out);
        out = NULL;
    }
    rs_check_error_at(line, rc, out, code, path, prefix);
}

void rs_expect_policy_error_at(int line, const char *lit, int code, const char *path)
{
    const char *text = rs_json_text(lit);
    recert_policy *p = (recert_policy *)&g_text; /* any non-NULL value: must be set to NULL */
    int rc = recert_policy_from_json(&p, text, strlen(text));
    if (rc == RECERT_OK)
        recert_policy_free(p);
    ck_assert_msg(rc == RECERT_OK || p == NULL, "line %d: *out must be NULL on failure", line);
    rs_check_error_at(line, rc, NULL, code, path, 0);
}

void rs_expect_same_json_at(int line, const char *want, const char *got)
{
    json_error_t e1, e2;
    json_t *a = json_loads(want, 0, &e1);
    json_t *b = json_loads(got, 0, &e2);
    int same = a && b && json_equal(a, b);
    json_decref(a);
    json_decref(b);
    ck_assert_msg(same, "line %d: not the same JSON:\n  want %s\n  got  %s", line, want, got);
}
