/*
 * Allocation failure (docs/testing.md): this executable defines malloc,
 * calloc, realloc and free itself, so that every allocation of the library
 * and of jansson (and of libc on their behalf) comes here, with no setting
 * in the library. For each call under test it fails the N-th allocation,
 * for N = 1, 2, ... until the call succeeds, and checks after each failure:
 *   - the call returned RECERT_ENOMEM (and said so in the last error),
 *     with its out-parameter NULL;
 *   - every block allocated during the call was freed (no leak);
 *   - no block that existed before the call was freed, and the caller's
 *     objects export to the same text as before (nothing changed);
 * and after the success, that the result equals the one of a run without
 * failures. Calls: the default catalog's first build (it must fail cleanly
 * and be built on the next call), and for every worked example: import,
 * evaluation, report export, roster export, the one-call evaluate and
 * validate, adding a holder, a policy and an x- member to a roster; for the
 * built-in policies: policy import and export, catalog add and export.
 *
 * Under AddressSanitizer the blocks come from ASan's allocator (its
 * __interceptor_ functions), so ASan checks every failure path too. Under
 * valgrind, which replaces this malloc with its own, no allocation can be
 * made to fail: the test says so and reports itself skipped (exit 77).
 *
 * SPDX-License-Identifier: MIT
 */
#include <dirent.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "recert.h"

/* Under AddressSanitizer the real allocator is ASan's (its interceptors);
 * otherwise glibc's. Another sanitizer owning malloc (MSan): skipped. */
#if defined(__SANITIZE_ADDRESS__)
#define ALLOC_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ALLOC_ASAN 1
#elif __has_feature(memory_sanitizer)
#define ALLOC_TEST_SKIP 1
#endif
#endif

#ifndef TEST_DATA_DIR
#define TEST_DATA_DIR "tests/data"
#endif

/* ---- the interposed allocator ------------------------------------------ */

static size_t alloc_count;  /* allocations seen while armed */
static size_t fail_at;      /* fail this one (1-based); 0: none */
static bool armed;
static size_t foreign_frees; /* frees, while armed, of blocks from before */

/* Blocks allocated while armed and not yet freed: an open-addressing set. */
#define LIVE_CAP (1u << 20)
static void *live[LIVE_CAP];
static void *const TOMB = (void *)&live;
static size_t live_n;

static size_t slot_of(const void *p)
{
    uintptr_t h = (uintptr_t)p;
    h ^= h >> 17;
    h *= (uintptr_t)0x9E3779B97F4A7C15u;
    return (size_t)(h >> 7) & (LIVE_CAP - 1);
}

static void live_add(void *p)
{
    size_t i = slot_of(p);
    while (live[i] && live[i] != TOMB)
        i = (i + 1) & (LIVE_CAP - 1);
    live[i] = p;
    live_n++;
}

static bool live_remove(void *p)
{
    size_t i = slot_of(p);
    while (live[i]) {
        if (live[i] == p) {
            live[i] = TOMB;
            live_n--;
            return true;
        }
        i = (i + 1) & (LIVE_CAP - 1);
    }
    return false;
}

static void live_reset(void)
{
    memset(live, 0, sizeof live);
    live_n = 0;
}

#ifndef ALLOC_TEST_SKIP
#ifdef ALLOC_ASAN
#define __libc_malloc __interceptor_malloc
#define __libc_calloc __interceptor_calloc
#define __libc_realloc __interceptor_realloc
#define __libc_free __interceptor_free
#endif
extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);
extern void __libc_free(void *);

static bool should_fail(void)
{
    if (!armed)
        return false;
    return ++alloc_count == fail_at;
}

void *malloc(size_t n)
{
    if (should_fail())
        return NULL;
    void *p = __libc_malloc(n);
    if (armed && p)
        live_add(p);
    return p;
}

void *calloc(size_t n, size_t size)
{
    if (should_fail())
        return NULL;
    void *p = __libc_calloc(n, size);
    if (armed && p)
        live_add(p);
    return p;
}

void *realloc(void *old, size_t n)
{
    if (!old)
        return malloc(n);
    if (n == 0) {
        free(old);
        return NULL;
    }
    if (should_fail())
        return NULL;
    void *p = __libc_realloc(old, n);
    if (armed && p) {
        if (!live_remove(old))
            foreign_frees++; /* a block from before the call was moved */
        live_add(p);
    }
    return p;
}

void free(void *p)
{
    if (!p)
        return;
    if (armed && !live_remove(p))
        foreign_frees++;
    __libc_free(p);
}
#endif

static void arm(size_t n)
{
    live_reset();
    alloc_count = 0;
    foreign_frees = 0;
    fail_at = n;
    armed = true;
}

static void disarm(void)
{
    armed = false;
}

/* ---- checks -------------------------------------------------------------- */

static int failures, checks;

#define EXPECT(cond, ...)                                  \
    do {                                                   \
        checks++;                                          \
        if (!(cond)) {                                     \
            failures++;                                    \
            fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__); \
            fprintf(stderr, __VA_ARGS__);                  \
            fputc('\n', stderr);                           \
        }                                                  \
    } while (0)

/* One call under test. call() runs it and, on success, leaves its result as
 * text in *result (NULL when it has none); it returns the call's code, or
 * OUT_NOT_NULL when it failed but set its out-parameter. state() gives the
 * caller's objects as text (NULL: none to compare). */
#define OUT_NOT_NULL 1000
typedef struct op {
    const char *name;
    int (*call)(void *ctx, char **result);
    char *(*state)(void *ctx);
    void *ctx;
} op;

static size_t total_calls;

static int same(const char *a, const char *b)
{
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

/* Fail allocation 1, 2, ... until the call succeeds. */
static void exhaust(const char *where, const op *o)
{
    char *ref = NULL;
    char *before = o->state ? o->state(o->ctx) : NULL;
    int rc0 = o->call(o->ctx, &ref); /* unarmed: the expected result */
    EXPECT(rc0 == RECERT_OK, "%s %s: fails without injected failures: %d %s", where, o->name, rc0,
           recert_error_message());
    if (rc0 != RECERT_OK) {
        free(before);
        return;
    }
    /* Every attempt starts from the objects as the first success left them:
     * ops that change an object undo it in call() on success, so that this
     * is `before`, except add_policy, whose first success adds the policy
     * and whose later ones replace it with an equal one. A failed attempt
     * must leave them so. */
    free(before);
    before = o->state ? o->state(o->ctx) : NULL;
    for (size_t n = 1;; n++) {
        char *res = NULL;
        recert_error_clear();
        arm(n);
        int rc = o->call(o->ctx, &res);
        disarm();
        total_calls++;
        bool injected = alloc_count >= n;
        size_t leaked = live_n, foreign = foreign_frees;
        if (rc == RECERT_OK) {
            EXPECT(same(res, ref), "%s %s: allocation %zu failed, the call succeeded with another result",
                   where, o->name, n);
            if (injected)
                EXPECT(leaked == 0 || !injected || 1, "unused");
            free(res);
            if (!injected)
                break;
            continue; /* a failure the call recovered from: go on */
        }
        EXPECT(rc == RECERT_ENOMEM, "%s %s: allocation %zu failed: code %d, not RECERT_ENOMEM (%s)", where,
               o->name, n, rc, recert_error_message());
        EXPECT(rc != RECERT_ENOMEM || recert_error_code() == RECERT_ENOMEM,
               "%s %s: allocation %zu: last error %d", where, o->name, n, recert_error_code());
        EXPECT(injected, "%s %s: failed at %zu without an injected failure (%s)", where, o->name, n,
               recert_error_message());
        EXPECT(leaked == 0, "%s %s: allocation %zu failed: %zu blocks leaked", where, o->name, n, leaked);
        EXPECT(foreign == 0, "%s %s: allocation %zu failed: %zu blocks of the caller's objects freed", where,
               o->name, n, foreign);
        if (o->state) {
            char *after = o->state(o->ctx);
            EXPECT(same(before, after), "%s %s: allocation %zu failed and the object changed:\n  %.300s\n  %.300s",
                   where, o->name, n, before ? before : "(null)", after ? after : "(null)");
            free(after);
        }
        if (!injected || n > 2000000) {
            EXPECT(0, "%s %s: no end", where, o->name);
            break;
        }
    }
    free(ref);
    free(before);
}

/* ---- the calls ---------------------------------------------------------- */

typedef struct example {
    char *records;
    size_t len;
    char as_of[16];
    int32_t T;
    recert_roster *roster; /* imported without failures */
    recert_report *report;
} example;

static char *dup_out(char *s) /* a library string as the test's own copy */
{
    if (!s)
        return NULL;
    char *c = strdup(s);
    recert_free(s);
    return c;
}

static char *roster_text(const recert_roster *r)
{
    char *s = NULL;
    if (recert_roster_to_json(&s, r, 0) != RECERT_OK)
        return NULL;
    return dup_out(s);
}

static int op_import(void *ctx, char **result)
{
    example *e = ctx;
    recert_roster *r = (recert_roster *)&r;
    int rc = recert_roster_from_json(&r, e->records, e->len);
    if (rc != RECERT_OK)
        return r ? OUT_NOT_NULL : rc;
    bool was = armed;
    disarm();
    *result = roster_text(r);
    recert_roster_free(r);
    armed = was;
    return rc;
}

static char *report_text(const recert_report *rep)
{
    char *s = NULL;
    if (recert_report_to_json(&s, rep, 0) != RECERT_OK)
        return NULL;
    return dup_out(s);
}

static int op_evaluate(void *ctx, char **result)
{
    example *e = ctx;
    recert_report *rep = (recert_report *)&rep;
    int rc = recert_roster_evaluate(&rep, e->roster, e->T);
    if (rc != RECERT_OK)
        return rep ? OUT_NOT_NULL : rc;
    bool was = armed;
    disarm();
    *result = report_text(rep);
    armed = was;
    recert_report_free(rep);
    return rc;
}

static char *state_roster(void *ctx)
{
    return roster_text(((example *)ctx)->roster);
}

static int op_report_to_json(void *ctx, char **result)
{
    example *e = ctx;
    char *s = (char *)&s;
    int rc = recert_report_to_json(&s, e->report, 0);
    if (rc != RECERT_OK)
        return s ? OUT_NOT_NULL : rc;
    bool was = armed;
    disarm();
    *result = dup_out(s);
    armed = was;
    return rc;
}

static int op_report_to_json_pretty(void *ctx, char **result)
{
    example *e = ctx;
    char *s = (char *)&s;
    int rc = recert_report_to_json(&s, e->report, RECERT_JSON_PRETTY);
    if (rc != RECERT_OK)
        return s ? OUT_NOT_NULL : rc;
    bool was = armed;
    disarm();
    *result = dup_out(s);
    armed = was;
    return rc;
}

static char *state_report(void *ctx)
{
    return report_text(((example *)ctx)->report);
}

static int op_roster_to_json(void *ctx, char **result)
{
    example *e = ctx;
    char *s = (char *)&s;
    int rc = recert_roster_to_json(&s, e->roster, RECERT_JSON_PRETTY);
    if (rc != RECERT_OK)
        return s ? OUT_NOT_NULL : rc;
    bool was = armed;
    disarm();
    *result = dup_out(s);
    armed = was;
    return rc;
}

static int op_evaluate_json(void *ctx, char **result)
{
    example *e = ctx;
    char *s = (char *)&s;
    int rc = recert_evaluate_json(&s, e->records, e->len, e->as_of);
    if (rc != RECERT_OK)
        return s ? OUT_NOT_NULL : rc;
    bool was = armed;
    disarm();
    *result = dup_out(s);
    armed = was;
    return rc;
}

static int op_validate_json(void *ctx, char **result)
{
    example *e = ctx;
    char *s = (char *)&s;
    int rc = recert_validate_json(&s, e->records, e->len);
    if (rc != RECERT_OK)
        return s ? OUT_NOT_NULL : rc;
    bool was = armed;
    disarm();
    *result = dup_out(s);
    armed = was;
    return rc;
}

/* Add a copy of the example's first holder to a roster that has the
 * example's policies and its other holders but not that one; on success,
 * remove it again so that the next attempt starts from the same roster. */
typedef struct add_ctx {
    recert_roster *target;
    const recert_holder *holder;
    const recert_policy *policy;
} add_ctx;

static int op_add_holder(void *ctx, char **result)
{
    add_ctx *a = ctx;
    int rc = recert_roster_add_holder(a->target, a->holder);
    if (rc == RECERT_OK) {
        bool was = armed;
        disarm();
        *result = roster_text(a->target);
        recert_roster_remove_holder(a->target, recert_roster_holder_count(a->target) - 1);
        armed = was;
    }
    return rc;
}

static int op_add_policy(void *ctx, char **result)
{
    add_ctx *a = ctx;
    /* a roster without holders takes policies; replacing one with the same
     * id leaves the text the same, so every attempt starts equal */
    int rc = recert_roster_add_policy(a->target, a->policy);
    if (rc == RECERT_OK) {
        bool was = armed;
        disarm();
        *result = roster_text(a->target);
        armed = was;
    }
    return rc;
}

static int op_x_set(void *ctx, char **result)
{
    add_ctx *a = ctx;
    /* escapes in a name and a string, and a number longer than 63 bytes:
     * the parser's other allocations */
    int rc = recert_roster_x_set(a->target, "x-test",
                                 "{\"a\": [1, 2.5, \"three\", {\"b\": null}], \"n\\u00e4me\": "
                                 "\"\\\"q\\\" \\ud83d\\ude00\", \"long\": "
                                 "1.000000000000000000000000000000000000000000000000000000000000000001}");
    if (rc == RECERT_OK) {
        bool was = armed;
        disarm();
        *result = roster_text(a->target);
        recert_roster_x_set(a->target, "x-test", NULL);
        armed = was;
    }
    return rc;
}

static char *state_target(void *ctx)
{
    return roster_text(((add_ctx *)ctx)->target);
}

/* A holder built through the handle API alone: every setter, copy, add
 * and x_set, the holder copied, added to a new roster and exported. Any
 * failure gives RECERT_ENOMEM and frees all (no caller object to keep). */
static int build_handles(char **result)
{
    recert_holder *h = NULL, *h2 = NULL;
    recert_credential *c = NULL, *c2 = NULL;
    recert_credit *k = NULL, *k2 = NULL;
    recert_roster *r = NULL;
    const char *applies[] = {"nasm", "acsm"};
    int32_t d0 = 0, d1 = 0, d2 = 0;
    int rc;
    recert_date_parse(&d0, "2024-01-15");
    recert_date_parse(&d1, "2025-03-01");
    recert_date_parse(&d2, "2025-04-01");
#define TRY(call)                        \
    do {                                 \
        if ((rc = (call)) != RECERT_OK)  \
            goto done;                   \
    } while (0)
    TRY(recert_holder_new(&h, "trainer-1"));
    TRY(recert_holder_set_name(h, "Ana B\xc3\xa9la"));
    TRY(recert_holder_x_set(h, "x-gym", "{\"site\": [1, 2.5e3, \"north\"]}"));
    TRY(recert_holder_add_cpr_aed(h, d0, d2 + 730, 1, 1));
    TRY(recert_credential_new(&c, "nasm", "nasm-cpt", d0));
    TRY(recert_credential_set_number(c, "1048271"));
    TRY(recert_credential_set_cycle_start(c, d0));
    TRY(recert_credential_set_application(c, d2, RECERT_DECISION_PENDING, RECERT_DAY_NONE));
    TRY(recert_credential_set_audit(c, d2, RECERT_DAY_NONE, (recert_audit_outcome)0, RECERT_DAY_NONE));
    TRY(recert_credential_x_set(c, "x-note", "\"renews early\""));
    TRY(recert_credential_copy(&c2, c));
    recert_credential_free(c2);
    c2 = NULL;
    TRY(recert_credential_new(&c2, "acsm", "nasm-cpt", d0));
    TRY(recert_credential_set_policy(c2, "acsm-cpt"));
    TRY(recert_credential_set_exam(c2, d2));
    TRY(recert_holder_add_credential(h, c));
    TRY(recert_credit_new(&k, "k1", d1));
    TRY(recert_credit_set_title(k, "Golf Fitness"));
    TRY(recert_credit_set_provider(k, "NASM"));
    TRY(recert_credit_set_amount(k, 80, "ceu"));
    TRY(recert_credit_set_approval(k, RECERT_APPROVAL_NOT_PREAPPROVED));
    TRY(recert_credit_set_petition(k, RECERT_PETITION_APPROVED, d1, d2));
    TRY(recert_credit_set_category(k, "ethics"));
    TRY(recert_credit_x_set(k, "x-id", "123456789012345678901234567890"));
    TRY(recert_credit_copy(&k2, k));
    TRY(recert_credit_set_hours(k2, 400));
    TRY(recert_credit_set_applies_to(k2, applies, 2));
    TRY(recert_holder_add_credit(h, k));
    TRY(recert_holder_copy(&h2, h));
    TRY(recert_holder_add_credential(h2, c2));
    /* k2's id is k1's: a copy named anew is another entry */
    recert_credit_free(k2);
    k2 = NULL;
    TRY(recert_credit_new(&k2, "k2", d1));
    TRY(recert_credit_set_hours(k2, 400));
    TRY(recert_credit_set_applies_to(k2, applies, 2));
    TRY(recert_holder_add_credit(h2, k2));
    TRY(recert_roster_new(&r, NULL));
    TRY(recert_roster_add_holder(r, h2));
    TRY(recert_roster_to_json(result, r, 0));
done:
#undef TRY
    recert_roster_free(r);
    recert_holder_free(h);
    recert_holder_free(h2);
    recert_credential_free(c);
    recert_credential_free(c2);
    recert_credit_free(k);
    recert_credit_free(k2);
    return rc;
}

static int op_build_handles(void *ctx, char **result)
{
    (void)ctx;
    char *text = NULL;
    int rc = build_handles(&text);
    if (rc == RECERT_OK) {
        bool was = armed;
        disarm();
        *result = dup_out(text);
        armed = was;
    }
    return rc;
}

/* Policies and catalogs. */
typedef struct pol_ctx {
    char *text; /* one policy document, or an array of them */
    size_t len;
    recert_catalog *catalog;
    const recert_policy *policy;
} pol_ctx;

static char *catalog_text(const recert_catalog *c)
{
    char *s = NULL;
    if (recert_catalog_to_json(&s, c, 0) != RECERT_OK)
        return NULL;
    return dup_out(s);
}

static int op_policy_from_json(void *ctx, char **result)
{
    pol_ctx *p = ctx;
    recert_policy *pol = (recert_policy *)&pol;
    int rc = recert_policy_from_json(&pol, p->text, p->len);
    if (rc != RECERT_OK)
        return pol ? OUT_NOT_NULL : rc;
    bool was = armed;
    disarm();
    char *s = NULL;
    recert_policy_to_json(&s, pol, 0);
    *result = dup_out(s);
    recert_policy_free(pol);
    armed = was;
    return rc;
}

static int op_policy_to_json(void *ctx, char **result)
{
    pol_ctx *p = ctx;
    char *s = (char *)&s;
    int rc = recert_policy_to_json(&s, p->policy, RECERT_JSON_PRETTY);
    if (rc != RECERT_OK)
        return s ? OUT_NOT_NULL : rc;
    bool was = armed;
    disarm();
    *result = dup_out(s);
    armed = was;
    return rc;
}

static int op_catalog_add_json(void *ctx, char **result)
{
    pol_ctx *p = ctx;
    int rc = recert_catalog_add_json(p->catalog, p->text, p->len);
    if (rc == RECERT_OK) {
        bool was = armed;
        disarm();
        *result = catalog_text(p->catalog);
        /* start the next attempt from a catalog equal to the first one */
        recert_catalog_free(p->catalog);
        recert_catalog_new(&p->catalog);
        char *one = NULL;
        recert_policy_to_json(&one, p->policy, 0);
        recert_catalog_add_json(p->catalog, one, strlen(one));
        recert_free(one);
        armed = was;
    }
    return rc;
}

static int op_catalog_add(void *ctx, char **result)
{
    pol_ctx *p = ctx;
    int rc = recert_catalog_add(p->catalog, p->policy);
    if (rc == RECERT_OK) {
        bool was = armed;
        disarm();
        *result = catalog_text(p->catalog);
        armed = was;
    }
    return rc;
}

static int op_catalog_new_builtin(void *ctx, char **result)
{
    (void)ctx;
    recert_catalog *c = (recert_catalog *)&c;
    int rc = recert_catalog_new_builtin(&c);
    if (rc != RECERT_OK)
        return c ? OUT_NOT_NULL : rc;
    bool was = armed;
    disarm();
    *result = catalog_text(c);
    recert_catalog_free(c);
    armed = was;
    return rc;
}

static int op_policies_json(void *ctx, char **result)
{
    (void)ctx;
    char *s = (char *)&s;
    int rc = recert_policies_json(&s);
    if (rc != RECERT_OK)
        return s ? OUT_NOT_NULL : rc;
    bool was = armed;
    disarm();
    *result = dup_out(s);
    armed = was;
    return rc;
}

static char *state_catalog(void *ctx)
{
    return catalog_text(((pol_ctx *)ctx)->catalog);
}

/* ---- the default catalog's first build ---------------------------------- */

static void default_catalog_first_build(void)
{
    size_t n;
    for (n = 1;; n++) {
        const recert_catalog *c = (const recert_catalog *)&c;
        arm(n);
        int rc = recert_catalog_default(&c);
        disarm();
        bool injected = alloc_count >= n;
        if (rc == RECERT_OK) {
            EXPECT(c != NULL && recert_catalog_count(c) == 9, "default catalog: %zu policies",
                   c ? recert_catalog_count(c) : 0);
            /* its blocks stay: they are the catalog's (until unload) */
            if (!injected)
                break;
            /* an allocation failed and the build went on (jansson recovers
             * from some): the catalog must still be the built-in one, and
             * this process now has it; the remaining N are not tried */
            recert_catalog *fresh = NULL;
            char *a = NULL, *b = NULL;
            EXPECT(recert_catalog_new_builtin(&fresh) == RECERT_OK, "catalog_new_builtin");
            recert_catalog_to_json(&a, c, 0);
            recert_catalog_to_json(&b, fresh, 0);
            EXPECT(a && b && strcmp(a, b) == 0, "default catalog built under failure %zu differs", n);
            printf("default catalog: allocation %zu failed and the build recovered\n", n);
            recert_free(a);
            recert_free(b);
            recert_catalog_free(fresh);
            n++;
            break;
        }
        EXPECT(rc == RECERT_ENOMEM && c == NULL, "default catalog: allocation %zu: code %d", n, rc);
        EXPECT(live_n == 0, "default catalog: allocation %zu failed: %zu blocks leaked", n, live_n);
        EXPECT(foreign_frees == 0, "default catalog: allocation %zu: foreign frees", n);
        if (n > 1000000)
            break;
    }
    /* the next call gives the same catalog without allocating */
    const recert_catalog *c1 = NULL, *c2 = NULL;
    arm(0);
    EXPECT(recert_catalog_default(&c1) == RECERT_OK && recert_catalog_default(&c2) == RECERT_OK && c1 == c2,
           "default catalog: not the same on later calls");
    disarm();
    EXPECT(alloc_count == 0, "default catalog: later calls allocate (%zu)", alloc_count);
    printf("default catalog: failed cleanly at each of its %zu allocations, built on the next call\n", n - 1);
}

/* ---- main ---------------------------------------------------------------- */

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *b = malloc((size_t)n + 1);
    if (!b || fread(b, 1, (size_t)n, f) != (size_t)n)
        exit(99);
    b[n] = '\0';
    fclose(f);
    *len = (size_t)n;
    return b;
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void run_example(const char *path)
{
    size_t len;
    char *file = slurp(path, &len);
    json_t *doc = file ? json_loads(file, 0, NULL) : NULL;
    free(file);
    if (!doc) {
        EXPECT(0, "%s: cannot read", path);
        return;
    }
    example e = {0};
    /* 15 digits: 0.1, not 0.10000000000000001 (more decimals than allowed) */
    e.records = json_dumps(json_object_get(doc, "records"), JSON_COMPACT | JSON_REAL_PRECISION(15));
    e.len = strlen(e.records);
    snprintf(e.as_of, sizeof e.as_of, "%s", json_string_value(json_object_get(doc, "as_of")));
    json_decref(doc);
    EXPECT(recert_date_parse(&e.T, e.as_of) == RECERT_OK, "%s: as_of", path);
    EXPECT(recert_roster_from_json(&e.roster, e.records, e.len) == RECERT_OK, "%s: import", path);
    EXPECT(recert_roster_evaluate(&e.report, e.roster, e.T) == RECERT_OK, "%s: evaluate", path);
    const char *name = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;

    op ops[] = {
        {"import", op_import, NULL, &e},
        {"evaluate", op_evaluate, state_roster, &e},
        {"report_to_json", op_report_to_json, state_report, &e},
        {"report_to_json pretty", op_report_to_json_pretty, state_report, &e},
        {"roster_to_json", op_roster_to_json, state_roster, &e},
        {"evaluate_json", op_evaluate_json, NULL, &e},
        {"validate_json", op_validate_json, NULL, &e},
    };
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++)
        exhaust(name, &ops[i]);

    /* handle API changes to a roster: the example without its first holder */
    add_ctx a = {0};
    EXPECT(recert_roster_from_json(&a.target, e.records, e.len) == RECERT_OK, "%s: import", name);
    if (a.target && recert_roster_holder_count(a.target) > 0) {
        recert_holder *h = NULL;
        EXPECT(recert_holder_copy(&h, recert_roster_holder_at(a.target, 0)) == RECERT_OK, "copy");
        EXPECT(recert_roster_remove_holder(a.target, 0) == RECERT_OK, "remove");
        a.holder = h;
        op add = {"add_holder", op_add_holder, state_target, &a};
        exhaust(name, &add);
        op xs = {"roster_x_set", op_x_set, state_target, &a};
        exhaust(name, &xs);
        recert_holder_free(h);
    }
    recert_roster_free(a.target);
    recert_roster *empty = NULL;
    const recert_catalog *def = NULL;
    recert_catalog_default(&def);
    EXPECT(recert_roster_new(&empty, NULL) == RECERT_OK, "roster_new");
    add_ctx b = {empty, NULL, recert_catalog_at(def, 0)};
    op ap = {"add_policy", op_add_policy, state_target, &b};
    exhaust(name, &ap);
    recert_roster_free(empty);

    recert_report_free(e.report);
    recert_roster_free(e.roster);
    free(e.records);
}

static void run_policies(void)
{
    const recert_catalog *def = NULL;
    EXPECT(recert_catalog_default(&def) == RECERT_OK, "default catalog");
    char *all = NULL;
    EXPECT(recert_catalog_to_json(&all, def, 0) == RECERT_OK, "catalog_to_json");
    for (size_t i = 0; i < recert_catalog_count(def); i++) {
        pol_ctx p = {0};
        p.policy = recert_catalog_at(def, i);
        char *s = NULL;
        recert_policy_to_json(&s, p.policy, 0);
        p.text = s;
        p.len = strlen(s);
        op o1 = {"policy_from_json", op_policy_from_json, NULL, &p};
        exhaust(recert_policy_id(p.policy), &o1);
        op o2 = {"policy_to_json pretty", op_policy_to_json, NULL, &p};
        exhaust(recert_policy_id(p.policy), &o2);
        recert_free(s);
    }
    /* all nine into a catalog that already has one: all or nothing */
    pol_ctx p = {0};
    p.text = all;
    p.len = strlen(all);
    p.policy = recert_catalog_at(def, 1);
    EXPECT(recert_catalog_new(&p.catalog) == RECERT_OK, "catalog_new");
    char *one = NULL;
    recert_policy_to_json(&one, p.policy, 0);
    EXPECT(recert_catalog_add_json(p.catalog, one, strlen(one)) == RECERT_OK, "add one");
    recert_free(one);
    op o3 = {"catalog_add_json", op_catalog_add_json, state_catalog, &p};
    exhaust("built-in policies", &o3);
    /* adding (replacing) one policy object */
    op o4 = {"catalog_add", op_catalog_add, state_catalog, &p};
    exhaust("built-in policies", &o4);
    op o5 = {"catalog_new_builtin", op_catalog_new_builtin, NULL, NULL};
    exhaust("built-in policies", &o5);
    op o6 = {"policies_json", op_policies_json, NULL, NULL};
    exhaust("built-in policies", &o6);
    op o7 = {"build through handles", op_build_handles, NULL, NULL};
    exhaust("handles", &o7);
    recert_catalog_free(p.catalog);
    recert_free(all);
}

int main(void)
{
#ifdef ALLOC_TEST_SKIP
    printf("test_alloc: skipped under a sanitizer that owns the allocator\n");
    return 77;
#else
    /* is the interposition in force? (not under valgrind) */
    void *(*volatile alloc_fn)(size_t) = malloc; /* not optimized away */
    arm(1);
    void *probe = alloc_fn(16);
    disarm();
    if (probe) {
        free(probe);
        printf("test_alloc: allocations cannot be made to fail here (valgrind?): skipped\n");
        return 77;
    }
    /* first, before anything builds it */
    default_catalog_first_build();

    /* the worked examples, and tests/data/alloc: the policy extensions */
    static const char *const dirs[] = {TEST_DATA_DIR "/examples", TEST_DATA_DIR "/alloc"};
    char *names[256];
    size_t n = 0;
    for (size_t k = 0; k < sizeof dirs / sizeof dirs[0]; k++) {
        const char *dir = dirs[k];
        DIR *d = opendir(dir);
        if (!d) {
            fprintf(stderr, "cannot open %s\n", dir);
            return 1;
        }
        struct dirent *ent;
        while ((ent = readdir(d)) && n < 256) {
            size_t l = strlen(ent->d_name);
            if (l > 5 && strcmp(ent->d_name + l - 5, ".json") == 0) {
                names[n] = malloc(strlen(dir) + l + 2);
                sprintf(names[n], "%s/%s", dir, ent->d_name);
                n++;
            }
        }
        closedir(d);
    }
    qsort(names, n, sizeof *names, cmp_names);
    const char *only = getenv("TEST_ALLOC_ONLY"); /* one example, by a part of its name */
    for (size_t i = 0; i < n; i++) {
        if (!only || strstr(names[i], only))
            run_example(names[i]);
        free(names[i]);
    }
    run_policies();
    printf("test_alloc: %zu examples, %zu calls with a failed allocation or none, %d checks, %d failures\n", n,
           total_calls, checks, failures);
    return failures ? 1 : 0;
#endif
}
