/*
 * Helpers shared by the rule suites (tests/test_rules.c,
 * tests/test_policy_ext.c): records documents written with ' in place of ",
 * evaluated as JSON or through a roster, and assertions on members of the
 * report addressed by a path ("a.b[2].c"). Every assertion names the line of
 * the test that made it. The last report, roster and policy are kept in the
 * globals below and freed by rs_teardown(), the suites' checked fixture.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef RULES_SUPPORT_H
#define RULES_SUPPORT_H

#include "recert.h"

#include <check.h>
#include <jansson.h>

#include <stddef.h>
#include <stdint.h>

#define TEXT_MAX 65536

extern json_t *g_report;        /* the last report evaluated as JSON */
extern char g_raw[TEXT_MAX];    /* the last report's text */
extern char g_text[TEXT_MAX];   /* the last document, quotes turned back */
extern recert_roster *g_roster; /* the last roster imported */
extern recert_report *g_rep;    /* the last report evaluated through the roster */
extern recert_policy *g_policy; /* the last standalone policy parsed */

/* Copy a literal written with ' for " into g_text as JSON text. */
const char *rs_json_text(const char *lit);
/* Free (and clear) every global above: the checked fixture's teardown. */
void rs_teardown(void);
/* A test case of s with rs_teardown as its checked fixture. */
TCase *rs_tcase(Suite *s, const char *name);
/* Run a suite; 0 when no test failed, else 1 (the exit status). */
int rs_run(Suite *s);

/* A day number from "YYYY-MM-DD" (the test fails on a bad date). */
int32_t rs_day_at(int line, const char *iso);
#define DAY(iso) rs_day_at(__LINE__, (iso))

/* Evaluate a records document (quotes as ') as of as_of into g_report (and
 * g_raw); the test fails unless evaluation succeeds. */
json_t *rs_eval_doc_at(int line, const char *as_of, const char *lit);
#define EVAL_DOC(as_of, lit) rs_eval_doc_at(__LINE__, (as_of), (lit))
/* One document of the given holders (a literal: "{...},{...}"). */
#define EVAL_H(as_of, holders) EVAL_DOC((as_of), "{'recert':1,'holders':[" holders "]}")
/* A document of policies and holders (literals). */
#define DOC(policies, holders) "{'recert':1,'policies':[" policies "],'holders':[" holders "]}"

/* Import a records document into g_roster and evaluate it into g_rep. */
recert_report *rs_roster_eval_at(int line, const char *as_of, const char *lit);
#define ROSTER_EVAL(as_of, lit) rs_roster_eval_at(__LINE__, (as_of), (lit))

/* Parse a standalone policy document (quotes as ') into g_policy. */
const recert_policy *rs_policy_at(int line, const char *lit);
#define POLICY(lit) rs_policy_at(__LINE__, (lit))

/* holders[h].credentials[c] of g_report. */
json_t *rs_cred_of(size_t h, size_t c);
#define C(i) rs_cred_of(0, (i))
#define HC(h) rs_cred_of((h), 0)

/* The value at a path "a.b[2].c" below o; NULL when absent. */
json_t *rs_at(json_t *o, const char *path);
/* v as compact JSON text, "(absent)" for NULL. */
void rs_render(char *buf, size_t size, const json_t *v);
/* An exact decimal "2.0", "-0.025" in ten-thousandths, without floating point. */
long long rs_dec4(const char *s);
/* A report amount, a JSON real, in ten-thousandths (rounded to nearest). */
long long rs_real4(double v);

void rs_expect_str_at(int line, json_t *o, const char *path, const char *want);
void rs_expect_bool_at(int line, json_t *o, const char *path, int want);
void rs_expect_int_at(int line, json_t *o, const char *path, long long want);
void rs_expect_amt_at(int line, json_t *o, const char *path, const char *want);
void rs_expect_ids_at(int line, json_t *o, const char *path, const char *want);
void rs_expect_absent_at(int line, json_t *o, const char *path);
void rs_expect_notices_at(int line, json_t *cr, const char *want);
void rs_expect_notice_at(int line, json_t *cr, const char *code, const char *credit, int want);
void rs_expect_message_at(int line, json_t *cr, size_t i, const char *want);
void rs_expect_fees_at(int line, json_t *cr, const char *tier, long long renewal, long long late);

#define EXPECT_STR(o, p, w) rs_expect_str_at(__LINE__, (o), (p), (w))
#define EXPECT_NULL(o, p) rs_expect_str_at(__LINE__, (o), (p), NULL)
#define EXPECT_BOOL(o, p, w) rs_expect_bool_at(__LINE__, (o), (p), (w))
#define EXPECT_INT(o, p, w) rs_expect_int_at(__LINE__, (o), (p), (w))
/* An amount (a JSON real) equal to the decimal text w. */
#define EXPECT_AMT(o, p, w) rs_expect_amt_at(__LINE__, (o), (p), (w))
/* An array of strings, joined with ','. */
#define EXPECT_IDS(o, p, w) rs_expect_ids_at(__LINE__, (o), (p), (w))
#define EXPECT_ABSENT(o, p) rs_expect_absent_at(__LINE__, (o), (p))
/* The notices, as "code:credit,code" in report order. */
#define EXPECT_NOTICES(o, w) rs_expect_notices_at(__LINE__, (o), (w))
/* A notice with this code (and credit, unless NULL) present or not. */
#define HAS_NOTICE(o, code, credit) rs_expect_notice_at(__LINE__, (o), (code), (credit), 1)
#define NO_NOTICE(o, code) rs_expect_notice_at(__LINE__, (o), (code), NULL, 0)
/* The message of notices[i]. */
#define EXPECT_MESSAGE(o, i, w) rs_expect_message_at(__LINE__, (o), (i), (w))
/* The fees of a credential in one line: tier, renewal, late, total. */
#define EXPECT_FEES(o, tier, renewal, late) rs_expect_fees_at(__LINE__, (o), (tier), (renewal), (late))

/* A call returned rc (and left *out as out): it must have failed with
 * `code` (0: any negative code), recert_error_code() must agree, and when
 * path is not NULL the error's path must be `path` (or start with it when
 * prefix) and the message must start with the path (docs/format.md). */
void rs_check_error_at(int line, int rc, char *out, int code, const char *path, int prefix);
/* Evaluating lit (NULL: no text) as of as_of must fail so. */
void rs_expect_error_at(int line, const char *lit, const char *as_of, int code, const char *path, int prefix);
#define EXPECT_ERROR(lit, code, path) rs_expect_error_at(__LINE__, (lit), "2025-06-01", (code), (path), 0)
#define EXPECT_ERROR_UNDER(lit, code, path) rs_expect_error_at(__LINE__, (lit), "2025-06-01", (code), (path), 1)
/* A standalone policy document must fail to parse so. */
void rs_expect_policy_error_at(int line, const char *lit, int code, const char *path);
#define EXPECT_POLICY_ERROR(lit, code, path) rs_expect_policy_error_at(__LINE__, (lit), (code), (path))

/* Two JSON texts must be equal as JSON values. */
void rs_expect_same_json_at(int line, const char *want, const char *got);
#define EXPECT_SAME_JSON(want, got) rs_expect_same_json_at(__LINE__, (want), (got))

#endif
